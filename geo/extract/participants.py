"""Who takes part, who observes, who stays away: countries named in a sentence, with the rule that read them.

Rules (each a regular expression over country names, demonyms and, as actors, capitals; see
:mod:`geo.extract.lexicon`):

Participants
    ``forces`` "Kazakh soldiers", "Russian and Belarusian armed forces", "the Kazakh military", "Russia's troops",
    "Lithuanian and allied troops", "Belarus's territorial defence troops", "the Kazakhstan army" (a name before
    its army, as a demonym would stand);
    ``forces-from`` "troops from Russia, Belarus … and Tajikistan", "the military forces of CSTO member states …",
    "3,200 troops and 700 pieces of equipment from Lithuania, Belgium …";
    ``takes-part`` "Russia will send …", "Kazakhstan will take part", "Serbia joined";
    ``holds`` "Belarus has announced joint military exercises", "Minsk, Moscow announce joint drills",
    "Russia and Belarus on Friday began the main stage of their Zapad-2025 joint military exercises";
    ``with`` "exercises with Russia", "exercises of Russia and Belarus"; ``sent-by`` "planes sent by Moscow";
    ``participation`` "participation of …"; ``compound`` "the Russian-Belarusian exercise", "the Russia-Belarus
    joint operational drills"; ``country-list`` "troops from 8 countries: A, B, C", "allied nations such as A, B",
    "The participants include: A; B; C", "Participating nations in BALTOPS included A, B", "Nations participating in
    the exercise include A, B", "N countries will take part in the drills, including NATO allies A, B, along with
    partner nations C and D"; ``and-others``
    "cooperation between A, B and 17 additional participating allied militaries"; ``led-by`` "the US-led exercise",
    "organized by the United States", "under Germany's command"; "drills with NATO Allies Poland, Lithuania …"
    (``with``); ``district`` "units of the Western Military District" (:mod:`geo.extract.district_forces`); ``base``
    "units of the 201st Russian military base" (:mod:`geo.extract.bases_abroad`);
    ``guard`` "the Illinois National Guard" (:mod:`geo.extract.guard_forces`).
    "US troops from Germany" names where the troops came from, not a participant;
    ``apart-from`` "Apart from Russia, contingents from … are taking part"; ``its-forces`` "Russia's Defence
    Ministry said its Pacific Fleet …"; ``are-from`` "the allied soldiers taking part … are from the US, A and B";
    ``own-exercise`` "Estonia's biggest military exercise"; ``count-from`` "3,000 Swedish soldiers, 450 from France";
    ``represented`` "Latvia is represented by the headquarters ship X", "special forces soldiers representing Serbia";
    ``subject-list`` each item of the subject of "take part" or "act as the enemy" that opens with a demonym ("The
    Lithuanian patrol ship X, minesweeper Y and the Polish Su-22 aircraft will act as a simulated enemy").
    ``these-countries`` "Representatives of the armed forces of these countries will take part": the countries the
    sentence before lists ("The CSTO includes A, B and C."), two or more.
Observers
    ``observed-by`` "observed by representatives of China, Iran …"; ``observers-from``; ``sends-observers``
    ("Tajikistan sent a group of observers"); ``as-observer`` ("Serbia took part as an observer").
Non-participants
    ``did-not`` "Armenia … but did not send troops"; ``refused`` "Serbia refused to take part", "withdrew from
    the exercises"; a negated ``forces``/``takes-part`` ("Belarusian troops have not taken part").

An invitation is not participation: nothing in a clause about inviting counts as observing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from geo.extract.bases_abroad import base_forces
from geo.extract.cues import RUN_VERB
from geo.extract.district_forces import district_forces
from geo.extract.guard_forces import guard_forces
from geo.extract.lexicon import country_pattern, is_demonym, iso3_of
from geo.extract.party_forms import CRAFT, both_countries, craft_rules, linked_rules, observer_rules, permitted
from geo.extract.reactions import demonym_exercise_rules, speaks_or_reacts

Role = Literal["participant", "observer", "non_participant"]

_FORCE = (
    r"(?:(?i:troops|forces|soldiers|servicemen|service\s+members|contingents?|personnel)|army|armies|units?|"
    # "Belarusian air defence assets": a force's weapons, only after a military word
    r"(?<=defen[cs]e\s)assets|(?<=military\s)assets|(?<=military\s)members|"
    # a unit's proper name capitalises its noun: "the Latvian Mechanized Infantry Brigade"
    r"paratroopers|[Mm]arines|sailors|pilots|airmen|(?i:brigades?|battalions?|batter(?:y|ies)|divisions?|regiments?)|crews|"
    # "thousands of personnel, including those from …": "those" stands for the forces just named.
    r"(?<=including\s)those|sappers|engineers|reservists|rotations|(?i:navy|fleet|air\s+force|border\s+guards?)|"
    r"(?<=[a-z] )(?:Force|Army(?!\s+Games))(?![\w-])|"
    # "units and formations of Russia's Eastern Military District": the district's forces, so its country's.
    r"(?<=[a-z] )Military\s+District|"
    # "military" is a noun only before a verb, a preposition or punctuation ("the Kazakh military would …"),
    # not in "the Russian military campaign".
    r"peacekeepers|military(?=\s*[,.;:]|\s+(?:would|will|has|have|had|is|are|was|were|took|takes|take|sent|sends|"
    r"participated|participates|joined|joins|to|and|in|from|on|at|with|for|also)\b))"
    r"(?!\s+(?i:chiefs?|commanders?|spokes(?:man|woman|person)|heads?)\b)"  # "Germany's navy chief said": its officer
)
_MODS = r"(?:(?:armed|military|special|airborne|paratroopers?|ground|naval|air|peacekeeping|rapid[- ]reaction|combat|elite|border|territorial|defen[cs]e|operations|mechani[sz]ed|motori[sz]ed|rifle|tank|artillery|missile|reconnaissance|engineering|air[- ]defen[cs]e|signal|marine|landing|assault|[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+){0,3}"  # noqa: E501
#: A short aside in brackets after the forces ("The troops of the CSTO (Collective Forces) from Kazakhstan, …").
_ASIDE = r"\([^()]{1,40}\)"
_EXERCISE = r"(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s+games|wargames|training)"
_AUX = r"(?:(?:will|would|shall|is|are|was|were|has|have|had|also|then|to|plans?\s+to|agreed\s+to|intends?\s+to|is\s+set\s+to|are\s+set\s+to|is\s+to|are\s+to|reportedly|jointly|last|previously|recently|already|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this|next)\s+week|today|yesterday)\s+)*"  # noqa: E501
_NEG = r"(?:(?:did|does|do|will|would|has|have|had|is|are|was|were)\s+)?(?:not|never|n[o']t)\s+"


#: Up to eight words between a verb and its exercise ("hold joint air defence drills", "host the
#: Interaction-2024 exercise"), none of them another object ("held talks on the exercises").
_OBJECT_WORDS = (
    r"(?:(?!(?i:talks|consultations|meetings?|conferences?|discussions|protests|concerns|criticism|comments|"
    r"statements?|news|protests?|that|which|who|after|before|since|during|to|on|about|over|against|amid|despite|"
    r"for)\b)[\w’'-]+\s+){0,8}?"
)


def _list(term: str) -> str:
    # "The U.S., UK, France …": a list may open a sentence with "The".
    more = rf"\s*,\s*(?:and\s+)?(?:the\s+)?{term}|\s+(?:and|or|as\s+well\s+as)\s+(?:the\s+)?{term}"
    return rf"(?:[Tt]he\s+)?{term}(?:{more})*"


#: The look-ahead that ends every :func:`~geo.extract.lexicon.country_pattern` (dropped before "-led").
_NOT_AFTER = r"(?![\w-])"


#: A state's institutions acting for it: "the Belarusian Defense Ministry announced a snap inspection", "the
#: inspection …, ordered by the President of Belarus", "Poland's General Staff will hold …".
_INSTITUTION = (
    r"(?i:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|general\s+staff|armed\s+forces|army|military|"
    r"president|government|security\s+council|head\s+of\s+state)"
)


def _institution(names: str, demonyms: str, group: str) -> str:
    """An institution of a state, the state in group ``{group}a`` or ``{group}b``.

    Its demonym or name before it ("the Belarusian Defense Ministry", "Poland's General Staff") or its name
    after "of" ("the President of Belarus").
    """
    return (
        rf"(?:the\s+)?(?:(?P<{group}a>{demonyms}|{names})(?:['’]s)?\s+{_INSTITUTION}|"
        rf"{_INSTITUTION}\s+of\s+(?:the\s+)?(?P<{group}b>{names}))"
    )


#: What a list's noun may be of: "Participating nations in BALTOPS include …", "countries of the exercise are …".
_OF_EXERCISE = (
    r"\s+(?:in|of|at)\s+(?:the\s+|this\s+|this\s+year['’]s\s+)?"
    r"(?:(?i:exercises?|drills?|maneuvers?|manoeuvres?)|[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2})"
)


#: A list noun's participle clause: "Nations participating in the exercise include …", "Countries expected to
#: participate in Swift Response include …", "Fourteen countries will take part in the drills, including …".
_TAKING_PART = (
    rf"\s+(?:(?:that|which)\s+)?{_AUX}(?:(?:expected|set|due|scheduled|slated)\s+to\s+)?"
    rf"(?i:participat(?:e|es|ed|ing)|tak(?:e|es|ing)\s+part|took\s+part)(?:{_OF_EXERCISE})?"
)
#: The bloc word before a list's first item: "including NATO allies Belgium, Denmark …".
_BLOC_ITEMS = r"(?:(?:NATO|EU|CSTO)\s+)?(?i:allies|partners|member\s+states|partner\s+(?:nations|countries))\s+"


def _semi_list(term: str) -> str:
    """A list of countries separated by commas or semicolons ("Poland; France; … and USA")."""
    item = rf"(?:the\s+)?{term}"
    return rf"{item}(?:\s*[,;]\s*(?:and\s+)?{item}|\s+(?:and|as\s+well\s+as)\s+{item})*"


def _partner_list(term: str) -> str:
    """A list with its partners after it: "A, B and C, along with NATO partner nations D and E"."""
    along = (
        r"\s*,?\s+(?i:along|together)\s+with\s+(?:(?:NATO|EU)\s+)?(?i:partner\s+)?"
        rf"(?i:nations|countries|states|partners)\s+{_semi_list(term)}"
    )
    return rf"{_semi_list(term)}(?:{along})?"


@dataclass(frozen=True)
class PartyMention:
    """A country's role in a sentence.

    Attributes
    ----------
    iso3
        ISO 3166-1 alpha-3 code.
    role
        ``participant``, ``observer`` or ``non_participant``.
    text
        The words the rule matched.
    rule
        The rule's name (see the module docstring).
    """

    iso3: str
    role: Role
    text: str
    rule: str


#: Words a sentence must contain for a rule to be tried at all (a cheap test before the long patterns).
_NEEDS: dict[str, re.Pattern[str]] = {
    "did-not": re.compile(r"\b(?:not|never|n't)\b", re.I),
    "refused": re.compile(r"\b(?:refused|declined|withdrew|pulled|opted|backed)\b", re.I),
    "forces-not": re.compile(r"\b(?:not|never|n't)\b", re.I),
    "observed-by": re.compile(r"observ", re.I),
    "observers-from": re.compile(r"observers", re.I),
    "sends-observers": re.compile(r"observers", re.I),
    "as-observer": re.compile(r"observer", re.I),
    "compound": re.compile(r"\w[-–] ?[A-Z]"),
    "apart-from": re.compile(r"^(?i:apart|besides|in\s+addition|alongside)"),
    "holds": re.compile(
        r"\b(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s+games|wargames|training|inspections?|checks?)\b", re.I
    ),
    "with": re.compile(r"\b(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s+games|wargames|training)\b", re.I),
    "sent-by": re.compile(r"\bby\b", re.I),
    "participation": re.compile(r"participation", re.I),
    # Forces or participants, or an exercise that "includes 20 NATO allies, including A, B …" (not "migrants from
    # countries such as A and B").
    "country-list": re.compile(
        r"\b(?:troops|soldiers|forces|servicemen|personnel|participa\w*|contingents?|consist\w*|compris\w*|made\s+up|composed|"
        r"tak(?:e|es|ing)\s+part|took\s+part|service\s+members)\b|"
        r"\b(?:includ\w*|involv\w*|brings?\s+together|gathers?)\s+(?:some\s+|about\s+|around\s+|more\s+than\s+)?\d+\s+"
        r"(?:NATO\s+|allied\s+|partner\s+)?(?:allies|nations|countries|states)\b",
        re.I,
    ),
    "deploy-from": re.compile(r"\bfrom\b", re.I),
    "institution": re.compile(r"(?i:ministry|staff|forces|army|military|president|government|council|head\s+of)"),
    "led-by": re.compile(r"[-–]led\b|\b(?:by|under)\b", re.I),
    "its-forces": re.compile(r"\bits\b"),
    "are-from": re.compile(r"\b(?:are|were|come|came)\s+from\b", re.I),
    "count-from": re.compile(r"\d\s+from\b"),
    "own-exercise": re.compile(r"['’]s\s"),
    "represented": re.compile(r"represent", re.I),
    "subject-list": re.compile(r"\b(?:part|participat\w+|act\w*|play\w*|serv\w+)\b", re.I),
    # "Estonia, Latvia … and 17 additional participating allied militaries": a list closed by a count of the others,
    # in a sentence about taking part (not "Russia, China and 10 other countries voted against").
    "and-others": re.compile(
        r"(?=.*\band\s+\d+\s+(?:other|additional|more)\b)"
        r"(?=.*\b(?:participat\w*|allied|partners?|allies|NATO|take\s+part|took\s+part|troops|forces|militaries)\b)",
        re.I | re.S,
    ),
}


def _fifth_pass_rules(names: str) -> list[tuple[str, str, str]]:
    """Return ``are-from``, ``count-from``, ``and-others`` and ``own-exercise``.

    The classes of the fifth and thirteenth blind batches of real reports.
    """
    return [
        # "The allied soldiers participating in the manoeuvres … are from the US, Estonia and Lithuania".
        ("are-from", "participant",
         rf"{_FORCE}\b[^.;]{{0,100}}?\b(?:are|were|come|came)\s+from\s+(?P<list>{_list(names)})"),
        # "3,000 Swedish soldiers, 450 from France and 50 British personnel": a count of the same forces, elided;
        # "12,000 soldiers, including 2,000 Poles and 40 from Latvia" too (twenty-fourth pass).
        ("count-from", "participant",
         rf"{_FORCE}\s*,\s*(?:including\s+(?:[^.;]{{0,40}}?\s+and\s+)?)?(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?\d[\d,]*\s+from\s+(?:the\s+)?(?P<list>{_list(names)})"),
        ("and-others", "participant",
         rf"(?P<list>{_list(names)})\s*,?\s+and\s+\d+\s+(?:other|additional|more)\s+(?:(?i:participating|allied|partner|NATO|member|and)\s+)*(?i:nations|countries|states|allies|militaries|partners|armies)\b"),
        # "Estonia's biggest military exercise Spring Storm": the country whose exercise it is holds it.
        ("own-exercise", "participant",
         rf"(?P<list>{names})['’]s\s+(?:(?:largest|biggest|main|annual|major|national|own|first|military|joint|"
         rf"large-scale|comprehensive|defen[cs]e|field|training)\s+){{1,4}}(?i:{_EXERCISE})\b"),
    ]  # fmt: skip


#: The verbs a subject list of forces and craft takes part with: "take part", "participate", and the role of the
#: drill's enemy ("will act as a simulated enemy", "played the opposing force").
_PART_VERB = (
    rf"{_AUX}(?:(?:are|is|were|was|will\s+be|be)\s+)?(?i:tak(?:e|es|ing)\s+part|took\s+part|participat(?:e|es|ed|ing)\b|"
    r"(?:act|serve|play)(?:s|ed|ing)?\s+(?:as\s+)?(?:the\s+role\s+of\s+)?(?:an?\s+|the\s+)?"
    r"(?:(?:simulated|mock|notional|conditional|imaginary|hypothetical)\s+)?(?:enemy|adversary|aggressor|opposing\s+forces?))"
)


def _thirteenth_pass_rules(names: str) -> list[tuple[str, str, str]]:
    """``represented`` and ``subject-list`` (the classes of the thirteenth blind batch of real reports)."""
    return [
        # "Latvia is represented by the headquarters ship X": a country's forces or craft, not its envoy.
        ("represented", "participant",
         rf"(?P<list>{_list(names)})\s+{_AUX}(?:(?:is|are|was|were|will\s+be|to\s+be)\s+)?represented\s+by\s+(?:the\s+|an?\s+|its\s+|\d[\d,]*\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_FORCE}|{CRAFT})\b|"
         rf"{_FORCE}\s+(?:(?:are|is|were|was)\s+)?represent(?:ing|ed)\s+(?:the\s+)?(?P<list2>{_list(names)})"),
        # the subject of a sentence, its items split at commas and "and" (:func:`_subject_items`)
        ("subject-list", "participant", rf"^(?P<subject>[^.;:\"“”]{{3,200}}?)\s+{_PART_VERB}"),
    ]  # fmt: skip


#: Words that make an item of a subject no force of its country: an envoy or a speaker ("the Polish ambassador"),
#: a clause ("Russian media reported that …") or a negation.
_NOT_FORCE_ITEM = re.compile(
    r"\b(?:ambassadors?|ministers?|ministry|officials?|president|delegations?|observers?|attach\w+|representatives?|"
    r"journalists?|media|press|spokes\w+|government|said|says|told|report\w*|denied|claimed|announced|confirmed|"
    r"that|which|who|whose|when|if|whether|after|before|while|because|not|never|no)\b|n['’]t\b",
    re.I,
)


def _subject_items(subject: str) -> list[str]:
    """The countries of the items of a subject list that open with a demonym ("the Polish Su-22 attack aircraft")."""
    demonym = re.compile(rf"(?:[Tt]he\s+)?(?P<dem>{country_pattern(names=False, demonyms=True, capitals=False)})")
    out: list[str] = []
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", subject):
        match = demonym.match(item.strip())
        if match is None or _NOT_FORCE_ITEM.search(item):
            continue
        iso3 = iso3_of(match.group("dem"))
        if iso3 and iso3 not in out:
            out.append(iso3)
    return out


def _named_army(names: str) -> str:
    """A country's name before its army, as a demonym would stand ("all units of the Kazakhstan army")."""
    return rf"\b[Tt]he\s+(?P<list2>{names})\s+(?i:army|armed\s+forces)\b"


