"""Words in a report that say which alliance holds an exercise.

A report names the organiser: the CSTO, NATO (as the organiser of drills, not as the other side), the Union State.
An organisation outside the catalog's alliances holding multinational drills — the Shanghai Cooperation
Organisation ("Peace Mission-2021, a counter-terrorism exercise of the Shanghai Cooperation Organization (SCO)")
or the Commonwealth of Independent States — makes them ``bilateral``, the catalog's class for drills outside the
listed alliances: without the cue, Russia and Belarus with guests outside NATO read as a Russia–Belarus exercise
and Russia alone as a national one.
"""

from __future__ import annotations

import re

from geo.extract.cues import RESPONSE_CUE

#: (alliance, pattern): each sentence of an event votes for the alliances whose pattern it holds.
ALLIANCE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("CSTO", re.compile(r"\bCSTO\b|Collective\s+Security\s+Treaty\s+Organi[sz]ation|\bODKB\b")),
    (
        "NATO",
        re.compile(
            # not "an aggressive, anti-NATO exercise" (aimed at NATO) nor "a non-NATO exercise"
            # a quoted name between counts as its words: "NATO’s “Resolute Warrior” exercises"
            r"(?<![\w-])NATO(?:['’]s)?\s+(?:[\"“‘«']?[\w-]+[\"”’»']?\s+){0,3}(?:exercises?|drills?|maneuvers?|manoeuvres?)\b|"
            r"(?:exercises?|drills?|maneuvers?)\s+(?:led|organi[sz]ed|hosted|run|conducted)\s+by\s+NATO\b|"
            r"\bNATO-led\b|\bNATO(?:['’]s)?\s+(?:enhanced\s+Forward\s+Presence|eFP)\b|"
            # NATO as the subject of its own drills (twenty-fourth pass): "The NATO alliance is preparing to kick off
            # its biennial Exercise X"; not "NATO said its members would watch Russia's drills"
            r"\bNATO(?:\s+alliance)?\s+(?:is|was|will|has|have|had)\s+(?:[\w-]+\s+){0,5}?its\s+(?:[\w-]+\s+){0,3}?"
            r"(?:exercises?|drills?|maneuvers?|manoeuvres?)\b|"
            # NATO's regional multinational headquarters by name (nineteenth pass): "an exercise by a command unit of
            # the U.S.-led Multinational Division North East", "Multinational Corps Northeast"
            r"\bMultinational\s+(?:Corps|Division|Brigade)\s+(?:North|South|Centre|Center)(?:[\s-]?(?:East|West))?\b|"
            r"\bNATO\s+(?:allies|members|member\s+states|countries|forces|troops)\s+(?:will\s+|are\s+to\s+|plan\s+to\s+|are\s+|were\s+)?"
            r"(?:conduct|hold|stage|launch|begin|start|take\s+part|practi[sc]|train|rehears|exercis)|"
            # "Poland and NATO are deploying 30,000 troops in drills", "Poland, NATO bring together … troops"
            r"\b(?-i:[A-Z][a-z]+)(?:\s+and\s+|,\s*)NATO\s+(?:are\s+|were\s+|will\s+|have\s+)?"
            r"(?:deploy|hold|conduct|stag|launch|begin|began|start|bring|brought|gather|mass)",
            re.I,
        ),
    ),
    (
        "Russia-Belarus",
        re.compile(
            r"\b(?:Union|Allied)\s+State\b|\bState\s+Union\b|\bRussian[- ]Belarusian\b|\bBelarusian[- ]Russian\b"
        ),
    ),
    (
        "bilateral",
        re.compile(
            r"\bShanghai\s+Cooperation\s+Organi[sz]ation\b|\bSCO(?:['’]s)?\s+(?:member|countries|states|exercises?|drills?)|"
            r"(?:exercises?|drills?|maneuvers?|manoeuvres?)\s+(?:of\s+)?(?:the\s+)?SCO\b|"
            r"\bCommonwealth\s+of\s+Independent\s+States['’]?\s+(?:[\w-]+\s+){0,3}?(?:exercises?|drills?)|"
            r"\bCIS(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}?(?:exercises?|drills?)\b"
        ),
    ),
)

#: Words before a cue that make the alliance's drills the context of the event, not its organiser: what it answers
#: ("in response to NATO drills", "in light of NATO's exercises", :data:`geo.extract.cues.RESPONSE_CUE`), what it
#: prepares for ("in preparation for NATO's X"), or what it happens beside ("Despite the increased number of
#: military exercises conducted by NATO joint forces …", "amid NATO exercises near the border"; seventeenth pass).
#: It is searched in the 60 characters before a cue, so :data:`geo.extract.cues.PREPARATION_CUE`'s sentence-opening
#: "Ahead of X," (anchored at the start) cannot be told apart there; only "in preparation for" is kept.
AS_CONTEXT = re.compile(
    r"\b(?:(?:in\s+)?(?:response|reaction|answer|retaliation)\s+to|in\s+preparation\s+(?:of|for)|" + RESPONSE_CUE + "|"
    r"despite|amid(?:st)?|against\s+the\s+backdrop\s+of|in\s+the\s+face\s+of)\s+(?:[\w'’-]+\s+){0,5}$",
    re.I,
)

#: Forces of many countries in one exercise ("servicemen from the special forces of 13 countries", "troops from
#: fourteen nations"): a multinational exercise, so not a national one though only one of them is named (twenty-first
#: pass); with that one a NATO member, a NATO exercise (:class:`geo.extract.assembly`).
MANY_COUNTRIES = re.compile(
    r"\b(?:of|from)\s+(?:(?:more\s+than|over|some|about|around|nearly|almost)\s+)?"
    r"(?:[3-9]|[1-9]\d|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty)\s+(?:[\w-]+\s+)?(?:countries|nations|states)\b",
    re.I,
)

#: An office ("Deputy Commander of …", "Chief of the … Staff") opening a title that ends in a rank and a name.
#: A title holds no verb: "Chief of Staff said that the CSTO drills …" is a statement, not a title.
_TITLE_WORDS = (
    r"(?:(?!\b(?:said|says|told|announced|that|which|will|would|is|are|was|were|has|have|had)\b)[^.;:!?]){0,120}"
)
_OFFICE_BEFORE = re.compile(rf"\b(?:Commander|Chief|Head|Secretary[- ]General|Secretary|Director)\s+{_TITLE_WORDS}$")
_RANK_AFTER = re.compile(
    rf"^{_TITLE_WORDS.replace('120', '100')}?\b(?:(?:Lieutenant|Major|Colonel|Brigadier)[- ]General|General|Admiral|"
    r"Colonel|Major|Captain)\s+[A-Z][a-z]+"
)


def in_title(text: str, start: int, end: int) -> bool:
    """Whether an alliance cue is part of an officer's title before his name, not the exercise's organiser.

    "… Deputy Commander of Russia's Airborne Force for Peacekeeping Operations and the CSTO Rapid Reaction Force
    Lieutenant-General Alexander Vyaznikov": the general holds a CSTO post; the drills are not the CSTO's for it
    (thirteenth pass).
    """
    return bool(_OFFICE_BEFORE.search(text[max(0, start - 120) : start]) and _RANK_AFTER.match(text[end : end + 120]))
