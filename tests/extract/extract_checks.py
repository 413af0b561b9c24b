"""Checks shared by the extraction tests."""

from __future__ import annotations

from typing import Any


def check_evidence(event: dict[str, Any], text: str) -> None:
    """Every extracted value carries a sentence of the article, found at its recorded offsets."""
    evidence = event["evidence"]
    needed = [k for k in ("name", "alliance", "start", "end", "announced", "troops") if event.get(k)]
    needed += [f"{key}.{c}" for key in ("participants", "observers", "non_participants") for c in event[key]]
    needed += [f"equipment.{what}" for what in event["equipment"]]
    needed += [f"locations.{i}" for i in range(len(event["locations"]))]
    needed += [f"figures.{i}" for i in range(len(event["figures"]))]
    missing = [k for k in needed if k not in evidence]
    assert not missing, missing
    for key, sentence in evidence.items():
        start, end = event["evidence_spans"][key]
        assert text[start:end] == sentence, key
