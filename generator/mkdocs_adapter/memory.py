"""Memory tuning of the plugin's runs: the garbage collector and glibc's free memory.

Nothing here runs on import; each function is called by a run of the plugin (``runs``) at
one moment of a build or a preview, and each is kept for the figure it has in
``benchmarks/README.md`` (measured with and without, at 20,000 facts):

- :func:`release_freed_memory` before a build's search indexer starts: the build and the
  indexer, a process of its own, are then not both at their peak (1,018 MiB without, 755 MiB
  with, the two processes together);
- :func:`settle` after the preview generated everything (``gc.freeze``): the collections of
  the rebuilds that follow no longer go through the whole briefing (an edited claim served
  after 3.36 s instead of 3.89 s);
- :func:`pause_collector` during each of the preview's rebuilds, until its pages are written
  (:func:`resume_collector`): an edited status served after 5.8 s instead of 7.7 to 8.3 s.

The benchmark's variants (``benchmarks/preview.py``) replace these functions by name to
measure the preview without each.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc


def settle() -> None:
    """Collect the garbage (what was set aside before too), then set what is left aside, so
    that later collections do not go through it."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def unsettle() -> None:
    """Give back to the collector what :func:`settle` set aside (garbage once the preview ends)."""
    gc.unfreeze()


def pause_collector() -> None:
    """No automatic garbage collection until :func:`resume_collector`: a rebuild makes many
    objects, and each collection it would set off goes through all that is not set aside.
    What a rebuild leaves in reference cycles waits for the first collection after it."""
    gc.disable()


def resume_collector() -> None:
    gc.enable()


def release_freed_memory() -> None:
    """Collect garbage and hand the freed memory back to the system (glibc keeps it for the
    process otherwise)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
