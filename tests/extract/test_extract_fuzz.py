"""Nothing crashes on any input: the extractor on random splices of the real development set's texts.

Hypothesis cuts the real dev reports (``tests/extract/realdev/texts``; the sealed test part is left out, as
everywhere but ``bench/extraction.py --split test``) into pieces at random offsets and joins
random pieces, with random publication dates and stray characters between them, so that sentences,
dates, names, lists and place phrases are broken in every way real copy-and-paste breaks them. The
number of examples is bounded and no deadline is asserted (the machine is shared).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.catalog.load import load_exercises
from geo.extract import Extractor
from tests.support.extraction_score import load_articles

_TEXTS = tuple(article.text for article in load_articles(split="dev"))
_JOINERS = ("", " ", "\n\n", ". ", ", ", " and ", "\u201c", "\u2019s ", " (", ") ", " - ", "\t", "\x00", "2025-")


@cache
def _extractor() -> Extractor:
    return Extractor(load_exercises())


@st.composite
def splices(draw: st.DrawFn) -> str:
    """A text made of 1-6 random pieces of the real reports, joined by random separators."""
    parts = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        text = draw(st.sampled_from(_TEXTS))
        start = draw(st.integers(min_value=0, max_value=len(text)))
        end = draw(st.integers(min_value=start, max_value=min(len(text), start + 600)))
        parts.append(text[start:end])
        parts.append(draw(st.sampled_from(_JOINERS)))
    return "".join(parts)


def test_real_texts_exist() -> None:
    assert len(_TEXTS) >= 40


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=splices(),
    published=st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))),
)
def test_extractor_never_crashes_on_spliced_real_text(text: str, published: dt.date | None) -> None:
    extraction = _extractor().extract(text, published=published)
    for event in extraction.events:
        for quote in event.evidence.values():
            assert extraction.text[quote.start : quote.end] == quote.text
