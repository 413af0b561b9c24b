"""Assemble the fields of one grouped event into a :class:`~geo.extract.draft.DraftEvent`.

Name, alliance (a CSTO/NATO/Union State cue, else from the participants), dates with a precision
(:mod:`geo.extract.dates`), participants, observers and non-participants (:mod:`geo.extract.participants`),
figures (:mod:`geo.extract.numbers`) and locations (:mod:`geo.extract.places`) come from the clauses that
speak of the exercise (:func:`geo.extract.grouping.relevant_spans`). The date of a news-agency dateline
dates the report, never the exercise. The host country counts as a participant when it belongs to the
exercise's alliance (or no alliance is stated); a note says so. Every value cites its sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from geo.core.dates import date_precision_of, earliest_date, latest_date
from geo.extract import dates as dates_mod
from geo.extract.all_members import members_taking_part
from geo.extract.alliance_cues import ALLIANCE_CUES, AS_CONTEXT, MANY_COUNTRIES, in_title
from geo.extract.bases_abroad import based_abroad
from geo.extract.cues import FORMATION_ANNOUNCED
from geo.extract.draft import (
    CONTEXT_ROLE,
    PARTY_FIELDS,
    DraftEvent,
    DraftFigure,
    DraftPlace,
    FieldRef,
    PartyField,
    Quote,
)
from geo.extract.event_dates import Dated, anchor_dates, best, choose_start, without_phases, without_tallies
from geo.extract.event_places import hosts_of, not_held_at, overview_countries
from geo.extract.grouped import GroupedEvent
from geo.extract.grouping import alliance_members, relevant_spans
from geo.extract.names import NameMention
from geo.extract.numbers import FigureMention, find_figures
from geo.extract.participants import find_parties
from geo.extract.place_sides import EAST, across_sides, other_side, reaction_border
from geo.extract.places import PlaceMention, find_places, geocode_cached, location_key
from geo.extract.proxy_country import held_country
from geo.extract.range_holders import holder_after
from geo.extract.segments import inside, narrow, own_segments
from geo.extract.text import Sentence, wire_dateline
from geo.geocode.result import GeocodeResult

#: An exercise dated only by "last year" ("Last year the maneuvers were combined with … Saber Strike").
_LAST_YEAR = re.compile(r"\blast\s+year\b(?!['’]s)", re.I)
#: Alliance → the membership table of :func:`geo.reference.membership.members_on`.
_MEMBERSHIP = {"CSTO": "CSTO", "NATO": "NATO", "Russia-Belarus": "Union State"}


@dataclass
class _Dates:
    """The dates an event gets, before it is frozen into a draft."""

    start: str | None = None
    end: str | None = None
    announced: str | None = None
    precision: str = "unknown"
    as_written: dict[str, str] = field(default_factory=dict)
    year: int | None = None


def _as_of(dates: _Dates) -> dt.date | None:
    value = dates.start or dates.announced
    return earliest_date(value) if value else None


def _unnamed_label(alliance: str | None, dates: _Dates) -> str:
    when = dates.start or dates.announced or "undated"
    return f"Unnamed {alliance or 'unattributed'} exercise ({when})"


def build_draft(
    event: GroupedEvent,
    names_of: dict[int, list[NameMention]],
    all_sentences: list[Sentence],
    published: dt.date | None,
    *,
    series: Mapping[str, str] | None = None,
) -> DraftEvent:
    """Return the draft event of one grouped event, every value citing its sentence.

    Parameters
    ----------
    event
        An event of :func:`geo.extract.grouping.group_sentences`.
    names_of
        The name mentions of every sentence, by sentence index.
    all_sentences
        Every sentence of the article (paragraph starts and earlier sentences are read from them).
    published
        The publication date relative dates resolve against, if any.
    series
        Family name -> the alliance running the series (:attr:`geo.extract.names.NameLexicon.series`): the
        alliance of a named event whose sentences name none, before it is inferred from the participants.
    """
    return _Builder(event, names_of, all_sentences, published, series or {}).build()


class _Builder:
    """Extract the fields of one grouped event."""

    def __init__(
        self,
        event: GroupedEvent,
        names_of: dict[int, list[NameMention]],
        all_sentences: list[Sentence],
        published: dt.date | None,
        series: Mapping[str, str],
    ) -> None:
        self.event = event
        self.series = series
        self.all = all_sentences
        self.published = published
        self.usable = [s for s, ok in event.sentences if ok]
        self.evidence: dict[FieldRef, Sentence] = {}
        self.notes: list[str] = []
        self.names_of = names_of
        # A sentence naming several exercises gives each its own stretch.
        mine: set[str | None] = {n.key for n, _ in event.names}
        self.own = {s.index: own_segments(s.text, names_of[s.index], mine) for s in self.usable}
        self.spans = {
            s.index: narrow(relevant_spans(s.text, names_of[s.index]), self.own[s.index]) for s in self.usable
        }

    def _opens_paragraph(self, sentence: Sentence) -> bool:
        return sentence.index == 0 or self.all[sentence.index - 1].paragraph != sentence.paragraph

    def cite(self, ref: FieldRef, sentence: Sentence) -> None:
        self.evidence.setdefault(ref, sentence)

    def build(self) -> DraftEvent:
        name, name_normalized = self._name()
        dates = self._dates()
        figures = self._figures()
        parties = self._parties()
        locations = self._locations(set(parties["participants"]))
        alliance = self._alliance() or self._series_alliance()
        as_of = _as_of(dates) or self.published
        for iso3, sentence in members_taking_part(self.usable, self.spans, as_of):  # "all the CSTO member states"
            if iso3 not in parties["participants"] and iso3 not in parties["non_participants"] + parties["observers"]:
                parties["participants"].append(iso3)
                self.cite(FieldRef("participants", iso3), sentence)
        if not based_abroad(s.text for s in self.usable):  # "units of the 201st Russian base": not Tajikistan's
            self._host(alliance, as_of, locations, parties)
        if alliance is None:
            alliance = self._alliance_from_participants(parties["participants"], as_of)
        if alliance == "Russia-Belarus" and as_of is not None:
            self._union_members(as_of, parties["participants"])
        return DraftEvent(
            label=name or _unnamed_label(alliance, dates),
            name=name,
            name_normalized=name_normalized,
            alliance=alliance,
            start=dates.start,
            end=dates.end,
            announced=dates.announced,
            date_precision=dates.precision,
            year=dates.year,
            dates_as_written=dates.as_written,
            figures=tuple(figures),
            locations=tuple(locations),
            participants=tuple(parties["participants"]),
            observers=tuple(parties["observers"]),
            non_participants=tuple(parties["non_participants"]),
            evidence={ref: Quote(s.text, s.start, s.end) for ref, s in self.evidence.items()},
            sentences=tuple(s.index for s, _ in self.event.sentences),
            notes=tuple(self.notes),
        )

    def _name(self) -> tuple[str | None, str | None]:
        if not self.event.names:
            return None, None
        mention, sentence = self.event.names[0]
        with_year = next(((n, s) for n, s in self.event.names if n.year), None)
        self.cite(FieldRef("name"), sentence)
        return mention.text, (with_year[0] if with_year else mention).normalized

    def _date_mentions(self) -> tuple[list[Dated], Sentence | None]:
        """Return every dating mention of the event's sentences, and the first sentence saying it is undated."""
        year_hint = self.event.year
        dated: list[Dated] = []
        undated: Sentence | None = None
        for sentence in self.usable:
            filed = wire_dateline(sentence.text) if self._opens_paragraph(sentence) else 0
            for mention in dates_mod.find_dates(sentence.text):
                own = self.own[sentence.index]
                if mention.start < filed or (own is not None and not inside(mention.start, own)):
                    continue  # "VILNIUS, Oct 8 (Reuters) - …": when the report was filed; or another exercise's date
                role = dates_mod.date_role(sentence.text, mention)
                if role == "undated":
                    undated = undated or sentence
                    continue
                if role == "none":
                    continue
                resolved = dates_mod.resolve(
                    mention, sentence=sentence.text, published=self.published, year_hint=year_hint, role=role
                )
                week = bool(mention.relative and mention.relative.endswith("week"))
                dated.append(Dated(role, resolved, mention.text, sentence, week))
            dated += anchor_dates(sentence, self.all[: sentence.index], year_hint, self.published)  # all[i].index == i
        return dated, undated

    def _note_dates(self, dated: list[Dated]) -> dict[str, str]:
        """Note how each date was read (or why it was left unresolved); return the words as written, by role."""
        as_written: dict[str, str] = {}
        for d in dated:
            as_written.setdefault(d.role if d.role not in ("range", "arrival") else "start", d.mention_text)
            if d.resolved is None and d.week and self.published is not None:
                self.notes.append(
                    f"date {d.mention_text!r} ({d.role}) left unresolved: a week is not a catalog precision"
                    " and this one spans two months"
                )
            elif d.resolved is None:
                self.notes.append(f"date {d.mention_text!r} ({d.role}) left unresolved: no publication date or year")
            elif "=" in d.resolved.how or "publication" in d.resolved.how or "name" in d.resolved.how:
                self.notes.append(f"date: {d.resolved.how}")
        return as_written

    def _dates(self) -> _Dates:
        dated, undated = self._date_mentions()
        dated = without_tallies(without_phases(dated))  # a phase inside the exercise's range; a tally's period
        ends = [
            ((d.resolved.last or d.resolved.first), d.resolved.precision, d.sentence)
            for d in dated
            if d.resolved and (d.role == "end" or (d.role == "range" and d.resolved.last))
        ]
        # The earliest announcement day; on a tie the earlier sentence (sentences themselves do not sort).
        announced = sorted(
            (
                (d.resolved.first, d.sentence)
                for d in dated
                if d.resolved
                and d.role == "announced"
                and d.resolved.precision == "day"
                # "On October 10, Lukashenko announced the formation of a regional grouping": no exercise announced
                and not FORMATION_ANNOUNCED.search(d.sentence.text)
            ),
            key=lambda day_sentence: (day_sentence[0], day_sentence[1].index),
        )
        out = _Dates(as_written=self._note_dates(dated))
        start, start_note = choose_start(dated, self.published)
        end = best(ends)
        if start_note:
            self.notes.append(start_note)
        if start:
            out.start = start[0]
            self.cite(FieldRef("start"), start[2])
        if end:
            out.end = end[0]
            self.cite(FieldRef("end"), end[2])
        if announced:
            out.announced = announced[0][0]
            self.cite(FieldRef("announced"), announced[0][1])
        if out.start and out.end and latest_date(out.end) < earliest_date(out.start):
            self.notes.append(f"end {out.end} is before start {out.start}: end dropped")
            out.end = None
            self.evidence.pop(FieldRef("end"), None)
        year_hint = self.event.year
        if out.start is None and year_hint is not None and self.event.names:
            out.start = str(year_hint)
            self.cite(FieldRef("start"), next(s for n, s in self.event.names if n.year))
            self.notes.append(f"start: year {year_hint} from the exercise's name; the report gives no start date")
        if out.start is not None:
            out.precision = date_precision_of(out.start)
        elif undated is not None or out.announced is not None:
            out.precision = "announced"
            if undated is not None:
                self.cite(FieldRef("undated"), undated)
        years = [int(v[:4]) for v in (out.start, out.announced) if v]
        out.year = years[0] if years else year_hint
        if out.year is None and self.published is not None and self._last_year():
            out.year = self.published.year - 1  # "Last year the maneuvers were combined with … Saber Strike"
            self.notes.append(f"year {out.year}: 'last year', the year before the report's")
        elif out.year is None and self.published is not None:
            # A report of drills it gives no date for speaks of its own time ("… will participate").
            out.year = self.published.year
            self.notes.append(f"year {out.year}: the report's publication year; the report dates nothing")
        return out

    def _last_year(self) -> bool:
        """Whether every sentence giving the event's facts dates it "last year" (an edition the report recalls)."""
        return bool(self.usable) and all(_LAST_YEAR.search(s.text) for s in self.usable)

    def _figures(self) -> list[DraftFigure]:
        found: list[tuple[FigureMention, Sentence]] = []
        for sentence in self.usable:
            for figure in find_figures(sentence.text):
                if not inside(figure.start, self.spans[sentence.index]):
                    continue
                same = any(
                    (f.what, f.value, f.value_max, f.qualifier)
                    == (figure.what, figure.value, figure.value_max, figure.qualifier)
                    for f, _ in found
                )
                if not same:
                    found.append((figure, sentence))
        out = []
        for i, (figure, sentence) in enumerate(found):
            out.append(DraftFigure(figure.what, figure.value, figure.qualifier, figure.as_stated, figure.value_max))
            self.cite(FieldRef("figures", i), sentence)
        return out

    def _locations(self, participants: set[str]) -> list[DraftPlace]:
        places: dict[str, tuple[DraftPlace, Sentence]] = {}
        seen_in: dict[int, set[str]] = {}  # the countries each sentence places the exercise in ("": a finer place)
        hosts = hosts_of(s.text for s in self.usable)
        everywhere = [m for s in self.usable for m in find_places(s.text)]  # the event's places, for held_country
        for sentence in self.usable:
            mentions = find_places(sentence.text)
            for i, place in enumerate(mentions):
                if not_held_at(place, sentence.text, self.spans[sentence.index], self.names_of[sentence.index]):
                    continue
                if reaction_border(place, participants, sentence.text):
                    # "Poland moved units to its border with Belarus": another state's own border, a reaction.
                    self.notes.append(f"location {place.text!r} dropped: the border of a non-participant")
                    continue
                result, query = self._within(place, mentions[i + 1 :], sentence.text)
                if (abroad := held_country(place, result, mentions, everywhere)) is not None:
                    result, query, note = abroad  # "in Armenia at the Armavir training ground": not Russia's Armavir
                    self.notes.append(note)
                if (side := other_side(place, result, mentions, participants, sentence.text, hosts)) is not None:
                    result, note = side
                    self.notes.append(note)
                country = (result.country or "") if result.kind == "country" else ""
                seen_in.setdefault(sentence.index, set()).add(country)
                key = location_key(result, query)
                if key in places:
                    known, first = places[key]
                    if place.text not in known.also_written and place.text != known.text:
                        places[key] = (replace(known, also_written=(*known.also_written, place.text)), first)
                    continue
                draft = DraftPlace.from_result(
                    place.text, result, query=place.query, context=place.context, role=place.role
                )
                places[key] = (draft, sentence)
        return self._drop_coarse(self._drop_overview(list(places.values()), seen_in))

    def _drop_overview(
        self, places: list[tuple[DraftPlace, Sentence]], seen_in: dict[int, set[str]]
    ) -> list[tuple[DraftPlace, Sentence]]:
        """Leave out the other countries of an overview ("will hold exercises in A, B, C and D") naming no exercise.

        Only when a sentence naming this event places it in countries of its own ("A will host the X exercise"),
        which the overview's countries hold and exceed: the rest are the other exercises' hosts.
        """
        others = overview_countries(seen_in, {s.index for _, s in self.event.names})
        kept = [(p, s) for p, s in places if p.kind != "country" or p.country not in others]
        if len(kept) < len(places):
            self.notes.append("locations of an overview of several exercises left to the others: this one has its own")
        return kept

    def _within(self, place: PlaceMention, following: list[PlaceMention], sentence: str) -> tuple[GeocodeResult, str]:
        """Geocode a place; a range the gazetteer lacks, written "in" a place it knows, is located as that place.

        "the Harb-Maidon training ground in the Tajik southern Khatlon province": the range lies somewhere in
        that province (or country), so the province's area is its honest extent; a note says so.
        """
        result = geocode_cached(place.query, place.context)
        if result.status == "resolved" or (after := holder_after(place, following, sentence)) is None:
            return result, place.query
        within = geocode_cached(after.query, after.context)
        if within.status != "resolved":
            return result, place.query
        self.notes.append(f"location {place.text!r} is not in the gazetteer: located as {after.text!r}, which holds it")
        return within, after.query

    def _drop_coarse(self, places: list[tuple[DraftPlace, Sentence]]) -> list[DraftPlace]:
        """Mark a country as context when a more precise place in it is given; cite and note every place.

        "to be held in Belarus … at the Losvido training ground": Belarus is where the exercise is, so it
        stays a location, but as a container of the finer one (role ``context``), which the path to the
        catalog leaves out unless the reviewer keeps it (a whole-country site reads 0 km from NATO).
        """
        finer = {p.country for p, _ in places if p.resolved and p.kind != "country"}
        kept = [
            (replace(p, role=CONTEXT_ROLE) if p.kind == "country" and p.country in finer else p, s) for p, s in places
        ]
        context = [p.text for p, _ in kept if p.is_context]
        if context:
            self.notes.append(f"locations {context} kept as context: a more precise place in the same country is given")
        for i, (place, sentence) in enumerate(kept):
            self.cite(FieldRef("locations", i), sentence)
            if not place.resolved:
                self.notes.append(f"location {place.text!r} is unresolved: {place.explanation}")
        return [p for p, _ in kept]

    def _parties(self) -> dict[PartyField, list[str]]:
        roles: dict[str, dict[str, Sentence]] = {"participant": {}, "observer": {}, "non_participant": {}}
        for sentence in self.usable:
            before = self.all[sentence.index - 1].text if sentence.index else ""  # for "these countries"
            for party in find_parties(sentence.text, before=before):
                if inside(sentence.text.find(party.text), self.spans[sentence.index]):
                    roles[party.role].setdefault(party.iso3, sentence)
        for iso3 in sorted(set(roles["participant"]) & set(roles["non_participant"])):
            self.notes.append(f"{iso3}: the report says it takes part and that it does not; listed as not taking part")
            roles["participant"].pop(iso3)
        out: dict[PartyField, list[str]] = {}
        for role, key in zip(("participant", "observer", "non_participant"), PARTY_FIELDS, strict=True):
            out[key] = list(roles[role])
            for iso3, sentence in roles[role].items():
                self.cite(FieldRef(key, iso3), sentence)
        return out

    def _alliance(self) -> str | None:
        votes: dict[str, list[Sentence]] = {}
        for sentence in self.usable:
            for alliance, pattern in ALLIANCE_CUES:
                text = sentence.text
                cues = (
                    m
                    for m in pattern.finditer(text)
                    if inside(m.start(), self.spans[sentence.index]) and not in_title(text, m.start(), m.end())
                )
                if any(not AS_CONTEXT.search(text[max(0, m.start() - 60) : m.start()]) for m in cues):
                    votes.setdefault(alliance, []).append(sentence)
        if not votes:
            return None
        alliance = max(votes, key=lambda a: len(votes[a]))
        self.cite(FieldRef("alliance"), votes[alliance][0])
        return alliance

    def _series_alliance(self) -> str | None:
        """The alliance that runs the event's named series (Search-2023 is a CSTO drill), when its text names none."""
        for name, sentence in self.event.names:
            alliance = self.series.get(name.base)
            if alliance is not None:
                self.cite(FieldRef("alliance"), sentence)
                self.notes.append(f"alliance {alliance!r}: the {name.base} series is run by it; no alliance is named")
                return alliance
        return None

    def _host(
        self,
        alliance: str | None,
        as_of: dt.date | None,
        locations: list[DraftPlace],
        parties: dict[PartyField, list[str]],
    ) -> None:
        """Count the country an exercise is held in as a participant, if in the alliance (up to two hosts)."""
        members = alliance_members(_MEMBERSHIP[alliance], as_of) if alliance in _MEMBERSHIP and as_of else None
        excluded = set(parties["non_participants"]) | set(parties["observers"]) | set(parties["participants"])
        nato = alliance_members("NATO", as_of or dt.date.today())
        hosts = {loc.country for loc in locations if loc.resolved and loc.role == "site" and loc.kind == "country"}
        if len(hosts) > 2:
            return  # "across Germany, Poland and the Baltic States": a span of hosts says nothing of who takes part
        for i, loc in enumerate(locations):
            host = loc.country
            if not loc.resolved or host is None or host in excluded or loc.role != "site":
                continue
            if members is not None and host not in members:
                continue
            if members is None and across_sides(host, set(parties["participants"]), nato):
                continue  # "… as alarm grows in Poland": a NATO country beside a Russian-Belarusian exercise
            parties["participants"].append(host)
            excluded.add(host)
            self.cite(FieldRef("participants", host), self.evidence[FieldRef("locations", i)])
            self.notes.append(f"{host} counted as a participant: the exercise is held on its territory ({loc.text!r})")

    def _union_members(self, as_of: dt.date, participants: list[str]) -> None:
        """Count both Union State members as participants of a Union State exercise (it has exactly two)."""
        members = alliance_members(_MEMBERSHIP["Russia-Belarus"], as_of)
        cited = self.evidence.get(FieldRef("alliance"))
        for iso3 in sorted(members - set(participants)):
            if cited is None:
                return
            participants.append(iso3)
            self.cite(FieldRef("participants", iso3), cited)
            self.notes.append(f"{iso3} counted as a participant: a Union State exercise is held by both its members")

    def _alliance_from_participants(self, participants: list[str], as_of: dt.date | None) -> str | None:
        """Infer the alliance from who takes part and their memberships on the exercise's date.

        One country: ``national``, unless a NATO member among forces "of 13 countries". All members of NATO on that
        date (:func:`geo.reference.membership.members_on`), three or more of them, or with NATO, allies, a
        multinational exercise or forces of many countries named in the event's sentences: ``NATO``; so too three or
        more allies with partners (a third at most) when NATO or allies are named (a NATO-led multinational exercise:
        one ally leading, many taking part). Russia and Belarus with partners outside NATO: ``Russia-Belarus``; CSTO
        members with at least two besides Russia and Belarus: ``CSTO``. Otherwise ``bilateral``.
        """
        parties = set(participants)
        if not parties:
            return None
        on = as_of or dt.date.today()
        nato = alliance_members("NATO", on)
        csto = alliance_members("CSTO", on)
        # NATO named, or allies in a multinational exercise ("the US-led Saber Strike international exercise").
        named_nato = any(
            re.search(
                r"\bNATO\b|\b(?i:multinational|international)\s+(?:[\w-]+\s+){0,2}?"
                r"(?i:exercises?|drills?|maneuvers?|manoeuvres?|training)\b|\b[Aa]llie[sd]\b",
                s.text,
            )
            for s in self.usable
        )
        many = any(MANY_COUNTRIES.search(s.text) for s in self.usable)  # "special forces of 13 countries"
        if len(parties) == 1 and not (many and parties <= nato):
            alliance = "national"
        elif parties <= nato and (len(parties) >= 3 or named_nato or many):
            alliance = "NATO"
        elif not parties & EAST and len(parties & nato) >= 3 and 3 * len(parties - nato) <= len(parties) and named_nato:
            alliance = "NATO"  # NATO allies with a partner or two ("… Sweden" before it joined)
        elif parties <= csto and len(parties - EAST) >= 2:
            alliance = "CSTO"
        elif parties >= EAST and not parties & nato:
            alliance = "Russia-Belarus"
        else:
            alliance = "bilateral"
        first = next(ref for ref in self.evidence if ref.field == "participants")
        self.cite(FieldRef("alliance"), self.evidence[first])
        self.notes.append(
            f"alliance {alliance!r} from the participants {sorted(parties)} and their memberships on {on.isoformat()}: "
            "no alliance is named"
        )
        return alliance
