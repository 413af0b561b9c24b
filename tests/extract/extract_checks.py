"""Checks shared by the extraction tests."""

from __future__ import annotations

from geo.extract.draft import PARTY_FIELDS, DraftEvent, FieldRef
from geo.extract.participants import find_parties


def check_evidence(event: DraftEvent, text: str) -> None:
    """Every extracted value carries a sentence of the article, found at its recorded offsets."""
    needed = [FieldRef(f) for f in ("name", "alliance", "start", "end", "announced") if getattr(event, f)]
    needed += [FieldRef(role, c) for role in PARTY_FIELDS for c in event.parties(role)]
    needed += [FieldRef("locations", i) for i in range(len(event.locations))]
    needed += [FieldRef("figures", i) for i in range(len(event.figures))]
    cited = dict(event.cited())
    needed += [FieldRef("troops")] if event.troops else []
    needed += [FieldRef("equipment", what) for what in event.equipment]
    missing = [ref.key for ref in needed if ref not in cited]
    assert not missing, missing
    for ref, quote in cited.items():
        assert text[quote.start : quote.end] == quote.text, ref.key
    as_json = event.to_json()  # the JSON of ``ingest --json`` says the same
    assert set(as_json["evidence"]) == {ref.key for ref in cited}
    assert all(as_json["evidence_spans"][k] == [q.start, q.end] for k, q in ((r.key, q) for r, q in cited.items()))


def participants_of(sentence: str) -> list[str]:
    """The ISO3 codes the participant rules find in one sentence, in the order found."""
    return [p.iso3 for p in find_parties(sentence) if p.role == "participant"]
