"""The server's memory: glibc's allocator set up for a long-lived Streamlit server with a thread per session.

Streamlit runs each session's script in a thread of its own. glibc gives threads malloc arenas of their
own (up to 8 per core) and raises its mmap threshold after a large block is freed, so the megabyte strings
of every map render (its HTML and JSON) end up in arena pages that are not given back: the server's
resident memory grows with the number of sessions although Python frees every object. At start-up
:func:`tune_allocator` caps the arenas at two and pins the mmap threshold (a large block is then mapped,
and unmapped when freed); :func:`release` hands free heap pages back to the system after a script run
(a few milliseconds). Without glibc (macOS, musl) both do nothing.

Streamlit also runs Python's full garbage collection after every script run (``runner.postScriptGC``): it
walks every object the collector tracks, most of them the libraries, the sites frame and the reference
layers that live as long as the server (some 140,000 objects: 50-150 ms of CPU on this machine, in every
run of every session, a third of a Map page run). :func:`freeze_long_lived` moves what is alive once the
first run has finished to the collector's permanent generation, once per process, so that each later
collection walks only what later runs made. A frozen object is still freed when its last reference goes
(the sites frame of an older catalog state, say): only reference cycles among frozen objects are never
collected, and those are the libraries' own.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import threading
from typing import Any

#: mallopt parameters (glibc's malloc.h).
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
#: Arenas shared by every thread (one per core of a small server).
ARENA_MAX = 2
#: Blocks from this size (bytes) are mapped: glibc's default, no longer raised after large frees.
MMAP_THRESHOLD = 128 * 1024


@functools.cache
def _libc() -> Any:
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


@functools.cache
def tune_allocator() -> bool:
    """Cap glibc's arenas and pin its mmap threshold, once per process; return whether glibc was found."""
    libc = _libc()
    if libc is None:
        return False
    libc.mallopt(_M_ARENA_MAX, ARENA_MAX)
    libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    return True


_FREEZE_LOCK = threading.Lock()
#: Whether a script run has finished in this process, and whether its survivors were frozen.
_heap = {"run_finished": False, "frozen": False}


def freeze_long_lived() -> bool:
    """Once a script run has finished, collect, then freeze what is alive (once per process); return whether frozen.

    Call it when a script run starts: the first run loads the libraries, the catalog and the map's pieces;
    from the second on, they are left out of every collection (see the module note).
    """
    if _heap["frozen"] or not _heap["run_finished"]:
        return _heap["frozen"]
    with _FREEZE_LOCK:
        if not _heap["frozen"]:
            gc.collect()  # the garbage of the runs so far is not frozen with the rest
            gc.freeze()
            _heap["frozen"] = True
    return True


def release() -> None:
    """Give free heap memory back to the system (``malloc_trim``); call it at the end of a script run."""
    _heap["run_finished"] = True
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
