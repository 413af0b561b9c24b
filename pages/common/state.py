"""Streamlit glue shared by ``app.py`` and the pages: cached loaders, sidebar filters, URL state.

Widgets live in ``app.py``'s run (the sidebar is drawn there, before the page), so their values
survive page switches. Their state is mirrored in the URL: the first run of a session reads the query
parameters (:func:`geo.maps.url_state.decode`), every run writes them back (:func:`geo.maps.url_state.encode`);
the filter parameters are written here, the map parameters by the map page.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from typing import Any

import geopandas as gpd
import streamlit as st

from geo.catalog.filter import PRECISION_LABELS, PRECISIONS, SiteFilter
from geo.catalog.participation import DEFAULT_STATUSES, STATUS_LABELS, STATUSES, statuses_text
from geo.core.countries import country_label
from geo.core.counts import counted
from geo.core.dates import as_of_text
from geo.core.errors import DrillmapError
from geo.core.grading import THRESHOLDS
from geo.core.text import md_escape
from geo.maps.build import DEFAULT_RINGS_KM, MapOptions
from geo.maps.reference import ReferenceLayers, border_rings, nato_facing_border, reference_layers
from geo.maps.url_state import (
    COMPARE_PARAMS,
    FILTER_PARAMS,
    KNOWN_PARAMS,
    MAP_PARAMS,
    MAX_TEXT_CHARS,
    NATO_KM_RANGE,
    Choices,
    ViewState,
    choices_from_sites,
    decode,
    encode,
)
from geo.query.known import KnownSites, known_sites
from geo.query.playback import Step
from geo.query.selection import select
from pages.common.view import View, shared_choices, shared_view

#: Widget keys of the sidebar filters.
K_YEARS, K_ALLIANCES, K_COUNTRIES, K_TEXT = "f_years", "f_alliances", "f_countries", "f_text"
K_PRECISIONS, K_FAMILIES, K_NATO_ON, K_NATO_KM = "f_precisions", "f_families", "f_nato_on", "f_nato_km"
K_GRADE = "f_grade"
#: The grade widget's "no threshold" choice.
ANY_GRADE = "any"
K_STATUSES = "f_statuses"
_URL_READ = "_dm_url_read"
_NOTICES = "_dm_notices"
DEFAULT_NATO_KM = 100

# --- Cached loaders ----------------------------------------------------------------------------


def load_sites() -> gpd.GeoDataFrame:
    """Return the known sites (:func:`load_known`; shared, do not modify)."""
    return load_known().sites


#: What one script run has read already (:func:`begin_run`): per script thread, as sessions run in threads.
_run = threading.local()


def begin_run() -> None:
    """Start a script run of ``app.py``: the run reads the known sites and the sidebar's view once.

    The sidebar and the page each ask for the known sites (:func:`load_known`) and the view
    (:func:`current_view`); each answer checks the catalog files, the reference data and the store
    (milliseconds, every run of every session). One run reads them once, so the sidebar and the page also
    see the same state. :func:`end_run` forgets them: the next run, and a fragment's rerun (which does not
    run ``app.py``), read them afresh.
    """
    _run.memo = {}


def end_run() -> None:
    """End the run :func:`begin_run` started (in a ``finally``: also after ``st.stop()`` or ``st.rerun()``)."""
    _run.memo = None


def load_known() -> KnownSites:
    """Return the known sites and the key of their state (:func:`geo.query.known.known_sites`; shared, do not modify).

    Exercises accepted on the Review page appear at once: a save changes the store's revision, which is
    part of the cache key. A catalog file that cannot be read, or a store that cannot be, is named in a
    warning and the rest is shown; only a catalog that cannot be loaded at all stops the page. Read once
    per run of ``app.py`` (:func:`begin_run`).
    """
    memo: dict[str, Any] | None = getattr(_run, "memo", None)
    if memo is not None and "known" in memo:
        return memo["known"]  # type: ignore[no-any-return]
    known = _read_known()
    if memo is not None:
        memo["known"] = known
    return known


def _read_known() -> KnownSites:
    prepare_reference_early()
    try:
        known = known_sites(build_in_child=True)  # the server never holds the geocoder
    except DrillmapError as exc:
        st.error(f"The catalog cannot be loaded: {md_escape(exc)}")
        st.stop()
        raise  # unreachable: st.stop() raises
    for notice in known.notices:
        st.warning(md_escape(notice[:1].upper() + notice[1:]))
    return known


@functools.cache
def prepare_reference_early() -> None:
    """Start preparing the reference layers in a thread, once per process.

    The first visit to a new server waits for the catalog (a child process builds the sites frame, seconds)
    and then for the reference layers (seconds more): prepared meanwhile, on the other core, they are ready
    when the map is built. So is NATO's land border facing Belarus and Russia as of today, which every map
    draws (half a second the first time: kept per membership, so a map as of another day with the same
    members finds it ready).
    """
    threading.Thread(target=_prepare_map_pieces, name="drillmap-reference", daemon=True).start()


def _prepare_map_pieces() -> None:
    reference_layers()
    nato_facing_border(dt.date.today())


@functools.cache
def prepare_rings_later() -> None:
    """Prepare the default rings along NATO's border as of today in a thread, once per process.

    Half a second the first time they are drawn; kept per membership, so the first "NATO border" click
    finds them ready. Called once a map has been sent, not with the reference layers: computed beside the
    first visit's map, they held the interpreter while that map was built.
    """
    distances_km = tuple(float(km) for km in DEFAULT_RINGS_KM)
    threading.Thread(
        target=border_rings, args=(dt.date.today(), distances_km), name="drillmap-rings", daemon=True
    ).start()


@st.cache_resource(show_spinner="Preparing the reference layers…")
def reference() -> ReferenceLayers:
    """Return the map's reference layers, prepared once per server process."""
    return reference_layers()


