"""Match draft events against exercises already known, and list what the report adds.

A named draft matches a known exercise when their normalised family names agree (rapidfuzz
token-sort ratio of at least :data:`geo.core.settings.MATCH_MIN_NAME_SCORE`, after mapping variants such
as West → Zapad) and their years and editions agree ("Iron Wolf 2025-II" is not "Iron Wolf 2025").
An unnamed draft matches when the alliance is the same, the start (or announcement) dates are at most
:data:`geo.core.settings.MATCH_MAX_DAYS` apart or the draft's date falls inside the exercise, and a location
or two participants are shared.

A match never overwrites: facts the report adds (participants, observers, figures, locations, a more
precise date) are *additions* a reviewer can accept; contradictions are listed as *differences*.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from geo.catalog.participation import STATUS_FIELDS, STATUS_LABELS
from geo.catalog.schema import Exercise
from geo.core import settings
from geo.core.dates import date_precision_of, earliest_date, latest_date
from geo.extract.draft import PARTY_FIELDS, Additions, Difference, DraftEvent, DraftFigure, DraftPlace, Match
from geo.extract.names import NameLexicon, name_key, split_name
from geo.extract.places import geocode_cached, location_key

_RANK = {"year": 1, "month": 2, "day": 3}


def _figure_key(what: str, value: int, qualifier: str) -> tuple[str, int, str]:
    return (what.lower().replace("armoured", "armored"), value, qualifier)


class Matcher:
    """Index of known exercises by normalised name and year; build once per catalog.

    Parameters
    ----------
    exercises
        The exercises drafts are matched against.
    """

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self.exercises = list(exercises)
        self.lexicon = NameLexicon.from_catalog(self.exercises)
        self.names: list[tuple[str, int | None, Exercise]] = []
        self._keys: dict[str, set[str]] = {}
        for exercise in self.exercises:
            for name in (exercise.name, *exercise.alt_names):
                base, year, edition = split_name(name, exercise.year)
                self.names.append((self._key(base, edition), year or exercise.year, exercise))

    def _key(self, base: str, edition: str | None) -> str:
        """Folded family name, with the edition ("Iron Wolf 2024-II" → ``iron wolf ii``)."""
        key = name_key(self.lexicon.canonical(base))
        return f"{key} {edition.lower()}" if edition else key

    def site_keys(self, exercise: Exercise) -> set[str]:
        """Return the location keys of an exercise's sites, geocoding them on first use only."""
        if exercise.id not in self._keys:
            found = set()
            for site in exercise.sites:
                query = site.resolve_as or site.place
                found.add(location_key(geocode_cached(query, site.country), query))
            self._keys[exercise.id] = found
        return self._keys[exercise.id]

    def match(self, draft: DraftEvent) -> Match | None:
        """Return the best match of a draft event with its additions and differences, or None."""
        found = self._by_name(draft) if draft.name_normalized else self._by_facts(draft)
        if found is None:
            return None
        exercise, score, how = found
        additions, differences = compare(exercise, draft, self.site_keys(exercise))
        return Match(exercise.id, exercise.name, round(score, 1), how, additions, differences)

    def _by_name(self, draft: DraftEvent) -> tuple[Exercise, float, str] | None:
        assert draft.name_normalized is not None
        base, name_year, edition = split_name(draft.name_normalized)
        year = name_year or draft.year
        if year is None:
            return None  # "Unbreakable Brotherhood" with no date could be any year's
        key = self._key(base, edition)
        best: tuple[Exercise, float, str] | None = None
        for known_key, known_year, exercise in self.names:
            if known_year != year:
                continue
            score = fuzz.token_sort_ratio(key, known_key)
            if score >= settings.MATCH_MIN_NAME_SCORE and (best is None or score > best[1]):
                best = (
                    exercise,
                    score,
                    f"name {draft.name_normalized!r} ~ {exercise.name!r} ({score:.0f}), year {year}",
                )
        return best

    def _by_facts(self, draft: DraftEvent) -> tuple[Exercise, float, str] | None:
        when = draft.start or draft.announced
        if not draft.alliance or not when:
            return None
        day = earliest_date(when)
        draft_keys = {_place_key(loc) for loc in draft.locations if not loc.is_context}
        best: tuple[Exercise, float, str] | None = None
        for exercise in self.exercises:
            if exercise.alliance != draft.alliance:
                continue
            first = exercise.as_of
            last = latest_date(exercise.end) if exercise.end else first
            gap = 0 if first <= day <= max(last, first) else min(abs((day - first).days), abs((day - last).days))
            if gap > settings.MATCH_MAX_DAYS:
                continue
            shared_places = draft_keys & self.site_keys(exercise)
            shared_parties = set(draft.participants) & set(exercise.participants)
            if not shared_places and len(shared_parties) < 2:
                continue
            score = 100.0 - gap * 2 + 5 * len(shared_places)
            how = (
                f"unnamed: same alliance {exercise.alliance}, dates {gap} days apart, "
                f"{len(shared_places)} shared location(s), participants in common {sorted(shared_parties)}"
            )
            if best is None or score > best[1]:
                best = (exercise, min(score, 100.0), how)
        return best


