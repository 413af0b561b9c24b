"""Event, alliance and participant mechanisms for real reports (issue 14): one test per rule.

Every sentence is written here in the style of its failure class (an umbrella with parts listed by name,
a series whose report names no alliance, a state's institution as the actor, contingents deployed from a
list of countries, tensions as background); none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import DraftEvent, Extractor
from geo.extract.alliance_cues import ALLIANCE_CUES
from geo.extract.names import NameLexicon, find_names
from tests.extract.extract_checks import participants_of

DAY = dt.date(2026, 3, 2)


def _events(extractor: Extractor, text: str) -> dict[str, DraftEvent]:
    return {e.name_normalized or e.label: e for e in extractor.extract(text, published=DAY).events}


# --- names ---------------------------------------------------------------------------------------------


def test_a_list_of_names_after_such_drills_as_counts_common_words(lexicon: NameLexicon) -> None:
    names = find_names("Such drills as Granite, Search, Echelon and Falcon will be held in May.", lexicon)
    assert [n.base for n in names] == ["Granite", "Search", "Echelon", "Falcon"]


def test_a_common_word_name_needs_a_year_unless_the_article_named_it_before(lexicon: NameLexicon) -> None:
    sentence = "The Echelon special exercise will test the supply units."
    assert find_names(sentence, lexicon) == []
    assert [n.base for n in find_names(sentence, lexicon, frozenset({"Echelon"}))] == ["Echelon"]
    # Named before, but not beside an exercise word: a common word still.
    assert find_names("The supply echelon and the Echelon of trucks left.", lexicon, frozenset({"Echelon"})) == []


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Brotherhood of War 2024", "Combat Brotherhood-2024"),
        ("Skala-2024", "Rock-2024"),
        ("Barier-2024", "Barrier-2024"),
    ],
)
def test_translations_and_romanisations_of_csto_series(lexicon: NameLexicon, written: str, normalised: str) -> None:
    names = find_names(f"Units rehearse at the {written} drills.", lexicon)
    assert [n.normalized for n in names] == [normalised]


# --- alliance ------------------------------------------------------------------------------------------


def test_a_series_gives_the_alliance_when_the_report_names_none(extractor: Extractor) -> None:
    events = _events(extractor, "Belarus will host the Search-2026 special drills in June.")
    event = events["Search-2026"]
    assert event.alliance == "CSTO"
    assert any("series" in note for note in event.notes)


def test_catalog_families_with_one_alliance_become_series(lexicon: NameLexicon) -> None:
    assert lexicon.series["Spring Storm"] == "NATO"  # every Spring Storm of the catalog is NATO's
    assert "Vostok" not in lexicon.series  # Russian strategic exercises with varying guests: no default


def test_nato_forces_practising_is_a_nato_cue() -> None:
    nato = dict(ALLIANCE_CUES)["NATO"]
    assert nato.search("NATO forces are practising the crossing of a river.")
    assert not nato.search("NATO forces are worried about the drills.")


# --- participants --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Friday the Latvian Defence Ministry announced a snap readiness inspection.", ["LVA"]),
        ("The check of the armed forces, ordered by the President of Kazakhstan, began today.", ["KAZ"]),
        ("Poland's General Staff will hold command post exercises next week.", ["POL"]),
        ("The Lithuanian Defence Ministry criticised the drills.", []),
    ],
)
def test_a_states_institution_holding_or_ordering_an_exercise_makes_it_a_participant(
    sentence: str, expected: list[str]
) -> None:
    assert participants_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The contingents will deploy from the Republic of Armenia and the Kyrgyz Republic to the range.",
            ["ARM", "KGZ"],
        ),
        ("A plane brought participants from Tajikistan and Kazakhstan on Sunday.", ["TJK", "KAZ"]),
        ("US troops arrived from Germany for the drills.", ["USA"]),  # where they came from, not a party
        ("units returned from Russia after the drills.", []),
    ],
)
def test_contingents_deployed_from_a_list_of_countries(sentence: str, expected: list[str]) -> None:
    assert participants_of(sentence) == expected


def test_an_alliance_consisting_of_a_list_of_countries() -> None:
    sentence = "The bloc, consisting of Armenia, Kazakhstan and Tajikistan, will send its troops to the range."
    assert participants_of(sentence) == ["ARM", "KAZ", "TJK"]


# --- grouping ------------------------------------------------------------------------------------------


def test_an_exercise_name_is_not_a_conflict_word(extractor: Extractor) -> None:
    text = (
        "At the last stage of the Brotherhood of War 2026 drills, a joint exercise, Indestructible "
        "Brotherhood 2026, is planned on the territory of Tajikistan."
    )
    assert {"Combat Brotherhood-2026", "Unbreakable Brotherhood-2026"} <= set(_events(extractor, text))


def test_parts_listed_with_the_main_events_name_share_its_earlier_sentences(extractor: Extractor) -> None:
    text = (
        "The CSTO will hold four exercises in Kazakhstan in October.\n\n"
        "Such drills as Interaction, Search, Echelon and Barrier will be held on October 3-9."
    )
    events = _events(extractor, text)
    for name in ("Interaction", "Search", "Echelon", "Barrier"):
        assert "KAZ" in events[name].participants, name
        assert [loc.country for loc in events[name].locations] == ["KAZ"], name


def test_parts_named_together_again_keep_sharing_what_continues_them(extractor: Extractor) -> None:
    text = (
        "Belarus will host the upcoming drills Interaction 2026, Search 2026 and Echelon 2026 in July.\n\n"
        "The troops in the Interaction 2026 exercise with the rapid reaction forces, the Search 2026 and Echelon "
        "2026 special drills will deploy to Belarus. The contingents will deploy from the Republic of Armenia and "
        "the Kyrgyz Republic."
    )
    events = _events(extractor, text)
    for name in ("Interaction-2026", "Search-2026", "Echelon-2026"):
        assert {"ARM", "KGZ"} <= set(events[name].participants), name


def test_who_takes_part_continues_the_event_after_what_a_source_did_not_say(extractor: Extractor) -> None:
    text = (
        "Allied nations have begun exercise Coastal Hawk 2026 in Estonia. The command did not specify the timing "
        "of the exercises. The map shows that Finland, Latvia and Poland will participate."
    )
    (event,) = extractor.extract(text, published=DAY).events
    assert {"FIN", "LVA", "POL"} <= set(event.participants)


def test_rising_tensions_are_background_not_the_exercise(extractor: Extractor) -> None:
    text = (
        "Belarus started military exercises near its border on Monday, as tensions rise between Poland and "
        "Lithuania over mercenaries that moved to Belarus after a rebellion in Russia."
    )
    (event,) = extractor.extract(text, published=DAY).events
    assert event.participants == ("BLR",)
    assert event.alliance == "national"


def test_a_stop_glued_to_the_next_sentence_still_ends_one() -> None:
    from geo.extract.text import split_sentences

    text = 'Units train, Delfi.Lt reports. "It is routine," he noted.In October Rubezh 2026 follows in Kyrgyzstan.'
    assert [s.text for s in split_sentences(text)] == [
        "Units train, Delfi.Lt reports.",
        '"It is routine," he noted.',
        "In October Rubezh 2026 follows in Kyrgyzstan.",
    ]
