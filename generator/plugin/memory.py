"""Handing memory a build no longer needs back to the system.

CPython frees an object into its allocator, not to the system: glibc's malloc keeps
freed blocks in its heap, touched and counted in the process's resident size, to reuse
them later. A build lets go of a lot at two points (the parsed entries after `on_files`,
each page once it is written), but what was freed in the middle of the heap stays
resident. The search plugin then builds its index as one JSON string and encodes it
again as bytes, on top of all that: the build's peak. At 4,000 entries, returning the
freed memory first took the peak from 201 MB to 174 MB (benchmarks/README.md).

`malloc_trim` is glibc's; elsewhere (macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
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


def give_back_freed_memory() -> bool:
    """Return the heap's free pages to the system; whether any were (glibc only).

    Costs a walk of the heap: a few milliseconds.
    """
    trim = _malloc_trim()
    return bool(trim(0)) if trim is not None else False
