"""From a news report to draft exercise events, and from reviewed drafts to store records.

Pipeline: :func:`geo.extract.text.read_article` (bytes → safe plain text) → :class:`Extractor`
(text → :class:`~geo.extract.draft.DraftEvent` drafts with evidence, matched against known exercises)
→ reviewer (:func:`geo.extract.review.apply_edits`) → :func:`geo.extract.ingest.save` (accepted
drafts → new exercises and updates → :meth:`geo.store.Store.save`, one transaction). Every face runs
that workflow through the service :mod:`geo.extract.ingest`.

Modules: :mod:`~geo.extract.text` (reading, sentences), :mod:`~geo.extract.names`,
:mod:`~geo.extract.dates`, :mod:`~geo.extract.numbers`, :mod:`~geo.extract.participants`,
:mod:`~geo.extract.places` (phrases → :func:`geo.geocode.geocoder.geocode`), :mod:`~geo.extract.grouping`
(sentences → events), :mod:`~geo.extract.assembly` (an event's fields), :mod:`~geo.extract.events`
(the extractor), :mod:`~geo.extract.draft` (the typed draft), :mod:`~geo.extract.match` (catalog
matching), :mod:`~geo.extract.records` (drafts → catalog records), :mod:`~geo.extract.review`
(reviewer edits) and :mod:`~geo.extract.ingest` (the workflow). No network, no model downloads.
"""

from __future__ import annotations

from geo.extract.draft import DraftEvent, DraftFigure, DraftPlace, FieldRef, Match, Quote
from geo.extract.events import Extraction, Extractor
from geo.extract.records import check_source
from geo.extract.text import clean_text, read_article

__all__ = [
    "DraftEvent",
    "DraftFigure",
    "DraftPlace",
    "Extraction",
    "Extractor",
    "FieldRef",
    "Match",
    "Quote",
    "check_source",
    "clean_text",
    "read_article",
]
