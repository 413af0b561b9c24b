"""``python -m geo geocode PHRASE [--country ISO3|none] [--json]``: geocode a place phrase as a report writes it.

Exit code 0 when the phrase resolves, 3 when it does not (the explanation says why).
"""

from __future__ import annotations

import argparse
import json

from geo.cli.args import EXIT_OK, EXIT_UNRESOLVED
from geo.core.text import terminal_safe


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``geocode``."""
    p.description = "Geocode a place phrase as written in a report."
    p.add_argument("phrase", help='e.g. "the southern border", "Losvido", "Vitebsk region"')
    p.add_argument("--country", default="BLR", help="context country ISO3 (default BLR; 'none' for none)")
    p.add_argument("--json", action="store_true", help="print one JSON object (geometry as GeoJSON)")


def run(args: argparse.Namespace) -> int:
    """Geocode the phrase, print the result; return 0 (resolved) or 3 (unresolved)."""
    from geo.geocode.geocoder import geocode

    country = None if args.country.lower() == "none" else args.country.upper()
    result = geocode(args.phrase, country=country)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        where = f"{result.lat:.4f}, {result.lon:.4f}" if result.lat is not None else "—"
        line = f"{result.status}: {result.kind or '—'} at {where} ({result.precision}); {result.explanation}"
        print(terminal_safe(line))
    return EXIT_OK if result.status == "resolved" else EXIT_UNRESOLVED
