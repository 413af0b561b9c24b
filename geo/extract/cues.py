"""Cue vocabulary for grouping an article's sentences into exercise events (:mod:`geo.extract.grouping`).

Each pattern names one class of words or phrases a sentence classifier looks for: exercise nouns, forces on
the move, event verbs, war and conflict words, background clauses, attributions. They are compiled once here,
apart from the grouping state that reads them; every pattern runs in linear time (no nested quantifiers over
the same characters; the whole extractor is run on long hostile texts by ``tests/extract/test_linear_time.py``).
"""

from __future__ import annotations

import re

_FORCES_DRILLED = (
    r"(?:troops|soldiers|servicemen|units|forces|paratroopers|marines|crews|sailors|reservists)\s+(?:also\s+|have\s+)?"
    # "Polish soldiers trained at the Drawsko Pomorskie training area" (a place follows; not "trained in first aid");
    # the progressive too ("the troops were drilling near the border")
    r"(?:drilled|exercised|(?:are|were|is|was|have\s+been|had\s+been)\s+(?:drilling|exercising)\b|"
    r"trained(?=\s+(?:at|in|on|near|alongside|with|together\s+with)\s+(?:the\s+)?(?-i:[A-Z])))"
)
#: Verbs by which an exercise joins forces ("linked NATO allies A, B", "brought together troops of …"): an event cue
#: here, a participant list in :mod:`geo.extract.party_forms`.
LINKED_VERB = (
    r"(?i:linked|links|link|brought\s+together|brings?\s+together|bringing\s+together|united|unites|unite|"
    r"uniting|gathered|gathers)"
)
#: After "training": not a place, school or course of it ("a military training centre", "joint army training grounds").
_NOT_A_TRAINING_PLACE = (
    r"(?!\s+(?:cent(?:er|re)s?|grounds?|areas?|ranges?|facilit\w+|schools?|institut\w+|academ\w+|programs?|"
    r"programmes?|courses?))"
)
EXERCISE_NOUN = re.compile(
    r"\b(?:exercises?|drills?|maneuvers?|manoeuvres?|war[\s-]?games|(?:live-fire|joint|staff|command(?:-|\s+and\s+)staff|"
    r"tactical|field)\s+training|"
    # "a joint army training", "joint naval training" (nineteenth pass): a branch between "joint" and "training"
    r"joint\s+(?:army|military|naval|navy|air(?:[\s-]force)?|ground(?:[\s-]forces?)?|marine|airborne)\s+training"
    + _NOT_A_TRAINING_PLACE
    + r"|"
    # "are holding live firings", "this multinational training event", "The military training is to take place at …"
    # (not a training centre)
    r"live[\s-]firings?|training\s+events?|military\s+training" + _NOT_A_TRAINING_PLACE + r"|"
    r"(?:snap|surprise|sudden|unscheduled|unannounced|extraordinary|combat[- ]readiness)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:inspections?|checks?|(?<=readiness\s)tests?)|"
    # "a full-scale inspection of the combat readiness of the armed forces", "a check of combat readiness"
    r"(?:inspections?|checks?|tests?)\s+of\s+(?:the\s+)?(?:combat|mobili[sz]ation)(?:\s+and\s+mobili[sz]ation)?\s+readiness|"
    # a readiness check by its order: "all units of the army have been put on training alert"
    r"(?:put|placed|raised|brought)\s+on\s+(?:full\s+)?(?:training|combat)\s+alert|"
    # reservists' musters: "training camps with those liable for military service", "training camps for reservists"
    r"training\s+(?:camps?|musters?)\s+(?:with|for|of)\s+(?:the\s+)?(?:those|persons|people|citizens|reservists|"
    r"conscripts|military\s+conscripts)\b|training\s+(?:camps?|musters?)(?=\s+(?:will\s+be|are|were|was|is)\s+held\b)|"
    # "the large-scale inspection of the Armed Forces, ordered by the President, began on January 16"
    # "the inspection of the Union State's response forces is running on Belarusian soil"
    r"inspections?\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:armed\s+forces|(?:response|reaction|rapid)\s+forces|"
    r"troops|army|military\s+units)|" + _FORCES_DRILLED + r")\b",
    # "Belarusian units drilled in the Grodno region": forces that drill or exercise hold drills
    re.I,
)
DEPLOYMENT_NOUN = re.compile(
    r"\b(?:deployment|regional\s+grouping|joint\s+grouping|grouping\s+of\s+(?:troops|forces))\b", re.I
)
#: What forces do in a drill, said of named forces before the lead ("US troops mount an airborne assault", "British
#: Marines make a night landing", "paratroopers drop from the sky").
#: Forces practising a drill's tasks ("A unit of the X Missile Force is practicing the tasks of …").
PRACTISING = re.compile(r"\b(?:is|are|was|were)\s+(?:now\s+)?practi[cs]ing\b", re.I)
DRILL_ACTION = re.compile(
    r"\b(?:mount\w*\s+(?:an?\s+)?(?:[\w-]+\s+)?assaults?|(?:night\s+|amphibious\s+)?landings?|drop\s+from\s+the\s+sky|"
    r"parachut\w+|live[- ]fire)\b",
    re.I,
)
FORCE_WORD = re.compile(
    r"\b(?:troops|soldiers|forces|servicemen|service\s+members|personnel|paratroopers|units|tanks|vehicles|artillery|aircraft|"
    r"planes|helicopters|jets|trains|contingents?|reservists|engineers|marines|sailors|crews|warships|hardware|"
    r"participants|military(?=\s+(?:will|would|is|are|was|were|has|have)\b))\b",
    re.I,
)
#: Ranges said to be at work are the drills' ("the X and Y training grounds operated non-stop", fourteenth pass).
RANGES_AT_WORK = re.compile(
    r"\b(?:training\s+grounds?|ranges?|polygons?)\s+(?:operated|worked|were\s+(?:active|busy|in\s+use))\b(?!\s+by\b)",
    re.I,
)
MOVE_VERB = re.compile(
    r"\b(?:send|sends|sent|deploy|deploys|deployed|arrive|arrives|arrived|arrival|take\s+part|took\s+part|"
    r"taking\s+part|participat\w+|join|joins|joined|redeploy\w*|relocat\w+|transferr?\w*|move|moved|moving|"
    r"involv\w+|expected|engaged|mobili[sz]\w+|practi[sc]\w+|consists?\s+of|compris\w+|made\s+up\s+of|includ\w+|"
    r"conducted|carried\s+out|performed|rehears\w+|advanc(?:e[sd]?|ing)(?=\s+(?:into|to|towards)\b)|"
    # "the forces of the joint group crossed the Vistula River", "the troops will continue their march to …"
    r"cross(?:es|ed|ing)?(?=\s+the\s+(?-i:[A-Z])[\w-]+\s+(?i:river)\b)|march(?:es|ed|ing)?(?=\s+(?:to|towards|into)\b)|"
    # forces on their way: "The troops … from A, B and C are on their way to the areas", "heading to Kyrgyzstan"
    r"on\s+(?:their|its)\s+way\s+to|en\s+route\s+to|head(?:s|ed|ing)?(?=\s+(?:to|for|towards)\b)|regroup\w*|"
    # paratroopers dropped in: "would land onto the X training ground", "flew to Belarus to airdrop them"
    r"parachut\w+|airdrop\w*|air-dropp?\w*|land(?:s|ed|ing)?(?=\s+(?:on|onto|in|at|near)\b)|fl[eo]wn?(?=\s+(?:to|into|from)\b)|"
    # marines setting out from a ship: "Marines launched from the USS Oak Hill in assault vehicles"
    r"launch(?:es|ed|ing)?(?=\s+from\b)|"
    # "Polish troops will be exercising together with soldiers from …"
    r"exercising|(?:exercis|train|drill)(?:e|es|s|ing|ed)?(?=\s+(?:together\s+)?(?:with|alongside)\b)|"
    # forces counted where they are: "In addition, there have been 3,000 Swedish soldiers … on Finnish territory"
    r"there\s+(?:have|has)\s+been(?=\s+(?:(?:some|about|around|nearly|over|more\s+than)\s+)?\d)|"
    r"there\s+(?:are|were|will\s+be)(?=\s+(?:(?:some|about|around|nearly|over|more\s+than)\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?"
    r"(?:troops|soldiers|servicemen|personnel|marines|paratroopers)\b)|"
    # the drill's task set to forces (thirteenth pass): "Intelligence units of A and B need to find the enemy",
    # "the battalion must destroy the notional saboteurs", "the crews are tasked with repelling the landing"
    r"(?:(?:need|needs|ha(?:ve|s)|are|is)\s+to|must|(?:are|is|were|was)\s+tasked\s+(?:with|to))\s+"
    r"(?:find|locat|detect|destroy|repel|eliminat|defeat|captur|seiz|defend|block|search|clear|liberat|reconnoit|"
    r"identif|neutrali[sz]|strik|intercept|encircl)\w*)\b",
    re.I,
)
#: Lessons drawn from a war are training content, not fighting ("share their experience of the war against
#: Ukraine", "the lessons of the special military operation").
WAR_EXPERIENCE = re.compile(
    r"\b(?:experience|lessons?)\s+(?:[\w-]+\s+){0,2}?(?:of|from|in)\s+(?:the\s+)?[\"“‘«]?(?:[\w-]+\s+){0,2}?"
    r"(?:war|fighting|conflicts?|operation|campaign)\b(?:\s+(?:against|in)\s+[A-Z]\w+)?",
    re.I,
)
#: Words that make what follows the exercise another one answers ("in response to", "a reaction to", "to counter"),
#: or the reason it is given ("…, citing the scale of NATO's X drills", "blaming the X exercise held by Poland").
RESPONSE_CUE = (
    r"(?:in\s+(?:response|reaction|answer|retaliation)\s+to|an?\s+(?:response|reaction|answer)\s+to|responding\s+to|"
    r"in\s+(?:the\s+)?light\s+of|"
    # "… took part to adequately respond to X" (nineteenth pass): X is what the training answers
    r"to\s+counter|to\s+(?:[a-z]+ly\s+)?respond\s+to|citing|blaming|pointing\s+to|(?:prompted|provoked|triggered)\s+by)"
)
#: A gloss of a term ("…, referring to the war in Ukraine", "…, Moscow's term for its invasion"): background.
#: A relative clause that describes a place's lie ("…, a border strip between Lithuania and Poland, which ends on one
#: side in the Russian exclave of Kaliningrad"): geography, not where the exercise is.
#: Not a duration ("…, which run from Friday until Tuesday, …", "which runs until 20 May"): the drills' days.
_WHEN_AHEAD = (
    r"(?:from|until|till|through|to)\s+(?:(?:mid|early|late|next|this)\b|\d|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)"
)
#: "…, all of which share borders with Russia", "…, both of which border Belarus": the places' lie as well.
_PLACE_DESCRIBED = (
    r"(?:(?:all|both|each|most|some|two|three|four|five)\s+of\s+)?which\s+"
    r"(?:ends?|runs?|stretches|lies|lie|separates|connects|links|borders?|shares?)\s(?!" + _WHEN_AHEAD + ")"
)
_GLOSS = (
    r"(?:referring\s+to|(?:a|in)\s+reference\s+to|(?:Russia|Moscow|the\s+Kremlin)['’]s\s+(?:term|euphemism)\s+for)\s"
)
#: What troops rehearse is the drill's scenario, not a war: "the soldiers will practice \"liberating the territory
#: temporarily occupied by the enemy\"", "they simulated an attack on a column".
SCENARIO = re.compile(
    r"\b(?:practi[cs]\w*|rehears\w*|simulat\w*|work(?:ed|ing|s)?\s+out)\s+[\"“‘«]?[^\"”’».;]{0,100}", re.I
)
#: A war only supposed, as what the training is for ("… a supplement to the army in the event of a military
#: conflict", "in case of aggression", "to localize an armed conflict", "repel a mock attack"): a scenario.
SUPPOSED_WAR = re.compile(
    r"\b(?:in\s+(?:the\s+)?(?:event|case)\s+of|"
    # what the troops train to do with it: "plan a joint operation to localize an armed conflict", "repel an attack"
    r"(?:locali[sz]\w*|repel\w*|repuls\w*|resolv\w*|settl\w*|simulat\w*|suppress\w*|fend\w*\s+off)|"
    r"(?:imaginary|mock|simulated|hypothetical|notional|conditional|potential|possible))\s+(?:an?\s+|any\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:war|conflicts?|attacks?|aggression|invasion|hostilities|offensive)\b|"
    # the drill's adversary, in the CSTO's words for it: "eliminating illegal armed groups invading a CSTO member
    # state", "illegal armed formations that have invaded the territory of a friendly state", "notional terrorists
    # attacking a column" (not real militants: "militants attacked a border post" stays a conflict)
    r"\b(?:illegal\s+armed\s+(?:groups?|formations?|gangs?)|(?:mock|notional|conditional)\s+(?:[\w-]+\s+)?"
    r"(?:enemy|militants|terrorists|adversary))\s+(?:that\s+|which\s+|who\s+)?"
    r"(?:have\s+|had\s+)?(?:invad\w+|infiltrat\w+|attack\w*|intervene\w*|penetrat\w+)",
    re.I,
)
#: "war-torn Ukraine", "war-ravaged Syria": an epithet of a place named beside the drills, not a war in the sentence.
CONFLICT = re.compile(
    r"\b(?:war(?![\s-]?games?\b|-(?:torn|ravaged|stricken|scarred|hit)\b)|invasion|invade[sd]?|invading|offensive|mutiny|fighting|killed|shelling|"
    r"bombing|air\s*strikes?|conflicts?|occupied|occupation|separatists?|campaign)\b|"
    # the war by Moscow's word for it (thirteenth pass): "before Russia's military operation in Ukraine", "the special
    # military operation"; not an exercise's own "joint military operation" rehearsed on a range
    r"\b(?:special\s+(?:military\s+)?operation|(?:Russia|Moscow|the\s+Kremlin)['’]s\s+(?:[\w-]+\s+)?military\s+operation"
    r"|military\s+operation\s+(?:in|against)\s+Ukraine)\b|"
    # "attack", but not the weapon in "ground-attack aircraft" or "attack helicopters"
    r"(?<![\w-])attack(?:s|ed|ing)?\b(?!\s+(?:aircraft|helicopters?|jets?|planes?|drones?|submarines?|aviation))",
    re.I,
)
EVENT_CUE = re.compile(
    r"\b(?:"
    + _FORCES_DRILLED
    + r"|hold|holds|held|holding|staging|conduct\w*|launch\w*|open(?:s|ed)?|begin|began|begins|begun|start\w*|"
    r"kick\w*\s+off|take\s+place|takes\s+place|took\s+place|taking\s+place|scheduled|planned|plans?|announc\w+|stage[sd]?|host\w*|set\s+to|"
    r"will\s+be|to\s+be|include[sd]?|involv\w+|take\s+part|took\s+part|taking\s+part|participat\w+|deploy\w*|"
    r"run|runs|running|(?:put|placed|raised|brought)\s+on\s+(?:full\s+)?(?:training|combat)\s+alert|"
    # "Lukashenka ordered snap drills near Brest": an order to drill, not "ordered troops to the border"
    r"order(?:s|ed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|inspections?|checks?)\b|"
    r"lasts?\s+(?:until|till|through|for)|continu\w+|under\s*way|commenc\w+|practi[sc]\w+|wrap\w*\s+up|ended|"
    # "A, B and C have completed joint drills on the X range" (twentieth pass): drills held, as "concluded"
    r"complet(?:e|es|ed|ing)|finish(?:es|ed|ing)?|"
    r"conclud\w+|arrived\s+(?:at|in)\s+(?:[\w-]+\s+){0,4}?(?:training\s+ground|range|polygon)s?|"
    # Forces acting in drills say the drills are held: "paratroopers parachuted into X as part of joint drills",
    # "Russia has sent paratroopers to Belarus for joint drills".
    # "… landed in X during massive military aviation drills" (fourteenth pass) too.
    r"(?:as\s+(?:a\s+)?part\s+of|during)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?(?:exercises?|drills?|war[\s-]?games|"
    r"maneuvers?|manoeuvres?|inspections?)|"
    # "… flew to Belarus for drills", "units arrived in X for the exercise": forces on the move for drills
    r"(?:sen[dt]s?|fl[eo]wn?|fl(?:y|ies)|arriv\w+|came|travel\w+|head(?:s|ed)|dispatch\w*|redeploy\w*)\s+"
    r"(?:[\w-]+\s+){0,6}?for\s+(?:the\s+|an?\s+)?(?:(?!talks|meetings?|consultations|discussions|negotiations)[\w-]+\s+){0,3}?"
    r"(?:exercises?|drills?|war[\s-]?games)|"
    # "Russian paratroopers arrive in Belarus for military exercises"
    r"arriv(?:e|es|ed|ing)\s+(?:in|at|to)\s+(?:[\w’'-]+\s+){1,6}?for\s+(?:the\s+|an?\s+)?"
    r"(?:(?!talks|meetings?|consultations|discussions|negotiations)[\w-]+\s+){0,3}?"
    r"(?:exercises?|drills?|war[\s-]?games|maneuvers?|manoeuvres?)|"
    # "the minister oversaw combat readiness exercises at a training facility": exercises being held
    r"overs(?:aw|ees?|eeing)|supervis(?:ed|es|ing)|"
    # "the military said in a statement previewing the military exercise": announcing it
    r"preview(?:s|ed|ing)?|"
    # "the exercise this week linked NATO allies Poland, Romania …": joining forces (nineteenth pass)
     + LINKED_VERB + r"\s+(?:(?:NATO|CSTO|SCO|EU)\s+)?"
    r"(?:allies|partners|troops|forces|militaries|soldiers|units|servicemen|contingents|(?-i:[A-Z])))\b",
    re.I,
)
MILITARY_CONTEXT = re.compile(
    r"\b(?:military|militaries|troops|soldiers|armed\s+forces|army|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|CSTO|"
    r"NATO|drills|maneuvers?|manoeuvres?|defen[cs]e\s+minister|servicemen|paratroopers|marines|reservists|air\s+force|"
    r"navy|fleet|"
    # "Lithuanian border guards held a drill at the Medininkai checkpoint" (tenth pass)
    r"border\s+guards?|"
    r"strategic\s+exercises?|command(?:-|\s+and\s+)staff|regional\s+grouping|grouping\s+of\s+forces|"
    r"staff\s+training)\b",
    re.I,
)
DEMONSTRATIVE = re.compile(
    r"\b(?:these|this|those|such|said)\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|maneuvers?|manoeuvres?|"
    r"war\s+games|activities|soldiers|troops|grouping)\b",
    re.I,
)
#: A worry the drills go ahead despite or amid ("despite concerns in western countries that …", "amid growing fears
#: of a war"): the concessive clause that opens with it is the background of the drills, not their facts.
_CONCESSIVE = (
    r"(?:despite|in\s+spite\s+of|amid)\s+(?:(?:the|growing|rising|deep|serious|widespread|western|international)\s+)*"
    r"(?:concerns?|fears?|tensions?|worries|alarm|anxiety|warnings?|criticism|protests?)\b"
)
#: A charge against a party, in a clause of its own ("which accuses Moscow of …", "who accused Minsk of …").
_ACCUSATION = r"(?:(?:which|who)\s+(?:(?:has|have|had)\s+)?(?:repeatedly\s+|long\s+)?accuse[sd]?|accusing)\s"
CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+(?:but|while|whereas|although|though|even\s+as)\s+|\s+(?:while|whereas)\s+|\s+as\s+(?=(?:NATO|[A-Z]\w+)\s)"
    r"|,\s+(?=(?:just\s+|only\s+)?(?:(?:days|weeks|months|hours|a\s+(?:day|week|month))\s+)?(?:after|before|following)\s)"
    r"|,\s+(?=(?:marking|amid)\s)"
    # "… were arranged before Russia's military operation in Ukraine": a war that dates the drills, without a comma
    # (thirteenth pass); the clause is background (BACKGROUND_CLAUSE), its place the war's
    r"|\s+(?=(?:before|after|following|amid)\s+(?:the\s+(?:start|outbreak|beginning)\s+of\s+)?(?:(?:Russia|Moscow|the\s+Kremlin)['’]s\s+)?"
    r"(?:(?:the|full-scale|special|large-scale)\s+)*(?:war|invasion|military\s+operation)\b)"
    # "The inspection began against the backdrop of … exercises in Russia": the backdrop is another event
    r"|,?\s+(?=against\s+the\s+(?:back\s*drop|background)\s+of\s)"
    # "… near its border with Poland, as tensions rise between …": the tension is background, not the drills
    r"|,?\s+(?=as\s+(?:tensions?|concerns?|fears?|alarm|worries|anxiety)\b)"
    # "… launched joint drills on Thursday despite concerns that Moscow plans an invasion", "… amid fears of a war":
    # the worry the drills are held against is background (nineteenth pass)
    r"|,?\s+(?=" + _CONCESSIVE + ")"
    # "…, which accuses Moscow of massing 100,000 troops around the borders of Ukraine": a charge one side makes,
    # not a fact of the drills (its places are no sites)
    r"|,\s+(?=" + _ACCUSATION + ")"
    r"|,[\"”’»]?\s+(?=" + _GLOSS + ")"
    r"|,\s+(?=" + _PLACE_DESCRIBED + ")"
)
#: A clause about another side's exercise of its own ("…, as NATO held its own drills in Poland"): not this one's.
OWN_OTHER_EXERCISE = re.compile(
    r"\b(?:its|their)\s+own\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games)\b", re.I
)
#: Forces moved to a border, as a reaction ("Poland deployed 10,000 troops to its eastern border as …"): a clause
#: that names no exercise and says this reports no exercise (README: "X moved units to its border" is no site).
BORDER_DEPLOYMENT = re.compile(
    r"\b(?:mov|deploy|redeploy|sen[dt]|dispatch|transferr?|reinforc|bolster|strengthen)\w*\b[^.;]{0,60}?"
    r"\b(?:to|along|on|at|near)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:borders?|frontiers?)\b",
    re.I,
)
#: A clause that dates the report by another event ("…, days after Belarus held snap drills near the border"):
#: background, not facts about the exercise.
BACKGROUND_CLAUSE = re.compile(
    r"^" + _CONCESSIVE + r"|^" + _ACCUSATION + r"|"
    r"^(?:(?:just\s+|only\s+)?(?:(?:days|weeks|months|hours|a\s+(?:day|week|month))\s+)?(?:after|before|following)|"
    r"marking|amid|against\s+the\s+(?:back\s*drop|background)\s+of|as\s+(?:tensions?|concerns?|fears?|alarm|worries|"
    r"anxiety))\s|^" + _GLOSS + "|^" + _PLACE_DESCRIBED,
    re.I,
)
#: A training range by its kind, not "a range of actions" ("the 230th combined arms range", "the training ground").
RANGE_NOUN = re.compile(
    r"\b(?:training\s+grounds?|proving\s+grounds?|(?:combined[\s-]arms|firing|practice|training)\s+ranges?|polygons?|"
    # "At a range near Osipovichi, …": a range by the town it lies near, not "a range of tasks"
    r"ranges?(?=\s+(?:near|outside|close\s+to)\s+(?-i:[A-Z])))\b",
    re.I,
)
#: Words that make a clause about who takes part or watches ("while observers from Uzbekistan …"); a country's
#: forces standing for it or playing the drill's enemy ("Latvia is represented by the ship X", "the Polish jets will
#: act as a simulated enemy", thirteenth pass).
PARTY_WORD = re.compile(
    r"\b(?:observ\w+|participat\w+|take\s+part|taking\s+part|took\s+part|represent(?:ed\s+by|ing)|"
    r"(?:act|serve|play)(?:s|ed|ing)?\s+as\s+(?:an?\s+|the\s+)?(?:(?:simulated|mock|notional|imaginary)\s+)?"
    r"(?:enemy|adversary|aggressor|opposing\s+forces?))\b",
    re.I,
)
OBSERVERS = re.compile(r"\bobservers?\b", re.I)
#: Where the exercise's activities take place ("Practical activities will take place at training grounds in …").
RANGE_VENUE = re.compile(
    # "… forces will conduct nearly simultaneous operations across more than 30 training areas"
    r"\b(?:take\s+place|takes\s+place|took\s+place|taking\s+place|be\s+held|are\s+held|were\s+held|be\s+conducted|"
    r"conduct(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:operations|training|activities))\s+"
    r"(?:[\w-]+\s+){0,3}?(?:at|on|in|across)\s+(?:[\w’'-]+,?\s+){0,8}?(?:training\s+grounds?|(?:firing|practice)\s+ranges?|"
    r"ranges|polygons?|training\s+areas?)\b|"
    # "The airfields of Baranovichi, Luninets and Lida are also involved."
    r"\b(?:airfields?|air\s*bases?|training\s+grounds?|ranges)\b[^.;]{0,80}?\b(?:is|are|were|was|will\s+be)\s+"
    r"(?:also\s+)?(?:involved|used)\b|"
    # "the Damanava, Asipovichski, and Obuz-Liasnouski training grounds worked with no days off"
    r"\b(?:training\s+grounds?|ranges|polygons?)\s+(?:worked|work|works|operated|were\s+active|are\s+active)\b|"
    # the exercise's own opening or closing ceremony, held where it is ("The opening ceremony took place in …")
    r"\b(?:opening|closing)\s+ceremony\b|"
    # one item of a list of ranges: "• Barysauski training ground (Barysau district) until 19.08;"
    r"^\s*[•·*–-]\s*[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:training\s+grounds?|ranges?|polygons?|airfields?)\b",
    re.I,
)
#: A wire dateline that names a range ("BORISOVSKY TRAINING GROUND /Belarus/, September 15. /TASS/."): filed from
#: the exercise itself, so it belongs to the event its paragraph opens.
DATELINE_RANGE = re.compile(
    r"^\s*[A-Z][A-Z’'-]+(?:\s[A-Z][A-Z’'-]+){0,2}\s+(?:TRAINING\s+GROUNDS?|RANGE|POLYGON|AIRFIELD)\b"
)
#: A mention of another, earlier exercise ("A similar exercise was held in 2022", "last year's drills").
OTHER_EXERCISE = re.compile(
    r"\b(?:similar|previous|prior|past|last\s+year['’]s|earlier|last\s+such)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games)\b",
    re.I,
)
#: A mention of a later exercise, in passing after the report's own ("next year's drills", "the next such exercise",
#: "joint exercises with Russia will be held next year", "drills planned for next year").
LATER_EXERCISE = re.compile(
    r"\b(?:next\s+year['’]s|next\s+such)\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|maneuvers?|manoeuvres?)\b|"
    r"\b(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games)\b[^.;]{0,60}?\b(?:(?:will|is\s+to|are\s+to)\s+be\s+"
    r"(?:held|conducted|staged)|planned|scheduled)\s+(?:for\s+)?next\s+year\b|"
    # the year put first (thirteenth pass): "Next year, the exercises will be held in Lithuania"
    r"^\s*(?:next\s+year|the\s+following\s+year)\s*,?\s+(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|maneuvers?|manoeuvres?)\b"
    r"[^.;]{0,40}?\b(?:will|is\s+to|are\s+to)\s+be\s+(?:held|conducted|staged|hosted)\b",
    re.I,
)
#: Exercises only said to be possible, none planned ("does not rule out holding exercises with X", "it is possible
#: to conduct such exercises in the future"): no event (sixteenth pass).
HYPOTHETICAL_EXERCISE = re.compile(
    r"\b(?:(?:do|does|did|would|will)\s+not|(?:do|does|did|would|wo|ca)n['’]t|cannot|not)\s+(?:be\s+)?rul(?:e|es|ed|ing)\s+"
    r"out\s+(?:the\s+possibility\s+of\s+)?(?:holding|conducting|staging|organi[sz]ing)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:exercises?|drills?|maneuvers?|manoeuvres?)\b|"
    r"\b(?:possible|could|might|may)\s+(?:to\s+|be\s+)?(?:conduct|hold|stage|held|conducted|staged)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:exercises?|drills?|maneuvers?|manoeuvres?)\b[^.;]{0,30}?\bin\s+the\s+future\b|"
    r"\b(?:exercises?|drills?|maneuvers?|manoeuvres?)\s+(?:could|might|may)\s+be\s+(?:held|conducted|staged)\s+"
    r"in\s+the\s+future\b",
    re.I,
)
#: Marks of a sentence dating what it reports in the past ("last September", "in 2021", "two years ago").
PAST_MARK = re.compile(
    r"\b(?:last\s+(?:year|spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)|ago|in\s+(?:19|20)\d\d)\b",
    re.I,
)


