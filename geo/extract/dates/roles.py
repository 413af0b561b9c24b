"""Step 2 of reading dates: what a date mention dates in its sentence, and the tense of its clause.

:func:`date_role` reads the words around a mention: ``start`` ("opened on", "will be held in",
"exercises … next month"), ``end`` ("until", "through"), ``range`` (both ends given), ``announced``
("said on", "reported Monday"), ``undated`` or ``none`` ("before", "since", or no cue).
:func:`tense_of` and :func:`tense_for` tell whether a clause reports the past or the future.
"""

from __future__ import annotations

import re
from typing import Literal

from geo.extract.dates.clause_words import country_apposition, dates_its_exercise, said_that, training_as_exercise
from geo.extract.dates.mentions import MONTHS, DateMention, Role

Tense = Literal["past", "future"]

_END_CUES = frozenset(
    [
        "until",
        "till",
        "through",
        "thru",
        "ending",
        "ends",
        "end",
        "ended",
        "concluding",
        "conclude",
        "concludes",
        "concluded",
        "finish",
        "finishes",
        "wraps",
        "last",
        "lasts",
        "wrapped",
        "completed",
        "finished",
    ]
)
_START_CUES = frozenset(
    [
        "opened",
        "open",
        "opens",
        "began",
        "begun",
        "begin",
        "begins",
        "beginning",
        "started",
        "start",
        "starts",
        "launched",
        "launch",
        "launches",
        "commenced",
        "commence",
        "commences",
        "arrived",
        "arrive",
        "arrives",
        "held",
        "hold",
        "holds",
        "place",
        "scheduled",
        "planned",
        "set",
        "due",
        "from",
        "off",
        "exercises",
        "exercise",
        "drills",
        "drill",
        "maneuvers",
        "maneuver",
        "manoeuvres",
        "manoeuvre",
        "games",
        "deployed",
        "kicked",
        "run",
        "runs",
        "underway",
    ]
)
_ANNOUNCE_CUES = frozenset(
    [
        "said",
        "says",
        "announced",
        "announce",
        "announces",
        "reported",
        "reports",
        "told",
        "stated",
        "declared",
        "confirmed",
        "tweeted",
        "wrote",
        "noted",
        "added",
        "published",
        "posted",
    ]
)
_BLOCKERS = frozenset(["before", "after", "since", "ago", "ahead", "prior", "following", "amid"])
#: Verbs that date an exercise from further back in the clause ("began the joint exercise X at the Y
#: training ground on March 3"), and nouns of other events that stop the search ("after talks … on Monday").
_FAR_START_CUES = frozenset(
    [
        "began", "begin", "begins", "started", "start", "starts", "launched", "launch", "launches", "commenced",
        "commence", "commences", "opened", "opens", "open", "kicked", "held", "hold", "holds", "host", "hosts",
        "hosted", "stage", "stages", "staged", "conduct", "conducts", "conducted", "run", "runs", "underway",
    ]
)  # fmt: skip
_FAR_END_CUES = frozenset(["wrapped", "ended", "ends", "concluded", "concludes", "completed", "finished"])
_OTHER_EVENTS = frozenset(
    [
        "talks", "meeting", "met", "meets", "visit", "visited", "visits", "summit", "conference", "briefing",
        "interview", "session", "inspected", "watched", "attended", "observed", "signed", "election", "vote",
    ]
)  # fmt: skip
PAST_START = re.compile(
    r"\b(?:arrived|began|started|opened|kicked\s+off|launched|commenced|took\s+place|(?:were|was)\s+held)\b", re.I
)
#: An exercise reported ended ("drew to a close", "came to an end", "wrapped up", "ended", "concluded").
_PAST_END = re.compile(
    r"\b(?:drew\s+to\s+a\s+close|came\s+to\s+an\s+end|wrapped\s+up|ended|concluded|finished|was\s+completed)\b", re.I
)
#: A time counted back from now ("three weeks ago", "a few days ago").
_AGO = re.compile(
    r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:days?|weeks?|months?|years?)\s+ago\b",
    re.I,
)
#: A clause break; "’" between letters is an apostrophe ("Russia’s Armed Forces"), not a closing quote.
_CLAUSE_BREAK = re.compile(r"[;:—()\[\]\"“”‘]|’(?![A-Za-z])|(?<![A-Za-z])’|,\s")
_LEAD_WORDS = frozenset(
    ["on", "in", "at", "during", "by", "since", "last", "this", "next", "early", "late", "mid", "the", "of"]
)


