"""`debrief share` and `debrief publish`: the edition for a mentor, checked for leaks."""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click

from generator.cli.common import config_option, resolve_today, today_option, use_color
from generator.cli.site import config_path, run_build, shown_folder
from generator.render.words import plural

PASSPHRASE_ENV = "DEBRIEF_SHARE_PASSPHRASE"
encrypt_option = click.option(
    "--encrypt",
    is_flag=True,
    help=f"Lock every page with a passphrase (asked twice, or ${PASSPHRASE_ENV}).",
)


@dataclass
class Edition:
    path: Path
    shown: str  # the folder as printed: site-share/
    locked: bool


def _passphrase() -> str:
    # lazy: `debrief --help` imports none of this
    from generator.share.lock import passphrase_problem

    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        problem = passphrase_problem(value)
        if problem:
            raise click.UsageError(f"{PASSPHRASE_ENV}: {problem}")
        return value

    if not has_terminal():
        # getpass would warn (GetPassWarning) and read the passphrase with echo on.
        raise click.UsageError(
            f"--encrypt needs a passphrase: there is no terminal to ask for it, "
            f"so set {PASSPHRASE_ENV}"
        )

    def check(text: str) -> str:
        problem = passphrase_problem(text)
        if problem:
            raise click.UsageError(problem)
        return text

    try:
        passphrase: str = click.prompt(
            "Passphrase for the share",
            hide_input=True,
            confirmation_prompt=True,
            value_proc=check,
            err=True,
        )
    except click.Abort:
        raise click.UsageError(
            f"no passphrase given: type it at the prompt, or set {PASSPHRASE_ENV}"
        ) from None
    return passphrase


def has_terminal() -> bool:
    """Whether a passphrase can be asked without echo: getpass reads the controlling
    terminal (/dev/tty; the console on Windows), whatever stdin is."""
    if os.name == "nt":
        return sys.stdin.isatty()
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return False
    os.close(fd)
    return True


def build_edition(
    config_file: Path | None,
    *,
    encrypt: bool,
    strict: bool,
    today: datetime | None,
    show_report: bool = False,
) -> Edition:
    """Build the share edition in a temporary folder, check it, and swap it into the share's
    folder; when anything leaks, nothing is written there (exit 1)."""
    # lazy: `debrief --help` imports none of this

    from generator.cli.common import load_settings, report
    from generator.plugin.run import RunOptions
    from generator.share.edition import check_output, settings_problems, share_dir
    from generator.share.folder import (
        FolderRefused,
        discard,
        folder_problem,
        mark,
        remove_share,
        swap_in,
        temporary_folder,
    )
    from generator.share.leaks import leak_diagnostics
    from generator.share.lock import Lock
    from generator.share.report import format_report

    path = config_path(config_file)
    settings = load_settings(path)
    problems = settings_problems(settings)
    if problems:
        raise click.UsageError(f"{path}: debrief plugin options: " + "; ".join(problems))
    out = share_dir(settings)
    shown = shown_folder(out)
    problem = folder_problem(out, shown)
    if problem:
        raise click.UsageError(f"share: {problem}")
    if today is not None:
        os.environ["DEBRIEF_TODAY"] = resolve_today(today).isoformat()
    lock = Lock.from_passphrase(_passphrase()) if encrypt else None
    started = time.perf_counter()
    building = temporary_folder(out)
    try:
        options = RunOptions(audience="share", strict=strict, lock=lock)
        config, built, _seconds = run_build(path, options, site_dir=str(building))
        assert built.privacy is not None  # a share always decides
        if show_report:
            click.echo(format_report(built.privacy), nl=False)
        mark(building)
        leaks, sources = check_output(
            settings,
            building,
            privacy=built.privacy,
            theme_dirs=list(config.theme.dirs),
            theme={key: config.theme[key] for key in config.theme},
            locked=lock is not None,
        )
        files = sum(1 for p in building.rglob("*") if p.is_file())
        if leaks:
            discard(building)
            diagnostics = leak_diagnostics(leaks, shown, sources)
            report(diagnostics, err=True)
            # An earlier share there is removed too: an outdated copy is not sent by mistake.
            outcome = (
                f"{shown} was removed so that nothing leaks"
                if remove_share(out)
                else f"nothing was written to {shown}"
            )
            raise click.ClickException(
                f"share: {plural(len(diagnostics), 'leak')} found; {outcome}"
            )
        swap_in(building, out, shown)
    except FolderRefused as error:
        discard(building)
        raise click.UsageError(f"share: {error}") from None
    except BaseException:
        discard(building)  # never leave a share that was not checked
        raise
    seconds = time.perf_counter() - started
    for source, _target, reason in built.dropped:
        click.echo(f"share: left out {shown_folder(source).rstrip('/')}: {reason}", err=True)
    line = (
        f"Shared {built.entry_count} of {plural(built.file_count, 'entry', 'entries')}"
        f" into {plural(built.page_count, 'locked page' if lock else 'page')} in {shown}: "
        f"{plural(built.warnings, 'warning')}, "
        f"no leaks in {plural(files, 'file')}, {seconds:.1f} s"
    )
    click.echo(click.style(line, fg="green") if use_color(sys.stderr) else line, err=True)
    return Edition(out, shown, lock is not None)


