"""Freed memory goes back to the system: the resident size drops, as `ps` would show it."""

from __future__ import annotations

import gc
import os
import platform
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# In a fresh interpreter: 100 MB in blocks of 1 KB (glibc's malloc, not CPython's small-
# object allocator), one more block after them so that glibc's own trimming of the top of
# the heap cannot give them back, then all but that one freed.
_SCRIPT = """
import os
from generator.plugin.memory import give_back_freed_memory

def resident_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

blocks = [bytes(1024) for _ in range(100_000)]
last = bytes(1024)
del blocks
before = resident_mb()
returned = give_back_freed_memory()
after = resident_mb()
print(f"{before:.1f} {after:.1f} {returned}")
"""


@pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only"
)
def test_freed_memory_is_given_back_to_the_system() -> None:
    # glibc's defaults: tunables could move the blocks to mmap or to per-thread caches.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GLIBC_TUNABLES", "MALLOC_", "PYTHONMALLOC"))
    }
    output = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    ).stdout
    before, after, returned = output.split()
    assert returned == "True"
    # 100,000 blocks of 1 KB (plus headers) were freed: at least 80 MB must leave.
    assert float(before) - float(after) > 80, output


def test_elsewhere_it_does_nothing_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.plugin import memory

    memory._malloc_trim.cache_clear()
    monkeypatch.setattr(memory.sys, "platform", "darwin")
    try:
        assert memory.give_back_freed_memory() is False
    finally:
        memory._malloc_trim.cache_clear()


def test_a_c_library_without_malloc_trim_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    from generator.plugin import memory

    class Musl:  # loads, but has no malloc_trim
        def __init__(self, name: str | None) -> None:
            pass

        def __getattr__(self, name: str) -> object:
            raise AttributeError(name)

    memory._malloc_trim.cache_clear()
    monkeypatch.setattr(memory.sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", Musl)
    try:
        assert memory.give_back_freed_memory() is False
    finally:
        memory._malloc_trim.cache_clear()


def test_a_build_makes_room_before_the_search_index_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.plugin import plugin
    from tests.conftest import copy_demo
    from tests.test_site_build import debrief

    root = copy_demo(tmp_path / "demo")
    index = root / "site" / "search" / "search_index.json"
    calls: list[tuple[bool, bool]] = []
    real = plugin.give_back_freed_memory

    def spy(*, collect: bool = False) -> bool:
        calls.append((collect, index.exists()))  # the index is not written yet
        return real(collect=collect)

    monkeypatch.setattr(plugin, "give_back_freed_memory", spy)
    result = debrief(["build"], root, "2026-12-01")
    assert result.exit_code == 0, result.output
    # What reading freed; the entries, once on_files is over (at on_nav); what converting
    # the pages freed (on_env); what writing them freed, before the index.
    assert calls == [(False, False), (True, False), (False, False), (False, False)]
    assert index.exists()


def test_collecting_frees_what_only_a_reference_cycle_holds() -> None:
    from generator.plugin import memory

    class Node:
        pass

    def cycle() -> weakref.ref[Node]:
        node = Node()
        node.itself = node  # type: ignore[attr-defined]
        return weakref.ref(node)

    gc.disable()  # no collection of its own in between
    try:
        held = cycle()
        memory.give_back_freed_memory()
        assert held() is not None
        memory.give_back_freed_memory(collect=True)
        assert held() is None
    finally:
        gc.enable()