#: An apposition naming the exercise, or placing it, right before a date: "began their joint exercise, titled X
#: (West) 2017, on Thursday" and "began drills in the X region, near the border with Y, on Monday" go on with the
#: verb before it, so the apposition is skipped.
_NAMING_APPOSITION = re.compile(
    r",\s+(?:(?:also\s+)?(?:titled|dubbed|called|named|code-?named|codenamed)|near|close\s+to|not\s+far\s+from|"
    r"next\s+to|along|(?:some\s+|about\s+)?\d+\s*(?:km|kilomet(?:er|re)s|miles)\s+from)\s+[^,;.:]{1,60},\s*(?=(?:on\s+)?$)",
    re.I,
)


def _words_before(sentence: str, pos: int) -> list[str]:
    """Return the words of the clause before ``pos``, nearest first (past an apposition naming the exercise)."""
    head = _NAMING_APPOSITION.sub(" ", sentence[:pos])
    breaks = [b for b in _CLAUSE_BREAK.finditer(head) if not country_apposition(head, b.start(), b.end())]
    if breaks:
        head = head[breaks[-1].end() :]
    return training_as_exercise([w.lower() for w in re.findall(r"[A-Za-z]+", head)][::-1])


def date_role(sentence: str, mention: DateMention) -> Role:
    """Return what a date mention dates in its sentence.

    Parameters
    ----------
    sentence
        The sentence holding the mention.
    mention
        One of :func:`find_dates`' results for that sentence.

    Returns
    -------
    str
        ``range`` when both ends are stated (``none`` after "summit", "talks" nearer than an exercise word);
        ``undated`` for "medium term" and the like; else the role of the nearest cue among the six words before the
        mention in its clause (``end`` for "until", "through"; ``start`` for "opened on", "held in", "exercises …
        next month"; ``announced`` for "said on", "reported"; ``none`` after "before", "since", "ahead of"). A date
        opening its clause ("On Saturday …", "In early August, he announced …") is a ``start`` if the sentence
        reports a start in the past tense ("had arrived", "began"), else ``announced`` if it reports a statement,
        else ``none``. Failing these, the rest of the clause before the mention is read for the verb that dates it:
        a start verb ("began the joint exercise X at the Y training ground on March 3", "got under way") or an
        exercise being held, hosted or staged ("will host the X exercise of … later this month") makes it a
        ``start``; a statement, a blocker or another event ("talks", "visited") makes it ``none``; an end verb
        ("wrapped up the X exercise at the Y training ground on Thursday") makes it an ``end``; an exercise word
        alone that far back does not date it. A date right before its verb is read by that verb ("Russia and Belarus
        on Friday began …").
    """
    if mention.relative == "undated":
        return "undated"
    before = _words_before(sentence, mention.start)
    if mention.is_range:  # "the summit scheduled for July 9-11": a range another event's noun precedes dates none
        nearest = next((w for w in before[:6] if w in _OTHER_EVENTS | _EXERCISE_NOUNS), "")
        return "none" if nearest in _OTHER_EVENTS else "range"
    lead = re.match(r"[A-Za-z]+", mention.text)
    if lead and mention.kind in ("month", "year") and lead.group(0).lower() not in MONTHS:
        before = [lead.group(0).lower(), *before]  # "since 2012", "until October": the preposition is in the match
    if before[:1] == ["to"] and "from" in before[1:8]:
        return "end"  # "from September 14 to 25"
    if before[:1] == ["since"] and (mention.day or mention.relative) and _ONGOING.search(sentence):
        return "start"  # "drills have been under way since Monday", "exercises, held since April 29, 2022, …"
    role = said_that(sentence, mention, before) or _near_cue(before[:6], before[6:10]) or _verb_after(sentence, mention)
    if role is None and (all(w in _LEAD_WORDS for w in before) or _opens_clause(sentence[: mention.start], before)):
        role = _clause_opening(sentence[mention.end :])
    role = role or _far_cue(before[6:24])
    if role == "none" and mention.kind == "month" and _TOOK_PART_IN.search(sentence[: mention.start]):
        return "start"  # "… took part in drills in the Pskov region in February": the drills' month
    if role == "announced" and _SNAP_ANNOUNCED.search(sentence):
        return "start"  # "Belarus announced on Tuesday a snap check of …": the check began when announced
    if role == "start" and _ARRIVAL.search(sentence) and not _OTHER_START.search(sentence):
        return "none" if _OFFICIAL_ARRIVES.search(sentence) else "arrival"
    return role


