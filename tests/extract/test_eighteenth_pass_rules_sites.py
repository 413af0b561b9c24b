"""The mechanisms added for the eighteenth blind batch of real reports (site-rich reports, ids 338-347): one test per
rule, with guards.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.bases_abroad import base_forces
from geo.extract.name_forms import names_a_unit
from geo.extract.names import NameMention
from geo.extract.participants import find_parties
from geo.extract.places import find_places, geocode_cached
from geo.extract.references import ArticleAliases

PUBLISHED = dt.date(2026, 5, 12)  # a Tuesday


def _participants(sentence: str, before: str = "") -> set[str]:
    return {p.iso3 for p in find_parties(sentence, before=before) if p.role == "participant"}


def _places(sentence: str) -> dict[str, tuple[str | None, str | None]]:
    """Each place phrase of a sentence with the country and admin-1 region the geocoder gives it."""
    out = {}
    for mention in find_places(sentence):
        result = geocode_cached(mention.query, mention.context)
        out[mention.text] = (result.country, result.admin1)
    return out


# --- "these countries": the country list of the sentence before ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Representatives of the armed forces of these countries will take part in the drills.",
        "Troops from these countries are taking part in the exercise.",
        "All of these states will participate in the exercise next week.",
    ],
)
def test_these_countries_are_the_list_of_the_sentence_before(sentence):
    before = "The bloc's members are Armenia, Kyrgyzstan and Tajikistan."
    assert _participants(sentence, before) >= {"ARM", "KGZ", "TJK"}


def test_these_countries_through_the_extractor():
    from geo.catalog.load import load_exercises
    from geo.extract import Extractor

    text = (
        "The CSTO will hold the Cooperation-2026 exercise in Kyrgyzstan from May 20 to May 25. "
        "The organisation unites Armenia, Kazakhstan, Kyrgyzstan and Tajikistan. "
        "Units of the armed forces of these countries will take part in the drills."
    )
    (event,) = Extractor(load_exercises()).extract(text, published=PUBLISHED).events
    assert set(event.participants) >= {"ARM", "KAZ", "KGZ", "TJK"}


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        # negated: none of them takes part
        ("None of these countries will take part in the drills.", "The bloc includes Armenia and Tajikistan."),
        ("Troops of these countries will not take part in the drills.", "The bloc includes Armenia and Tajikistan."),
        # one country before: "these countries" cannot stand for it
        ("Troops of these countries will take part in the drills.", "The drills will be held in Armenia."),
        # no "these countries" at all
        ("Troops will take part in the drills.", "The bloc includes Armenia and Tajikistan."),
    ],
)
def test_these_countries_guards(sentence, before):
    assert not _participants(sentence, before) & {"ARM", "TJK"}


# --- a country's name before its army -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        ("All units of the Kyrgyzstan army were put on combat alert.", "KGZ"),
        ("The Uzbekistan armed forces began drills near Termez.", "UZB"),
    ],
)
def test_a_country_name_before_its_army_takes_part(sentence, iso3):
    assert iso3 in _participants(sentence)


def test_a_country_name_not_before_an_army_is_no_force():
    assert "KGZ" not in _participants("A delegation from the Kyrgyzstan embassy watched the army drills.")


# --- "put on training / combat alert" is a readiness check ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "All units of the Kazakh army have been put on training alert, the Defense Ministry said on Tuesday.",
        "The Kyrgyz army was put on combat alert on Tuesday for a check of its readiness.",
    ],
)
def test_an_army_put_on_training_alert_is_an_exercise(extractor, sentence):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.participants


def test_an_alert_of_another_kind_is_no_exercise(extractor):
    sentence = "Air defences were put on high alert after drones crossed the border on Tuesday."
    assert not extractor.extract(sentence, published=PUBLISHED).events


# --- a capitalised "Command" names a unit -------------------------------------------------------------------------


def test_a_quoted_name_after_command_is_a_units():
    sentence = "Regional Command “Zapad” and the Air Mobile Forces are taking part in the exercises."
    start = sentence.index("Zapad")
    assert names_a_unit(sentence, start, start + len("Zapad"))


def test_a_command_unit_opens_no_exercise_of_its_name(extractor):
    text = (
        "The Steppe Shield-2026 drills kicked off in Kazakhstan today. "
        "Regional Command “Vostok” and the Air Defense Forces are taking part in the exercises."
    )
    names = [e.name for e in extractor.extract(text, published=PUBLISHED).events]
    assert not any(n and "Vostok" in n for n in names)


def test_a_command_and_staff_exercise_keeps_its_name(extractor):
    sentence = "The “Vostok-2026” command and staff exercise began in Russia on Tuesday."
    names = [e.name for e in extractor.extract(sentence, published=PUBLISHED).events]
    assert any(n and "Vostok" in n for n in names)


# --- region lists, "all over", "and the X training center" -----------------------------------------------------------


def test_a_region_list_whose_first_item_holds_and():
    places = _places("The drills will be held in the Warmia and Mazury, Lubusz and Opole voivodeships.")
    assert places["Lubusz"] == ("POL", "Lubusz")
    assert places["Opole"] == ("POL", "Opole")


def test_a_plain_region_pair_is_unchanged():
    places = _places("The drills were held in the Minsk and Vitebsk regions.")
    assert places == {"Minsk": ("BLR", "Minsk"), "Vitebsk": ("BLR", "Vitebsk")}


def test_all_over_a_country_is_the_country():
    assert _places("Reservists will train in rural districts all over Latvia.") == {"Latvia": ("LVA", None)}


def test_a_second_range_after_and_the_is_a_place():
    places = _places("Troops trained at the Gozhsky training ground and the Obuz-Lesnovsky training ground.")
    assert places["Gozhsky training ground"][0] == "BLR"
    assert places["Obuz-Lesnovsky training ground"] == ("BLR", "Brest")


def test_and_the_before_a_lower_case_word_is_no_range():
    assert not any("range" in t for t in _places("They fired at targets and the range was closed."))


# --- ranges the gazetteer lacks in a country the admin-1 layer does not cover ---------------------------------------


def test_an_unknown_range_in_an_uncovered_country_is_located_as_the_country(extractor):
    text = "Kyrgyz troops began exercises in Kyrgyzstan on Tuesday. The drills are held at the Karakoo training ground."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    (ground,) = [p for p in event.locations if p.text.startswith("Karakoo")]
    assert (ground.country, ground.kind, ground.resolved) == ("KGZ", "training_ground", True)


def test_unknown_ranges_of_a_list_in_an_uncovered_region(extractor):
    sentence = (
        "Tajik and Uzbek troops will hold drills at the Zarafo range and the Qumsang training center in the Sughd "
        "region on Tuesday."
    )
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    written = {t for p in event.locations if p.resolved and p.country == "TJK" for t in (p.text, *p.also_written)}
    assert {"Zarafo range", "Qumsang training center"} <= written
    assert all(p.resolved for p in event.locations)


def test_an_unknown_range_in_a_covered_country_stays_unresolved(extractor):
    text = "Belarusian troops began exercises in Belarus on Tuesday. The drills are held at the Zzyzxo training ground."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    (ground,) = [p for p in event.locations if p.text.startswith("Zzyzxo")]
    assert not ground.resolved


def test_a_range_named_after_a_town_abroad_follows_the_reports_country(extractor):
    text = (
        "Large-scale drills of the Kazakh army kicked off in Kazakhstan today. "
        "The drills will be held until May 20 at the Spassk and Shygys ranges."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert set(event.participants) == {"KAZ"}
    assert {p.country for p in event.locations if p.resolved} == {"KAZ"}


def test_a_range_named_after_a_town_of_the_reports_country_stays(extractor):
    text = "Russian troops began drills in Russia today. The drills are held at the Kovrov range."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert {p.country for p in event.locations if p.resolved} == {"RUS"}


# --- a quoted new name, written again bare ------------------------------------------------------------------------


def test_a_quoted_new_name_written_again_bare_is_the_same_exercise(extractor):
    text = (
        "The “Amber Arrow” exercise brought the reservists of the Northern District together at the Tapa base. "
        "Amber Arrow activities will take place until May 29 in rural districts all over Estonia."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert "Estonia" in {p.text for p in event.locations}
    assert event.end == "2026-05-29"


def _mention(sentence: str, text: str) -> NameMention:
    start = sentence.index(text)
    return NameMention(text, start, start + len(text), text, None)


def test_only_a_quoted_name_the_catalog_lacks_is_read_again_bare():
    aliases = ArticleAliases(known=frozenset({"zapad"}))
    first = "Belarus will host the “Zapad” exercise and the “Amber Arrow” exercise in September."
    aliases.read(first, [_mention(first, "Zapad"), _mention(first, "Amber Arrow")])
    later = "Zapad and Amber Arrow will both be held near Grodno; Amber Arrowhead is a unit."
    assert [n.text for n in aliases.read(later, [])] == ["Amber Arrow"]


def test_a_new_name_not_quoted_is_not_read_again_bare():
    aliases = ArticleAliases()
    first = "Belarus will host the Amber Arrow exercise in September."
    aliases.read(first, [_mention(first, "Amber Arrow")])
    assert aliases.read("Amber Arrow activities will be held near Grodno.", []) == []


# --- forces of a base abroad ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tactical drills with 900 servicemen of motorized rifle units of the 201st Russian military base started at "
        "the Lyaur range in Tajikistan on Tuesday.",
        "Servicemen of Russia's 102nd military base in Armenia held drills at the Alagyaz range on Tuesday.",
        "The 201st Russian military base held live-fire drills near Dushanbe in Tajikistan on Tuesday.",
    ],
)
def test_the_forces_of_a_base_abroad_are_its_countrys_not_the_hosts(extractor, text):
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert set(event.participants) == {"RUS"}


def test_host_troops_beside_the_base_still_take_part(extractor):
    text = (
        "Servicemen of the 201st Russian military base and Tajik troops held joint drills at the Lyaur range in "
        "Tajikistan on Tuesday."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert set(event.participants) == {"RUS", "TJK"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Tajik troops held drills near the Russian military base in Dushanbe.",
        "No servicemen of the 201st Russian military base took part in the drills.",
    ],
)
def test_a_base_as_a_place_or_negated_is_no_force(sentence):
    assert base_forces(sentence) == []
