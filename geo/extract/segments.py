"""Which stretches of a sentence speak of one exercise: its clauses, and the stretches of each exercise it names.

Used by :mod:`geo.extract.grouping` (:func:`clauses`, and :func:`gives_facts`: whether a sentence's clauses
about the exercise are free of war) and by :mod:`geo.extract.assembly` when it reads an event's facts from a
sentence it shares with others.
"""

from __future__ import annotations

import re
from itertools import pairwise

from geo.extract.cues import (
    BACKGROUND_CLAUSE,
    CLAUSE_SPLIT,
    CONFLICT,
    PREPARATION_CUE,
    RESPONSE_CUE,
    SCENARIO,
    SUPPOSED_WAR,
    WAR_EXPERIENCE,
)
from geo.extract.names import NameMention

_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just)\b", re.I)
#: A list opened in the sentence ("Key events included A; B; C", "such as", a colon): its semicolons part items.
_LIST_LEAD = re.compile(r"\b(?:includ(?:e|es|ed|ing)|such\s+as)\b|:\s", re.I)
#: An item of such a list: an indefinite noun phrase ("a Marine amphibious assault in Latvia", "two live-fire …").
_LIST_ITEM = re.compile(r"(?:and\s+)?(?:a|an|one|two|three|four|five|six|several|multiple|\d+)\s", re.I)


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of a sentence's clauses ("…; …", "…, but …", "… as NATO …")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in CLAUSE_SPLIT.finditer(sentence):
        if match.group(0).strip(" ,").startswith("but") and _NOT_ONLY.search(sentence, start, match.start()):
            continue  # "not only at the range, but in the vicinity of Riga": one clause, one predicate
        listed = match.group(0).startswith(";") and _LIST_LEAD.search(sentence, start, match.start())
        if listed and _LIST_ITEM.match(sentence, match.end()):
            continue  # "… included a convoy to X; an offload in Y; an assault in Z": one list, one clause
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return spans


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Return whether an offset falls inside one of the spans."""
    return any(start <= position < end for start, end in spans)


#: Where a sentence listing several exercises turns to the next one: a clause opening with its month ("In
#: September, A will host X, in September-October, Y will take place in Russia"), a new subject after ", and", or a
#: contrast (", while the latest war games, codenamed Silver Arrow, wrapped up in mid-October").
_NEXT_EXERCISE = re.compile(
    r"[,;]\s+(?=(?:and\s+)?(?:in|on|from|during|by)\s+(?:the\s+)?(?:(?:early|late|mid|first|second|half|of)[\s-]+)*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)|"
    r",\s+and\s+(?=(?:the\s+)?[A-Z][a-z]+\s+(?:will|is|are|has|have|was|were|hosts|hosted)\b)|,\s+(?:while|whereas)\s+"
)


#: A clause giving the exercise another one answers: from its cue to the next comma or semicolon ("In response to NATO's
#: Anakonda exercise in Poland, …", "… were a response to the X exercise."), or the one it prepares for ("In
#: preparation for X, a field tactical exercise … will take place …": X is not held then and there).
_ANSWERED = re.compile(
    r"(?:" + RESPONSE_CUE + "|" + PREPARATION_CUE + r")\s[^,;]*"
    # and the answered exercises it goes on to list: "… a response to NATO's drills, including the X exercises"
    r"(?:,\s+(?:including|such\s+as|notably|especially|particularly)\s[^,;]*)*",
    re.I,
)


def answered_spans(sentence: str) -> list[tuple[int, int]]:
    """The clauses of a sentence that give the exercise another one answers (tenth pass)."""
    return [m.span() for m in _ANSWERED.finditer(sentence)]


def without_answered(sentence: str) -> str:
    """The sentence with the clauses giving an answered exercise blanked out (offsets kept)."""
    for start, end in answered_spans(sentence):
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


def only_answered(name: str, sentences: list[str]) -> bool:
    """Whether every mention of ``name`` in these sentences lies in a clause giving an exercise another one answers.

    Such an exercise ("… in response to the Northern Response exercise") is not reported with the drills that
    answer it: it shares none of their days or places (:func:`geo.extract.event_dates.share_dates`).
    """
    spots = [(text, m.start()) for text in sentences for m in re.finditer(re.escape(name), text)]
    return bool(spots) and all(inside(start, answered_spans(text)) for text, start in spots)


def own_segments(sentence: str, names: list[NameMention], mine: set[str | None]) -> list[tuple[int, int]] | None:
    """The stretches of a sentence that speak of one of several exercises it names, or None when all of it does.

    "In September, Kazakhstan will host the Rubezh exercise, in September-October, the Interaction exercise will
    take place in Russia": Rubezh's month and country are not Interaction's. Only when the event's names and
    another's fall in different stretches (cut by :data:`_NEXT_EXERCISE`); a list naming several in one stretch
    ("Interaction, Search and Echelon will be held in Belarus") shares the whole sentence. A name in a clause giving the
    exercise another one answers has that clause; the answering drills, unnamed, have the rest.
    """
    own = [n.start for n in names if n.key in mine]
    others = [n.start for n in names if n.key not in mine]
    answered = answered_spans(sentence)
    if answered and own and all(inside(n, answered) for n in own):
        return answered  # "In response to NATO's X exercise in Poland, Belarus launched drills …": X's is its clause
    if answered and others and not own and all(inside(n, answered) for n in others):
        cuts = [0, *(p for span in answered for p in span), len(sentence)]
        return [(a, b) for a, b in pairwise(cuts) if not inside(a, answered)]  # the answering drills: the rest
    if not own or not others:
        return None
    cuts = [0, *(m.end() for m in _NEXT_EXERCISE.finditer(sentence)), len(sentence)]
    keep = [(a, b) for a, b in pairwise(cuts) if any(a <= n < b for n in own)]
    return None if any(inside(n, keep) for n in others) else keep


def narrow(spans: list[tuple[int, int]], segments: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """The parts of ``spans`` inside ``segments`` (all of them when there are no segments)."""
    if segments is None:
        return spans
    return [(max(a, c), min(b, d)) for a, b in spans for c, d in segments if max(a, c) < min(b, d)]


def after_contrast(sentence: str, previous: int, start: int) -> bool:
    """Whether the clause at ``start`` follows a contrast or a concurrent "as" (the words since ``previous``).

    "… will host the exercise – while in Ukraine the war goes on", "… are taking place as Russian forces intensify
    attacks on …": the clause is the background of the exercise, not a fact of it.
    """
    return bool(re.search(r"\b(?:while|whereas|as)\b", sentence[previous:start]))


#: A name holding the word war ("the Brotherhood of War 2023 exercise", "the Institute for the Study of War").
#: A past era named after a war is a time, not fighting ("the largest drill since the end of the Cold War", "since
#: World War II", "the Great Patriotic War").
_NAMED_WAR = re.compile(
    r"\b[A-Z][a-z]+(?:\s+(?:of|for|the|Study)){1,3}\s+War\b|"
    r"\b(?:Cold\s+War|(?:First|Second)\s+World\s+War|World\s+War\s+(?:I{1,2}|One|Two|[12])|Great\s+Patriotic\s+War)\b"
)


def gives_facts(sentence: str, names: list[NameMention] | tuple[()] = ()) -> bool:
    """Whether a sentence gives facts: no war, attack or mutiny outside its background clauses and names.

    "Russia and Belarus will hold … from Sept. 12 to 16, …, marking the first time … since Moscow launched
    its full-scale invasion of Ukraine" gives facts, as does "… will host the exercise – while in Ukraine the
    war goes on" (a contrast), "… are taking place as Russian forces continue their advance" (a concurrent
    clause) and an exercise named "Brotherhood of War"; "Russian forces attacked …" does not.
    """
    for name in names:  # the words of an exercise's name are not a war
        sentence = sentence[: name.start] + " " * (name.end - name.start) + sentence[name.end :]
    sentence = _NAMED_WAR.sub(" ", sentence)
    previous = 0
    for start, end in clauses(sentence):
        part = SUPPOSED_WAR.sub(" ", SCENARIO.sub(" ", WAR_EXPERIENCE.sub(" ", sentence[start:end])))
        contrast = after_contrast(sentence, previous, start)
        previous = end
        if not (contrast or BACKGROUND_CLAUSE.match(part)) and CONFLICT.search(part):
            return False
    return True
