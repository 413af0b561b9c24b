"""What a reviewer adds that the extractor missed: a figure, a site, who claimed a figure.

Every added value must still cite the report: the reviewer pastes the sentence that states it, and the
sentence must appear in the article (whitespace aside) with the figure's words or the place's phrase in
it. A claimant ("the Belarusian Defence Ministry") becomes the ``claimed_by`` of the figure's citation.
Pure: no Streamlit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo.core.errors import IngestError
from geo.core.text import strip_controls
from geo.extract.draft import DraftEvent, DraftFigure, DraftPlace, FieldRef, Quote
from geo.extract.numbers import EQUIPMENT_NOUNS
from geo.extract.places import geocode_cached

#: What an added figure may count: troops, or the equipment the extractor itself reads.
FIGURE_KINDS: tuple[str, ...] = ("troops", *EQUIPMENT_NOUNS)

#: Longest claimant, figure wording or place phrase a reviewer may type (characters).
MAX_FIELD_CHARS = 200
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class AddedFigure:
    """A figure the report states that the extractor missed.

    Attributes
    ----------
    what
        What is counted ("troops", "tanks", "aircraft" …).
    value
        The number (≥ 0), as the report states it.
    as_stated
        The report's own words for it ("some 2,500 servicemen"): they must appear in ``sentence``.
    sentence
        The report's sentence stating it, pasted from the article.
    claimant
        Who states it ("the Belarusian Defence Ministry"), or "".
    """

    what: str
    value: int
    as_stated: str
    sentence: str
    claimant: str = ""


@dataclass(frozen=True)
class AddedSite:
    """A place of the exercise the extractor missed: the phrase as written, its country, its sentence."""

    place: str
    country: str
    sentence: str


def find_sentence(article: str, sentence: str, label: str) -> Quote:
    """Return the pasted sentence as a quote of the article (offsets into it), whitespace-insensitively.

    Raises
    ------
    IngestError
        If the sentence is empty or not in the article.
    """
    words = _SPACES.split(strip_controls(sentence).strip())
    if not words or not words[0]:
        msg = f"{label}: paste the report's sentence that states it"
        raise IngestError(msg)
    pattern = r"\s+".join(re.escape(w) for w in words)  # literal words: linear-time search
    found = re.search(pattern, article)
    if found is None:
        msg = f"{label}: the sentence is not in the report; paste it exactly as written ({' '.join(words)[:80]!r})"
        raise IngestError(msg)
    return Quote(found.group(0), found.start(), found.end())


def _short(value: str, label: str, what: str) -> str:
    text = _SPACES.sub(" ", strip_controls(value)).strip()
    if len(text) > MAX_FIELD_CHARS:
        msg = f"{label}: {what} is longer than {MAX_FIELD_CHARS} characters"
        raise IngestError(msg)
    return text


def _in_quote(words: str, quote: Quote) -> bool:
    return _SPACES.sub(" ", words).casefold() in _SPACES.sub(" ", quote.text).casefold()


def set_claimants(draft: DraftEvent, claimants: tuple[str, ...]) -> DraftEvent:
    """Set who claimed each figure (by position; "" leaves it unattributed)."""
    label = draft.name or draft.label
    figures = list(draft.figures)
    for i, claimant in enumerate(claimants[: len(figures)]):
        figures[i] = replace(figures[i], claimant=_short(claimant, label, "a claimant") or None)
    return replace(draft, figures=tuple(figures))


def add_figures(draft: DraftEvent, added: tuple[AddedFigure, ...], article: str) -> DraftEvent:
    """Append figures the extractor missed, each citing its sentence of the article."""
    label = draft.name or draft.label
    figures, evidence = list(draft.figures), dict(draft.evidence)
    for item in added:
        what, as_stated = _short(item.what, label, "what is counted"), _short(item.as_stated, label, "the wording")
        if what not in FIGURE_KINDS or item.value < 0:
            msg = f"{label}: an added figure needs what it counts (troops, tanks …) and a number ≥ 0"
            raise IngestError(msg)
        quote = find_sentence(article, item.sentence, f"{label}: figure {as_stated or item.value!r}")
        if not as_stated or not _in_quote(as_stated, quote):
            msg = f"{label}: the figure's wording {as_stated!r} is not in its sentence; copy the report's words"
            raise IngestError(msg)
        claimant = _short(item.claimant, label, "a claimant") or None
        figures.append(DraftFigure(what, int(item.value), "exact", as_stated, claimant=claimant))
        evidence[FieldRef("figures", len(figures) - 1)] = quote
    return replace(draft, figures=tuple(figures), evidence=evidence)


def add_sites(draft: DraftEvent, added: tuple[AddedSite, ...], article: str) -> DraftEvent:
    """Append places the extractor missed, geocoded like its own, each citing its sentence of the article."""
    label = draft.name or draft.label
    locations, evidence = list(draft.locations), dict(draft.evidence)
    for item in added:
        place = _short(item.place, label, "a place")
        if len(place) < 2:
            msg = f"{label}: an added site needs the place as the report writes it"
            raise IngestError(msg)
        quote = find_sentence(article, item.sentence, f"{label}: site {place!r}")
        if not _in_quote(place, quote):
            msg = f"{label}: the place {place!r} is not in its sentence; copy the report's words"
            raise IngestError(msg)
        result = geocode_cached(place, item.country or None)
        locations.append(DraftPlace.from_result(place, result, context=item.country or None))
        evidence[FieldRef("locations", len(locations) - 1)] = quote
    return replace(draft, locations=tuple(locations), evidence=evidence)
