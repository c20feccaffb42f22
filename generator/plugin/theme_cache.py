"""The theme's templates compiled once per `debrief serve`, not once per save.

MkDocs makes a new Jinja2 environment for every build, so every save parsed and compiled
mkdocs-material's templates again (a tenth of a second and more, whatever was edited).
A bytecode cache kept in memory across the builds of one `serve` gives each new
environment the compiled code; Jinja2 checks each template's source against a checksum
before using it, so an edited template in a `custom_dir` is compiled again.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from mkdocs.theme import Theme


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def share_compiled_templates(theme: Theme, cache: MemoryBytecodeCache) -> None:
    """Make every environment `theme` makes from now on use `cache`."""
    make: Callable[[], jinja2.Environment] = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make()
        env.bytecode_cache = cache
        return env

    setattr(theme, "get_env", get_env)  # noqa: B010 (an instance's method, for this theme only)
