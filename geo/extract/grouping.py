"""Group an article's sentences into exercise events (steps 1-3 of :mod:`geo.extract.events`).

Each sentence is classified: it *names* an exercise, *mentions* one, *continues* one (forces sent,
deployed, arriving or taking part) or does none of these; a sentence about war, attacks or a mutiny is
kept for reading but gives no facts. :func:`group_sentences` attaches each sentence to the event it
speaks of; :func:`relevant_spans` tells which clauses of a sentence speak of the exercise. The cue vocabulary
the classes are read with lives in :mod:`geo.extract.cues`.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from itertools import pairwise

from geo.extract.back_references import includes_parts, pointed_back, speaks_of_the_inspection
from geo.extract.budget import UNLIMITED, Budget
from geo.extract.cues import (
    BACKGROUND_CLAUSE,
    BORDER_DEPLOYMENT,
    CONFLICT,
    DATELINE_RANGE,
    DEMONSTRATIVE,
    DEPLOYMENT_NOUN,
    DRILL_ACTION,
    EVENT_CUE,
    EXERCISE_NOUN,
    FORCE_WORD,
    HYPOTHETICAL_EXERCISE,
    LATER_EXERCISE,
    MILITARY_CONTEXT,
    MOVE_VERB,
    OBSERVERS,
    OTHER_EXERCISE,
    OWN_OTHER_EXERCISE,
    PARTY_WORD,
    PRACTISING,
    PREPARED_FOR,
    PRONOUN_HELD,
    RANGE_NOUN,
    RANGE_VENUE,
    RANGES_AT_WORK,
    SEPARATELY,
    TRAINING_BEGAN,
    UNDER_FRAME,
    WE_OPERATED,
)
from geo.extract.dates import tense_of
from geo.extract.grouped import GroupedEvent
from geo.extract.names import NameLexicon, NameMention, find_names, name_key
from geo.extract.next_editions import other_edition
from geo.extract.other_times import another_time
from geo.extract.participants import countries_in, find_parties
from geo.extract.references import ALL_OF_THEM, ArticleAliases
from geo.extract.segments import after_contrast, answered_spans, clauses, gives_facts, inside, without_answered
from geo.extract.separate_drills import (
    another_drill,
    earlier_occasion,
    elsewhere_than,
    list_lead,
    placed_elsewhere,
    this_year_beside_later,
)
from geo.extract.text import LIST_GAP, Sentence
from geo.reference.membership import members_on

_EAST = frozenset({"RUS", "BLR"})


@lru_cache(maxsize=4096)
def _participants_in(text: str) -> frozenset[str]:
    """The countries a sentence names as taking part (cached: a sentence is read for each later continuation)."""
    return frozenset(p.iso3 for p in find_parties(text) if p.role == "participant")


def _other_side(sentence: Sentence, event: GroupedEvent, nato: frozenset[str]) -> bool:
    """Whether a continuation's forces belong to the other side of the event's countries.

    "Poland has deployed 40,000 troops near its border" after a paragraph on Zapad-2025 is a reaction
    to the exercise, not part of it: NATO forces after a Russian or Belarusian exercise, or Russian or
    Belarusian forces after a NATO one, do not continue it.
    """
    parties = _participants_in(sentence.text)
    if not parties:
        return False
    # The event's side is who takes part in it; the countries only named as geography ("between Belarus and
    # the Russian exclave of Kaliningrad") are not its side.
    known = {c for s, _ in event.sentences for c in _participants_in(s.text)}
    known = known or {c for s, _ in event.sentences for c in countries_in(s.text)}
    if parties & known:
        return False
    if known & _EAST and parties <= nato:
        return True
    return bool(known) and known <= nato and parties <= _EAST


def _forces_at_range(sentence: str) -> bool:
    """Whether a sentence places forces at a training range ("… the range X, where the joint group's units are")."""
    return bool(RANGE_NOUN.search(sentence) and FORCE_WORD.search(sentence))


def _before_lead(sentence: str, usable: bool) -> bool:
    """Whether a sentence before any exercise is mentioned says who takes part or which forces are at a range.

    "Participating nations are A, B, …", "… arrived at the combined arms range X, where the units of the joint
    group are stationed", "US troops mount an airborne assault.": the main event's, when it opens a paragraph later.
    """
    return bool(
        (usable and (PARTY_WORD.search(sentence) or _forces_at_range(sentence)))
        or (usable and (DRILL_ACTION.search(sentence) or PRACTISING.search(sentence)) and _participants_in(sentence))
        or DATELINE_RANGE.match(sentence)
    )


def relevant_spans(sentence: str, names: list[NameMention]) -> list[tuple[int, int]]:
    """Return the clauses of a sentence that speak of an exercise, its forces or who takes part.

    A background clause ("…, days after Belarus held snap drills near the border") is left out unless
    it names the exercise, and so is a concurrent or contrasting clause about a war ("… as Russian troops press
    their offensive in Ukraine").
    """
    spans = clauses(sentence)
    if len(spans) == 1:
        return spans
    keep: list[tuple[int, int]] = []
    previous = 0
    for start, end in spans:
        part = sentence[start:end]
        named = any(start <= n.start < end for n in names)
        concurrent = after_contrast(sentence, previous, start)
        previous = end
        if not named and (BACKGROUND_CLAUSE.match(part) or (keep and OWN_OTHER_EXERCISE.search(part))):
            continue
        if not named and concurrent and CONFLICT.search(part):
            continue  # "… are held in X as Russian troops press their offensive in Ukraine": the war, not the drills
        if not named and BORDER_DEPLOYMENT.search(part) and not EXERCISE_NOUN.search(part):
            others = {c for a, b in spans if (a, b) != (start, end) for c in countries_in(sentence[a:b])}
            if not set(countries_in(part)) & others:
                continue  # "Poland deployed troops to its border as Russia and Belarus held X": another's reaction
        if (
            named
            or EXERCISE_NOUN.search(part)
            or DEPLOYMENT_NOUN.search(part)
            or FORCE_WORD.search(part)
            or PARTY_WORD.search(part)
            or PRONOUN_HELD.match(part)  # "Their training will take place in X, which borders …": the drills'
            or RANGES_AT_WORK.search(part)
            or WE_OPERATED.search(part)  # "we have been able to operate in A, B and C counties": its forces'
        ):
            keep.append((start, end))
    return keep


def group_sentences(
    sentences: list[Sentence], lexicon: NameLexicon, published: dt.date | None = None, budget: Budget = UNLIMITED
) -> tuple[list[GroupedEvent], dict[int, list[NameMention]]]:
    """Group the sentences into events (steps 1-3 of :mod:`geo.extract.events`), checking ``budget`` per sentence.

    Returns
    -------
    tuple
        The events in the order they were opened, and the name mentions of every sentence by index.
    """
    grouping = _Grouping(sentences, lexicon, published, budget)
    for sentence in sentences:
        budget.check()
        grouping.add(sentence)
    return grouping.events, grouping.names_of


class _Grouping:
    """The state of grouping one article: the events so far, the main one and the one in focus."""

    def __init__(
        self, sentences: list[Sentence], lexicon: NameLexicon, published: dt.date | None, budget: Budget
    ) -> None:
        self.nato = alliance_members("NATO", published or dt.date.today())
        self.sentences, self.published = sentences, published
        self.military = any(MILITARY_CONTEXT.search(s.text) for s in sentences)
        self.names_of: dict[int, list[NameMention]] = {}
        seen: set[str] = set()  # families named so far: a bare "the Echelon exercise" later is one of them
        # "Spring Storm (Kevadtorm)": a later "Operation Kevadtorm" is Spring Storm; a quoted new name written bare too
        aliases = ArticleAliases(known=frozenset(name_key(v) for v in lexicon.variants))
        for s in sentences:
            budget.check()
            names = aliases.read(s.text, find_names(s.text, lexicon, frozenset(seen)))
            self.names_of[s.index] = names
            seen.update(n.base for n in names)
        self.events: list[GroupedEvent] = []
        self.main: GroupedEvent | None = None
        self.current: GroupedEvent | None = None
        #: The events named in one list with an event (by ``id``), which share what continues it.
        self.listed: dict[int, list[GroupedEvent]] = {}
        #: The event each name mention was given to (by the mention's ``id``; ``names_of`` keeps them alive).
        self.named_in: dict[int, GroupedEvent] = {}
        #: Sentences on who takes part that come before any exercise is mentioned.
        self.before_main: list[Sentence] = []

    def add(self, sentence: Sentence) -> None:
        """Attach a sentence to the event it names, mentions or continues, if any."""
        names = self.names_of[sentence.index]
        usable = gives_facts(sentence.text, names)
        mention = bool(
            EXERCISE_NOUN.search(sentence.text)
            or DEPLOYMENT_NOUN.search(sentence.text)
            or TRAINING_BEGAN.match(sentence.text)
            or speaks_of_the_inspection(sentence.text, self.current)
        )
        answers = bool(names) and self._answers(sentence, names)
        if names:
            target = self._named(sentence, names)
            if answers:  # "In response to NATO's X exercise, Belarus launched drills": the drills are another event
                target = self._own_side(sentence, self._mentioned(sentence))
                if target is not None and any(self.named_in.get(id(n)) is target for n in names):
                    target = GroupedEvent(named_paragraph=sentence.paragraph)  # not X: "In preparation for X, …"
                    self.events.append(target)
        elif mention and (
            OTHER_EXERCISE.search(sentence.text)
            or HYPOTHETICAL_EXERCISE.search(sentence.text)  # "does not rule out holding exercises": none planned
            or (self.main is not None and LATER_EXERCISE.search(sentence.text))
            or this_year_beside_later(sentence.text, self.main, self.published)  # "As for the current year, …"
        ):
            return  # "A similar exercise was held in the Vitebsk region in 2022", "… will be held next year": another
        elif mention:
            target = self._own_side(sentence, self._mentioned(sentence))
        elif (lead := list_lead(self.sentences, sentence.index)) is not None:
            target = self.current if self.current and self.current.has(self.sentences[lead]) else None
        else:
            target = self.current if self._continues(sentence) else None
            if target is None and not self.events and _before_lead(sentence.text, usable):
                self.before_main.append(sentence)
        if target is None:
            return
        if target is self.main and not target.sentences:
            # Who takes part, said in the paragraph before the sentence that opens the main event.
            for early in self.before_main:
                if sentence.paragraph - early.paragraph <= 1:
                    target.attach(early, True)
        # "The final stage of X will be the Y drills in Kyrgyzstan", X held elsewhere: the place and hosts are Y's
        others = names and any(self.named_in.get(id(n)) not in (None, target) for n in names)
        own = usable and not (others and elsewhere_than(target, sentence))
        target.attach(sentence, own, mention=bool(names) or mention)
        self.current = target
        earlier = pointed_back(self.sentences, sentence, self.events) if mention and not names else None
        if earlier is not None and gives_facts(earlier.text):
            target.attach(earlier, True)  # "The ministry plans … activities in X. During these activities, …"
        if names:
            self._named_parts(sentence, names, target, usable, answers)
        for part in self.listed.get(id(target), []):
            part.attach(sentence, usable, mention=True)
        if (
            not names
            and usable
            and not (target.names and target.names[0][0].distinct)  # about another exercise the report recalls
            and ALL_OF_THEM.search(sentence.text)
            and _participants_in(sentence.text)
        ):
            for event in self._family(sentence):
                event.attach(sentence, usable)

    def _named_parts(
        self, sentence: Sentence, names: list[NameMention], target: GroupedEvent, usable: bool, answers: bool
    ) -> None:
        """Share a naming sentence with the events it lists or names for the first time beside ``target``.

        "the exercises A, B and C, held at …": parts listed together share this sentence's facts and those of the
        sentences that continue them. "alongside Interaction-2025, Belarus is hosting … Search-2025 and Echelon-2025":
        a part named here first is held where and when this sentence says, unless the sentence's drills answer it.
        """
        self.listed[id(target)] = self._still_listed(target, self._listed_with(sentence, names, target), names)
        # "… are being held in X as part of the U maneuvers: A, B, C": a part named before is listed here again
        under = bool(UNDER_FRAME.search(sentence.text[: names[0].start]) and ":" in sentence.text[names[0].end :])
        for event in self.events:
            first_here = not event.sentences or (event is target and len(event.sentences) == 1)
            again = under and event is not target
            if (first_here or again) and any(s.index == sentence.index for _, s in event.names):
                if first_here and not answers:
                    self._inherit(event, target, sentence, names)
                    self._share_main(event, sentence)
                event.attach(sentence, usable, mention=True)

    def _answers(self, sentence: Sentence, names: list[NameMention]) -> bool:
        """Whether the sentence reports drills that answer the exercises it names, each in a clause of its own."""
        rest = without_answered(sentence.text)
        own = bool(EXERCISE_NOUN.search(rest) and EVENT_CUE.search(rest))
        # "… said that the inspection is also a response to X": the inspection in focus answers X
        own = own or (rest != sentence.text and speaks_of_the_inspection(rest, self.current))
        return all(rest[n.start] == " " for n in names) and own

    def _own_side(self, sentence: Sentence, target: GroupedEvent | None) -> GroupedEvent | None:
        """The event a deployment mentions, unless the forces deployed are the other side's.

        "the deployment of American troops" beside a Russian–Belarusian exercise is not part of it.
        """
        if (
            target is not None
            and target.sentences
            and not EXERCISE_NOUN.search(sentence.text)
            and _other_side(sentence, target, self.nato)
        ):
            return None
        return target

    def _family(self, sentence: Sentence) -> list[GroupedEvent]:
        """The main event and the named events of its year that a plural "the events" sentence speaks of.

        "Contingents from A, B and C are taking part in the events" after an umbrella and its named parts:
        all of them, not only the one in focus; never an exercise introduced as another one, one reported
        in the past, or one of the other side.
        """
        main = self.main
        if main is None or not main.names or len(self.events) < 2:
            return []
        return [
            e
            for e in self.events
            if e.names
            and e.year in (None, main.year)
            and not e.names[0][0].distinct
            and (e is main or not e.past)
            and not _other_side(sentence, e, self.nato)
            and (e is main or not elsewhere_than(main, e.names[0][1]))  # "… the Y drills in Kyrgyzstan": not Y
        ]

    def _named(self, sentence: Sentence, names: list[NameMention]) -> GroupedEvent | None:
        """Each name joins the event of the same name, else names the unnamed main event, else opens one."""
        target: GroupedEvent | None = None
        for name in names:
            event = next(
                (
                    e
                    for e in self.events
                    if e.key == name.key
                    and (e.year is None or name.year in (None, e.year))
                    and (e.edition is None or name.edition in (None, e.edition))
                    and not other_edition(e, name, sentence)  # "the next X exercise in 2028" beside X-2026
                ),
                None,
            )
            if (
                event is None
                and self.main is not None
                and not self.main.names
                and not name.distinct
                and not another_time(sentence, name, self.main.sentences, self.published)
                and not placed_elsewhere(sentence.text, [s.text for s, _ in self.main.sentences])
                and not includes_parts(sentence.text, names)
                and not inside(name.start, answered_spans(sentence.text))  # "… a response to X": X is another's
            ):
                event = self.main
            if event is None:
                event = GroupedEvent()
                self.events.append(event)
                # the exercise another one prepares for ("came in preparation of the X event") is not the report's
                # main event, however early it is named
                prepared_for = bool(PREPARED_FOR.search(sentence.text[: name.start])) or inside(
                    name.start, answered_spans(sentence.text)
                )  # "… a reaction to Finland's NATO membership and the X exercise": X is answered, not the report's
                self.main = self.main or (None if prepared_for else event)
            event.names.append((name, sentence))
            self.named_in[id(name)] = event
            event.named_paragraph = sentence.paragraph
            target = target or event
        return target

    def _inherit(
        self, part: GroupedEvent, umbrella: GroupedEvent | None, sentence: Sentence, names: list[NameMention]
    ) -> None:
        """Give a part listed under its umbrella the umbrella's earlier sentences.

        "… exercises under the CSTO's Combat Brotherhood …: A-2025, B-2025": the parts are held where, when
        and by whom the umbrella is.
        """
        if includes_parts(sentence.text, names) and self.main is not None and not self.main.names:
            umbrella = self.main  # "They include A-2022, B-2022 and C-2022" after the unnamed exercises
        elif (
            umbrella is None
            or part is umbrella
            or not umbrella.names
            or not (UNDER_FRAME.search(sentence.text[: names[0].start]) and ":" in sentence.text[names[0].end :])
        ):
            return
        for earlier, ok in umbrella.sentences:
            part.attach(earlier, ok)

    def _still_listed(
        self, target: GroupedEvent | None, listed: list[GroupedEvent], names: list[NameMention]
    ) -> list[GroupedEvent]:
        """Keep the parts listed with ``target`` when this sentence names only them again ("A, B and C"; "A …, B")."""
        before = self.listed.get(id(target), [])
        events = [self.named_in[id(n)] for n in names if id(n) in self.named_in]
        if before and all(e is target or e in before for e in events):
            return before + [e for e in listed if e not in before]
        return listed

    def _share_main(self, part: GroupedEvent, sentence: Sentence) -> None:
        """Give a part listed with the main event's new name its earlier sentences ("5 drills in X"; "A, B …")."""
        main = self.main
        if main is None or part is main or not main.names or part.names[0][0].distinct:
            return
        named_at = main.names[0][1]
        if named_at.index != sentence.index or part not in self.listed.get(id(main), []):
            return
        for earlier, ok in main.sentences:
            if earlier.index < named_at.index:
                part.attach(earlier, ok)

    def _listed_with(
        self, sentence: Sentence, names: list[NameMention], target: GroupedEvent | None
    ) -> list[GroupedEvent]:
        """The events named with the sentence's first name that share what continues it.

        Those named in one list with it ("A-2023", "B-2023" and "C-2023"), and the parts this sentence names
        for the first time beside it ("alongside A-2025, Belarus is hosting … B-2025 and C-2025").
        """
        listed: list[GroupedEvent] = []
        in_list = True
        for before, name in pairwise(names):
            in_list = in_list and bool(LIST_GAP.fullmatch(sentence.text[before.end : name.start]))
            event = next((e for e in self.events if any(n is name for n, _ in e.names)), None)
            if event is None or event is target or event in listed:
                continue
            if in_list or (
                not name.distinct and event.names[0][1].index == sentence.index and not elsewhere_than(target, sentence)
            ):
                listed.append(event)
        return listed

    def _mentioned(self, sentence: Sentence) -> GroupedEvent | None:
        """An unnamed mention opens the main event (with an event cue), or refers to the one in focus or the main."""
        if self.main is None:
            if not (self.military and EVENT_CUE.search(sentence.text)):
                return None
            self.main = GroupedEvent()
            self.events.append(self.main)
            return self.main
        another = SEPARATELY.match(sentence.text) and EVENT_CUE.search(sentence.text)  # "Separately, … the Suwalki Gap"
        if another or (earlier_occasion(sentence.text, self.published) and gives_facts(sentence.text)):  # "In 2017, …"
            event = GroupedEvent(named_paragraph=sentence.paragraph)
            self.events.append(event)
            return event
        current = self.current
        if (
            current is not None
            and not current.names
            and another_drill(self.sentences, sentence.index, [s for s, _ in current.sentences])
        ):
            # "Mobilization drills … in June in Vitebsk region. … In May, drills will also be conducted in Mogilev."
            event = GroupedEvent(named_paragraph=sentence.paragraph)
            self.events.append(event)
            return event
        if current is not None and current is not self.main and not current.names:
            return current  # "Most likely, the drills will be held …" after another unnamed drill: that one
        if current is not None and (
            DEMONSTRATIVE.search(sentence.text) or sentence.paragraph == current.named_paragraph
        ):
            return current
        return self.main

    def _continues(self, sentence: Sentence) -> bool:
        """Whether a sentence of forces sent, arriving or taking part (or of ranges used) continues the event in focus.

        Not when it is more than a paragraph away, nor when the exercise was only recalled in the
        past and these forces are for something to come, nor when the forces are the other side's.
        """
        current = self.current
        return (
            current is not None
            and bool(
                (FORCE_WORD.search(sentence.text) and MOVE_VERB.search(sentence.text))
                or OBSERVERS.search(sentence.text)
                or RANGE_VENUE.search(sentence.text)
                or WE_OPERATED.search(sentence.text)  # a quoted commander: "we have been able to operate in A, B …"
                # "The map shows that Germany, Poland, Lithuania and Finland will participate."
                # not "… its forces were not taking part in the special operation in Ukraine": the war's
                or (
                    PARTY_WORD.search(sentence.text)
                    and _participants_in(sentence.text)
                    and not CONFLICT.search(sentence.text)
                )
                # "… gave the start to the exercises. They will be held until Friday, across the country."
                or (PRONOUN_HELD.match(sentence.text) and current.has(self.sentences[sentence.index - 1]))
            )
            # a paragraph away, or three sentences (outlets that give each sentence a paragraph of its own)
            and (sentence.paragraph - current.last_paragraph <= 1 or sentence.index - current.last_index <= 3)
            and not (current.past and tense_of(sentence.text) == "future")
            and not _other_side(sentence, current, self.nato)
            and not earlier_occasion(sentence.text, self.published)  # "For example, in 2017, soldiers …"
        )


@lru_cache(maxsize=256)
def alliance_members(alliance: str, on: dt.date) -> frozenset[str]:
    """Return the members of an alliance (a :func:`geo.reference.membership.members_on` table) on a day, cached."""
    return members_on(alliance, on)
