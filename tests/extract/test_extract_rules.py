"""One test per extraction rule: reading, sentences, dates, numbers, participants, names and places."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.core.errors import IngestError
from geo.extract.dates import date_role, find_dates, resolve, tense_of
from geo.extract.names import NameLexicon, find_names, split_year
from geo.extract.numbers import find_figures, parse_number
from geo.extract.participants import find_parties
from geo.extract.places import find_places, geocode_cached, is_venue
from geo.extract.text import clean_text, dateline, html_to_text, read_article, split_sentences, wire_dateline

# --- reading ---------------------------------------------------------------------------------------


def test_html_drops_script_style_and_head_content():
    html = (
        "<html><head><title>T</title><script>alert('x')</script></head><body>"
        "<p>Drills &amp; more</p><style>p{color:red}</style><noscript>enable JS</noscript>"
        "<div>Second <b>block</b></div><script src='x.js'></script></body></html>"
    )
    text = html_to_text(html)
    assert text.splitlines() == ["Drills & more", "", "Second block"] or text.split("\n\n") == [
        "Drills & more",
        "Second block",
    ]
    for hidden in ("alert", "color:red", "enable JS", "T\n"):
        assert hidden not in text


def test_html_with_an_unclosed_head_keeps_the_body():
    assert html_to_text("<head><title>x</title><body><p>Body text</p>") == "Body text"


def test_markdown_keeps_words_of_links_and_drops_images():
    text = clean_text("# Title\n\nSee [the report](https://example.org) ![map](m.png) **now**.", name="a.md")
    assert text == "Title\n\nSee the report now."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"   \n\t ", "is empty"),
        (b"text\x00with nul", "binary"),
        (b"%PDF-1.7 ...", "binary"),
        ("caf\u00e9 r\u00e9sum\u00e9".encode("latin-1"), "not UTF-8"),
        ("Российские войска провели учения в Беларуси.".encode(), "Cyrillic"),
        (b"<html><script>alert(1)</script></html>", "no text"),
        (b"x" * 101, "over the 100-byte limit"),
    ],
)
def test_bad_input_raises_one_clear_message(data, message):
    with pytest.raises(IngestError, match=message):
        read_article(data, name="article.txt", max_bytes=100)


def test_utf8_bom_and_utf16_are_read():
    assert read_article("\ufeffHello drills".encode()) == "Hello drills"
    assert read_article("Hello drills".encode("utf-16")) == "Hello drills"


def test_sentences_carry_offsets_into_the_text():
    text = clean_text("Gen. Smith said the U.S. troops left. They arrived on Sept. 3.\nNew paragraph here.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Gen. Smith said the U.S. troops left.",
        "They arrived on Sept. 3.",
        "New paragraph here.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_a_dateline_is_the_publication_date_and_not_a_sentence():
    text = " date 2023-09-01 An estimated 2,500 troops arrived."
    assert dateline(text.strip()) == (dt.date(2023, 9, 1), "date 2023-09-01")
    assert [s.text for s in split_sentences(text.strip())] == ["An estimated 2,500 troops arrived."]


# --- dates ---------------------------------------------------------------------------------------

PUB = dt.date(2020, 9, 17)


def _one(sentence: str):
    mentions = find_dates(sentence)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("sentence", "role", "first", "last", "precision"),
    [
        ("the exercises will be held on October 12-16 in Belarus", "range", "2020-10-12", "2020-10-16", "day"),
        ("which opened on September 1 and", "start", "2020-09-01", None, "day"),
        ("are scheduled to last through September 6", "end", "2020-09-06", None, "day"),
        ("expected to run until September 6th", "end", "2020-09-06", None, "day"),
        ("drills held from 12 to 16 October 2020", "range", "2020-10-12", "2020-10-16", "day"),
        ("maneuvers scheduled to be held in Belarus in October", "start", "2020-10", None, "month"),
        ("the spokesman said on September 16 that", "announced", "2020-09-16", None, "day"),
        ("scheduled long before the disputed August 9 presidential poll", "none", "2020-08-09", None, "day"),
        ("have been held annually since 2012", "none", "2012", None, "year"),
        ("the drills were held in 2014", "start", "2014", None, "year"),
        ("on November 8, 2018.", "none", "2018-11-08", None, "day"),
    ],
)
def test_absolute_dates_and_their_roles(sentence, role, first, last, precision):
    mention = _one(sentence)
    assert date_role(sentence, mention) == role
    resolved = resolve(mention, sentence=sentence, published=PUB)
    assert resolved is not None
    assert (resolved.first, resolved.last, resolved.precision) == (first, last, precision)


def test_a_date_without_year_takes_the_year_of_the_exercise_name_first():
    sentence = "These drills are expected to last until September 25"
    mention = _one(sentence)
    assert resolve(mention, sentence=sentence, published=None, year_hint=2020).first == "2020-09-25"
    assert resolve(mention, sentence=sentence, published=None) is None  # no year anywhere: no guess


def test_past_tense_puts_a_month_before_publication_and_future_after():
    past = "In February, Russia attacked"
    future = "The drills will be held in February"
    published = dt.date(2022, 10, 17)
    assert resolve(_one(past), sentence=past, published=published).first == "2022-02"
    assert resolve(_one(future), sentence=future, published=published).first == "2023-02"


@pytest.mark.parametrize(
    ("sentence", "published", "first", "precision"),
    [
        ("Kazakh soldiers will take part in joint military exercises next month.", PUB, "2020-10", "month"),
        ("The drills were held this year", PUB, "2020", "year"),
        ("the Defense Ministry reported Monday (10/17/2022)", dt.date(2022, 10, 20), "2022-10-17", "day"),
        (
            "On Saturday the authorities had announced that troops had arrived",
            dt.date(2022, 10, 17),
            "2022-10-15",
            "day",
        ),
        # a future weekday equal to the publication day is that day ("next Monday" is a week on): date probes
        ("the exercise will begin on Monday", dt.date(2022, 10, 17), "2022-10-17", "day"),
        ("the exercise will begin next Monday", dt.date(2022, 10, 17), "2022-10-24", "day"),
        ("troops arrived yesterday", dt.date(2022, 10, 17), "2022-10-16", "day"),
        ("In early August, he announced", dt.date(2025, 9, 1), "2025-08", "month"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(sentence, published, first, precision):
    mention = _one(sentence)
    resolved = resolve(mention, sentence=sentence, published=published)
    assert (resolved.first, resolved.precision) == (first, precision)


@pytest.mark.parametrize("sentence", ["joint exercises next month", "on Monday the drills began", "this year"])
def test_relative_dates_stay_unresolved_without_a_publication_date(sentence):
    assert resolve(_one(sentence), sentence=sentence, published=None) is None


def test_last_week_is_not_a_precision_the_catalog_has_but_its_month_is():
    sentence = "Last week, the president announced it"  # 7-13 September 2020: all in September
    resolved = resolve(_one(sentence), sentence=sentence, published=PUB)
    assert resolved is not None and (resolved.first, resolved.precision) == ("2020-09", "month")
    assert resolve(_one(sentence), sentence=sentence, published=dt.date(2020, 10, 7)) is None  # 28 Sep - 4 Oct


@pytest.mark.parametrize(
    "sentence",
    [
        'the exercises would be held on its border with Ukraine in the "medium term."',
        "He did not provide a date for the exercises",
        "drills in the coming months",
    ],
)
def test_medium_term_and_no_date_are_undated(sentence):
    mention = _one(sentence)
    assert date_role(sentence, mention) == "undated"
    assert resolve(mention, sentence=sentence, published=PUB) is None


def test_a_clause_opening_date_dates_a_start_only_if_a_start_is_reported():
    assert date_role("On Sunday the drills began.", _one("On Sunday the drills began.")) == "start"
    said = "In early August, he announced that the drills would move."
    assert date_role(said, _one(said)) == "announced"
    other = "In February, Russia attacked Ukraine."
    assert date_role(other, _one(other)) == "none"


def test_tense_of_a_clause():
    assert tense_of("These drills are expected to last until September 25") == "future"
    assert tense_of("planes that will join the group was confirmed") == "past"
    assert tense_of("Belarus hosts troops") is None


def test_may_the_verb_is_not_a_month():
    assert find_dates("Russia may send troops") == []


# --- numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "what", "value", "value_max", "qualifier"),
    [
        ("An estimated 2,500 troops from the CSTO", "troops", 2500, None, "estimated"),
        ("the deployment of up to 9,000 military personnel", "troops", 9000, None, "up to"),
        ("Russia will send some 170 tanks to", "tanks", 170, None, "about"),
        ("up to 200 armored combat vehicles", "armored combat vehicles", 200, None, "up to"),
        ("up to 100 artillery pieces and mortars", "artillery pieces and mortars", 100, None, "up to"),
        ("more than 900 participants", "troops", 900, None, "more than"),
        ("at least 150 vehicles", "vehicles", 150, None, "at least"),
        ("a little less than 9,000 soldiers", "troops", 9000, None, "fewer than"),
        ("between 3,000 and 5,000 soldiers", "troops", 3000, 5000, "range"),
        ("2,000-3,000 Russian troops", "troops", 2000, 3000, "range"),
        ("1.5 thousand servicemen", "troops", 1500, None, "exact"),
        ("two thousand paratroopers", "troops", 2000, None, "exact"),
        ("12,500 troops", "troops", 12500, None, "exact"),
    ],
)
def test_figures_as_stated(sentence, what, value, value_max, qualifier):
    (figure,) = find_figures(sentence)
    assert (figure.what, figure.value, figure.value_max, figure.qualifier) == (what, value, value_max, qualifier)
    assert figure.as_stated in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "informing 19 foreign military attachés",
        "held annually since 2012 and",
        "in 27 languages in 23 countries",
        "a 30 km strip",
        "killed more than 13,000 people",
        "four international battle groups",
    ],
)
def test_non_figures(sentence):
    assert find_figures(sentence) == []


def test_parse_number():
    assert parse_number("9 000") == 9000
    assert parse_number("2,500") == 2500
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("1.5") is None


# --- participants ----------------------------------------------------------------------------------


def _roles(sentence: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"participant": [], "observer": [], "non_participant": []}
    for party in find_parties(sentence):
        out[party.role].append(party.iso3)
    return out


@pytest.mark.parametrize(
    ("sentence", "participants"),
    [
        (
            "include troops from Russia, Belarus, Kyrgyzstan, Kazakhstan, and Tajikistan.",
            ["RUS", "BLR", "KGZ", "KAZ", "TJK"],
        ),
        ("Kazakh soldiers are scheduled to take part", ["KAZ"]),
        ("the Kazakh military would take part in the CSTO exercises", ["KAZ"]),
        ("with participation of Russian and Belarusian armed forces.", ["RUS", "BLR"]),
        ("The arrival of Russian military forces in Belarus", ["RUS"]),
        ("by the military forces of CSTO member states Russia, Belarus and Armenia --", ["RUS", "BLR", "ARM"]),
        ("Russia will send some 170 tanks", ["RUS"]),
        ("Belarus has announced joint military exercises with Russia", ["BLR", "RUS"]),
        ("Minsk, Moscow Announce Joint Military Drills", ["BLR", "RUS"]),
        ("the presence of planes sent by Moscow", ["RUS"]),
        ("Russia's troops arrived", ["RUS"]),
    ],
)
def test_participants_from_names_demonyms_forces_and_actors(sentence, participants):
    assert _roles(sentence)["participant"] == participants


@pytest.mark.parametrize(
    "sentence",
    [
        "Kazakh Defense Minister Ruslan Zhaqsylyqov said",
        "the Russian military campaign in Ukraine",
        "the Russian-led Collective Security Treaty Organization",
        "Belarusian President Alexander Lukashenko",
        "a permanent U.S. military presence",
        "the Russian troop buildup near Ukraine",
    ],
)
def test_officials_and_adjectives_are_not_participants(sentence):
    assert _roles(sentence)["participant"] == []


def test_observers_are_separate():
    roles = _roles("The exercises are being observed by representatives of China, Iran, Saudi Arabia, and Mongolia.")
    assert roles == {"participant": [], "observer": ["CHN", "IRN", "SAU", "MNG"], "non_participant": []}


def test_an_invitation_to_observe_is_not_observing():
    sentence = "Minsk had also invited representatives of Poland to act as observers."
    assert _roles(sentence) == {"participant": [], "observer": [], "non_participant": []}


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("Armenia is also a member of the CSTO but did not send troops.", ["ARM"]),
        ("Serbia refused to take part in the drills.", ["SRB"]),
        ("Serbia withdrew from the exercises under EU pressure.", ["SRB"]),
        ("but Belarusian troops have not taken part.", ["BLR"]),
    ],
)
def test_countries_that_did_not_take_part_are_not_participants(sentence, absent):
    roles = _roles(sentence)
    assert roles["non_participant"] == absent
    assert not set(absent) & set(roles["participant"])


def test_did_not_belongs_to_the_nearest_subject():
    sentence = "Belarus hosts Russian forces used in the war in Ukraine, but Belarusian troops have not taken part."
    assert "UKR" not in _roles(sentence)["non_participant"]


# --- names ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return NameLexicon.from_catalog()


@pytest.mark.parametrize(
    ("sentence", "text", "normalized"),
    [
        ("The Combat Brotherhood 2023 exercises, which opened", "Combat Brotherhood 2023", "Combat Brotherhood-2023"),
        ("under the name ‘Interaction-2025’ would be", "Interaction-2025", "Interaction-2025"),
        ("the previously planned ‘West-2025’ drills", "West-2025", "Zapad-2025"),
        ("the Zapad-2021 strategic exercise", "Zapad-2021", "Zapad-2021"),
        (
            "another set of military exercises called Slavic Brotherhood-2020 kicked off",
            "Slavic Brotherhood-2020",
            "Slavic Brotherhood-2020",
        ),
        ("the exercises, called Unbreakable Brotherhood -- by", "Unbreakable Brotherhood", "Unbreakable Brotherhood"),
        ("the Indestructible Brotherhood drills", "Indestructible Brotherhood", "Unbreakable Brotherhood"),
        ("the Iron Wolf 2017 exercises began", "Iron Wolf 2017", "Iron Wolf-2017"),
        ("the ‘Shield of Tomorrow-2024’ drills", "Shield of Tomorrow-2024", "Shield of Tomorrow-2024"),
    ],
)
def test_names_as_written_and_normalised(lexicon, sentence, text, normalized):
    (name,) = find_names(sentence, lexicon)
    assert (name.text, name.normalized) == (text, normalized)


@pytest.mark.parametrize(
    "sentence",
    [
        "the West as ways to show support",  # a common word needs a year, quotes or "called"
        "In February 2022 exercises were held",
        "The Belarusian Defense Ministry said the exercises",
        "Kazakhstan Says Military Drills In Belarus Separate From Political Situation There",
        "the ‘Losvido’ and ‘Lepelets’ gunfire ranges",
    ],
)
def test_not_names(lexicon, sentence):
    assert find_names(sentence, lexicon) == []


def test_another_marks_a_distinct_exercise(lexicon):
    (name,) = find_names("another set of military exercises called Slavic Brotherhood-2020", lexicon)
    assert name.distinct


def test_split_year():
    assert split_year("Combat Brotherhood 2023") == ("Combat Brotherhood", 2023)
    assert split_year("Zapad-2025") == ("Zapad", 2025)
    assert split_year("Unbreakable Brotherhood") == ("Unbreakable Brotherhood", None)


# --- places --------------------------------------------------------------------------------------


def _places(sentence: str) -> list[tuple[str, str, str]]:
    return [(p.text, p.form, p.role) for p in find_places(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("opened military exercises in parts of Belarus that border NATO members Poland and Lithuania.",
         [("parts of Belarus that border NATO members Poland and Lithuania", "border", "site")]),
        ("exercises with Russia along its southern border as NATO", [("its southern border", "border", "site")]),
        ("the drills will take place in the Vitebsk region, a strategic area in northeastern Belarus",
         [("the Vitebsk region", "region", "site"), ("northeastern Belarus", "compass", "site")]),
        ("The exercises will utilize the ‘Losvido’ and ‘Lepelets’ gunfire ranges",
         [("Losvido", "site", "site"), ("Lepelets", "site", "site")]),
        ("drills—initially scheduled near Belarus’s western border—would be relocated to the interior of the country",
         [("Belarus’s western border", "border", "planned"), ("the interior of the country", "interior", "site")]),
        ("kicked off in western Belarus.", [("western Belarus", "compass", "site")]),
        ("a meeting in the town of Shklov in June", [("the town of Shklov", "town", "site")]),
        ("the Moscow-based Center for Strategic Studies", []),
        ("his country reinforced its border with Belarus ahead of the exercises", []),
    ],
)  # fmt: skip
def test_place_phrases(sentence, expected):
    assert _places(sentence) == expected


def test_demonym_border_is_geocoded_as_the_border_with_that_country():
    (place,) = find_places("troops moved near the Ukrainian border")
    assert place.query == "the border with Ukraine"
    assert geocode_cached(place.query, place.context).kind == "border_zone"


def test_a_which_clause_is_kept_in_the_text_but_not_geocoded():
    (place,) = find_places("to the southern border of Belarus, which borders Ukraine, the ministry said")
    assert place.text == "the southern border of Belarus, which borders Ukraine"
    assert place.query == "the southern border of Belarus"


# --- wording of wire reports (rules added with tests/test_extract_heldout.py) ---------------------


@pytest.mark.parametrize(
    ("sentence", "text", "normalized"),
    [
        ("began the joint exercise Northern Shield-2025 at the", "Northern Shield-2025", "Northern Shield-2025"),
        ("The Vostok-2022 strategic command and staff exercise", "Vostok-2022", "Vostok-2022"),
        ("troops began the Iron Wolf 2024-II exercise near Pabradė", "Iron Wolf 2024-II", "Iron Wolf-2024-II"),
        ("taking part in exercise Saber Strike 22, which began", "Saber Strike 22", "Saber Strike-2022"),
        ("wrapped up the Dragon-24 exercise", "Dragon-24", "Dragon-2024"),
        ("will hold the 'Clear Sky' exercise in the Minsk region", "Clear Sky", "Clear Sky"),
        ("The exercise Shchit Soyuza-2023 will be held", "Shchit Soyuza-2023", "Union Shield-2023"),
        ("Russia and Belarus will hold the Zapad strategic exercise next year", "Zapad", "Zapad"),
    ],
)
def test_wire_names(lexicon, sentence, text, normalized):
    (name,) = find_names(sentence, lexicon)
    assert (name.text, name.normalized) == (text, normalized)


@pytest.mark.parametrize("sentence", ["the West 10 years ago", "a research station at Vostok", "the East"])
def test_wire_not_names(lexicon, sentence):
    assert find_names(sentence, lexicon) == []


def test_sentence_opening_separately_or_the_last_exercise_is_distinct(lexicon):
    (name,) = find_names(
        "Separately, Belarusian and Chinese special forces launched the exercise Eagle Assault-2024", lexicon
    )
    assert name.distinct
    (name,) = find_names("The last large-scale exercise, Zapad-2021, involved some 200,000 troops", lexicon)
    assert name.distinct


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Belarus and Russia began the joint exercise Northern Shield-2025 at the Gozhsky training ground on March 3, "
         "the ministry said", "start"),
        ("Russia and Belarus on Friday began the main stage of the drills", "start"),
        ("The CSTO exercise Poisk-2025 got under way on Monday", "start"),
        ("Kazakhstan will host the Interaction-2024 exercise of the CSTO Collective Rapid Reaction Forces later "
         "this month", "start"),
        ("Polish troops wrapped up the Dragon-24 exercise at the Drawsko Pomorskie training ground on Thursday", "end"),
        ("will hold a command-post exercise from 17 through 21 March", "range"),
        ("it would hold joint exercises with Russia, without giving dates", "undated"),
        ("Belousov said on Wednesday after talks with his Belarusian counterpart in Minsk on Tuesday", "announced"),
    ],
)  # fmt: skip
def test_wire_date_roles(sentence, role):
    mention = find_dates(sentence)[0]
    assert date_role(sentence, mention) == role


def test_a_statement_date_is_in_the_past_even_in_a_sentence_about_the_future():
    sentence = "Kazakh troops will take part in joint exercises with Russia, the ministry said on Monday."
    mention = _one(sentence)
    assert date_role(sentence, mention) == "announced"
    resolved = resolve(mention, sentence=sentence, published=dt.date(2025, 3, 12), role="announced")
    assert resolved.first == "2025-03-10"  # the Monday before, not the one after


def test_a_date_after_a_past_start_verb_is_in_the_past():
    sentence = "Troops began the drills on Monday, which will last until Friday"
    mention = find_dates(sentence)[0]
    assert resolve(mention, sentence=sentence, published=dt.date(2024, 10, 8)).first == "2024-10-07"


@pytest.mark.parametrize(
    ("sentence", "length"),
    [
        ("VILNIUS, Oct 8 (Reuters) - Lithuanian troops began", len("VILNIUS, Oct 8 (Reuters) - ")),
        ("MINSK, 28 February (BelTA) – A joint exercise", len("MINSK, 28 February (BelTA) – ")),
        ("VLADIVOSTOK, September 1. /TASS/. The exercise", len("VLADIVOSTOK, September 1. /TASS/. ")),
        ("NATO Allies will conduct the exercise", 0),
        ("Belarus and Russia began drills", 0),
    ],
)
def test_wire_datelines(sentence, length):
    assert wire_dateline(sentence) == length


@pytest.mark.parametrize(
    ("sentence", "what", "value", "qualifier"),
    [
        ("nearly 200 pieces of military hardware", "pieces of military hardware", 200, "about"),
        ("about 300 units of weapons and military equipment", "units of weapons and military equipment", 300, "about"),
        ("about 400 pieces of weapons and equipment", "pieces of weapons and equipment", 400, "about"),
        ("About two thousand reservists", "troops", 2000, "about"),
    ],
)
def test_wire_figures(sentence, what, value, qualifier):
    (figure,) = find_figures(sentence)
    assert (figure.what, figure.value, figure.qualifier) == (what, value, qualifier)


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("Lithuanian and allied troops began the exercise", {"participant": ["LTU"]}),
        ("Tajikistan sent a group of observers.", {"observer": ["TJK"]}),
        ("The Russian-Belarusian exercise Shchit Soyuza-2023 will be held", {"participant": ["RUS", "BLR"]}),
        ("Apart from Russia, military contingents from China and India are taking part.",
         {"participant": ["CHN", "IND", "RUS"]}),
        ("Russia's Defence Ministry said that its Pacific Fleet had started drills", {"participant": ["RUS"]}),
        ("Joint exercises of Russia and Belarus will be held", {"participant": ["RUS", "BLR"]}),
        ("Russia and Belarus on Friday began the main stage of their Zapad-2025 joint military exercises",
         {"participant": ["RUS", "BLR"]}),
        ("Exercises of Belarus's territorial defence troops commenced", {"participant": ["BLR"]}),
        ("More than 3,200 troops and 700 pieces of equipment from Lithuania and Belgium are taking part",
         {"participant": ["LTU", "BEL"]}),
        ("Lithuania plans to respond to the drills.", {}),
        ("Poland hosted a meeting on the exercises.", {}),
    ],
)  # fmt: skip
def test_wire_parties(sentence, roles):
    got = {role: set(codes) for role, codes in _roles(sentence).items() if codes}
    assert got == {role: set(codes) for role, codes in roles.items()}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("drills in the Minsk and Mogilev regions from 10 to 14 June",
         [("Minsk", "the Minsk region"), ("Mogilev", "the Mogilev region")]),
        ("at the range in Belarus's Vitebsk region", [("Belarus's Vitebsk region", "the Vitebsk region")]),
        ("on Sept. 12-16, 2024, in Latvia and Estonia", [("Latvia", "Latvia"), ("Estonia", "Estonia")]),
        ("at the General Silvestras Žukauskas training area",
         [("General Silvestras Žukauskas training area", "General Silvestras Žukauskas training area")]),
    ],
)  # fmt: skip
def test_wire_place_lists_and_owners(sentence, expected):
    assert [(p.text, p.query) for p in find_places(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "place", "venue"),
    [
        ("The exercise will test air defences, Khrenin told reporters in Minsk.", "Minsk", True),
        ("Belarus has begun exercises, the Defense Ministry in Minsk said on August 14.", "Minsk", True),
        ("after talks with his Belarusian counterpart in Minsk", "Minsk", True),
        ("drills will be held in the Brest region, the minister said", "the Brest region", False),
    ],
)
def test_where_a_minister_spoke_is_not_a_site(sentence, place, venue):
    start = sentence.index(place)
    assert is_venue(sentence, start, start + len(place)) is venue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drills begin\n\nMINSK, 12 September 2023 — The exercise began on Tuesday.", dt.date(2023, 9, 12)),
        ("RIGA, Oct 8, 2024 (LETA) - Troops arrived.", dt.date(2024, 10, 8)),
        ("VILNIUS, Oct 8 (Reuters) - Troops arrived.", None),  # no year: not a publication date
        ("Title\n\nStandfirst\n\nMore\n\nStill more\n\nMINSK, 12 September 2023 — late.", None),  # not opening
    ],
)
def test_a_wire_dateline_with_a_full_date_is_the_publication_date(text, expected):
    assert dateline(text)[0] == expected


def test_the_border_of_a_state_reacting_to_the_exercise_is_not_a_site():
    from geo.extract.events import Extractor

    text = (
        "MINSK, 12 September 2023 — Belarus and Russia started the joint exercise Union Shield-2023 on Tuesday "
        "at the Obuz-Lesnovsky training ground. Separately, Poland moved units to its border with Belarus."
    )
    (event,) = Extractor().extract(text).events
    assert event.start == "2023-09-12"  # "on Tuesday", read against the wire dateline
    assert [p.text for p in event.locations] == ["Obuz-Lesnovsky training ground"]
    # The same phrase about a participant's own border is a site.
    own = "Lithuania held the exercise Iron Wolf-2024 with US troops; Lithuania moved units to its border with Belarus."
    (event,) = Extractor().extract(own).events
    assert any(p.kind == "border_zone" and p.country == "LTU" for p in event.locations)


@pytest.mark.parametrize(("phrase", "town"), [("the city of Vitebsk", "Vitebsk"), ("the town of Lida", "Lida")])
def test_the_city_of_x_is_the_town_x(phrase, town):
    result = geocode_cached(phrase, "BLR")
    assert result.kind == "town" and town in result.explanation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The drills will involve thousands of service personnel, including those from Moscow-led defence "
            "bloc member Kazakhstan, as well as tanks.",
            ["KAZ"],
        ),
        ("The participants include: Poland; Spain; United Kingdom and USA.", ["POL", "ESP", "GBR", "USA"]),
        ("Troops from NATO ally Poland arrived.", ["POL"]),
    ],
)
def test_participants_named_after_a_description_or_as_usa(sentence, expected):
    assert [p.iso3 for p in find_parties(sentence) if p.role == "participant"] == expected


def test_an_umbrella_exercise_with_named_parts_gives_one_event_per_part():
    from geo.extract.events import Extractor

    text = (
        'MINSK, 2 September 2023 — The CSTO exercise "Combat Brotherhood-2023" has begun in Belarus. It includes '
        'the special exercises "Interaction-2023", "Search-2023" and "Echelon-2023", held at the Brestsky training '
        "ground until 6 September. More than 2,500 troops from Belarus, Russia, Kazakhstan and Tajikistan take part."
    )
    events = {e.name: e for e in Extractor().extract(text).events}
    assert {"Combat Brotherhood-2023", "Interaction-2023", "Search-2023", "Echelon-2023"} <= set(events)
    for part in ("Interaction-2023", "Search-2023", "Echelon-2023"):
        event = events[part]
        assert event.end == "2023-09-06" and event.alliance == "CSTO", part
        assert {"BLR", "RUS", "KAZ", "TJK"} <= set(event.participants), part
        assert [p.text for p in event.locations] == ["Brestsky training ground"], part