@cache
def _rules() -> tuple[tuple[str, Role, re.Pattern[str]], ...]:
    names = country_pattern(names=True, demonyms=False, capitals=False)
    demonyms = country_pattern(names=False, demonyms=True, capitals=False)
    actors = country_pattern(names=True, demonyms=False, capitals=True)
    led = country_pattern(names=True, demonyms=True, capitals=False)
    institution, institution_by = _institution(names, demonyms, "list"), _institution(names, demonyms, "listby")
    rules: list[tuple[str, str, str]] = [
        # Negations first: a sentence that says a country did not send troops never makes it a participant.
        ("did-not", "non_participant",
         rf"(?P<list>{_list(names)})\b[^.;]{{0,80}}?\b(?:but\s+)?{_NEG}(?i:send|sent|take\s+part|taken\s+part|participate|join|contribute)"),
        ("refused", "non_participant",
         rf"(?P<list>{_list(actors)})\s+{_AUX}(?i:(?:refused|declined)\s+to\s+(?:take\s+part|participate|join|send)|withdrew\s+from|pulled\s+out\s+of|opted\s+out\s+of|backed\s+out\s+of)"),
        ("forces-not", "non_participant",
         rf"(?P<list>{_list(demonyms)})\s+{_MODS}{_FORCE}\s+{_NEG}(?i:taken|taking|take|took|participated|participate|joined|join)"),
        ("observed-by", "observer",
         rf"(?i:observ\w*\s+(?:by|from)\s+(?:(?:representatives|officials|delegations|delegates|military\s+attach\w+|officers|experts)\s+(?:of|from)\s+)?)(?P<list>{_list(names)})"),
        ("observers-from", "observer", rf"(?i:observers\s+(?:from|of)\s+)(?P<list>{_list(names)})"),
        ("sends-observers", "observer",
         rf"(?P<list>{_list(actors)})\s+{_AUX}(?i:sen[dt]s?|dispatched|will\s+send)\s+(?i:(?:a\s+(?:group|team|delegation)\s+of\s+|its\s+|their\s+|some\s+|\w+\s+)?(?:military\s+)?observers)"),
        ("as-observer", "observer",
         rf"(?P<list>{_list(actors)})\s+{_AUX}(?i:(?:take|takes|took|taking)\s+part\s+as\s+(?:an?\s+)?observers?|(?:attend|attends|attended|follow|follows|followed|watch|watches|watched)\s+(?:the\s+)?{_EXERCISE}\s+as\s+(?:an?\s+)?observers?)"),
        ("forces", "participant",
         rf"(?P<list>{_list(demonyms)})(?:,?\s+(?:(?i:allied|other|foreign|partner|international|NATO|multinational),?\s+)?and\s+(?i:allied|other|foreign|partner|international|NATO|multinational)(?:\s+(?:NATO|allied|partner)(?:\s+(?:country|member|nation))?)?)?\s+{_MODS}{_FORCE}\b"),
        ("compound", "participant",
         rf"(?<![\w-])(?P<list>[A-Z][a-z]+(?:[-–] ?[A-Z][a-z]+)+)\s+(?:[a-z][\w-]*\s+){{0,3}}(?i:{_EXERCISE})"),
        ("apart-from", "participant",
         rf"^(?i:apart\s+from|besides|in\s+addition\s+to|alongside)\s+(?P<list>{_list(names)}),[^.;]{{0,300}}?(?i:take\s+part|taking\s+part|took\s+part|participat\w+|involved|join\w*)"),
        ("forces", "participant", rf"(?P<list>{_list(names)})['’]s\s+{_MODS}{_FORCE}\b|{_named_army(names)}"),
        # "450 troops from the host country Serbia": the host named as a country of the forces.
        ("forces-from", "participant",
         rf"{_MODS}{_FORCE}(?:\s*{_ASIDE})?(?:\s+and\s+(?:[\d,]+\s+)?(?:[\w-]+\s+){{0,4}}?(?i:equipment|hardware|vehicles|tanks|aircraft|aviation|helicopters|weapons))?(?:\s+(?:from|of)|,\s+from)\s+(?:the\s+)?(?:(?:[\w-]+\s+){{1,4}}?(?=(?:member|ally|partner)\b))?(?:(?:CSTO|NATO|EU|member|allied|ally|partner|host|the)\s+)*(?:{_ASIDE}\s+)?(?:from\s+)?(?:(?:states|countries|nations|country|nation)(?:\s*[,:–—-]\s*|\s+)(?:(?i:namely|specifically|i\.e\.)\s*,?\s*)?)?(?P<list>{_list(names)})"),
        # "The contingents … will deploy from the Republic of Kazakhstan, the Kyrgyz Republic …", "aircraft
        # transported participants from Tajikistan and the Kyrgyz Republic".
        ("deploy-from", "participant",
         rf"(?:{_FORCE}\b[^.;]{{0,60}}?(?i:deploy\w*|arriv\w*|come|came|coming|be\s+sent|sent|redeploy\w*)\s+|(?i:participants)\s+)(?i:from)\s+(?P<list>{_list(names)})"),
        *_fifth_pass_rules(names), *linked_rules(_list(names)), *observer_rules(led),
        *_thirteenth_pass_rules(names), *demonym_exercise_rules(_list(demonyms)), *craft_rules(_list(demonyms)),
        ("takes-part", "participant",
         rf"(?P<list>{_list(actors)})\s+{_AUX}(?i:take\s+part|takes\s+part|took\s+part|taking\s+part|participat\w*|join(?:s|ed)?\b|send(?:s)?\b|sent\b|deploy\w*|contribut\w*|dispatch\w*)"),
        ("institution", "participant",
         rf"{institution}\s+{_AUX}(?i:{RUN_VERB}|order\w*)\s+{_OBJECT_WORDS}(?i:{_EXERCISE}|inspections?|checks?)|"
         rf"(?i:{_EXERCISE}|inspections?|checks?)\b[^.;]{{0,80}}?(?i:ordered|announced|organi[sz]ed|conducted|held|launched)\s+by\s+{institution_by}"),
        ("holds", "participant",
         rf"(?P<list>{_list(actors)})\s+{_AUX}{RUN_VERB}\s+{_OBJECT_WORDS}(?i:{_EXERCISE}|inspections?|checks?)"),
        ("with", "participant",
         rf"(?i:{_EXERCISE}\s+(?:(?:together\s+)?with|alongside|involving|including|of|between))\s+(?:(?:NATO|EU|CSTO)\s+)?(?i:(?:allies|partners|members)\s+)?(?P<list>{_list(actors)})"),
        ("its-forces", "participant",
         rf"(?P<list>{names})['’]s\s+(?i:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|military|armed\s+forces|army|government)\b[^.;]{{0,60}}?\b(?i:its)\s+(?:[A-Z][a-z]+\s+){{0,2}}{_FORCE}|"
         # "Belarus announced today that its military is participating in …": the country speaking, of its own forces
         rf"(?P<list2>{names})\s+{_AUX}(?i:said|says|announced|announces|reported|reports|stated|confirmed)\b[^.;]{{0,40}}?\b(?i:that\s+)?(?i:its)\s+(?:[A-Z][a-z]+\s+){{0,2}}{_MODS}{_FORCE}\s+{_AUX}(?i:(?:be\s+)?(?:taking|take|took|takes)\s+part|participat\w+|join\w*)"),
        ("sent-by", "participant",
         rf"(?i:(?:sent|deployed|provided|dispatched|contributed|fielded)\s+by)\s+(?P<list>{_list(actors)})"),
        ("participation", "participant", rf"(?i:participation\s+of)\s+(?P<list>{_list(actors)})"),
        ("country-list", "participant",
         rf"(?i:countries|nations|states|allies|members|partners|participants)(?:{_OF_EXERCISE}|{_TAKING_PART})?\s*,?\s*(?:(?i:such\s+as|including|like|include|includes|included|are|were|namely|named)\s*:?|:)\s*(?:{_BLOC_ITEMS})?(?P<list>{_partner_list(names)})|"
         # "The military alliance, consisting of Armenia, Belarus … and Tajikistan, will move its troops"
         rf"(?i:alliance|bloc|organi[sz]ation|coalition|group)\s*,?\s+(?i:(?:which\s+)?(?:consisting|consists|comprising|comprises|made\s+up|composed))(?:\s+of)?\s+(?P<list2>{_semi_list(names)})"),
        ("led-by", "participant",
         rf"(?P<list>{led.removesuffix(_NOT_AFTER)})[-–]led\b{_LEADS_BLOC}|(?i:organi[sz]ed|led|hosted|commanded)\s+by\s+(?:the\s+)?(?P<by>{_list(led)})|(?i:under)\s+(?P<under>{names})['’]s\s+(?i:command|leadership)"),
    ]  # fmt: skip
    return tuple((name, role, re.compile(pattern)) for name, role, pattern in rules)  # type: ignore[misc]


