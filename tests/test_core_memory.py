"""Freed memory goes back to the system: the resident size drops, as `ps` would show it."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

# In a fresh interpreter: 100 MB in blocks of 1 KB (glibc's malloc, not CPython's small-
# object allocator), one more block after them so that glibc's own trimming of the top of
# the heap cannot give them back, then all but that one freed.
_SCRIPT = """
import os
from generator.memory import give_back_freed_memory

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
    output = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True
    ).stdout
    before, after, returned = output.split()
    assert returned == "True"
    # 100,000 blocks of 1 KB (plus headers) were freed: at least 80 MB must leave.
    assert float(before) - float(after) > 80, output


def test_elsewhere_it_does_nothing_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import memory

    memory._glibc.cache_clear()
    monkeypatch.setattr(memory.sys, "platform", "darwin")
    try:
        assert memory.give_back_freed_memory() is False
    finally:
        memory._glibc.cache_clear()
