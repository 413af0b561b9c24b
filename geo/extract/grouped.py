"""One event as grouping finds it: its sentences and the names it goes by (:mod:`geo.extract.grouping`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from geo.extract.cues import ATTRIBUTION, JUST_BEGUN, PAST_MARK, UNSAID
from geo.extract.dates import tense_of
from geo.extract.names import NameMention
from geo.extract.text import Sentence

__all__ = ["GroupedEvent"]


@dataclass
class GroupedEvent:
    """The sentences of one event and the names it goes by, as grouping found them."""

    names: list[tuple[NameMention, Sentence]] = field(default_factory=list)
    sentences: list[tuple[Sentence, bool]] = field(default_factory=list)  # (sentence, gives facts)
    last_paragraph: int = -1
    last_index: int = -1  # the last sentence attached, by index
    named_paragraph: int | None = None
    past: bool = False  # its last usable mention reports it in the past ("… drills last September")
    # Sentence indices attached, and how far each stated attribute was looked for in ``names`` (which only
    # grows): both keep a long article linear (a report naming the exercise in every sentence).
    _attached: set[int] = field(default_factory=set, repr=False)
    _stated: dict[str, tuple[int, Any]] = field(default_factory=dict, repr=False)

    def attach(self, sentence: Sentence, usable: bool, *, mention: bool = False) -> None:
        """Add a sentence (once); ``usable``: it gives facts; ``mention``: it names or mentions the event."""
        if sentence.index not in self._attached:
            self._attached.add(sentence.index)
            self.sentences.append((sentence, usable))
        self.last_paragraph = sentence.paragraph
        self.last_index = max(self.last_index, sentence.index)
        if mention and usable:
            self.past = _reports_past(sentence.text)

    def has(self, sentence: Sentence) -> bool:
        """Whether the sentence is attached to this event."""
        return sentence.index in self._attached

    def _first_stated(self, attribute: str) -> Any:
        """The first of its names' non-empty ``attribute`` (the first found stays first: names are appended)."""
        looked, found = self._stated.get(attribute, (0, None))
        if found is None and looked < len(self.names):
            found = next((v for n, _ in self.names[looked:] if (v := getattr(n, attribute))), None)
            self._stated[attribute] = (len(self.names), found)
        return found

    @property
    def edition(self) -> str | None:
        """The edition its names state ("II"), if any."""
        return self._first_stated("edition")  # type: ignore[no-any-return]

    @property
    def key(self) -> str | None:
        """The folded family name of its first name, or None when unnamed."""
        return self.names[0][0].key if self.names else None

    @property
    def year(self) -> int | None:
        """The year its names state, if any."""
        return self._first_stated("year")  # type: ignore[no-any-return]


def _reports_past(sentence: str) -> bool:
    """Whether a sentence reports its exercise in the past ("Warsaw closed crossings for the drills last September").

    An exercise reported as having just begun ("On Sept. 12 …, the joint strategic exercise … began") is
    under way, not recalled, unless a past mark dates it ("last year", "in 2021").
    """
    if PAST_MARK.search(sentence):
        return True
    if UNSAID.search(sentence):
        return False  # "The command did not specify the timing of the exercises": the saying is past, not the drills
    sentence = ATTRIBUTION.sub("", sentence)  # '"…," the statement said': the saying is past, not the exercise
    return tense_of(sentence) == "past" and not (
        JUST_BEGUN.search(sentence)
        and not re.search(r"\b(?:ended|concluded|wrapped|completed|finished|was|were)\b", sentence)
    )
