"""Read an article into draft exercise events, every field with the sentence it came from.

How sentences become events
---------------------------
1. Each sentence is classified: it *names* an exercise (:mod:`geo.extract.names`), *mentions* one
   ("the exercises", "military drills", "the deployment", "regional grouping"), *continues* one
   (troops, tanks or planes sent, deployed, arriving or taking part) or does none of these. A
   sentence about war, attacks or a mutiny is kept for reading but gives no facts.
2. The first mention with an event cue (held, scheduled, announced, opened …) opens the article's
   *main* event. The first name that is not introduced as "another" exercise names the main event;
   every other name opens its own event. So seed 002's "joint military exercises … next month" and
   "the exercises, called Unbreakable Brotherhood" are one event, and "another set of military
   exercises called Slavic Brotherhood-2020" is a second.
3. An unnamed mention refers to the event in focus when it says "these drills" or stays in the
   paragraph that named that event; otherwise to the main event. A mention of another, earlier
   exercise ("A similar exercise was held … in 2022", "last year's drills") joins none. A continuation
   sentence (forces sent, taking part or involved; observers) joins the event in focus when it is at
   most one paragraph away from it — but not a sentence about forces to come after the exercise was
   only recalled in the past ("… for the duration of the Zapad-2025 drills last September. Some 1,200
   Polish soldiers will be deployed along the frontier").

What each event gets
--------------------
Name, alliance (a CSTO/NATO/Union State cue, else from the participants), dates with a precision
(:mod:`geo.extract.dates`), participants, observers and non-participants (:mod:`geo.extract.participants`),
figures (:mod:`geo.extract.numbers`) and locations (:mod:`geo.extract.places`) from the clauses that
speak of the exercise (a background clause such as "…, days after Belarus held snap drills near the
border" does not; nor does the place where a minister spoke). The date of a news-agency dateline
("VILNIUS, Oct 8 (Reuters) - ") dates the report, never the exercise. The country an exercise is held
in counts as a participant when it belongs to the exercise's alliance (or no alliance is stated); a
note says so. Every value carries its sentence in ``evidence``; inferences are listed in ``notes``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from geo.catalog.schema import Exercise
from geo.extract.assembly import build_draft
from geo.extract.budget import Budget
from geo.extract.draft import DraftEvent, FieldRef
from geo.extract.event_dates import share_dates
from geo.extract.grouping import group_sentences
from geo.extract.names import NameLexicon
from geo.extract.same_time import plan_year, same_time
from geo.extract.segments import only_answered
from geo.extract.shared_parts import share_places
from geo.extract.text import Sentence, dateline, normalize_apostrophes, split_sentences
from geo.extract.uncovered_regions import locate_uncovered_regions


@dataclass(frozen=True)
class Extraction:
    """The result of reading one article.

    Attributes
    ----------
    text
        The cleaned article text (the evidence offsets refer to it).
    sentences
        Its sentences.
    events
        Draft events (see :meth:`Extractor.extract`).
    published
        The publication date used for relative dates, if any.
    published_from
        ``given`` (passed in), ``dateline`` (stated on the article's first line) or None.
    warnings
        Messages for the reviewer ("no exercise found", a dateline that contradicts the given date …).
    """

    text: str
    sentences: tuple[Sentence, ...]
    events: tuple[DraftEvent, ...]
    published: dt.date | None
    published_from: str | None
    warnings: tuple[str, ...] = ()


def _publication(text: str, published: dt.date | None) -> tuple[dt.date | None, str | None, list[str]]:
    """Return the publication date to use, where it came from, and warnings about the article's own dateline."""
    warnings: list[str] = []
    stated, line = dateline(text)
    published_from = "given" if published else None
    if published is None and stated is not None:
        published, published_from = stated, "dateline"
        warnings.append(f"publication date {stated.isoformat()} taken from the article's dateline {line!r}")
    elif published is not None and stated is not None and stated != published:
        warnings.append(
            f"the article's dateline says {stated.isoformat()}, the given date {published.isoformat()} is used"
        )
    return published, published_from, warnings


#: "… will take place as part of the comprehensive national defence exercise Namejs 2023": the umbrella follows.
_PART_OF = re.compile(
    r"\b(?:as\s+(?:a\s+)?part\s+of|within\s+the\s+framework\s+of|under\s+the\s+umbrella\s+of)\b", re.I
)


def part_alliance(events: list[DraftEvent], sentences: list[Sentence]) -> list[DraftEvent]:
    """Give a named part that states no alliance the alliance of the umbrella its sentence puts it in.

    "The annual exercise Silver Arrow … will take place as part of … Namejs 2023": Silver Arrow is held by
    whoever holds Namejs 2023. Only the umbrella named after "as part of" in one of the part's own sentences.
    """
    out = list(events)
    by_index = {s.index: s for s in sentences}
    for i, event in enumerate(events):
        if event.alliance is not None or event.name is None:
            continue
        for index in event.sentences:
            text = by_index[index].text
            cue = _PART_OF.search(text)
            if cue is None or event.name not in text[: cue.start()]:
                continue
            rest = text[cue.end() :]
            umbrella = next((o for o in events if o is not event and o.alliance and o.name and o.name in rest), None)
            if umbrella is None:
                continue
            evidence = dict(event.evidence)
            if FieldRef("alliance") in umbrella.evidence:
                evidence[FieldRef("alliance")] = umbrella.evidence[FieldRef("alliance")]
            note = f"alliance {umbrella.alliance}: that of {umbrella.label}, which it is part of"
            out[i] = replace(event, alliance=umbrella.alliance, evidence=evidence, notes=(*event.notes, note))
            break
    return out


class Extractor:
    """Read articles into draft events; build once, reuse for every article.

    Parameters
    ----------
    catalog
        Exercises whose names and alternate names are recognised and matched (the known exercises of
        :func:`geo.query.known.known_exercises`).
    """

    def __init__(self, catalog: Iterable[Exercise] = ()) -> None:
        from geo.extract.match import Matcher

        exercises = list(catalog)
        self.lexicon = NameLexicon.from_catalog(exercises)
        self.matcher = Matcher(exercises)

    def extract(self, text: str, *, published: dt.date | None = None, budget_s: float | None = None) -> Extraction:
        """Return the draft events of a cleaned article (see :func:`geo.extract.text.clean_text`).

        Parameters
        ----------
        text
            Plain article text.
        published
            Publication date; relative dates ("next month", "on Monday") are resolved against it and
            only against it. Without it, a dateline opening the article ("date 2023-09-01") is used.
        budget_s
            Seconds allowed (None or 0: no limit), checked between sentences and events
            (:class:`geo.extract.budget.Budget`).

        Returns
        -------
        Extraction
            The events (each a :class:`~geo.extract.draft.DraftEvent` with its ``match``), with warnings.

        Raises
        ------
        IngestError
            If the budget is spent before the last event is built.
        """
        budget = Budget(budget_s)
        text = normalize_apostrophes(text)
        published, published_from, warnings = _publication(text, published)
        sentences = split_sentences(text)
        budget.check()
        grouped, names_of = group_sentences(sentences, self.lexicon, published, budget)
        drafts = []
        for event in grouped:
            budget.check()
            if any(ok for _, ok in event.sentences):
                drafts.append(build_draft(event, names_of, sentences, published, series=self.lexicon.series))
        answered = frozenset(
            i
            for i, d in enumerate(drafts)
            if d.name and only_answered(d.name, [sentences[j].text for j in d.sentences])
        )
        drafts = share_places(
            part_alliance(share_dates(locate_uncovered_regions(drafts), answered=answered), sentences)
        )
        drafts = plan_year(same_time(drafts, sentences), sentences)
        events = [replace(draft, match=self.matcher.match(draft)) for draft in drafts]
        if not events:
            warnings.append("no exercise found: the text names no exercise and reports no drills being held")
        elif published is None and any("left unresolved" in n for e in events for n in e.notes):
            warnings.append("no publication date: relative dates ('next month', 'on Monday') are left unresolved")
        return Extraction(text, tuple(sentences), tuple(events), published, published_from, tuple(warnings))
