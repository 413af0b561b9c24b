"""The dashboard's state in the URL: plain query parameters <-> :class:`ViewState`.

A copied link reproduces the view. Parameters are plain, validated text (never pickled, never
evaluated); a parameter that is unknown, malformed or outside the catalog is ignored (or clamped) and
reported as a :class:`Notice`, never an error. The filter is the same :class:`geo.catalog.filter.SiteFilter`
the CLI builds from ``--years``, ``--alliance``, ``--country``, ``--search``, ``--precision``,
``--family``, ``--max-nato-km`` and ``--min-grade``, parsed with the same helpers.

==============  =====================================  ===============================
parameter       example                                meaning
==============  =====================================  ===============================
``years``       ``2020-2025`` or ``2021``              inclusive year range
``alliance``    ``NATO,Russia-Belarus``                alliances
``country``     ``BLR,RUS``                            participating countries (ISO3)
``status``      ``took-part,disputed`` or ``all``      statuses ``country`` counts (default took-part)
``q``           ``Zapad``                              text search
``precision``   ``point,region``                       site precision levels
``family``      ``zapad``                              exercise families
``nato_km``     ``100``                                only sites within N km of NATO
``grade``       ``B2``                                 only facts graded B2 or better (Admiralty code)
``tiles``       ``1``                                  OpenStreetMap tiles on
``rings``       ``50,100,200``                         distance rings (km)
``ring_at``     ``nato`` or ``zapad-2021:0``           ring centre
``exercise``    ``zapad-2021``                         the exercise the Exercises page opens
``a``, ``b``    ``2017-2019`` or ``zapad-2021``        the two sides of the Compare page
``at``          ``2021-09-14`` (or ``2021-09``)        the Playback page's moment
``step``        ``week`` or ``month``                  the Playback page's step size
==============  =====================================  ===============================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

import geopandas as gpd

from geo.catalog.filter import PRECISIONS, SiteFilter, parse_list, parse_years
from geo.catalog.participation import DEFAULT_STATUSES, STATUS_FIELDS, STATUSES
from geo.core.dates import check_partial_date, earliest_date
from geo.core.errors import FilterError
from geo.core.grading import parse_threshold
from geo.core.symbology import ALLIANCES
from geo.maps.build import NATO_BORDER, MapOptions
from geo.query.playback import Step
from geo.query.selection import catalog_years

__all__ = [
    "COMPARE_PARAMS",
    "FILTER_PARAMS",
    "KNOWN_PARAMS",
    "MAP_PARAMS",
    "MAX_TEXT_CHARS",
    "NATO_KM_RANGE",
    "PAGE_PARAMS",
    "PLAYBACK_STEPS",
    "RING_CHOICES_KM",
    "Choices",
    "Notice",
    "ViewState",
    "choices_from_sites",
    "decode",
    "encode",
]

FILTER_PARAMS: Final[tuple[str, ...]] = (
    "years",
    "alliance",
    "country",
    "status",
    "q",
    "precision",
    "family",
    "nato_km",
    "grade",
)
MAP_PARAMS: Final[tuple[str, ...]] = ("tiles", "rings", "ring_at")
#: Parameters of one page: the exercise the Exercises page shows (popups on the map link to it), the
#: Playback page's moment and step size.
PAGE_PARAMS: Final[tuple[str, ...]] = ("exercise", "at", "step")
#: Step sizes the Playback page offers (``day`` is the CLI's only).
PLAYBACK_STEPS: Final[tuple[Step, ...]] = ("week", "month")
#: The two sides of the Compare page: a year, a year range or an exercise id each.
COMPARE_PARAMS: Final[tuple[str, ...]] = ("a", "b")
KNOWN_PARAMS: Final[tuple[str, ...]] = FILTER_PARAMS + MAP_PARAMS + PAGE_PARAMS + COMPARE_PARAMS
#: Longest accepted search text (characters); longer text is cut.
MAX_TEXT_CHARS: Final = 200
#: Range of "within N km of NATO" (km), as offered by the sidebar slider.
NATO_KM_RANGE: Final[tuple[int, int]] = (10, 500)
#: Distances offered for rings (km).
RING_CHOICES_KM: Final[tuple[int, ...]] = (25, 50, 100, 150, 200, 300)
_SITE_KEY: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*:\d{1,4}$")
_EXERCISE_ID: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Choices:
    """What the catalog offers: the bounds the URL values are checked against.

    Attributes
    ----------
    years
        (first, last) year of the catalog.
    countries
        ISO3 codes of every country the exercises name, whatever its status (took part, withdrew …).
    families
        Exercise family slugs.
    alliances
        Alliance names (default: every alliance of the schema).
    exercises
        Exercise ids (``exercise`` is checked against them; empty: any well-formed id is kept).
    """

    years: tuple[int, int]
    countries: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    alliances: tuple[str, ...] = ALLIANCES
    exercises: tuple[str, ...] = ()


@dataclass(frozen=True)
class ViewState:
    """The filter, the map options, the exercise shown, the playback moment and the compared sides of a URL.

    ``compare`` holds the Compare page's sides A and B as normalised text (``"2017"``, ``"2017-2019"``,
    ``"zapad-2021"``), None for a side the URL does not give (or gives wrongly).
    """

    filter: SiteFilter = field(default_factory=SiteFilter)
    map: MapOptions = field(default_factory=MapOptions)
    exercise: str | None = None
    #: The Playback page's moment (a day of the step shown); None: the period's first step.
    at: dt.date | None = None
    #: The Playback page's step size; None: ``week``.
    step: Step | None = None
    compare: tuple[str | None, str | None] = (None, None)


@dataclass(frozen=True)
class Notice:
    """A URL parameter that was ignored or adjusted, and why (for a visible notice)."""

    param: str
    value: str
    reason: str

    def __str__(self) -> str:
        """Return the notice as one sentence."""
        return f"URL parameter {self.param}={self.value!r}: {self.reason}"


def choices_from_sites(sites: gpd.GeoDataFrame) -> Choices:
    """Return the :class:`Choices` of a sites frame (:func:`geo.catalog.sites.sites_frame`).

    The years run from the first start year to the last year any exercise starts or ends in.
    """
    first, last = catalog_years(sites) or (2000, 2000)
    named = [sites[f] for f in STATUS_FIELDS.values() if f in sites]
    countries = sorted({c for column in named for cs in column if isinstance(cs, list | tuple) for c in cs})
    families = sorted({str(f) for f in sites["family"] if isinstance(f, str) and f})
    exercises = sorted({str(e) for e in sites["exercise_id"]})
    return Choices(
        years=(first, last), countries=tuple(countries), families=tuple(families), exercises=tuple(exercises)
    )


def _last(values: str | Sequence[str]) -> tuple[str, bool]:
    """Return the value to use and whether the parameter was repeated."""
    if isinstance(values, str):
        return values, False
    items = list(values)
    return (items[-1] if items else ""), len(items) > 1


def _pick(param: str, raw: str, allowed: Sequence[str], notices: list[Notice], *, fold: bool = True) -> tuple[str, ...]:
    """Keep the listed values that are allowed (matched case-insensitively); report the others."""
    lookup = {a.casefold() if fold else a: a for a in allowed}
    kept: list[str] = []
    dropped: list[str] = []
    for item in parse_list(raw):
        match = lookup.get(item.casefold() if fold else item)
        if match is None:
            dropped.append(item)
        elif match not in kept:
            kept.append(match)
    if dropped:
        shown = ", ".join(dropped)
        notices.append(Notice(param, raw, f"not in the catalog, ignored: {shown}"))
    return tuple(a for a in allowed if a in kept)


def _clamped_years(param: str, raw: str, choices: Choices, notices: list[Notice]) -> tuple[int, int] | None:
    """The years of ``raw`` limited to the catalog's; None (noted) when malformed or outside it."""
    try:
        first, last = parse_years(raw)
    except FilterError as exc:
        notices.append(Notice(param, raw, f"ignored ({exc})"))
        return None
    lo, hi = choices.years
    if last < lo or first > hi:
        notices.append(Notice(param, raw, f"outside the catalog's years {lo}–{hi}, ignored"))
        return None
    clamped = (max(first, lo), min(last, hi))
    if clamped != (first, last):
        notices.append(Notice(param, raw, f"limited to the catalog's years: {clamped[0]}–{clamped[1]}"))
    return clamped


