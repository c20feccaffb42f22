"""Read the notebook's settings from mkdocs.yml, the way MkDocs reads it.

The schema is a MkDocs `Config` class so that the plugin validates exactly what
the CLI reads; `settings_from` turns it into the plain `Settings` the core takes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs import exceptions
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.utils.yaml import yaml_load

from generator.settings import DEFAULT_REDACT, DrillSettings, Settings, ShareSettings


class ShareConfig(base.Config):
    site_dir = c.Type(str, default="site-share")
    redact = c.ListOfItems(c.Type(str), default=list(DEFAULT_REDACT))
    anonymize = c.ListOfItems(c.Type(str), default=[])


class _Retention(c.Type):  # type: ignore[type-arg]
    """A desired retention: the share of cards recalled when due, strictly between 0 and 1."""

    def __init__(self) -> None:
        super().__init__((int, float), default=0.9)

    def run_validation(self, value: object) -> float:
        number = float(super().run_validation(value))
        if isinstance(value, bool) or not 0 < number < 1:
            raise base.ValidationError(
                "expected a number between 0 and 1 (0.9: nine cards in ten recalled),"
                f" got {value!r}"
            )
        return number


class DrillConfig(base.Config):
    log = c.Type(str, default="practice.jsonl")
    retention = _Retention()


class PluginConfig(base.Config):
    entries_dir = c.Type(str, default="entries")
    aliases = c.DictOfItems(c.Type(str), default={})
    recurring_after = c.Type(int, default=2)
    thank_you_within_days = c.Type(int, default=1)
    reflect_after_days = c.Type(int, default=1)
    feedback_wait_days = c.Type(int, default=7)
    feedback_give_up_days = c.Type(int, default=21)
    share = c.SubConfig(ShareConfig)
    drill = c.SubConfig(DrillConfig)


class ConfigError(Exception):
    """mkdocs.yml cannot be used: shown to the user as is."""


def settings_from(plugin: PluginConfig, root: Path, mkdocs: dict[str, Any]) -> Settings:
    share = plugin.share
    return Settings(
        root=root,
        entries_dir=plugin.entries_dir,
        docs_dir=str(mkdocs.get("docs_dir") or "docs"),
        site_dir=str(mkdocs.get("site_dir") or "site"),
        site_name=str(mkdocs.get("site_name") or "Interview notebook"),
        directory_urls=bool(mkdocs.get("use_directory_urls", True)),
        aliases=dict(plugin.aliases),
        recurring_after=plugin.recurring_after,
        thank_you_within_days=plugin.thank_you_within_days,
        reflect_after_days=plugin.reflect_after_days,
        feedback_wait_days=plugin.feedback_wait_days,
        feedback_give_up_days=plugin.feedback_give_up_days,
        share=ShareSettings(
            site_dir=share.site_dir,
            redact=tuple(share.redact),
            anonymize=tuple(share.anonymize),
        ),
        drill=DrillSettings(log=plugin.drill.log, retention=plugin.drill.retention),
    )


def plugin_items(plugins: Any) -> list[tuple[str, Any]]:
    """The `plugins:` of mkdocs.yml as (name, options) pairs, in either of its two forms:
    a list of names and one-key mappings, or one mapping. The one reader of that list."""
    if isinstance(plugins, dict):
        return list(plugins.items())
    return [next(iter(p.items())) if isinstance(p, dict) else (p, {}) for p in plugins or []]


def debrief_options(raw: dict[str, Any]) -> dict[str, Any] | None:
    """The options given to the `debrief` plugin, or None when it is not listed."""
    for name, options in plugin_items(raw.get("plugins")):
        if name == "debrief":
            return dict(options or {})
    return None


_TYPE = re.compile(r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>")
_KINDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "text",
    "bool": "true or false",
    "list": "a list",
    "dict": "a mapping",
    "NoneType": "nothing",
}


def _readable(error: str, value: Any) -> str:
    """MkDocs names Python types ("<class 'int'>"); a notebook's owner writes YAML."""

    def kinds(match: re.Match[str]) -> str:
        expected, received = (_KINDS.get(name, name) for name in match.groups())
        shown = f" {value!r}" if isinstance(value, str | int | float) else ""
        return f"must be {expected}, got {received}{shown}"

    return _TYPE.sub(kinds, error)


def without_debrief(plugins: Any) -> Any:
    """The same `plugins:` in the same form, the `debrief` plugin left out."""
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name != "debrief"}
    names = [name for name, _options in plugin_items(plugins)]
    return [item for item, name in zip(plugins, names, strict=True) if name != "debrief"]


def load_settings(config_file: Path) -> Settings:
    """Settings from a notebook's mkdocs.yml; raise ConfigError with a readable message."""
    try:
        with open(config_file, "rb") as file:
            raw = yaml_load(file)
    except FileNotFoundError:
        raise ConfigError(
            f"{config_file}: no such file; run debrief in a notebook folder, "
            "pass --config, or create one with 'debrief init PATH'"
        ) from None
    except (exceptions.ConfigurationError, OSError) as error:
        raise ConfigError(f"{config_file}: {error}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_file}: not a MkDocs configuration")
    options = debrief_options(raw)
    plugin = PluginConfig(config_file_path=str(config_file))
    plugin.load_dict(options or {})
    errors, warnings = plugin.validate()
    if errors:
        given = options or {}
        # Every problem in one run: a misspelt option beside a wrong one is named too.
        problems = "; ".join(
            f"'{key}': {_readable(str(error), given.get(key))}"
            for key, error in [*errors, *warnings]
        )
        raise ConfigError(f"{config_file}: debrief plugin options: {problems}")
    return settings_from(plugin, config_file.parent.resolve(), raw)