#: "the U.S.-led NATO military alliance", "the Russian-led Collective Security Treaty Organization": who leads a bloc,
#: not an exercise, so no participant ("the US-led exercise" is one).
_LEADS_BLOC = r"(?!\s+(?:[\w.-]+\s+){0,3}?(?:alliance|bloc|coalition|[Oo]rgani[sz]ation|Treaty)\b)"
_BASED_IN = re.compile(r"\b(?:based|stationed|garrisoned)\s+in\s+(?:the\s+)?$", re.I)


def _origin(sentence: str, start: int, named: list[str]) -> bool:
    """Whether "… troops from X" follows another country's demonym ("US troops from Germany")."""
    before = re.search(r"([\w.’'-]+)\s+$", sentence[:start])
    if before is None or not is_demonym(before.group(1)):
        return False
    own = iso3_of(before.group(1))
    return own is not None and own not in named


@cache
def _term_re() -> re.Pattern[str]:
    return re.compile(country_pattern(names=True, demonyms=True, capitals=True))


def countries_in(text: str) -> list[str]:
    """Return the ISO3 codes of the country terms in ``text``, in order, without repeats."""
    out: list[str] = []
    for match in _term_re().finditer(text):
        iso3 = iso3_of(match.group(0))
        if iso3 and iso3 not in out:
            out.append(iso3)
    return out


