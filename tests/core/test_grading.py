"""Admiralty grading: the schema's validation, the outlet defaults file, the default/override rule, the threshold."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from geo.catalog.load import load_exercises
from geo.catalog.schema import Citation
from geo.core import grading
from geo.core.grading import (
    Grade,
    effective_grade,
    figure_grade,
    grade_changes,
    grade_columns,
    load_outlet_grades,
    meets,
    outlet_grade,
    parse_threshold,
)

QUOTE = "The drills began on Monday."


def test_a_citation_takes_an_admiralty_grade_or_none():
    graded = Citation(source="https://tass.com/x", quote=QUOTE, reliability="b", credibility=2)
    assert (graded.reliability, graded.credibility) == ("B", 2)
    plain = Citation(source="https://tass.com/x", quote=QUOTE)
    assert (plain.reliability, plain.credibility) == (None, None)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reliability", "G", "reliability 'G' is not an Admiralty letter: A (completely reliable)"),
        ("reliability", "B2", "reliability 'B2' is not an Admiralty letter"),
        ("credibility", 7, "credibility 7 is not an Admiralty digit: 1 (confirmed)"),
        ("credibility", 0, "credibility 0 is not an Admiralty digit"),
        ("credibility", "2", "Input should be a valid integer"),
    ],
)
def test_a_bad_grade_is_refused_with_a_clear_message(field, value, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Citation(source="https://tass.com/x", quote=QUOTE, **{field: value})


OUTLETS = {
    "tass.com": grading.OutletGrade("tass.com", "C", 3, "state agency"),
    "nato.int": grading.OutletGrade("nato.int", "B", 2, "organiser"),
    "seed:001_x.txt": grading.OutletGrade("seed:001_x.txt", "F", None, "no outlet"),
}


def test_outlets_match_by_host_without_www_and_port_then_parent_domain_and_seed_file():
    assert outlet_grade("https://www.tass.com:80/news/1", OUTLETS) is OUTLETS["tass.com"]
    assert outlet_grade("https://mncne.nato.int/page", OUTLETS) is OUTLETS["nato.int"]
    assert outlet_grade("seed:001_x.txt", OUTLETS) is OUTLETS["seed:001_x.txt"]
    assert outlet_grade("seed:002_y.txt", OUTLETS) is None
    assert outlet_grade("https://notnato.int.example/x", OUTLETS) is None
    assert outlet_grade("https://faketass.com/x", OUTLETS) is None


def test_the_citation_grade_overrides_the_outlet_default_part_by_part():
    tass = "https://tass.com/x"
    assert effective_grade({"source": tass}, OUTLETS) == Grade("C", 3, "outlet")
    assert effective_grade({"source": tass, "reliability": "A", "credibility": 1}, OUTLETS) == Grade("A", 1, "citation")
    mixed = effective_grade({"source": tass, "credibility": 1}, OUTLETS)
    assert mixed == Grade("C", 1, "mixed")
    assert "analyst's grade and outlet default" in mixed.text
    unknown = effective_grade({"source": "https://unknown.example/x"}, OUTLETS)
    assert unknown.code == "not graded" and unknown.text == "not graded"
    assert effective_grade({"source": "seed:001_x.txt"}, OUTLETS).code == "F-"


@pytest.mark.parametrize(
    ("code", "threshold", "expected"),
    [
        ("A1", "B2", True),
        ("B2", "B2", True),
        ("A3", "B2", False),
        ("C1", "B2", False),
        ("F1", "B2", False),
        ("A6", "E5", False),
        ("B-", "B2", False),
        ("not graded", "E5", False),
        ("E5", "E5", True),
    ],
)
def test_a_grade_meets_a_threshold_only_when_both_parts_are_as_good(code, threshold, expected):
    assert meets(code, threshold) is expected


@pytest.mark.parametrize("bad", ["B", "2", "F2", "B6", "BB2", "", "b 2 x"])
def test_a_threshold_is_a_letter_a_to_e_and_a_digit_1_to_5(bad):
    with pytest.raises(ValueError, match="grade must be a letter A–E and a digit 1–5"):
        parse_threshold(bad)
    assert parse_threshold(" b2 ") == "B2"


def test_figures_and_export_columns_use_the_best_grade():
    cits = [{"id": "a", "grade": "C3"}, {"id": "b", "grade": "B2"}, {"id": "c", "grade": "not graded"}]
    assert figure_grade({"cite": ["a", "b", "c"]}, cits) == "B2, C3, not graded"
    assert grade_columns(cits) == {"grade": "B2", "source_reliability": "B", "info_credibility": 2}
    assert grade_columns([{"grade": "not graded"}]) == {
        "grade": "not graded",
        "source_reliability": None,
        "info_credibility": None,
    }


def test_grade_changes_name_each_citation_with_before_and_after():
    before = {"citations": {"c1": {"quote": "x"}, "c2": {"reliability": "B", "credibility": 2}}}
    after = {"citations": {"c1": {"quote": "x", "reliability": "A", "credibility": 1}, "c2": {"reliability": "B"}}}
    assert grade_changes(before, after) == {
        "c1": {"before": "not graded", "after": "A1"},
        "c2": {"before": "B2", "after": "B-"},
    }
    assert grade_changes(None, after) == {}


# --- data/source_grades.yaml ------------------------------------------------------------------------


def test_the_outlet_file_is_valid_reasoned_and_grades_outlets_the_catalog_cites():
    grades = load_outlet_grades()
    assert len(grades) >= 40
    assert all(len(g.reason) >= 40 for g in grades.values())
    assert not any(g.reliability == "A" for g in grades.values())  # documented: no outlet is beyond question
    sources = {c.source for e in load_exercises() for c in e.citations.values()}
    used = {k for k in grades if any(outlet_grade(s, {k: grades[k]}) for s in sources)}
    assert used == set(grades), f"outlets graded but never cited: {sorted(set(grades) - used)}"
    cited = [s for s in sources if outlet_grade(s, grades) is not None]
    assert len(cited) / len(sources) > 0.5  # most citations have a default


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"outlet": "x.example", "reliability": "G", "reason": "a reason long enough to pass"}, "reliability 'G'"),
        ({"outlet": "x.example", "credibility": 9, "reason": "a reason long enough to pass"}, "credibility 9"),
        ({"outlet": "x.example", "reliability": "B"}, "needs a reason"),
        ({"reliability": "B", "reason": "a reason long enough to pass"}, "has no name"),
    ],
)
def test_a_bad_outlet_entry_is_named(tmp_path: Path, entry, message):
    path = tmp_path / "grades.yaml"
    path.write_text(yaml.safe_dump({"outlets": [entry]}), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_outlet_grades(path)


def test_a_repeated_outlet_is_refused(tmp_path: Path):
    entry = {"outlet": "x.example", "reliability": "B", "credibility": 2, "reason": "a reason long enough to pass"}
    path = tmp_path / "grades.yaml"
    path.write_text(yaml.safe_dump({"outlets": [entry, entry]}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"outlet #2 \(x.example\) is repeated"):
        load_outlet_grades(path)


def test_an_edit_of_the_outlet_file_is_read_without_a_restart(tmp_path, monkeypatch) -> None:
    from geo.core import grading, settings

    monkeypatch.setattr(settings, "DATA_DIR", tmp_path)
    path = tmp_path / grading.GRADES_FILE
    entry = (
        "outlets:\n- outlet: example.org\n  reliability: {}\n  credibility: 2\n"
        "  reason: An outlet used only by this test, graded twice.\n"
    )
    path.write_text(entry.format("B"), encoding="utf-8")
    assert [g.reliability for g in grading.outlet_grades()] == ["B"]
    path.write_text(entry.format("C") + "\n", encoding="utf-8")  # another size: a new key even on a coarse clock
    assert [g.reliability for g in grading.outlet_grades()] == ["C"]