def _years(raw: str, choices: Choices, notices: list[Notice]) -> tuple[int, int] | None:
    clamped = _clamped_years("years", raw, choices, notices)
    return None if clamped == choices.years else clamped


def _nato_km(raw: str, notices: list[Notice]) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        notices.append(Notice("nato_km", raw, "not a number of kilometres, ignored"))
        return None
    lo, hi = NATO_KM_RANGE
    if not lo <= value <= hi:  # also rejects nan
        notices.append(Notice("nato_km", raw, f"must be between {lo} and {hi} km, ignored"))
        return None
    return float(round(value))


def _flag(param: str, raw: str, notices: list[Notice]) -> bool:
    if raw.casefold() in _TRUE:
        return True
    if raw.casefold() not in _FALSE:
        notices.append(Notice(param, raw, "expected 1 or 0, ignored"))
    return False


def _rings(raw: str, notices: list[Notice]) -> tuple[int, ...]:
    allowed = {str(km): km for km in RING_CHOICES_KM}
    kept = sorted({allowed[item] for item in parse_list(raw) if item in allowed})
    dropped = [item for item in parse_list(raw) if item not in allowed]
    if dropped:
        offered = ", ".join(map(str, RING_CHOICES_KM))
        notices.append(Notice("rings", raw, f"distances must be among {offered} km; ignored: {', '.join(dropped)}"))
    return tuple(kept)