#: Words that put the exercise named next over the parts listed after it ("under the CSTO's Combat Brotherhood").
UNDER_FRAME = re.compile(r"\b(?:under|within|as\s+part\s+of|in\s+the\s+framework\s+of)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
#: Training that begins, as a sentence's subject ("Training on the coast of Kurzeme began Monday with 50 ships").
TRAINING_BEGAN = re.compile(
    r"\s*(?:The\s+)?Training\b[^.;]{0,80}?\b(?:began|begins|begun|started|starts|kicked\s+off|commenced|"
    r"(?:will|is\s+to)\s+(?:begin|start))\b|"
    # "The Russian Baltic Fleet began training with a landing at one of the ranges in Kaliningrad oblast"
    r"[^.;]{0,80}?\b(?:began|begins|begun|started|starts|commenced)\s+training\s+(?:with|at|on|in)\b"
)
#: A closing attribution ('…," the statement said.', "…, the ministry reported").
ATTRIBUTION = re.compile(
    r"[,\"”]+\s*(?:the\s+|a\s+)?[\w\s’'-]{0,40}?\b(?:said|says|stated|reported|announced|added|noted)\b[^,;]{0,40}$"
)
#: What a report's source did not say ("did not specify the timing of the exercises").
UNSAID = re.compile(
    r"\b(?:did\s+not|didn['’]t|declined\s+to)\s+(?:specify|say|disclose|reveal|give|name|comment)\b", re.I
)
#: A start reported in the past tense: the exercise is under way.
#: The formation of a force announced, not an exercise: "announced the beginning of formation of a regional grouping",
#: "said that the countries continued building up the regional grouping".
FORMATION_ANNOUNCED = re.compile(
    r"\b(?:announced|declared|said)\b[^.;]{0,60}?\b(?:formation|creation|forming|building\s+up|build-?up)\s+"
    r"(?:of\s+)?(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:grouping|group|force|forces|contingent)s?\b",
    re.I,
)
#: The verbs by which a country or an institution runs an exercise: "Belarus and Russia opened joint military
#: exercises", "the ministry launched a snap inspection", "NATO allies wrapped up Trident Juncture".
RUN_VERB = (
    r"(?i:announce[sd]?|hold|holds|held|holding|conduct\w*|launch\w*|start\w*|begin|began|begun|stage[sd]?|host\w*|"
    r"kick\w*\s+off|plan\w*|open(?:s|ed|ing)?|commenc\w*|carr(?:y|ies|ied|ying)\s+out|complet\w*|conclud\w*|"
    r"wrap\w*\s+up|resum\w*)"
)
#: "On January 31, the ministry announced the start of the staff training" is news of a start too.
JUST_BEGUN = re.compile(
    r"\b(?:began|begun|started|kicked\s+off|launched|opened|commenced|announced\s+the\s+(?:start|beginning|launch)\s+of)\b",
    re.I,
)
#: A sentence that turns to another matter ("Separately, …", "In a separate statement, …").
SEPARATELY = re.compile(
    r"\s*(?:Separately|Elsewhere|In\s+a\s+separate\s+\w+|As\s+a\s+reminder|Recall\s+that)\b|"
    # "Earlier, joint exercises involving A, B and C began", "Last week, the ministry said it started military
    # exercises near …": a bare plural, not "Earlier, the ministry said the drills …"
    r"\s*(?:Earlier|Previously|Last\s+(?:week|month)|Earlier\s+this\s+(?:week|month))\s*,\s+"
    r"(?:[^.;]{0,80}?\b(?:started|began|launched|held|conducted|staged)\s+)?"
    r"(?:(?!(?:the|this|these|those|its|their|a|an)\s)[a-z][\w-]*\s+){0,3}(?:exercises|drills|maneuvers|manoeuvres|war\s*games)\b"
)
#: An exercise reported as already under way ("Joint exercises … have begun in the city of Vitebsk").
HAS_BEGUN = re.compile(
    r"\b(?:has|have|had)\s+(?:already\s+)?(?:begun|started|opened|kicked\s+off|got\s+under\s*way)\b", re.I
)
#: A sentence whose subject is the exercise just mentioned, as a pronoun, saying when or where it is held ("They
#: will be held until Friday, October 10, across the country", "It will last until …", "They are taking place in …").
PRONOUN_HELD = re.compile(
    # "It has been scheduled for February", "They are planned for May": the exercise's dates; "Their training will
    # take place in Gomel region" (a possessive and one or two nouns: the drills' own activity, twelfth pass)
    r"\s*(?:They|It|(?:Their|Its)\s+[a-z-]+(?:\s+[a-z-]+)?)\s+(?:will|would|are\s+to|is\s+to|are|is|were|was|has|have)\s+(?:also\s+)?(?:be\s+|been\s+)?"
    # "They are taking place in the Voronezh, … and Moscow regions", "It is being held near Pskov" (sixteenth pass)
    r"(?:held|conducted|carried\s+out|staged|take\s+place|last|run|continue|end|scheduled|planned|slated|"
    r"taking\s+place|being\s+(?:held|conducted|carried\s+out|staged))\b|"
    # "It began on September 15 and will end tomorrow": the verb alone, after the sentence naming it (nineteenth pass)
    r"\s*(?:They|It)\s+(?:began|begins|started|starts|opened|kicked\s+off|commenced|ended|ends|concluded|lasted|"
    r"lasts|ran|runs|continued|continues|took\s+place|takes\s+place|got\s+under\s*way)\b"
)
#: The exercise's forces speaking of where they trained, in the first person: "we have been able to operate in A, B and
#: C counties", "our units trained near X" (a quoted commander continuing the drills in focus; sixteenth pass).
WE_OPERATED = re.compile(
    r"\b(?:[Ww]e|[Oo]ur\s+(?:units|troops|soldiers|forces|battalions?|brigades?))\s+(?:have\s+|had\s+|will\s+|were\s+|are\s+)?"
    r"(?:also\s+)?(?:been\s+)?(?:able\s+to\s+)?(?:operated?|operating|train(?:ed|ing)?|exercised?|exercising|"
    r"manoeuvred?|maneuvered?)\s+(?:in|on|across|at|near)\s"
)
#: The exercise a sentence's drills get ready for: "in preparation for X" anywhere; "Ahead of X," and "In the run-up
#: to X," only opening the sentence (in "Troops arrived in Belarus ahead of Zapad", the arrival is Zapad's own).
PREPARATION_CUE = r"(?:in\s+preparation\s+(?:of|for)|^\s*(?:ahead\s+of|in\s+the\s+run-up\s+to))"
#: What an exercise prepares for or answers is another one: "The exercise came in preparation of the annual Spring Storm
#: event", "In response to NATO's Anakonda exercise, Belarus launched drills" (tenth pass), "a response to X", "in light
#: of NATO's exercises" (named just before the name: ``grouping``, ``names``).
PREPARED_FOR = re.compile(
    r"(?:\b|^)(?:" + PREPARATION_CUE + "|" + RESPONSE_CUE + r")\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}$", re.I
)
#: Words that say an all-capitals name is an exercise: "DEFENDER 24 is the largest U.S. Army exercise in Europe"
#: (seventeenth pass), as "the ZUBR-23 drills" says it beside the exercise word.
#: The words between are modifiers only: "BMP 2 is the vehicle the brigade used in the exercise" names no exercise.
IS_AN_EXERCISE = (
    r"(?:is|was)\s+(?:the|an?)\s+"
    r"(?:(?!(?:in|of|at|on|for|to|by|with|from|that|which|who|used|uses|during|before|after|the|an?)\b)[\w.-]+\s+){0,5}?"
)