#: A locative preposition right before a list: its first item is a place ("in Poland, Belarus launched drills").
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|on|from|to)\s+(?:the\s+)?$", re.I)


#: Forces of "these countries", or "these countries" taking part: the countries the sentence before lists ("The CSTO
#: includes A, B and C. Representatives of the armed forces of these countries will take part in the exercises.").
_THESE = r"(?i:these|those|the\s+(?:above|said|listed))\s+(?i:countries|states|nations|member\s+states)\b"
_THESE_TAKE = re.compile(
    rf"{_MODS}{_FORCE}\s+(?:of|from)\s+{_THESE}|{_THESE}\s+{_AUX}"
    r"(?i:tak(?:e|es|ing)\s+part|took\s+part|participat\w*|join(?:s|ed)?\b|sen[dt]s?\b|contribut\w*)"
)
#: "None of these countries …" before, "… of these countries will not take part" after: no participants.
_NONE_OF = re.compile(r"\b(?:none|neither|no)\s+(?:\w+\s+)?of\s+$", re.I)
_NOT_AFTER_THESE = re.compile(r"[^.;,]{0,40}?(?:\b(?:not|never)\b|n['’]t\b)", re.I)


def _these_countries(sentence: str, before: str) -> list[PartyMention]:
    """The countries of the sentence before, when this one says forces of "these countries" take part (two or more)."""
    match = _THESE_TAKE.search(sentence)
    listed = countries_in(before)
    if match is None or len(listed) < 2:
        return []
    if _NONE_OF.search(sentence[max(0, match.start() - 30) : match.start()]) or _NOT_AFTER_THESE.match(
        sentence, match.end()
    ):
        return []
    return [PartyMention(iso3, "participant", match.group(0).strip(), "these-countries") for iso3 in listed]