def decode(params: Mapping[str, str | Sequence[str]], choices: Choices) -> tuple[ViewState, list[Notice]]:
    """Read a :class:`ViewState` from query parameters, ignoring what is not valid.

    Parameters
    ----------
    params
        Parameter name -> value, or all values of a repeated parameter (the last one is used).
    choices
        What the catalog offers (years, countries, families).

    Returns
    -------
    (ViewState, list of Notice)
        The state, and one notice per parameter that was unknown, repeated, malformed, outside the
        catalog or adjusted. Never raises on user input.
    """
    notices: list[Notice] = []
    values: dict[str, str] = {}
    for name, given in params.items():
        value, repeated = _last(given)
        if name not in KNOWN_PARAMS:
            notices.append(Notice(name, value, "unknown parameter, ignored"))
            continue
        if repeated:
            notices.append(Notice(name, value, "given more than once; the last value is used"))
        values[name] = value
    state = ViewState(
        filter=_filter(values, choices, notices),
        map=_map_options(values, notices),
        exercise=_exercise(values["exercise"], choices, notices) if "exercise" in values else None,
        at=_at(values["at"], choices, notices) if "at" in values else None,
        step=_step(values["step"], notices) if "step" in values else None,
        compare=(_side("a", values, choices, notices), _side("b", values, choices, notices)),
    )
    return state, notices


def _side(param: str, values: Mapping[str, str], choices: Choices, notices: list[Notice]) -> str | None:
    """A compared side: a year or year range inside the catalog, or an exercise id of the catalog."""
    if param not in values:
        return None
    raw = values[param].strip()
    if re.fullmatch(r"\d{4}(?:\s*[-–:]\s*\d{4})?", raw):
        years = _clamped_years(param, raw, choices, notices)
        if years is None:
            return None
        return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"
    found: list[Notice] = []
    ident = _exercise(raw, choices, found)
    notices += [replace(n, param=param) for n in found]
    return ident


def _at(raw: str, choices: Choices, notices: list[Notice]) -> dt.date | None:
    try:
        day = earliest_date(check_partial_date(raw.strip()))
    except ValueError:
        notices.append(Notice("at", raw, "expected a date such as 2021-09-14; the period's first step is shown"))
        return None
    lo, hi = choices.years
    if not lo <= day.year <= hi:
        notices.append(Notice("at", raw, f"outside the catalog's years {lo}–{hi}; the period's first step is shown"))
        return None
    return day


def _step(raw: str, notices: list[Notice]) -> Step | None:
    value = raw.strip().casefold()
    for step in PLAYBACK_STEPS:
        if value == step:
            return step
    notices.append(Notice("step", raw, f"expected {' or '.join(PLAYBACK_STEPS)}; week is used"))
    return None


def _exercise(raw: str, choices: Choices, notices: list[Notice]) -> str | None:
    ident = raw.strip().casefold()
    if not _EXERCISE_ID.match(ident):
        notices.append(Notice("exercise", raw, "expected an exercise id such as zapad-2021, ignored"))
        return None
    if choices.exercises and ident not in choices.exercises:
        notices.append(Notice("exercise", raw, "no exercise with this id in the catalog, ignored"))
        return None
    return ident