#: The status a report gives a country it lists in each draft role.
_ROLE_STATUS: dict[str, str] = {field: status for status, field in STATUS_FIELDS.items()}


def _place_key(loc: DraftPlace) -> str:
    return location_key(geocode_cached(loc.phrase, loc.country_context), loc.phrase)


def compare(exercise: Exercise, draft: DraftEvent, site_keys: set[str]) -> tuple[Additions, dict[str, Difference]]:
    """Return (additions, differences) of a draft event against a known exercise.

    Additions: participants, observers and non-participants the exercise does not name with any status
    (:attr:`geo.catalog.schema.Exercise.participation`), figures not yet listed,
    resolved locations whose place is not yet a site, and a start/end date that refines a less precise
    known one. Differences: alliance, and dates that contradict the known ones.
    """
    # A country the exercise already names keeps its status (a cited withdrawal is not undone by a report
    # that repeats the announced list): only countries it does not name at all are additions.
    named = exercise.participation
    parties = {role: tuple(c for c in draft.parties(role) if c not in named) for role in PARTY_FIELDS}
    differences: dict[str, Difference] = {}
    for role in PARTY_FIELDS:  # ... but the reviewer is told when the report gives it another status
        found = _ROLE_STATUS[role]
        for iso3 in draft.parties(role):
            known = named.get(iso3)
            if known is not None and known != found:
                differences[f"status of {iso3}"] = Difference(STATUS_LABELS[known], STATUS_LABELS[found])
    known_figures = {_figure_key(f.what, f.value, f.qualifier) for f in exercise.figures}
    figures: tuple[DraftFigure, ...] = tuple(
        f for f in draft.figures if _figure_key(f.what, f.value, f.qualifier) not in known_figures
    )
    locations = tuple(
        loc for loc in draft.locations if loc.resolved and not loc.is_context and _place_key(loc) not in site_keys
    )
    if draft.alliance and draft.alliance != exercise.alliance:
        differences["alliance"] = Difference(exercise.alliance, draft.alliance)
    dates: dict[str, str] = {}
    for field in ("start", "end"):
        known, found = getattr(exercise, field), getattr(draft, field)
        if not found:
            continue
        if known is None:
            if field == "end" and exercise.ongoing:
                continue
            dates[field] = found
        elif found != known:
            inside = earliest_date(known) <= earliest_date(found) and latest_date(found) <= latest_date(known)
            if inside and _RANK[date_precision_of(found)] > _RANK[date_precision_of(known)]:
                dates[field] = found
            elif not (earliest_date(found) <= earliest_date(known) and latest_date(known) <= latest_date(found)):
                differences[field] = Difference(known, found)
    additions = Additions(
        participants=parties["participants"],
        observers=parties["observers"],
        non_participants=parties["non_participants"],
        figures=figures,
        locations=locations,
        start=dates.get("start"),
        end=dates.get("end"),
    )
    return additions, differences
