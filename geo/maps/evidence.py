"""The evidence of a draft event as escaped HTML: its sentences, each supporting one highlighted and labelled.

Everything that ends up in HTML passes through :func:`html.escape` here (article text and field
labels), so a page can hand the result to Streamlit as is.
"""

from __future__ import annotations

import html

from geo.extract.draft import DraftEvent, FieldRef
from geo.extract.events import Extraction

#: Readable names of the single-valued evidence fields shown beside a highlighted sentence.
FIELD_LABELS = {
    "name": "name",
    "alliance": "alliance",
    "start": "start",
    "end": "end",
    "announced": "announced",
    "undated": "no date",
    "troops": "troops",
}
#: Height of the scrolling evidence box on the review page (pixels).
EVIDENCE_MAX_HEIGHT_PX = 360


def field_label(ref: FieldRef) -> str:
    """Return a reader's label for an evidence reference ("participant: BLR", "figure", "equipment: tanks")."""
    if ref.field in ("participants", "observers", "non_participants"):
        return f"{ref.field.replace('_', '-')[:-1]}: {ref.item}"
    if ref.field == "equipment":
        return f"equipment: {ref.item}"
    if ref.field in ("figures", "locations"):
        return ref.field[:-1]
    return FIELD_LABELS.get(ref.field, ref.key)


def evidence_html(extraction: Extraction, event: DraftEvent) -> str:
    """Return the event's sentences as escaped HTML, evidence sentences highlighted and labelled.

    Parameters
    ----------
    extraction
        The article's extraction (its cleaned text and sentences).
    event
        One of its draft events (its ``sentences`` and the offsets of its evidence).

    Returns
    -------
    str
        HTML: a scrolling box with one paragraph per sentence; evidence sentences in ``<mark>``
        followed by the fields they support. All text is escaped.
    """
    by_start: dict[int, list[str]] = {}
    for ref, quote in event.cited():
        by_start.setdefault(quote.start, []).append(field_label(ref))
    sentences = extraction.sentences
    indexes = sorted(set(event.sentences) | {s.index for s in sentences if s.start in by_start})
    parts = []
    for i in indexes:
        start, end = sentences[i].start, sentences[i].end
        body = html.escape(extraction.text[start:end])
        labels = list(dict.fromkeys(by_start.get(start, [])))
        if labels:
            tags = html.escape(", ".join(labels))
            parts.append(
                f'<p class="ev"><mark style="background:#fff3b0">{body}</mark> '
                f'<small style="color:#666">[{tags}]</small></p>'
            )
        else:
            parts.append(f'<p class="ev" style="color:#555">{body}</p>')
    body = "\n".join(parts) or "<p><em>No sentence.</em></p>"
    style = f"max-height:{EVIDENCE_MAX_HEIGHT_PX}px;overflow-y:auto;font-size:0.9rem"
    return f'<div class="evidence" style="{style}">{body}</div>'