#: Forces that took part in drills, with the drills' month later in the clause (a day there may be only theirs).
_TOOK_PART_IN = re.compile(
    r"\b(?:took|take|takes|taking)\s+part\s+in\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games)\b[^.;,]{0,100}$",
    re.I,
)
#: An exercise still going on, so that "since <day>" is its start.
_ONGOING = re.compile(r"\b(?:ha(?:s|ve)\s+been|under\s*way|continu\w+|ongoing|(?:held|conducted)\s+since)\b", re.I)
#: Troops arriving: a start only when nothing else dates the exercise ("another echelon arrived on August 29
#: to take part in the exercises scheduled from September 1 to 6").
_ARRIVAL = re.compile(r"\barriv(?:ed|es|e|ing)\b", re.I)
#: An official arriving is a visit, not forces arriving ("President Alexander Lukashenko arrived on Friday at the
#: range"): the title, then up to three words of a name, right before the verb.
_OFFICIAL_ARRIVES = re.compile(
    r"\b(?i:president|minister|secretary|chief|commander|delegation|head\s+of\s+state)(?:\s+[A-Z][\w.-]*){0,3}\s+"
    r"(?:has\s+|have\s+|had\s+)?arriv(?:ed|es|e)\b"
)
_OTHER_START = re.compile(
    r"\b(?:(?:beg[iau]n\w*|start\w*)(?!\s+(?:arriving|to\s+arrive))|open(?:s|ed)?|launch\w*|kick\w*\s+off|commenc\w*|held|holds?|holding|"
    r"takes?\s+place|took\s+place|taking\s+place|under\s*way|conduct\w*|stag(?:e|es|ed|ing))\b",
    re.I,
)


#: An opening adverbial of place before the date ("On the territory of Belarus on February 10, …").
_OPENING_PHRASE = re.compile(r"^(?:On|In|At|Across|Throughout)\s[^,;.]*$")


def _opens_clause(head: str, before: list[str]) -> bool:
    """Whether a date opens what its clause reports: after an opening place phrase, or after "said … that".

    Not after another event or a statement ("In an interview on Monday, …", "At a briefing on Monday, …").
    """
    if before[:1] == ["that"]:
        return True
    others = _OTHER_EVENTS | _ANNOUNCE_CUES | _BLOCKERS | {"statement", "ceremony"}
    return bool(_OPENING_PHRASE.match(head.strip())) and not any(w in others for w in before)


#: Exercise nouns: a start cue unless a statement verb further back makes them its object ("announced the
#: joint drills on Monday").
_EXERCISE_NOUNS = frozenset(
    ["exercises", "exercise", "drills", "drill", "maneuvers", "maneuver", "manoeuvres", "manoeuvre", "games"]
)


def _near_cue(words: list[str], further: list[str]) -> Role | None:
    """Return the role of the nearest cue among the few words before a date (nearest first), if any.

    An exercise noun is a start cue unless a statement verb stands before it, within ``further`` words too.
    """
    noun = False
    for i, word in enumerate(words):
        if word in _BLOCKERS or word in _OTHER_EVENTS:
            return "start" if noun and word in _BLOCKERS else "none"  # "at a meeting about the exercise on Thursday"
        if word in _END_CUES:
            return "end"
        if word in _ANNOUNCE_CUES:
            return "announced"
        if word in _EXERCISE_NOUNS:
            noun = True
        elif word in _START_CUES or (word == "way" and words[i + 1 : i + 2] == ["under"]):
            return "start"
    if noun and any(w in _ANNOUNCE_CUES for w in further):
        return "announced"  # "Lukashenko announced the joint military drills with Russia on Monday"
    return "start" if noun else None


