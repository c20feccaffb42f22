"""mkdocs.yml's settings in a share: the texts and file addresses the theme shows on
every page, without the names the share hides.

The theme prints the site name and description, the author, the copyright line and
`extra` (social links' names and addresses) on every page, and links the logo,
favicon, `extra_css` and `extra_javascript` by their paths: all of them go through
the share's one decision (`privacy.Privacy`), as its titles, finder and addresses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from typing import Any
from urllib.parse import unquote

from generator.share.fields import map_strings

_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)

Change = Callable[[str], str]


def shared_settings(
    config: MutableMapping[str, Any], title: Change, finds: Callable[[str], bool], address: Change
) -> None:
    """Change `config` (MkDocs' or mkdocs.yml as data) in place: texts through `title`,
    docs files at their share `address`, and no address that `finds` a hidden name in
    (a repository, edit or site address, a link of `extra`)."""

    def setting(value: str) -> str:
        if _EXTERNAL.match(value) and finds(unquote(value)):
            return ""  # an address naming someone: no address
        return title(value)

    def asset(path: str) -> str:
        if _EXTERNAL.match(path) or path.startswith("/"):
            return "" if finds(unquote(path)) else path
        return address(path)

    for name in ("site_name", "site_description", "site_author", "copyright"):
        if isinstance(config.get(name), str):
            config[name] = title(config[name])
    for name in ("site_url", "repo_url", "repo_name", "edit_uri"):
        value = config.get(name)
        if isinstance(value, str) and finds(unquote(value)):
            config[name] = None
    if config.get("extra"):
        for key, value in list(config["extra"].items()):
            config["extra"][key] = map_strings(value, setting)
    config["extra_css"] = [asset(str(path)) for path in config.get("extra_css") or []]
    for index, script in enumerate(config.get("extra_javascript") or []):
        if isinstance(script, str):
            config["extra_javascript"][index] = asset(script)
        elif isinstance(script, dict) and isinstance(script.get("path"), str):
            script["path"] = asset(script["path"])
        elif isinstance(getattr(script, "path", None), str):
            script.path = asset(script.path)
    theme = config.get("theme")
    if isinstance(theme, MutableMapping):
        for name in ("logo", "favicon"):
            if isinstance(theme.get(name), str):
                theme[name] = asset(theme[name])
