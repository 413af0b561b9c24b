"""The mechanisms added for the ninth blind batch of real reports (the Baltic and Russia's west): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers (a title word or a two-digit
year in a name, a town word with a modifier, "A's Baltic exclave of X", a village in a named municipality, a
region named by demonyms, forces counted in an elided list, an exercise another one prepares for, one place
written two ways); none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.cues import EXERCISE_NOUN, MOVE_VERB
from geo.extract.names import find_names
from geo.extract.participants import find_parties
from geo.extract.places import find_places, geocode_cached


def _names(sentence: str, lexicon) -> list[str]:
    return [n.normalized for n in find_names(sentence, lexicon)]


def test_a_title_word_before_a_name_names_the_exercise(lexicon):
    assert _names("On Friday, the army's Exercise Grey Lynx drew to a close.", lexicon) == ["Grey Lynx"]
    assert _names("Three weeks ago Exercise Grey Lynx 24 began in the south.", lexicon) == ["Grey Lynx-2024"]
    lead = "The largest annual exercise of the navy, Operation Amber Shield, began on May 3 in the port."
    assert _names(lead, lexicon) == ["Amber Shield"]
    # an operation is no exercise unless the words before it call it one, nor a word inside another name
    assert _names("The drill is part of Operation Amber Shield, a deterrence mission.", lexicon) == []
    assert _names("Operation Amber Shield brought troops to the region.", lexicon) == []
    assert _names("During the exercise, Peacetime Operation Forces trained with police.", lexicon) == []


def test_a_two_digit_year_in_quotes_or_before_the_exercise_word_is_the_year(lexicon):
    quoted = 'Some 500 troops from Canada are involved in "Frost Lynx 25", which began on February 3.'
    assert _names(quoted, lexicon) == ["Frost Lynx-2025"]
    assert _names("The Polar Hawk 24 exercise, taking place in the north, ends soon.", lexicon) == ["Polar Hawk-2024"]
    # the sentence's full stop inside the quotes
    assert _names('The army started the largest drill this year "Grey Lynx 2019."', lexicon) == ["Grey Lynx-2019"]
    # a count is no year
    assert _names("Some 24 exercises were held, the Polar Hawk unit said.", lexicon) == []


def test_training_event_and_military_training_are_exercise_nouns():
    assert EXERCISE_NOUN.search("Held at the range, this multinational training event tested the battlegroup.")
    assert EXERCISE_NOUN.search("The military training is to take place at the port.")
    assert not EXERCISE_NOUN.search("Conscripts attend the military training centre near the port.")


def _located(sentence: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for p in find_places(sentence):
        result = geocode_cached(p.query, p.context)
        out.append((p.text, result.country, result.admin1))
    return out


def test_a_town_word_with_a_modifier_is_the_town():
    assert _located("The drill is to take place at the border town of Lida next week.") == [
        ("the border town of Lida", "BLR", "Grodno")
    ]


def test_an_exclave_of_a_city_is_its_region_after_a_preposition():
    assert _located("Marines held drills in Russia's Baltic exclave of Kaliningrad on Monday.") == [
        ("Russia's Baltic exclave of Kaliningrad", "RUS", "Kaliningrad")
    ]
    # geography after "between" is no place of the drill
    geography = "The gap is a strip of land between the forests and the Russian enclave of Kaliningrad."
    assert all(p.form != "region" for p in find_places(geography))


def test_a_village_the_gazetteer_lacks_is_placed_on_its_named_municipality():
    assert _located("The scenario centred on a bridge in the village of Xüürak, Saue Rural Municipality.") == [
        ("the village of Xüürak, Saue Rural Municipality", "EST", "Harju")
    ]
    (place,) = find_places("The scenario centred on a bridge in the village of Xüürak, Saue Rural Municipality.")
    assert place.query == "Saue district"  # the municipality's seat with a district's radius, not a guessed point
    # a village the gazetteer knows stays itself
    (known,) = find_places("Patrols moved in the village of Keila, Harku Rural Municipality.")
    assert known.query == "Keila"


def test_a_region_named_by_demonyms_is_each_uncovered_country():
    located = _located("The exercise is taking place in Finnish, Swedish and Norwegian Lapland this week.")
    assert [c for _, c, _ in located] == ["FIN", "SWE", "NOR"]
    assert located[-1][0] == "Norwegian Lapland"
    # forces and bodies are no land, and a covered country's region is left to the other forms
    assert find_places("Officers trained in Swedish Army drills.") == []
    assert all(p.form != "country" for p in find_places("Troops trained in Polish Pomerania."))


def test_the_x_military_training_is_the_range_at_x():
    assert _located("Held at the Adazi military training in Latvia, the event tested the battlegroup.") == [
        ("Adazi military training", "LVA", "Ādaži"),
        ("Latvia", "LVA", None),
    ]


def test_forces_counted_in_an_elided_list_take_part_and_continue_the_exercise():
    sentence = "In addition, there have been 3,000 Swedish soldiers, 450 from France and 50 British personnel there."
    assert [p.iso3 for p in find_parties(sentence)] == ["SWE", "GBR", "FRA"]
    assert MOVE_VERB.search(sentence)
    assert [p.iso3 for p in find_parties("The Latvian Mechanized Infantry Brigade hosted the battlegroup.")] == ["LVA"]
    # a distance is no count of forces
    assert find_parties("Soldiers trained 30 from Poland's border, officials said.") == []


def test_the_exercise_another_one_prepares_for_is_not_the_main_event(extractor):
    text = (
        "The exercise came in preparation of the annual large-scale Spring Storm event.\n\n"
        "The exercise, dubbed Grey Lynx, finished on Sunday near Tallinn, Estonia.\n\n"
        "Latvian personnel were also involved in the exercise."
    )
    events = extractor.extract(text, published=dt.date(2023, 4, 17)).events
    lynx = next(e for e in events if e.name_normalized == "Grey Lynx")
    assert "LVA" in lynx.participants
    spring = [e for e in events if e.name_normalized == "Spring Storm"]
    assert all("LVA" not in e.participants for e in spring)


def test_one_place_written_two_ways_is_one_drill(extractor):
    text = (
        "Marines hold exercises in Kaliningrad\n\n"
        "Around 500 marines have held scheduled exercises in Russia's Baltic exclave of Kaliningrad, the fleet said.\n"
        "\n"
        "The unit also practiced offensive maneuvers."
    )
    (event,) = extractor.extract(text, published=dt.date(2022, 3, 14)).events
    assert {(p.country, p.admin1) for p in event.locations} == {("RUS", "Kaliningrad")}


def test_a_quoted_two_digit_number_needs_a_sentence_about_an_exercise(lexicon):
    assert _names('The novel "Catch 22" was on the reading list.', lexicon) == []
    assert _names('Troops are taking part in "Catch 22" near the lake.', lexicon) == ["Catch-2022"]


def test_a_present_simple_end_before_a_weekday_is_the_next_one(extractor):
    # 2025-02-25 is a Tuesday: "ends on Friday" is 28 February, not the Friday before
    text = 'Some 900 troops are involved in the drill "Frost Lynx 25", which began on February 14 and ends on Friday.'
    (event,) = extractor.extract(text, published=dt.date(2025, 2, 25)).events
    assert (event.start, event.end) == ("2025-02-14", "2025-02-28")
    (event,) = extractor.extract(text.replace("ends on", "ended on"), published=dt.date(2025, 2, 25)).events
    assert event.end == "2025-02-21"


def test_live_firings_are_part_of_the_exercise_in_focus_not_another_drill(extractor):
    assert EXERCISE_NOUN.search("Two battalions are holding live firings at the range.")
    text = (
        "The army will hold a tactical exercise near Lida in the Grodno Region on May 4-7, the ministry said.\n\n"
        "Helicopters will support the troops.\n\n"
        "At the 12th training ground in the Brest Region, two air defence battalions are holding live firings."
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 5, 3)).events
    assert ("BLR", "Brest") in {(p.country, p.admin1) for p in event.locations}
    # a bare "drills" at a new place in a later paragraph is still another drill (README seventh session)
    other = text.replace("two air defence battalions are holding live firings", "drills will also be conducted")
    assert len(extractor.extract(other, published=dt.date(2021, 5, 3)).events) == 2


def test_an_end_verb_after_an_opening_day_dates_the_end_and_ago_keeps_its_verb(extractor):
    # 2025-05-23 is a Friday
    text = (
        "On Friday, the army's Exercise Grey Lynx drew to a close.\n\n"
        '"Today we are stronger than three weeks ago when Exercise Grey Lynx 25 began," the commander said.'
    )
    (event,) = extractor.extract(text, published=dt.date(2025, 5, 23)).events
    assert (event.start, event.end) == ("2025", "2025-05-23")  # the year of the name; no day says when it began
    # a start verb after the opening day, with no time of its own, still dates the start
    (event,) = extractor.extract(
        "Today the army's Exercise Grey Lynx 25 began with 900 troops.", published=dt.date(2025, 5, 2)
    ).events
    assert event.start == "2025-05-02"


def test_more_written_forms_of_a_name(lexicon):
    # all capitals after "Exercise", in title case
    assert _names("Exercise GREY LYNX 24 began with 900 troops near the lake.", lexicon) == ["Grey Lynx-2024"]
    # right after a singular exercise word, ending its phrase
    assert _names("The exercise Grey Lynx began on Monday near the lake.", lexicon) == ["Grey Lynx"]
    assert _names("During exercise Grey Lynx, troops crossed the river.", lexicon) == ["Grey Lynx"]
    assert _names("At the exercise Defence Minister Smith said troops were ready.", lexicon) == []
    # after taking part in it, or during it, with a year; a hyphenated two-digit year before the exercise word
    assert _names("Estonian troops took part in Grey Lynx 2024 near the lake.", lexicon) == ["Grey Lynx-2024"]
    assert _names("The Grey Lynx-24 drills ended on the coast yesterday.", lexicon) == ["Grey Lynx-2024"]
    # "known as" after an exercise word only
    assert _names("The drills, known as Grey Lynx, began on Monday.", lexicon) == ["Grey Lynx"]
    assert _names("A unit known as Grey Lynx trained there on Monday.", lexicon) == []


def test_a_second_region_after_and_is_a_region_too():
    assert _located("Drills took place in Harju County and Lääne-Viru County.") == [
        ("Harju County", "EST", "Harju"),
        ("Lääne-Viru County", "EST", "Lääne-Viru"),
    ]
    # regions the troops came from are no places of the drill, the second no more than the first
    assert all(p.form != "region" for p in find_places("Troops moved from the Gomel region and the Vitebsk region."))


def test_a_numbered_unit_of_a_demonym_takes_part():
    assert [p.iso3 for p in find_parties("The Polish 16th Mechanized Division trained near the lake.")] == ["POL"]
    assert [p.iso3 for p in find_parties("The Belarusian 120th brigade held drills.")] == ["BLR"]


def test_conclude_finish_and_wrap_up_before_a_date_are_end_cues():
    from geo.extract.dates import date_role, find_dates

    for sentence in ("The exercise is set to conclude on Friday.", "The drills will finish on 14 May."):
        assert [date_role(sentence, m) for m in find_dates(sentence)] == ["end"]
    assert [date_role(s, m) for s in ["The drills will begin on 14 May."] for m in find_dates(s)] == ["start"]


def test_a_border_strip_lies_on_the_side_of_the_exercises_participant(extractor):
    def strips(text: str) -> list[str | None]:
        (event,) = extractor.extract(text, published=dt.date(2024, 5, 6)).events
        return [p.country for p in event.locations if p.kind == "border_zone"]

    # not Belarus's strip along Russia (the default country takes no part), and not Belarus's border with itself
    assert strips("Latvian soldiers held drills along the border with Russia on Monday.") == ["LVA"]
    assert strips("Lithuanian troops began drills near the Belarusian border on Monday.") == ["LTU"]
    # among several participants, the one whose strip along that neighbour exists
    assert strips("Estonian, British and US troops began drills near the Russian border on Monday.") == ["EST"]
    # a Belarusian drill keeps Belarus's strip
    assert strips("Belarusian troops began drills near the border with Poland on Monday.") == ["BLR"]
    # the default country named in the sentence keeps its strip, even when only its partner is read as taking part
    text = (
        "Belarus's Defence Ministry announced on Monday that it would hold joint exercises with Russia along the "
        "border with Ukraine."
    )
    assert strips(text) == ["BLR"]


def test_a_place_apposition_before_a_date_is_skipped_back_to_its_verb():
    from geo.extract.dates import date_role, find_dates

    for sentence in (
        "Paratroopers began drills in the Pskov region, near the border with Estonia and Latvia, on Monday.",
        "Troops began drills at the range, 30 km from the border, on Monday.",
    ):
        assert [date_role(sentence, m) for m in find_dates(sentence)] == ["start"]
    # without a verb before the apposition the day dates nothing
    assert [date_role(s, m) for s in ["Officials met near the border, on Monday."] for m in find_dates(s)] == ["none"]


def test_a_person_described_after_the_exercise_word_is_no_name(lexicon):
    assert _names("After the exercise Smithson, the defence minister, praised the troops.", lexicon) == []
    assert _names("During exercise Grey Lynx, the troops crossed the river.", lexicon) == ["Grey Lynx"]


def test_names_opening_with_a_non_ascii_capital_and_camps():
    assert _located("The exercise took place in the Šalčininkai district.") == [
        ("the Šalčininkai district", "LTU", "Šalčininkų rajono savivaldybė")
    ]
    assert _located("Troops trained near Šiauliai on Monday.") == [("Šiauliai", "LTU", "Šiaulių miesto savivaldybė")]
    # "Camp X" is the base at X when the gazetteer knows X, and wins over the country after it
    assert _located("Troops rehearsed at Camp Adazi, Latvia.") == [("Camp Adazi, Latvia", "LVA", "Ādaži")]
    assert find_places("Troops trained at Camp Swiftwater.") == []
    # a two-word village in a named county
    (place,) = find_places("Soldiers trained near the village of Kowale Xleckie, Olecko County.")
    assert place.query == "Olecko district"
