"""`debrief publish`: the share edition pushed to a branch of the notebook's git repository."""

from __future__ import annotations

import contextlib
import re
import subprocess
from pathlib import Path

from ghp_import import GhpError, ghp_import

_GITHUB = re.compile(
    r"^(?:(?:https?|ssh|git)://(?:[^@/]+@)?github\.com(?::\d+)?/|[^@/\s]+@github\.com:)"
    r"(?P<user>[A-Za-z0-9-]+)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$"
)


class PublishError(Exception):
    """Publishing failed: shown to the user as is."""


def pages_address(remote_url: str) -> str | None:
    """The GitHub Pages address of a github.com remote, else None."""
    match = _GITHUB.match(remote_url.strip())
    if match is None:
        return None
    user, repo = match.group("user").lower(), match.group("repo")
    if repo.lower() == f"{user}.github.io":
        return f"https://{user}.github.io/"
    return f"https://{user}.github.io/{repo}/"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
    )


def repository_problem(root: Path) -> str | None:
    try:
        result = _git(root, "rev-parse", "--git-dir")
    except OSError:
        return "git is not installed; publish pushes the share with git"
    if result.returncode != 0:
        return (
            f"{root} is not a git repository; publish pushes the share to a branch of the "
            "notebook's repository (git init, then git remote add origin URL)"
        )
    return None


def remote_url(root: Path, remote: str) -> str | None:
    """The remote's URL as configured (`git remote get-url` would apply insteadOf)."""
    result = _git(root, "config", "--get", f"remote.{remote}.url")
    return result.stdout.strip() if result.returncode == 0 else None


# What git takes for a URL: scheme://..., or scp-like [user@]host:path.
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|[^/:\s]+:)")


def push_target(root: Path, remote: str) -> tuple[str, str] | None:
    """(what to give `git push`, the URL it goes to) for `remote` as `git push` takes it:
    a configured remote's name, a path or a URL. A path is made absolute, since the push
    runs in the notebook's folder. None: neither a remote of `root` nor a path nor a URL."""
    url = remote_url(root, remote)
    if url is not None:
        return remote, url
    path = Path(remote).expanduser()
    if path.exists():
        return str(path.resolve()), str(path.resolve())
    if _URL.match(remote):
        return remote, remote
    return None


def push(site: Path, root: Path, *, remote: str, branch: str, message: str) -> None:
    """Commit `site` as the only content of `branch`, without history, and force-push it.

    Without history, a page or a name taken out of the share is gone from the branch
    too, not kept in an older commit of it.
    """
    with contextlib.chdir(root):
        try:
            ghp_import(
                str(site),
                mesg=message,
                remote=remote,
                branch=branch,
                push=True,
                force=True,
                no_history=True,
                nojekyll=True,
            )
        except GhpError as error:
            raise PublishError(f"git: {error.message}") from None
        except subprocess.CalledProcessError as error:
            raise PublishError(
                f"git push to '{remote}' failed (exit {error.returncode}): see git's message above"
            ) from None
