"""`debrief serve` is told of a save by inotify instead of polling the notebook (Linux)."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from generator.plugin.watching import watch_without_polling

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="inotify is Linux's")


def test_the_watches_move_to_inotify_and_a_save_is_seen(tmp_path: Path) -> None:
    from watchdog.observers.inotify import InotifyObserver
    from watchdog.observers.polling import PollingObserver

    entries, config = tmp_path / "entries", tmp_path / "mkdocs.yml"
    entries.mkdir()
    config.write_text("site_name: x\n")
    builds: list[float] = []
    server = LiveReloadServer(
        builder=lambda: builds.append(time.monotonic()),
        host="127.0.0.1",
        port=0,
        root=str(tmp_path),
    )
    server.watch(str(entries))
    server.watch(str(config))
    server.watch(str(entries))  # watched twice: unwatched twice, as MkDocs counts
    assert isinstance(server.observer, PollingObserver)

    assert watch_without_polling(server) is True
    assert isinstance(server.observer, InotifyObserver)
    assert server._watched_paths == {str(entries): 2, str(config): 1}

    loop = threading.Thread(target=server._build_loop, daemon=True)
    server.observer.start()
    loop.start()
    try:
        saved = time.monotonic()
        (entries / "2026-01-01-acme.md").write_text("---\n")
        deadline = saved + 10
        while not builds and time.monotonic() < deadline:
            time.sleep(0.01)
        assert builds, "the save was never seen"
        config.write_text("site_name: y\n")
        deadline = time.monotonic() + 10
        while len(builds) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(builds) == 2, "the edit of mkdocs.yml was never seen"
    finally:
        server.shutdown()
        server.observer.join(5)
        loop.join(5)
