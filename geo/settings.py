"""Drillmap settings: paths, rule parameters and display defaults, each with the reason it exists.

Every tunable lives here as a :class:`Setting` (name, default, help) so that the README can list them
and a test can check they are all documented. Paths can be overridden with environment variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: Repository root (the folder holding app.py).
ROOT = Path(__file__).resolve().parent.parent
#: Committed, derived data (rebuilt by ``python -m geo.build_reference``).
DATA_DIR = Path(os.environ.get("DRILLMAP_DATA_DIR", ROOT / "data"))
#: Curated catalog: one YAML file per exercise.
CATALOG_DIR = Path(os.environ.get("DRILLMAP_CATALOG_DIR", DATA_DIR / "catalog"))
#: Reference geodata the committed data is derived from (a sibling checkout of ``shared``).
SHARED_DATA_DIR = Path(os.environ.get("DRILLMAP_SHARED_DATA", ROOT.parent / "shared" / "data"))
#: The seed news reports the catalog starts from.
SEEDS_DIR = Path(os.environ.get("DRILLMAP_SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
#: Vendored front-end assets (Leaflet & co.), served by Streamlit at /app/static/vendor.
STATIC_VENDOR_DIR = ROOT / "static" / "vendor"

#: Storage CRS of every geometry: WGS84 lon/lat.
STORAGE_CRS = "EPSG:4326"
#: Metric CRS for buffers, strips and simplification (ETRS89 LAEA Europe, metres).
METRIC_CRS = "EPSG:3035"


@dataclass(frozen=True)
class Setting:
    """A documented tunable."""

    name: str
    default: float
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting(
            "border_strip_depth_km",
            30.0,
            "Depth of the strip inside a country that stands for 'the border with X' or 'the southern "
            "border' (km). Reports name a border, not a distance; 30 km covers the border districts "
            "without reaching the interior.",
        ),
        Setting(
            "interior_min_depth_km",
            50.0,
            "'The interior of the country' is the country's territory at least this far from every land border (km).",
        ),
        Setting(
            "display_simplify_tolerance_m",
            250.0,
            "Tolerance of the topology-preserving simplification of the display layers (metres).",
        ),
        Setting(
            "fuzzy_min_score",
            88.0,
            "Minimum rapidfuzz score (0-100) for a spelling variant to match a gazetteer name.",
        ),
    )
}


def setting(name: str) -> float:
    """Return the value of setting ``name`` (``DRILLMAP_<NAME>`` in the environment overrides it)."""
    spec = SETTINGS[name]
    raw = os.environ.get(f"DRILLMAP_{name.upper()}")
    return float(raw) if raw is not None else spec.default