_GAVE_START = re.compile(r"\W{0,3}(?:gave|gives|give)\s+(?:the\s+)?(?:start|go-ahead|signal)\s+(?:to|for)\b", re.I)


def _verb_after(sentence: str, mention: DateMention) -> Role | None:
    """Return the role given by a verb right after the date ("Russia and Belarus on Friday began …"), if any."""
    after = re.findall(r"[a-z]+", sentence[mention.end : mention.end + 40].lower())[:2]
    if after[:1] and (after[0] in _FAR_START_CUES or after[:2] == ["got", "under"]):
        return "start"
    if _GAVE_START.match(sentence, mention.end) or dates_its_exercise(sentence, mention.end):  # "gave the start to"
        return "start"
    if after[:1] and after[0] in _ANNOUNCE_CUES:
        return "announced"  # "the ministry on Tuesday said …"
    return None


#: A start in the present or future ("Tomorrow (Monday, February 21), the … exercise starts in Poland"), or an
#: exercise to be held then.
_STARTS_NOW = re.compile(
    r"\b(?:starts|begins|opens|kicks\s+off|commences|(?:will|is\s+to|are\s+to)\s+(?:also\s+)?(?:start|begin|open|"
    # "In September, Kazakhstan will host the Rubezh exercise": the month the exercise is held in; "In May, drills
    # will also be conducted in X"
    r"kick\s+off|commence|host|hold|stage|conduct|take\s+place|be\s+(?:held|conducted|carried\s+out)))\b|"
    # a plural subject's present: "On Friday, Russian-Belarusian maneuvers … begin in Belarus"
    r"\b(?:begin|start|commence|kick\s+off)\s+(?=(?:in|at|near|across|on)\s)",
    re.I,
)


#: A start reported as just done ("has begun", "have started", "announced the start of drills", "announced snap
#: drills"), not forces that
#: began arriving. Reported speech shifts the tense back: "said on Tuesday it had started drills" relays "we have
#: started", so it reads like "has started" (decided on the sixth pass, README; dev 014 and 072 agree).
_REPORTED_START = re.compile(
    r"(?:\b(?:has|have)|\b(?:said|says|announced|reported|stated)\b[^.;]{0,80}?\bhad)\s+(?:already\s+|just\s+)?"
    r"(?:begun|started|launched|commenced|kicked\s+off|got\s+under\s*way)\b"
    r"(?!\s+(?:arriving|to\s+arrive|moving|to\s+move|deploying))|"
    r"\b(?:announced|declared|reported)\s+the\s+(?:start|beginning|launch)\s+of\b|"
    # a snap check is held when it is announced or ordered: "announced snap military exercises across the country"
    r"\b(?:announced|declared|ordered)\s+(?:an?\s+|the\s+)?(?:snap|surprise|sudden|unannounced)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:exercises?|drills?|checks?|inspections?|tests?)\b",
    re.I,
)


def reports_start(sentence: str) -> bool:
    """Whether a sentence reports that an exercise has just started (a same-day report's announcement dates it)."""
    return bool(_REPORTED_START.search(sentence)) and not _LATER_STAGE.search(sentence)


#: A start in the simple past with nothing after it that turns it into forces setting off ("began arriving").
_SIMPLE_PAST_START = re.compile(
    r"(?i:\b(?:began|started|launched|commenced|kicked\s+off|got\s+under\s*way)\b"
    r"(?!\s+(?:arriving|to\s+arrive|moving|to\s+move|deploying|preparing|to\s+prepare)))"
)


def reports_past_start(sentence: str) -> bool:
    """Whether a sentence reports a simple-past start with no time of its own ("drills that began at X")."""
    return bool(_SIMPLE_PAST_START.search(sentence)) and not (_AGO.search(sentence) or _LATER_STAGE.search(sentence))


#: A later stage of an exercise: its beginning is not the exercise's start ("have begun a second stage of …").
_LATER_STAGE = re.compile(r"\b(?:second|third|fourth|final|next|last|active|main|practical)\s+(?:stage|phase)\b", re.I)


