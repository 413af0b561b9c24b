"""The maps one click away from the Map page's, rendered in a background thread before they are asked for.

A map not yet in the server-wide cache (:mod:`pages.common.map_cache`) costs 0.4-0.7 s of server time when
a click asks for it: the view of the new filter, its note on the sites outside the opening view, and the
map's build and render. The clicks a session makes most are one step from what it shows: the sidebar's
"Only sites near NATO" toggle and the distance rings along NATO's border. Once a browser session's Map page
has been sent whole (never during a new session's first run, which sends the map alone), :func:`warm_neighbours`
renders those maps in one thread per process, so that the click finds them ready: the toggle flipped, the
rings flipped, and both. They go into the same caches the page reads (the view, its derived values and the
rendered map, each keyed by what it depends on), so a warmed entry is the one the click would have made.

Bounds: one warming thread per process at a time (a run that finds it busy warms nothing), three maps at
most per warming, only for sessions whose client is a browser (AppTest and the load bench's protocol clients
draw nothing and are not warmed), and the map cache keeps at most :data:`~pages.common.map_cache.MAP_ENTRIES`
maps whatever is warmed. A click that asks for a map being warmed waits for that one computation
(Streamlit's per-key lock) instead of starting a second.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from typing import Any, Final

from geo.catalog.filter import SiteFilter
from geo.maps.build import NATO_BORDER, MapOptions

_LOG = logging.getLogger(__name__)
_BUSY = threading.Lock()
#: Set to False to warm nothing (tests that count map builds).
ENABLED = {"on": True}
#: Maps warmed at most per call: the toggle flipped, the rings flipped, both.
MAX_MAPS: Final = 3


def flipped_filter(flt: SiteFilter, nato_km: float) -> SiteFilter:
    """``flt`` with the "Only sites near NATO" toggle flipped (``nato_km``: the slider's distance when turned on)."""
    return dataclasses.replace(flt, max_distance_km=None if flt.max_distance_km is not None else float(nato_km))


def flipped_rings(options: MapOptions, rings_km: tuple[int, ...]) -> MapOptions:
    """``options`` with the rings flipped: along NATO's border (``rings_km``) when there are none, else none."""
    if options.ring_center is None:
        return dataclasses.replace(options, ring_center=NATO_BORDER, rings_km=tuple(sorted(rings_km)))
    return dataclasses.replace(options, ring_center=None, rings_km=())


def neighbours(
    flt: SiteFilter, options: MapOptions, *, nato_km: float, rings_km: tuple[int, ...]
) -> list[tuple[SiteFilter, MapOptions]]:
    """The (filter, map options) one or two clicks from ``(flt, options)``, the likeliest first."""
    other_filter, other_options = flipped_filter(flt, nato_km), flipped_rings(options, rings_km)
    if not rings_km and other_options.ring_center is not None:  # no distances chosen: the rings draw nothing
        return [(other_filter, options)]
    return [(other_filter, options), (flt, other_options), (other_filter, other_options)][:MAX_MAPS]


def warm_neighbours(
    steps: list[tuple[SiteFilter, MapOptions]], render: Callable[[SiteFilter, MapOptions], Any]
) -> bool:
    """Start rendering ``render(filter, options)`` for each of ``steps`` in a background thread; return whether started.

    ``render`` must fill the shared caches and hold nothing of the calling session (it runs after the run that
    called this has ended). Nothing starts while an earlier warming runs.
    """
    if not ENABLED["on"] or not steps or not _BUSY.acquire(blocking=False):
        return False

    def work() -> None:
        try:
            for flt, options in steps:
                render(flt, options)
        except Exception:  # a map that fails here fails again, visibly, when a click asks for it
            _LOG.warning("warming a map failed", exc_info=True)
        finally:
            _BUSY.release()

    threading.Thread(target=work, name="drillmap-warm-maps", daemon=True).start()
    return True
