"""Site phrases of issue 14's classes, on small made-up sentences (general mechanisms, not articles)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from geo.extract.places import find_places, geocode_cached, is_home_base, is_venue
from geo.extract.records import to_exercise
from geo.extract.review import ReviewEdits, apply_edits, event_summary


def _found(sentence: str) -> list[tuple[str, str, str | None]]:
    """(text, form, country of the geocoded query) of each place phrase of a sentence."""
    return [(m.text, m.form, geocode_cached(m.query, m.context).country) for m in find_places(sentence)]


def test_a_range_in_a_wire_dateline_is_a_site() -> None:
    found = _found("OSIPOVICHSKY TRAINING GROUND /Belarus/, May 3. /TASS/.")
    assert found == [("OSIPOVICHSKY TRAINING GROUND", "site", "BLR")]
    assert _found("MINSK, May 3. /TASS/.") == []  # a town dateline is where the report was filed


def test_an_unknown_place_followed_by_its_country_is_located_as_that_country() -> None:
    assert _found("a ceremony was held at XYZQ Camp, Latvia, on Monday") == [("XYZQ Camp, Latvia", "country", "LVA")]
    # A place the gazetteer knows is read as itself.
    assert _found("troops gathered in Vitebsk, Belarus, on Monday")[0][:2] == ("Vitebsk", "town")


def test_a_republic_is_a_country_or_a_region_of_one() -> None:
    assert _found("drills in the Republic of Bashkortostan") == [("the Republic of Bashkortostan", "region", "RUS")]
    assert _found("drills in the Republic of Kazakhstan") == [("the Republic of Kazakhstan", "country", "KAZ")]


@pytest.mark.parametrize(
    ("sentence", "text", "country"),
    [
        ("Exercises took place in Belarus' Mogilev region.", "Belarus' Mogilev region", "BLR"),
        ("at the Lobovo training ground (southern Latvia), as well", "southern Latvia", "LVA"),
        ("held deep inside the territory of Kazakhstan", "deep inside the territory of Kazakhstan", "KAZ"),
    ],
)
def test_region_compass_and_interior_phrases(sentence: str, text: str, country: str) -> None:
    assert (text, country) in [(t, c) for t, _, c in _found(sentence)]


def test_areas_after_a_list_of_names_are_regions() -> None:
    found = _found("Units will train in the Gomel, Vitebsk and Minsk areas.")
    assert [t for t, f, _ in found if f == "region"] == ["Gomel", "Vitebsk", "Minsk"]


def test_the_border_with_a_country_is_seen_from_the_side_the_sentence_names() -> None:
    ((text, form, country),) = _found("The Latvian army exercises near the border with Belarus")
    assert (text, form, country) == ("the border with Belarus", "border", "LVA")
    # "the border of X" is X's own border.
    assert _found("drills along the northern border of Belarus")[0][2] == "BLR"


def test_where_units_are_based_is_no_site() -> None:
    sentence = "alongside the battalion stationed in Estonia"
    assert is_home_base(sentence, sentence.index("Estonia"))
    assert not is_home_base("drills held in Estonia", len("drills held in "))


def test_hosting_forces_is_no_hosted_exercise() -> None:
    assert _found("Latvia hosts allied forces and equipment") == []
    assert _found("Latvia will host the Crystal Arrow 2024 drills")[0][:2] == ("Latvia", "country")


def test_ranges_listed_item_by_item_are_the_exercises_sites(extractor: Extractor) -> None:
    text = (
        "Drills of the Belarusian Armed Forces continue at Belarusian training grounds.\n"
        "The training grounds are used as follows:\n"
        "  • Hozhski training ground until 18.08;\n"
        "  • Damanava training ground until 20.08;\n"
    )
    (event,) = extractor.extract(text, published=dt.date(2023, 8, 14)).events
    assert {(loc.gazetteer_id, loc.admin1) for loc in event.locations} >= {
        ("by_tg_gozhsky", "Grodno"),
        ("by_tg_domanovsky", "Brest"),
    }


def test_war_games_are_no_war(extractor: Extractor) -> None:
    text = "Belarus began military exercises on Monday. The war games took place in the Gomel region."
    (event,) = extractor.extract(text, published=dt.date(2023, 8, 7)).events
    assert ("BLR", "Gomel") in {(loc.country, loc.admin1) for loc in event.locations}


def test_a_country_named_beside_a_finer_place_is_kept_as_context(extractor: Extractor) -> None:
    text = "Belarusian troops began an exercise in Belarus on Monday at the Lepel training ground."
    (event,) = extractor.extract(text, published=dt.date(2025, 4, 20)).events
    roles = {loc.text: (loc.role, loc.kind, loc.country) for loc in event.locations}
    assert roles["Belarus"] == ("context", "country", "BLR")  # shown and scored as where the exercise is
    assert [loc.role for loc in event.locations if loc.text != "Belarus"] == ["site"]
    # The path to the catalog leaves the container out unless the reviewer keeps it.
    places = [site.place for site in to_exercise(event, source="https://example.org/a").sites]
    assert "Belarus" not in places and any("Lepel" in p for p in places)
    (i,) = [n for n, loc in enumerate(event.locations) if loc.is_context]
    kept = apply_edits(event, ReviewEdits(context_keep=(i,)), text)
    assert "Belarus" in [site.place for site in to_exercise(kept, source="https://example.org/a").sites]
    assert "context: holds the finer sites" in "\n".join(event_summary(event))


def test_a_country_alone_stays_a_site(extractor: Extractor) -> None:
    text = "Belarusian troops began an exercise in Belarus on Monday."
    (event,) = extractor.extract(text, published=dt.date(2025, 4, 20)).events
    assert [(loc.text, loc.role) for loc in event.locations] == [("Belarus", "site")]


@pytest.mark.parametrize(
    ("sentence", "place", "venue"),
    [
        ("The opening ceremony took place in the city of Zorvask.", "Zorvask", False),
        ("The closing ceremony was held at the Zorvask range.", "Zorvask", False),
        ("An award ceremony was held in Zorvask.", "Zorvask", True),
        ("The minister told reporters in Zorvask.", "Zorvask", True),
    ],
)
def test_an_opening_or_closing_ceremony_is_held_where_the_exercise_is(sentence: str, place: str, venue: bool) -> None:
    start = sentence.index(place)
    assert is_venue(sentence, start, start + len(place)) is venue


def test_the_opening_ceremony_sentence_gives_the_exercise_a_site(extractor: Extractor) -> None:
    text = (
        "Belarusian troops began an exercise on Monday, the defence ministry said. "
        "The opening ceremony took place in the city of Vitebsk."
    )
    (event,) = extractor.extract(text, published=dt.date(2025, 4, 20)).events
    assert ("BLR", "Vitebsk") in {(loc.country, loc.admin1) for loc in event.locations}


def test_rivers_the_troops_cross_are_sites_one_per_river() -> None:
    found = _found("Sappers will build crossings over the rivers of Shchara and Sozh next week.")
    assert found == [("Shchara", "river", "BLR"), ("Sozh", "river", "BLR")]
    assert _found("Engineers trained on the Mukhavyets river.")[0][:2] == ("the Mukhavyets river", "river")
    # Only a river the reference layer knows: "the River Club" is a venue's name, not a river.
    assert _found("Officers met at the River Club.") == []


def test_a_river_outside_the_default_country_is_read_in_the_sentence_s_country(extractor: Extractor) -> None:
    text = "Polish troops began an exercise on Monday with a crossing of the Vistula River near Warsaw."
    (event,) = extractor.extract(text, published=dt.date(2024, 3, 4)).events
    river = next(loc for loc in event.locations if "Vistula" in loc.text)
    assert (river.country, river.resolved) == ("POL", True)


def test_a_list_of_districts_is_one_district_per_name() -> None:
    sentence = "Drills are held in the Zhlobin and Rechytsa districts."
    assert _found(sentence) == [("Zhlobin", "region", "BLR"), ("Rechytsa", "region", "BLR")]
    (rechytsa,) = [m for m in find_places(sentence) if m.text == "Rechytsa"]
    assert rechytsa.query == "Rechytsa district"
    assert geocode_cached(rechytsa.query, rechytsa.context).admin1 == "Gomel"


def test_a_list_of_towns_the_gazetteer_knows_is_one_town_per_name() -> None:
    assert _found("The scenario plays out riots in Jekabpils and Valmiera.") == [
        ("Jekabpils", "town", "LVA"),
        ("Valmiera", "town", "LVA"),
    ]
    # Names that are no town are not read as towns.
    assert _found("exercises in Iron Wolf and Saber Strike") == []


def test_the_border_with_a_non_participant_is_on_the_participant_s_side(extractor: Extractor) -> None:
    text = (
        "Lithuanian troops take part in the Zorvask Shield exercise, which began on Monday. "
        "The Zorvask Shield exercise is held in the regions near the border with Russia and Belarus."
    )
    (event,) = extractor.extract(text, published=dt.date(2017, 5, 1)).events
    border = next(loc for loc in event.locations if "border" in loc.text)
    assert border.country == "LTU"  # Lithuania's strip along Russia and Belarus, not one inside Belarus
    assert any("read on LTU's side" in note for note in event.notes)


def test_a_district_or_region_after_of_is_a_place() -> None:
    # "drill … with the territorial defense bodies of X district": the district is where the drill is held.
    found = _found("A drill is held with the territorial defence bodies of Zhlobin district.")
    assert [(t, f, c) for t, f, c in found] == [("Zhlobin district", "region", "BLR")]
    assert _found("The inspection of the territorial defence of the Gomel region began.")[0][1:] == ("region", "BLR")
    # Without a region word "of" names no place.
    assert _found("The Ministry of Defence of Belarus said so.") == []