#: "On January 31, the ministry announced the start of the staff training": the announced start is that day's;
#: not the start of forming or deploying forces ("announced the beginning of formation of a grouping").
_ANNOUNCED_START = re.compile(
    r"^[^.;]{0,60}?\b(?:announced|declared)\s+the\s+(?:start|beginning|launch)\s+of\s+"
    r"(?!(?:the\s+)?(?:formation|creation|forming|deployment|construction|building)\b)",
    re.I,
)


#: A place that "was the scene of" or "the location chosen for" an exercise that day: the exercise was held then.
_SCENE_OF = re.compile(
    r"^[^.;]{0,80}?\b(?:was|were|became)\s+the\s+(?:location|venue|scene|site|setting)\b[^.;]{0,40}?\b"
    r"(?:exercises?|drills?|manoeuvres?|maneuvers?)\b",
    re.I,
)


_SNAP_CHECK = (
    r"(?:(?:snap|surprise|sudden|unannounced)\s+(?:[\w-]+\s+){0,4}?(?:checks?|inspections?|drills?|exercises?)|"
    r"combat[\s-]+readiness\s+(?:checks?|inspections?|assessments?|tests?))"
)
#: A snap check announced ("announced on Tuesday a snap check", "a snap inspection … was announced") starts then.
_SNAP_ANNOUNCED = re.compile(
    rf"\b(?:announced|declared|ordered)\s+(?:on\s+\w+\s+)?(?:an?\s+|the\s+)?{_SNAP_CHECK}|"
    rf"{_SNAP_CHECK}\b[^.;]{{0,120}}?\b(?:was|were|has\s+been|have\s+been)\s+(?:announced|declared|ordered)\b",
    re.I,
)


def _starts_now_unsaid(rest: str) -> bool:
    """Whether a present or future start follows the date with no statement verb before it.

    "On Tuesday, the chief of defence announced that NATO exercises will begin in Lithuania in the coming months":
    Tuesday is the announcement's (twelfth pass); "On Friday, … maneuvers … begin in Belarus," Tusk told …" keeps
    Friday as the start (the statement comes after).
    """
    now = _STARTS_NOW.search(rest)
    if now is None:
        return False
    return not any(w in _ANNOUNCE_CUES for w in re.findall(r"[a-z]+", rest[: now.start()].lower()))


def _clause_opening(rest: str) -> Role:
    """Return the role of a date opening its clause ("On Saturday …") from what the clause goes on to say.

    An end verb before any start verb makes it the end ("On Friday, the exercise drew to a close"). A start verb
    with a time of its own before it dates nothing here ("Today we are more confident than three weeks
    ago when the exercise began": the exercise began three weeks ago, not today).
    """
    past = PAST_START.search(rest)
    if past and _AGO.search(rest, 0, past.start()):
        return "none"
    ended = _PAST_END.search(rest)
    if ended and (past is None or ended.start() < past.start()):
        return "end"  # "On Friday, the Exercise X drew to a close."
    if (
        PAST_START.search(rest)
        or _starts_now_unsaid(rest[:160])
        or _ANNOUNCED_START.search(rest)
        or _SCENE_OF.search(rest)
        or _SNAP_ANNOUNCED.search(rest)
    ):
        return "start"
    if any(w in _ANNOUNCE_CUES for w in re.findall(r"[a-z]+", rest.lower())[:12]):
        return "announced"
    if _WILL_TAKE_PART.search(rest):
        return "start"
    return "none"


#: Forces that will take part in an exercise on the day opening the clause, however long the clause ("On November
#: 12, a paratrooper unit will land on … and take part in a joint tactical exercise"): the exercise's day.
_WILL_TAKE_PART = re.compile(
    r"^[^.;]{0,200}?\b(?:will|is\s+to|are\s+to)\b[^.;]{0,240}?\b(?:take\s+part|participate)\s+in\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|manoeuvres?|maneuvers?)\b",
    re.I,
)


