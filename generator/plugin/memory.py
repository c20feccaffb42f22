"""Handing memory a build no longer needs back to the system.

CPython frees an object into its allocator, not to the system: glibc's malloc keeps
freed blocks in its heap, touched and counted in the process's resident size, to reuse
them later. A build lets go of a lot at two points (the parsed entries after `on_files`,
each page once it is written), but what was freed in the middle of the heap stays
resident; and the entries are held in reference cycles, which only a full collection of
the cycle collector frees, at a moment of its own. So under `build` the plugin returns
what reading the entries freed (their files, the YAML parsers' buffers: 61 MB at 4,000
entries), collects and returns the entries once `on_files` is over (at `on_nav`), before
MkDocs converts every page, returns what converting them freed (at `on_env`: 66 MB),
and what writing them freed before the search index is written.

At 4,000 entries, returning freed memory before the index took the peak from 201 MB to
174 MB (benchmarks/README.md); the index is now written piece by piece anyway
(plugin/search_index.py), and at `on_nav` the collection and return take the resident
size from 178 MB to about 100 MB, for 0.25 s of CPU.

`malloc_trim` is glibc's; elsewhere (macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from functools import cache
from typing import Any


@cache
def _malloc_trim() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None

    try:
        # The C library already loaded into this process, whatever its file is called;
        # musl has no malloc_trim: AttributeError.
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back_freed_memory(*, collect: bool = False) -> bool:
    """Return the heap's free pages to the system; whether any were (glibc only).

    Costs a walk of the heap: a few milliseconds. `collect` first frees what only
    reference cycles keep alive, which Python's collector would otherwise free at a time
    of its own: a full collection, 0.25 s at 4,000 entries.
    """
    if collect:
        gc.collect()
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False