def find_parties(sentence: str, *, before: str = "") -> list[PartyMention]:
    """Return the participants, observers and non-participants a sentence names.

    A country gets one role per sentence, the first rule that names it winning, in this order:
    non-participant, observer, participant. Clauses about an invitation are skipped.

    Parameters
    ----------
    sentence
        One sentence of the article.
    before
        The sentence before it, whose country list "these countries" may stand for (rule ``these-countries``).

    Returns
    -------
    list of PartyMention
        In the order the rules found them.
    """
    these = _these_countries(sentence, before) if before else []
    these += [
        PartyMention(c, "participant", t, "both-countries") for c, t in both_countries(sentence, before, countries_in)
    ]
    out: list[PartyMention] = []
    seen: set[str] = set()
    if not (_term_re().search(sentence) or _NEEDS["compound"].search(sentence)):
        return these or _formation_forces(sentence, seen)
    for name, role, pattern in _rules():
        needs = _NEEDS.get(name)
        if needs is not None and not needs.search(sentence):
            continue
        for match in pattern.finditer(sentence):
            clause_start = max(sentence.rfind(";", 0, match.start()), sentence.rfind(",", 0, match.start()))
            if re.search(r"\binvit", sentence[clause_start + 1 : match.end()], re.I):
                continue
            if name == "compound":  # "Russian-Belarusian": the word boundaries of countries_in do not split it
                parts = re.split(r"[-–] ?", match.group("list"))  # "Belarusian-Russian- Serbian", a line break
                if not all(iso3_of(p) for p in parts):  # "Russian-Belarusian", "Russia-Belarus"
                    continue
                named = [c for c in (iso3_of(p) for p in parts) if c]
            elif name == "led-by":
                named = countries_in(next(g for g in match.groups() if g))
            elif name == "subject-list":
                named = _subject_items(match.group("subject"))
            else:
                # A rule with alternatives names its countries in the one group of "list…" that matched.
                listed = (v for k, v in match.groupdict().items() if k.startswith("list") and v)
                named = countries_in(next(listed, ""))
            if name in ("forces-from", "deploy-from") and _origin(sentence, match.start(), named):
                continue  # "US troops from Germany": where the troops came from, not who takes part
            if name == "takes-part" and _BASED_IN.search(sentence, 0, match.start()):
                continue  # "NATO personnel based in Estonia are to take part": where they are based, not who
            if name == "did-not" and len(countries_in(match.group(0))) > len(named):
                continue  # another country stands between the subject and "did not": not its subject
            if name == "forces" and permitted(sentence, match.start(), match.end()):
                continue  # "documents that would allow Serbian troops to take part": a permission, not participation
            if name == "forces" and speaks_or_reacts(sentence, match.end(), named):
                continue  # "Lithuania's army said Belarus …", "… raised readiness due to the drills in Belarus"
            text = match.group(0).strip()
            if name == "holds" and _LOCATIVE_BEFORE.search(sentence, 0, match.start()):
                # "… exercise in Poland, Belarus launched drills": Poland is a place, not a subject
                named, rest = named[1:], [m.start() for m in re.finditer(country_pattern(), text)][1:2]
                text = text[rest[0] :] if rest else text
            for iso3 in named:
                if iso3 not in seen:
                    seen.add(iso3)
                    out.append(PartyMention(iso3, role, text, name))
    out += _formation_forces(sentence, seen)
    return out + [t for t in these if t.iso3 not in {p.iso3 for p in out}]


def _formation_forces(sentence: str, seen: set[str]) -> list[PartyMention]:
    """A country's forces named by one of its formations (after the rules above, whose negations win).

    "Units of the Western Military District" are Russia's; "the Illinois National Guard" is the United States'.
    """
    found = [("RUS", "district", district_forces(sentence)), ("USA", "guard", guard_forces(sentence))]
    found += [(iso3, "base", [text]) for iso3, text in base_forces(sentence)]  # "units of the 201st Russian base"
    return [
        PartyMention(iso3, "participant", texts[0], rule) for iso3, rule, texts in found if texts and iso3 not in seen
    ]
