"""``python -m geo prepare``: build the derived caches a first map needs, so the server's first visit reads them.

``make run`` runs it before starting the dashboard. It writes, under ``$DRILLMAP_HOME/cache``
(:mod:`geo.core.derived`), the sites frame (:mod:`geo.query.cache`: every site geocoded and measured),
the geocoder's name indexes, towns' regions and romanisation skeletons, the briefing map's prepared
layers, the dashboard map's reference layers and folium's compiled templates
(:mod:`geo.maps.template_cache`). Each is keyed by everything it is derived from, so an unchanged catalog
costs only the reading of the keys, and an edited one is rebuilt here rather than during the first visit.
Exit code 0; 2 when the catalog cannot be loaded.
"""

from __future__ import annotations

import argparse
import time

from geo.cli.args import EXIT_OK
from geo.core.counts import counted
from geo.core.text import terminal_safe


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``prepare``."""
    p.description = "Build the derived caches (sites frame, geocoder indexes, map layers) ahead of use."
    p.add_argument("--quiet", action="store_true", help="print nothing on success")


def run(args: argparse.Namespace) -> int:
    """Build or check each cache; print what was done; return 0."""
    from geo.maps import template_cache

    template_cache.install()  # before folium is imported (importing geo.maps installs it too)
    # The templates the dashboard's first run compiles: every folium plugin's (streamlit-folium imports them
    # all) and the catalog map's own elements.
    import folium.plugins  # noqa: F401

    import geo.maps.build  # noqa: F401
    from geo.briefing.basemap import basemap
    from geo.geocode import gazetteer
    from geo.geocode.geocoder import town_regions, town_skeletons
    from geo.maps.reference import reference_layers
    from geo.query.known import known_sites

    started = time.perf_counter()
    known = known_sites()  # reads the disk cache, or builds the frame here and writes it
    basemap()
    reference_layers()  # the dashboard map's (the server's first visit otherwise builds them: seconds)
    gazetteer.town_index(), gazetteer.site_index(), town_regions()  # what `geo geocode` reads, even on a cache hit
    town_skeletons(None)  # what `geo ingest` reads for every capitalised word
    template_cache.save()  # folium's compiled templates: importing it costs a third less in the next process
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(terminal_safe(f"prepared: {counted(len(known.sites), 'site')} in {seconds:.1f} s (key {known.key[:12]})"))
        for notice in known.notices:
            print(terminal_safe(f"note: {notice}"))
    return EXIT_OK