@click.command()
@encrypt_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--report",
    is_flag=True,
    help="Print, per entry, what the share left out or replaced (names with their counts).",
)
@config_option
@today_option
def share(
    encrypt: bool, strict: bool, report: bool, config_file: Path | None, today: datetime | None
) -> None:
    """Build the read-only edition for a mentor into site-share/, and check it for leaks.

    Private entries, redacted fields, <!-- private --> blocks and HTML comments are
    left out, and the names of redacted people become [interviewer] or [mentor]
    wherever the share shows text; attachments are scrubbed; --report lists it all,
    entry by entry. If any of it is found in the output, nothing is written (exit 1).
    Only an absent, empty or earlier share's folder is replaced.
    """
    build_edition(config_file, encrypt=encrypt, strict=strict, today=today, show_report=report)


@click.command()
@click.option(
    "--remote",
    default="origin",
    show_default=True,
    help="Where to push: a git remote's name, a URL or a path, as git push takes them.",
)
@click.option("--branch", default="gh-pages", show_default=True, help="The branch to publish.")
@encrypt_option
@click.option(
    "-m",
    "--message",
    default="Update the shared notebook",
    show_default=True,
    help="The commit message on the branch.",
)
@config_option
@today_option
def publish(
    remote: str,
    branch: str,
    encrypt: bool,
    message: str,
    config_file: Path | None,
    today: datetime | None,
) -> None:
    """Build the share edition and push it to a branch (GitHub Pages); never site/.

    The branch holds the last share only, without history. Nothing is pushed when
    the share's leak check fails.
    """
    # lazy: `debrief --help` imports none of this
    from generator.cli.common import load_settings
    from generator.share.publish import (
        PublishError,
        pages_address,
        push,
        push_target,
        repository_problem,
    )

    root = load_settings(config_path(config_file)).root
    problem = repository_problem(root)
    if problem:
        raise click.ClickException(f"publish: {problem}")
    target = push_target(root, remote)
    if target is None and re.search(r"[/\\]|^[.~]", remote):  # meant as a path
        raise click.UsageError(
            f"no such path: {remote}; make a repository there with "
            f"'git init --bare {remote}', or pass --remote a remote's name or a URL"
        )
    if target is None:
        raise click.UsageError(
            f"no git remote '{remote}' in {root}, and no such path: add one with "
            f"'git remote add {remote} URL', or pass --remote a remote's name, a URL or a path"
        )
    pushed, url = target
    edition = build_edition(config_file, encrypt=encrypt, strict=False, today=today)
    try:
        push(edition.path, root, remote=pushed, branch=branch, message=message)
    except PublishError as error:
        raise click.ClickException(
            f"publish: {error}; the share is still in {edition.shown}"
        ) from None
    shown_url = re.sub(r"//[^/@]+@", "//", url)  # never print a token kept in the URL
    where = f"{remote} ({shown_url})" if pushed != url else shown_url
    click.echo(f"Published {edition.shown} to branch {branch} of {where}.")
    address = pages_address(url)
    passphrase = " and, by another channel, the passphrase" if edition.locked else ""
    if address:
        click.echo(
            f"Send your mentor {address}{passphrase} "
            f"(once GitHub Pages serves the {branch} branch)."
        )
    else:
        click.echo(
            f"Serve that branch as a static site and send your mentor its address{passphrase}."
        )
