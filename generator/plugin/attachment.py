"""A file next to the entries, as MkDocs copies it: read late, so it may be gone by then.

`attachments()` lists only files that could be read, but a file can be removed or locked
between that listing and MkDocs' copy (an editor's save, a sync tool). The copy then
reports a `PATH: warning:` and the build goes on, instead of a traceback.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from generator.entry.diagnostics import Diagnostic

log = logging.getLogger("mkdocs.plugins.debrief")


class Attachment(File):
    rel: str = ""  # the source, relative to the notebook, for messages
    problems: list[Diagnostic]

    @classmethod
    def of(
        cls, config: MkDocsConfig, target: str, source: str, rel: str, problems: list[Diagnostic]
    ) -> Attachment:
        """`problems` is the list the build reports at its end: a failed copy is added to it."""
        file = cls.generated(config, target, abs_src_path=source)
        assert isinstance(file, Attachment)  # generated() makes a `cls`
        file.rel, file.problems = rel, problems
        return file

    def _report(self, error: OSError) -> None:
        problem = Diagnostic(
            self.rel,
            None,
            "warning",
            f"attachment left out of the site: it could not be copied ({error.strerror or error})",
            "it changed while the site was built: build again",
        )
        self.problems.append(problem)
        # Shown by `serve` as it happens; `build` prints `problems` once, at its end.
        log.warning(problem.format(), extra={"debrief_diagnostic": True})

    def is_modified(self) -> bool:
        try:
            return bool(super().is_modified())
        except OSError:
            return True  # gone: copy_file reports it

    def copy_file(self, dirty: bool = False) -> None:
        try:
            super().copy_file(dirty)
        except OSError as error:
            self._report(error)

    @property
    def content_bytes(self) -> bytes:
        """What a locked share embeds into its pages; nothing when it cannot be read."""
        try:
            return bytes(File.content_bytes.fget(self))  # type: ignore[attr-defined]
        except OSError as error:
            self._report(error)
            return b""

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        File.content_bytes.fset(self, value)  # type: ignore[attr-defined]