def _far_cue(far: list[str]) -> Role:
    """Return the role given by the verb further back in the clause (words 7-24 before the date, nearest first)."""
    for i, word in enumerate(far):
        if word in _BLOCKERS or word in _ANNOUNCE_CUES or word in _OTHER_EVENTS:
            return "none"
        if word in _FAR_END_CUES:
            return "end"
        if word in _FAR_START_CUES or (word == "way" and far[i + 1 : i + 2] == ["under"]):
            return "start"
    return "none"


_FUTURE = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|(?:set|due|scheduled|planned|expected|going)\s+to|next|upcoming|coming)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:had|was|were|did|ago|last|said|announced|reported|held|hosted|staged|began|started|opened|arrived|kicked\s+off|took|"
    r"attacked|launched|confirmed|tweeted|declared|told|stated|ended|concluded|completed|finished)\b",
    re.I,
)


def tense_of(sentence: str, position: int = 0) -> Tense | None:
    """Return the tense of the clause (between semicolons) holding ``position``: future, past or None.

    A past auxiliary (had, was, were) makes the clause past; else a future marker (will, is to,
    scheduled to, next) makes it future; else a past-tense reporting or event verb makes it past.
    """
    start = sentence.rfind(";", 0, position) + 1
    end = sentence.find(";", position)
    clause = sentence[start : end if end >= 0 else len(sentence)]
    if re.search(r"\b(?:had|was|were)\b", clause, re.I):
        return "past"  # a past auxiliary beats a future in a relative clause ("planes that will join … was confirmed")
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return None


_PAST_VERBS = frozenset(
    ["began", "started", "launched", "kicked", "commenced", "opened", "got", "held", "wrapped", "ended", "concluded",
     "took", "arrived", "completed", "finished", "staged", "conducted", "hosted", "deployed", "sent"]
)  # fmt: skip


#: A start or end verb in the present simple, singular or plural, with its object between it and the day: "the
#: exercise starts Friday", "troops begin the X exercise on Monday", "began on May 2 and ends on Friday" (not "the
#: start of …", a noun).
_PRESENT_START = re.compile(
    r"(?<!\bthe\s)\b(?:starts?|begins?|opens?|commences?|kicks?\s+off|gets?\s+under\s*way|ends|finishes|concludes|"
    r"closes|wraps\s+up)\s+(?:[^\s,.;]+\s+){0,6}?(?:on\s+)?$",
    re.I,
)


#: A present-simple start after a day opening the sentence ("On Friday, Russian-Belarusian maneuvers … begin in …").
_PRESENT_START_AHEAD = re.compile(
    r"[^.;]{0,120}?\b(?:starts|begins|begin|start|opens|commences?|kicks?\s+off)\s+(?:in|at|near|across|on)\s", re.I
)


def tense_for(sentence: str, mention: DateMention, role: Role | None = None) -> Tense | None:
    """Return the tense that places a date in the year or week.

    A statement is past ("said on Monday" in a sentence about drills that "will" happen); a date right after a
    present-simple start or end verb is future ("starts Friday", "ends on Friday"); a date after a past start verb
    of its clause is past ("began the exercise … on Monday, which will last until …"); otherwise the tense is
    :func:`tense_of` the clause.
    """
    if role == "announced":
        return "past"
    # "Belarus and Russia on Monday launched an exercise that will last until …": the verb right after the
    # day is what happened on it, whatever a later clause says.
    after = re.match(r"\s*([A-Za-z]+)", sentence[mention.end :])
    if after and after.group(1).lower() in _PAST_VERBS and mention.kind == "weekday":
        return "past"
    if _PRESENT_START.search(sentence, max(0, mention.start - 80), mention.start):
        return "future"  # "the exercise starts Friday": a scheduled start, in the present simple of news copy
    if mention.start < 3 and _PRESENT_START_AHEAD.match(sentence, mention.end):
        return "future"  # "On Friday, … maneuvers … begin in Belarus": the day opens a present-simple start
    words = _words_before(sentence, mention.start)[:24]
    for i, word in enumerate(words):
        if word in ("will", "would", "shall", "scheduled", "planned", "due", "expected"):  # "would": reported, nearest
            return None if word == "would" else tense_of(sentence, mention.start)
        if word in _PAST_VERBS and words[i + 1 : i + 2] not in (["be"], ["been"], ["being"], ["to"]):
            return "past"
    return tense_of(sentence, mention.start)
