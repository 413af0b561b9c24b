"""Drillmap settings: paths, rule parameters and display defaults, each with the reason it exists.

Every tunable lives here as a :class:`Setting` (name, default, help) so that the README can list them
and a test can check they are all documented. Paths can be overridden with environment variables.
Who may do what (``DRILLMAP_SINGLE_USER``, ``DRILLMAP_ROLES_CLAIM``, ``DRILLMAP_EDITOR_GROUPS``,
``DRILLMAP_ADMIN_GROUPS``) is read and checked by :mod:`geo.core.access`, next to the roles it sets.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

from geo.core.errors import SettingsError

#: Repository root (the folder holding app.py).
ROOT = Path(__file__).resolve().parents[2]
#: Committed, derived data (rebuilt by ``python -m geo.reference.build``).
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
            "river_corridor_km",
            5.0,
            "Half-width of the band along a named river's course that stands for 'on the X' or 'a crossing of "
            "the X' when the report does not say where along it (km). Troops build crossings and act on the "
            "banks; the course alone (a line) would claim a precision no report gives.",
        ),
        Setting(
            "interior_min_depth_km",
            50.0,
            "'The interior of the country' is the country's territory at least this far from every land border (km).",
        ),
        Setting(
            "nato_shared_border_min_km",
            1.0,
            "An area touching NATO territory along a border at least this long (km, EPSG:3035) 'shares a "
            "border' with NATO; along less (an end, a tripoint) it only 'touches at a point'.",
        ),
        Setting(
            "display_simplify_tolerance_m",
            250.0,
            "Tolerance of the topology-preserving simplification of the display layers (metres).",
        ),
        Setting(
            "extract_budget_s",
            20.0,
            "Time allowed to extract the events of one article on the Review page and in `python -m geo "
            "ingest` (seconds, checked between sentences and events); past it the article is refused with a "
            "message. 0: no limit.",
        ),
        Setting(
            "fuzzy_min_score",
            88.0,
            "Minimum rapidfuzz score (0-100) for a spelling variant to match a gazetteer name.",
        ),
    )
}


def setting(name: str) -> float:
    """Return the value of setting ``name`` (``DRILLMAP_<NAME>`` in the environment overrides it).

    Raises
    ------
    SettingsError
        If the environment holds something other than a finite, non-negative number.
    """
    spec = SETTINGS[name]
    variable = f"DRILLMAP_{name.upper()}"
    raw = os.environ.get(variable)
    if raw is None:
        return spec.default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value >= 0):
        msg = f"{variable} must be a non-negative number (default {spec.default:g}), got {raw[:40]!r}"
        raise SettingsError(msg)
    return value


# --- Article ingestion and the store (geo/extract, geo/store) ----------------------------------

#: Folder holding Drillmap's writable data: the SQLite store (``drillmap.sqlite3``). Read from
#: ``DRILLMAP_HOME`` at call time (see :func:`data_home`) so that tests and servers can point it
#: elsewhere; the default ``var/`` next to ``app.py`` is gitignored.
DEFAULT_DATA_HOME = ROOT / "var"
#: Database of the store when ``DRILLMAP_DATABASE_URL`` is unset: a SQLite file under :func:`data_home`.
#: Set ``DRILLMAP_DATABASE_URL`` (a SQLAlchemy URL such as
#: ``postgresql+psycopg://drillmap@db.example/drillmap``) to share one store between a team.
SQLITE_FILE_NAME = "drillmap.sqlite3"
#: Largest article accepted by ``python -m geo ingest`` and the review page (bytes). A news page saved
#: as HTML with its scripts is rarely above 1 MB; 2 MB leaves room and stays under Streamlit's 5 MB
#: upload cap (.streamlit/config.toml), so the page can say the limit before Streamlit refuses a file.
MAX_ARTICLE_BYTES = 2_000_000
#: Minimum rapidfuzz score (0-100, token-sort ratio) for an extracted exercise name to match a catalog
#: name of the same year. Names are short: 90 tolerates "Combat Brotherhood 2023" vs "-2023" and one
#: typo, not "Slavic" vs "Combat" Brotherhood.
MATCH_MIN_NAME_SCORE = 90.0
#: An unnamed extracted event matches a catalog exercise of the same alliance when their start (or
#: announcement) dates are at most this many days apart and a location or participant is shared.
MATCH_MAX_DAYS = 14


def data_home() -> Path:
    """Return the writable data folder: ``$DRILLMAP_HOME`` or :data:`DEFAULT_DATA_HOME`."""
    return Path(os.environ.get("DRILLMAP_HOME") or DEFAULT_DATA_HOME)


def database_url() -> str:
    """Return the store's SQLAlchemy URL: ``$DRILLMAP_DATABASE_URL`` or SQLite under :func:`data_home`."""
    url = os.environ.get("DRILLMAP_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{data_home() / SQLITE_FILE_NAME}"
