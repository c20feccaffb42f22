"""How `debrief serve` notices a save: told by the kernel, not by polling the notebook.

MkDocs' live-reload server polls every watched folder twice a second: each poll stats
every file of the notebook (a cost that grows with it, paid even when nothing is
edited), and a save waits a quarter of a second on average before it is seen. On
Linux, inotify reports a save as it happens. The server's watches are moved to an
inotify observer before it starts; where there is none, or the system refuses one
(a full watch table), the polling stays.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.debrief")


def watch_without_polling(server: LiveReloadServer) -> bool:
    """Move the server's watches to an inotify observer; True when they moved."""
    try:
        # lazy: inotify is Linux's; elsewhere the import fails and the polling stays
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # not Linux
        return False
    watched: dict[str, int] | None = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict) or server.observer.is_alive():
        return False  # another MkDocs than 1.6's server: leave it as it is
    counts = dict(watched)
    polling = server.observer
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = InotifyObserver()  # type: ignore[assignment]  # both are BaseObserver
    try:
        for path, count in counts.items():
            for _ in range(count):
                server.watch(path)
    except OSError as error:  # e.g. no inotify watches left: poll, as MkDocs does
        log.info(f"debrief: watching by polling ({error})")
        for path in list(watched):
            for _ in range(watched[path]):
                server.unwatch(path)
        server.observer = polling
        for path, count in counts.items():
            for _ in range(count):
                server.watch(path)
        return False
    return True