def choices() -> Choices:
    """Return what the catalog offers (years, countries, families)."""
    return _choices(load_known())


def _choices(known: KnownSites) -> Choices:
    return shared_choices(known.key, known.sites) if known.key else choices_from_sites(known.sites)


# --- The current view --------------------------------------------------------------------------


def year_range(value: object, ch: Choices) -> tuple[int, int]:
    """The Years widget's value as a (first, last) pair; anything else (a client that sent one number, or
    none) is every year, so a page run never fails on it."""
    if isinstance(value, tuple | list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (int(value[0]), int(value[1]))
    return ch.years


def filter_from_widgets(ch: Choices) -> SiteFilter:
    """Build the :class:`SiteFilter` the sidebar widgets describe (the one the CLI would build)."""
    # Each widget's value is read once (session state is a proxy: a read costs more than a dict's).
    state = {key: st.session_state[key] for key in FILTER_KEYS if key in st.session_state}
    years = year_range(state.get(K_YEARS), ch)
    nato_on = bool(state.get(K_NATO_ON, False))
    alliances, countries = set(state.get(K_ALLIANCES, [])), set(state.get(K_COUNTRIES, []))
    statuses, precisions = set(state.get(K_STATUSES, DEFAULT_STATUSES)), set(state.get(K_PRECISIONS, []))
    families, grade = set(state.get(K_FAMILIES, [])), state.get(K_GRADE, ANY_GRADE)
    return SiteFilter(
        years=None if years == ch.years else (int(years[0]), int(years[1])),
        alliances=tuple(a for a in ch.alliances if a in alliances),
        countries=tuple(c for c in ch.countries if c in countries),
        # Emptying the statuses box does not count every status: it falls back to "took part".
        statuses=tuple(s for s in STATUSES if s in statuses) or DEFAULT_STATUSES,
        text=" ".join(str(state.get(K_TEXT, "")).split())[:MAX_TEXT_CHARS],
        precisions=tuple(p for p in PRECISIONS if p in precisions),
        families=tuple(f for f in ch.families if f in families),
        max_distance_km=float(state.get(K_NATO_KM, DEFAULT_NATO_KM)) if nato_on else None,
        min_grade=None if grade in (ANY_GRADE, None) else str(grade),
    )


def current_view() -> View:
    """Return the catalog filtered by the sidebar (the same :func:`geo.catalog.filter.filter_sites` as the CLI).

    The view of a filter is computed once per catalog state and shared by every session (most of a page
    run's work otherwise, repeated in every run of every session): the derived-catalog key names every
    file, revision and setting the known sites come from, and the filter names the rest.
    """
    memo: dict[str, Any] | None = getattr(_run, "memo", None)
    if memo is not None and "view" in memo:  # the sidebar's, asked again by the page in the same run
        return memo["view"]  # type: ignore[no-any-return]
    known = load_known()
    ch = _choices(known)
    view = view_of(known, filter_from_widgets(ch), ch)
    if memo is not None:
        memo["view"] = view
    return view


def view_of(known: KnownSites, flt: SiteFilter, ch: Choices) -> View:
    """The :class:`View` of ``flt`` on ``known``: shared by every session on the same catalog state (read only)."""
    if not known.key:  # a state without a key cannot be named: computed for this run alone
        return View(selection=select(known.sites, flt), choices=ch)
    return shared_view(f"{known.key} {flt!r}", known, flt, ch)


# --- URL state ---------------------------------------------------------------------------------


def query_params() -> dict[str, list[str]]:
    """Return every query parameter with all its values."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def _seed_filter_widgets(flt: SiteFilter, ch: Choices) -> None:
    state = st.session_state
    state[K_YEARS] = flt.years or ch.years
    state[K_ALLIANCES] = list(flt.alliances)
    state[K_COUNTRIES] = list(flt.countries)
    state[K_STATUSES] = list(flt.statuses)
    state[K_TEXT] = flt.text
    state[K_PRECISIONS] = list(flt.precisions)
    state[K_FAMILIES] = list(flt.families)
    state[K_NATO_ON] = flt.max_distance_km is not None
    lo, hi = NATO_KM_RANGE
    state[K_NATO_KM] = int(min(max(flt.max_distance_km or DEFAULT_NATO_KM, lo), hi))
    state[K_GRADE] = flt.min_grade or ANY_GRADE


def read_url_once(ch: Choices) -> None:
    """On a session's first run, set the filter widgets from the URL and keep its notices."""
    if st.session_state.get(_URL_READ):
        return
    state, notices = decode(query_params(), ch)
    _seed_filter_widgets(state.filter, ch)
    st.session_state[_NOTICES] = [str(n) for n in notices]
    st.session_state[_URL_READ] = True


def _set_params(wanted: dict[str, str], names: tuple[str, ...]) -> None:
    """Make the URL hold exactly ``wanted`` among ``names`` (touching it only when something changes)."""
    for name in names:
        value = wanted.get(name)
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get_all(name) != [value]:
            st.query_params[name] = value


def write_filter_params(flt: SiteFilter) -> None:
    """Mirror the filter in the URL; drop parameters Drillmap does not know."""
    for name in list(st.query_params):
        if name not in KNOWN_PARAMS:
            del st.query_params[name]
    _set_params(encode(ViewState(filter=flt)), FILTER_PARAMS)


def write_map_params(options: MapOptions) -> None:
    """Mirror the map options in the URL (called by the map page)."""
    _set_params(encode(ViewState(map=options)), MAP_PARAMS)


def url_map_options(ch: Choices) -> MapOptions:
    """Return the map options the current URL describes (notices were shown on the first run)."""
    return decode(query_params(), ch)[0].map


def url_exercise(ch: Choices) -> str | None:
    """Return the exercise id the current URL names (``?exercise=``), if it is well formed and in the catalog."""
    return decode(query_params(), ch)[0].exercise


def write_exercise_param(exercise_id: str | None) -> None:
    """Mirror the exercise shown by the Exercises page in the URL (None removes it)."""
    _set_params(encode(ViewState(exercise=exercise_id)), ("exercise",))


def url_moment(ch: Choices) -> tuple[dt.date | None, Step | None]:
    """Return the Playback page's moment and step size from the URL (``?at=&step=``), each None when absent or bad."""
    state = decode(query_params(), ch)[0]
    return state.at, state.step


def write_moment_params(at: dt.date, step: Step) -> None:
    """Mirror the Playback page's moment and step size in the URL."""
    _set_params(encode(ViewState(at=at, step=step)), ("at", "step"))


def url_compare(ch: Choices) -> tuple[str | None, str | None]:
    """Return the Compare page's sides A and B the current URL names (``?a=2017&b=zapad-2021``), if valid."""
    return decode(query_params(), ch)[0].compare


def write_compare_params(a: str | None, b: str | None) -> None:
    """Mirror the Compare page's sides in the URL."""
    _set_params(encode(ViewState(compare=(a, b))), COMPARE_PARAMS)


def show_notices() -> None:
    """Show the notices about ignored URL parameters, with a button to dismiss them.

    A notice quotes the link's parameter names and values, which anyone can write: it is Markdown-escaped
    (:func:`geo.core.text.md_escape`), so a link cannot put a live link or an image on the page.
    """
    notices: list[str] = st.session_state.get(_NOTICES, [])
    if not notices:
        return
    box = st.container()
    box.warning(
        "Some link parameters were ignored or adjusted:\n\n" + "\n".join(f"- {md_escape(n)}" for n in notices),
        icon=":material/warning:",
    )
    if box.button("Dismiss", key="dm_dismiss_notices"):
        st.session_state[_NOTICES] = []
        st.rerun()


# --- The sidebar -------------------------------------------------------------------------------


def precision_label(precision: str) -> str:
    """Label of a precision option."""
    return PRECISION_LABELS.get(precision, precision)


#: Session keys of the filter widgets.
FILTER_KEYS: tuple[str, ...] = (
    K_YEARS,
    K_ALLIANCES,
    K_COUNTRIES,
    K_STATUSES,
    K_TEXT,
    K_PRECISIONS,
    K_FAMILIES,
    K_NATO_ON,
    K_NATO_KM,
    K_GRADE,
)


def keep_filters() -> None:
    """Keep the filters' values through a page that does not draw them (the Review page).

    Streamlit forgets the state of a widget that is not drawn in a run; writing each value back makes it
    plain session state, which the widgets pick up again on the next page that draws them.
    """
    for key in FILTER_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _reset_filters() -> None:
    ch = choices()
    _seed_filter_widgets(SiteFilter(), ch)


def grade_choice_label(choice: str) -> str:
    """The grade widget's wording: ``any grade`` or ``B2 or better`` (a module function: widget state is pickled)."""
    return "any grade" if choice == ANY_GRADE else f"{choice} or better"


def _grade_widget(bar: Any) -> None:
    """The "source grade" threshold (``?grade=``, ``--min-grade``)."""
    bar.selectbox(
        "Source grade (Admiralty)",
        options=[ANY_GRADE, *THRESHOLDS],
        key=K_GRADE,
        format_func=grade_choice_label,
        help="Only facts whose citation is graded this well: source reliability A–E and information credibility "
        "1–5 each at least as good (B2: reliability A or B and credibility 1 or 2). F, 6 and not graded never "
        "qualify; a site stays when one of its citations qualifies, a figure when one supporting citation does.",
    )


def _years_widget(bar: Any, ch: Choices, *, shown: bool) -> None:
    """The Years range slider, or (``shown=False``) a caption, keeping its value for the other pages."""
    lo, hi = ch.years
    if not shown:
        if K_YEARS in st.session_state:  # an undrawn widget's state is dropped at the end of the run
            st.session_state[K_YEARS] = st.session_state[K_YEARS]
        bar.caption("Years: each side of the comparison chooses its own.")
    elif lo < hi:
        # A range slider only when its state is a pair: with one number (or none) Streamlit draws a single
        # handle and returns an int.
        st.session_state[K_YEARS] = year_range(st.session_state.get(K_YEARS), ch)
        bar.slider("Years", min_value=lo, max_value=hi, key=K_YEARS, help="Exercises whose dates overlap these years")


def sidebar(*, years: bool = True) -> View:
    """Draw the sidebar filters, mirror them in the URL and return the filtered view.

    ``years=False`` (the Compare page, whose sides choose their own years) draws no Years slider but keeps
    its value for the other pages.
    """
    ch = choices()
    read_url_once(ch)
    bar = st.sidebar
    bar.markdown("### Filters")
    _years_widget(bar, ch, shown=years)
    bar.multiselect("Alliance", options=list(ch.alliances), key=K_ALLIANCES, placeholder="All alliances")
    bar.multiselect(
        "Participating country",
        options=list(ch.countries),
        key=K_COUNTRIES,
        format_func=country_label,
        placeholder="Any participant",
    )
    bar.multiselect(
        "Participant statuses counted",
        options=list(STATUSES),
        key=K_STATUSES,
        format_func=STATUS_LABELS.__getitem__,
        placeholder="took part (default)",
        help="Which countries the participant filter counts: by default only those that took part, not those "
        "that withdrew, whose part is disputed, or that only observed",
    )
    counted_statuses = tuple(s for s in STATUSES if s in st.session_state.get(K_STATUSES, [])) or DEFAULT_STATUSES
    bar.caption(f"The participant filter counts: {statuses_text(counted_statuses)}.")
    bar.text_input("Search", key=K_TEXT, max_chars=MAX_TEXT_CHARS, placeholder="Name, summary or place, e.g. Zapad")
    bar.multiselect(
        "Precision of the place",
        options=list(PRECISIONS),
        key=K_PRECISIONS,
        format_func=precision_label,
        placeholder="Any precision",
    )
    bar.multiselect("Exercise family", options=list(ch.families), key=K_FAMILIES, placeholder="All families")
    bar.toggle(
        "Only sites near NATO", key=K_NATO_ON, help="Distance from the site to the nearest NATO member's territory"
    )
    if st.session_state.get(K_NATO_ON):
        km_lo, km_hi = NATO_KM_RANGE
        bar.slider("Within (km of NATO territory)", min_value=km_lo, max_value=km_hi, step=5, key=K_NATO_KM)
    _grade_widget(bar)
    bar.button("Reset filters", on_click=_reset_filters, width="stretch")

    view = current_view()
    write_filter_params(view.filter)
    left, right = bar.columns(2)
    left.metric("Exercises", view.n_exercises, border=True)
    right.metric("Sites", view.n_sites, border=True)
    unresolved = len(view.unresolved)
    bar.caption(
        f"{counted(len(view.drawn), 'site')} on the map · {unresolved} unresolved · "
        f"alliances as of {as_of_text(view.period_end)}"
    )
    return view


def page_header(title: str, caption: str | None = None) -> None:
    """Write a page title and an optional one-line caption."""
    st.markdown(f"## {title}")
    if caption:
        st.caption(caption)
