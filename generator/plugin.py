"""The MkDocs plugin `debrief`: glue between MkDocs' events and the core."""

from __future__ import annotations

from mkdocs.plugins import BasePlugin

from .config import PluginConfig


class DebriefPlugin(BasePlugin[PluginConfig]):
    pass