def _filter(values: Mapping[str, str], choices: Choices, notices: list[Notice]) -> SiteFilter:
    """Return the :class:`SiteFilter` of the known filter parameters (invalid values noted and dropped)."""
    flt = SiteFilter()
    if "years" in values:
        flt = replace(flt, years=_years(values["years"], choices, notices))
    if "alliance" in values:
        flt = replace(flt, alliances=_pick("alliance", values["alliance"], choices.alliances, notices))
    if "country" in values:
        flt = replace(flt, countries=_pick("country", values["country"], choices.countries, notices))
    if "status" in values:
        flt = replace(flt, statuses=_statuses(values["status"], notices))
    if "q" in values:
        text = " ".join(values["q"].split())
        if len(text) > MAX_TEXT_CHARS:
            notices.append(Notice("q", values["q"][:40] + "…", f"longer than {MAX_TEXT_CHARS} characters, cut"))
            text = text[:MAX_TEXT_CHARS]
        flt = replace(flt, text=text)
    if "precision" in values:
        flt = replace(flt, precisions=_pick("precision", values["precision"], PRECISIONS, notices))
    if "family" in values:
        flt = replace(flt, families=_pick("family", values["family"], choices.families, notices))
    if "nato_km" in values:
        flt = replace(flt, max_distance_km=_nato_km(values["nato_km"], notices))
    if "grade" in values:
        flt = replace(flt, min_grade=_grade(values["grade"], notices))
    return flt


def _statuses(raw: str, notices: list[Notice]) -> tuple[str, ...]:
    """The statuses ``?status=`` names (``all`` for every one); none valid: the default, with a notice."""
    if raw.strip().casefold() == "all":
        return STATUSES
    kept = _pick("status", raw, STATUSES, notices)
    if not kept:
        notices.append(Notice("status", raw, f"no known status; counting {', '.join(DEFAULT_STATUSES)} only"))
        return DEFAULT_STATUSES
    return kept


def _grade(raw: str, notices: list[Notice]) -> str | None:
    try:
        return parse_threshold(raw)
    except ValueError as exc:
        notices.append(Notice("grade", raw, f"{exc}, ignored"))
        return None


def _map_options(values: Mapping[str, str], notices: list[Notice]) -> MapOptions:
    """Return the :class:`MapOptions` of the map parameters; rings without a centre ring the NATO border."""
    tiles = _flag("tiles", values["tiles"], notices) if "tiles" in values else False
    rings = _rings(values["rings"], notices) if "rings" in values else ()
    ring_at: str | None = None
    if "ring_at" in values:
        raw = values["ring_at"]
        if raw == NATO_BORDER or _SITE_KEY.match(raw):
            ring_at = raw
        else:
            notices.append(Notice("ring_at", raw, f"expected {NATO_BORDER!r} or a site such as zapad-2021:0, ignored"))
    if ring_at is not None and not rings:
        rings = (50, 100, 200)
    if rings and ring_at is None:
        ring_at = NATO_BORDER
    return MapOptions(tiles=tiles, rings_km=rings, ring_center=ring_at)


def encode(state: ViewState) -> dict[str, str]:
    """Return the query parameters of a state; defaults are left out (an unfiltered view has none).

    Parameters
    ----------
    state
        Filter, map options and exercise.

    Returns
    -------
    dict
        Parameter name -> plain text value, in :data:`KNOWN_PARAMS` order.
    """
    flt, opts = state.filter, state.map
    out: dict[str, str] = {}
    if flt.years is not None:
        first, last = flt.years
        out["years"] = str(first) if first == last else f"{first}-{last}"
    if flt.alliances:
        out["alliance"] = ",".join(flt.alliances)
    if flt.countries:
        out["country"] = ",".join(flt.countries)
    if flt.statuses != DEFAULT_STATUSES:
        out["status"] = "all" if flt.statuses == STATUSES else ",".join(flt.statuses)
    if flt.text:
        out["q"] = flt.text
    if flt.precisions:
        out["precision"] = ",".join(flt.precisions)
    if flt.families:
        out["family"] = ",".join(flt.families)
    if flt.max_distance_km is not None:
        out["nato_km"] = f"{flt.max_distance_km:g}"
    if flt.min_grade is not None:
        out["grade"] = flt.min_grade
    if opts.tiles:
        out["tiles"] = "1"
    if opts.rings_km and opts.ring_center:
        out["rings"] = ",".join(str(km) for km in sorted(opts.rings_km))
        out["ring_at"] = opts.ring_center
    if state.exercise:
        out["exercise"] = state.exercise
    if state.at is not None:
        out["at"] = state.at.isoformat()
    if state.step is not None:
        out["step"] = state.step
    for name, side in zip(COMPARE_PARAMS, state.compare, strict=True):
        if side:
            out[name] = side
    return out
