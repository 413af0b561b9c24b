"""Floors on the dev part of the real development set (``tests/extract/realdev``).

The floors are what extraction reaches today, rounded down; a change that generalises worse fails here.
The test part is reported by ``bench/extraction.py`` and never asserted, so that no rule is tuned to it.
"""

from __future__ import annotations

import pytest

from geo.catalog.load import load_exercises
from geo.extract import Extractor
from tests.support.extraction_score import MEASURES, REALDEV, SEALED, Tally, load_articles, run

#: measure -> lowest acceptable value on dev (see :func:`tests.support.extraction_score.Tally.ratio`), measured
#: on the 200 dev articles (34 of the first pass, 18 added for the failure classes of issue 14, the 10 first
#: test articles, moved to dev after they failed, 22 of the fourth passes: 063-069 for events, 071-078 for
#: dates, 079-085 for sites, 16 of the fifth passes: 086-091 for sites, 130-139 for events and dates, 20 of
#: the sixth passes: 140-149 for sites, 150-159 for events, 20 of the two seventh passes: 160-169, Belarus/
#: CSTO/Union State side, 170-179, NATO side and Russia's west, 10 of the eighth pass: 180-189, mixed, 20
#: of the two ninth passes: 190-199, the Baltic and Russia's west, 200-209, official and exile sources, 20
#: of the two tenth passes: 210-219, the CSTO, the SCO and Central Asia, 220-229, NATO's eastern flank and the
#: Belarus border from both sides, and 10 of the eleventh pass: 230-239, analysis and background pieces naming
#: several exercises), after the eleventh pass's rules and the precision probes of the ninth session (README
#: "Eleventh pass", "Precision probes": recall 263/274, precision 299/303, alliance 262/263, participants 0.985 /
#: 0.973, start 163/168, sites 386/443), rounded down. Precision (0.97 before), start (0.96) and sites (0.86) rose
#: with those rules; the 190 earlier articles keep or improve every count. Each new blind batch pulls some measure
#: down before rules are fixed for its classes (README). The twelfth pass (240-249, sites, README "Twelfth
#: pass") adds 10 blind dev articles: on the 210, after its rules, recall 272/285, precision 308/313, alliance
#: 271/272, participants 651/661 / 651/669, start 167/174, sites 396/464; the 200 earlier keep every count above.
#: Start (0.9598) and sites (0.853) fall below main's floors (0.97, 0.87) only because of the new articles (their
#: start 4/6, sites 10/21), so those two floors are lowered to 0.95 and 0.85. The two thirteenth passes (250-259, a
#: representative draw; 260-269, official releases and older years; README "Thirteenth pass") and the fourteenth
#: pass (270-279, a representative draw weighted to place-rich reports, README "Fourteenth pass") add 30 blind dev
#: articles: on the 240, after their rules, recall 300/315, precision 336/343 (0.980), alliance 0.997, participants
#: 0.987 / 0.974, start 185/196 (0.944), sites 443/518 (0.855); the 210 earlier keep every count. Precision and start
#: fall below 0.98 and 0.95 only because of the fourteenth pass's articles (their precision 8/10, start 3/6), so
#: those two floors are 0.97 and 0.94. The fifteenth pass (280-289, regional outlets rewriting wire copy, README
#: "Fifteenth pass") adds 10 blind dev articles: on the 250, after its rules, recall 312/329 (0.948), precision
#: 348/355, alliance 311/312, participants 790/802 / 790/813, start 191/202, sites 457/534; the 240 earlier keep every
#: count (participants predicted 791 -> 788, common unchanged). Recall falls below 0.95 only because of the new
#: articles (their 12/14; the 240 earlier still give 300/315, 0.952), so that floor is 0.94. The date probes of the
#: tenth session (README "Date probes, tenth session") raise start to 193/202 (0.955) with every other count kept,
#: so the start floor is 0.95 again. In the eleventh session test articles 116 and 119, exposed, moved to dev (README
#: "Test split repair, eleventh session"): on the 252 with them, blind, recall 313/332, precision 351/358, alliance
#: 312/313, participants 791/803 / 791/814, start 194/203, sites 458/539 (0.8497, below 0.85 only because of their
#: 1/5); after the rules for their classes (README "Test split repair, eleventh session") recall 315/332 (0.949),
#: precision 352/359 (0.9805), alliance 314/315, participants 795/807 / 795/818 (0.985 / 0.972), start 195/204 (0.956),
#: sites 462/539 (0.857), every count of the 250 earlier kept; rounded down, precision's floor is 0.98.
#: The sixteenth pass (292-301, Belarusian exile and independent media, README
#: "Sixteenth pass") adds 10 blind dev articles: on the 260, after its rules, recall 324/341 (0.950), precision
#: 362/370, alliance 323/324, participants 802/814 / 802/829 (0.967), start 199/208, sites 470/548; the 250 earlier
#: keep every count. Recall is back above 0.95, so that floor is 0.95 again; participants precision falls below
#: 0.97 only because of the new articles (their 12/16: a host counted in the named parts of an umbrella whose gold
#: leaves them unlisted, and in a Russian units' drill; the 250 earlier still give 790/813, 0.972), so that floor is
#: 0.96.
#: The other sixteenth pass (302-311, Russia's Western and Central districts and the
#: Baltic side, README "Sixteenth pass") adds 10 blind dev articles: on the 260, after its rules, recall 321/339
#: (0.947), precision 357/365 (0.978), alliance 319/321, participants 802/814 / 802/826 (0.985 / 0.971), start 199/208
#: (0.957), sites 475/556 (0.854); the 250 earlier keep every count, and every floor stands.
#: Merged (README "The split", eleventh session): 291 moved to dev, and 102 (the same page as dev 067), 220 and 263
#: (dev duplicates of 137 and 252) left the set. On the 271 dev articles recall 335/354 (0.946), precision 374/383
#: (0.977), alliance 333/335, participants 810/822 / 810/838 (0.985 / 0.967), start 205/215 (0.954), sites 500/574
#: (0.871): rounded down, recall 0.94, precision 0.97, participants precision 0.96, sites 0.87.
#: The seventeenth pass (325-334, multinational and multi-exercise reports, README "Seventeenth pass") adds 10 blind
#: dev articles: on the 281, after its rules, recall 349/368 (0.948), precision 393/402 (0.978), alliance 347/349,
#: participants 891/904 / 891/921 (0.986 / 0.967), start 216/227 (0.952), sites 511/588 (0.869); the 271 earlier keep
#: every count (precision 374/383 -> 375/384). Sites falls below 0.87 only because of the new articles (their 11/14:
#: Spain outside the reference countries, a photo caption's town and a river "tests" are held on), so that floor is
#: 0.86.
#: The other seventeenth pass (315-324, a representative draw, README "Seventeenth pass") adds 10 blind dev articles:
#: on the 281, after its rules, recall 353/373 (0.946), precision 395/404 (0.978), alliance 351/353, participants
#: 840/854 / 840/868 (0.984 / 0.968), start 210/220 (0.955), sites 507/582 (0.871); the 271 earlier keep every count,
#: and every floor stands.
#: Merged with 118 and 312-314 (moved from the test part after they were seen) and the romanisation probes: on the
#: 295 dev articles recall 370/391 (0.946), precision 418/428 (0.977), alliance 367/370, participants 925/941 /
#: 925/956 (0.983 / 0.968), start 223/234 (0.953), sites 523/601 (0.870): rounded down, the sites floor is 0.87.
#: The two eighteenth passes (338-347, site-rich reports; 348-357, a representative draw; README "Eighteenth pass")
#: add 20 blind dev articles: on the 315, after their rules (merged), recall 393/415 (0.947), precision 445/456
#: (0.976), alliance 390/393 (0.992), participants 968/988 / 968/1002 (0.980 / 0.966), start 233/244 (0.955), sites
#: 560/644 (0.8696); the 295 earlier keep every count (sites 523 -> 524). Rounded down, participants recall and sites
#: fall to 0.97 and 0.86 only because of the new articles (348-357's planning conference's delegations the gold reads
#: as participants; the Suwalki Gap and a translation's "Vitebsk state").
#: Merged with wt-b338's later rules (a quoted new name written again bare, dev 340's site; a base abroad's forces,
#: dev 341's participant; the curated Spassk range): on the 315, participants 969/988 / 969/1002 (0.981 / 0.967) and
#: sites 561/644 (0.871), every other count as above; rounded down, participants recall and sites are 0.98 and 0.87
#: again.
#: The nineteenth pass (369-378, alliances and participants: multinational, CSTO, SCO and Belarus-China reports, README
#: "Nineteenth pass") adds 10 blind dev articles: on the 325, after its rules, recall 405/429 (0.944), precision
#: 458/470 (0.974), alliance 402/405 (0.993), participants 1008/1027 / 1008/1043 (0.981 / 0.966), start 242/253
#: (0.957), sites 573/657 (0.872); the 315 earlier keep every count, and every floor stands.
#: The nineteenth pass (359-368, a representative draw, README "Nineteenth pass") adds 10 blind dev articles: on the
#: 325, after its rules, recall 403/426 (0.946), precision 455/466 (0.976), alliance 398/403 (0.988), participants
#: 985/1006 / 985/1020 (0.979 / 0.966), start 240/252 (0.952), sites 574/661 (0.868); the 315 earlier keep every count
#: above (alliance 390/393, participants 969/988, sites 561/644). Rounded down, alliance, participants recall and sites
#: fall to 0.98, 0.97 and 0.86 only because of the new articles (their alliance 8/10, participants 16/18, sites 13/17:
#: Namejs with the Canadian-led battle group, a US deployment with Lithuania as host, a village the gazetteer lacks).
#: Merged, the two nineteenth passes: on the 335, recall 415/440 (0.943), precision 468/480 (0.975), alliance 410/415
#: (0.988), participants 1024/1045 / 1024/1061 (0.980 / 0.965), start 249/261 (0.954), sites 586/674 (0.869); the 325
#: of either branch keep every count they had there. Rounded down: alliance 0.98, participants recall 0.97, sites 0.86.
#: The twentieth pass (379-385, 387, 388, site phrases, README "Twentieth pass") adds 9 blind dev articles (blind:
#: recall 4/9, sites 6/16; 386 left the set as the page of a sealed test article): on the 344, after its rules, recall
#: 420/449 (0.935), precision 475/491 (0.967), alliance 412/420 (0.981), participants 1034/1056 / 1034/1073 (0.979 /
#: 0.964), start 252/264 (0.955), sites 593/690 (0.859); the 335 earlier keep every count. Rounded down, recall,
#: precision and sites fall to 0.93, 0.96 and 0.85 only because of the new articles (their recall 5/9, sites 7/16:
#: ranges the gazetteer lacks, a name the lexicon lacks). 111 moved from test to dev (README "Test split repair,
#: thirteenth session"): on the 345, recall 421/450 (0.936), precision 476/492 (0.967), alliance 413/421 (0.981),
#: participants 1035/1057 / 1035/1074 (0.979 / 0.964), start 253/265 (0.955), sites 595/692 (0.860): every floor stands.
#: The twenty-first pass (390-399, events and precision, README "Twenty-first pass") adds 10 blind dev articles (blind:
#: recall 8/10, precision 10/11, alliance 5/8): on the 355, after its rules, recall 431/460 (0.937), precision 487/503
#: (0.968), alliance 423/431 (0.981), participants 1049/1071 / 1049/1091 (0.979 / 0.962), start 258/270 (0.956), sites
#: 602/699 (0.861); the 345 earlier keep every count. Rounded down, sites rises to 0.86; the others stand.
#: The twenty-second pass (400-409, NATO's eastern flank, README "Twenty-second pass") adds 10 blind dev articles
#: (blind: recall 9/10, participants 24/28 / 24/29, sites 14/18): on the 355, after its rules, recall 431/460 (0.937),
#: precision 486/502 (0.968), alliance 424/431 (0.984), participants 1066/1087 / 1066/1109 (0.981 / 0.961), start
#: 260/272 (0.956), sites 613/710 (0.863) (measured on its branch, beside the twenty-first). Merged, the two passes:
#: on the 365, recall 441/470 (0.938), precision 497/513 (0.969), alliance 434/441 (0.984), participants 1081/1102 /
#: 1081/1126 (0.981 / 0.960; after 406's gold took its named host Romania, README "Twenty-second pass"), start
#: 265/277 (0.957), sites 620/717 (0.865); the 355 of the other branch keep every count (380 gains France and its
#: alliance). Rounded down: participants recall rises to 0.98; the others stand.
#: The twenty-third pass (410-419, sites of CSTO, SCO and Russian drills east of Belarus, README "Twenty-third pass")
#: adds 10 blind dev articles (blind: participants 22/35 / 22/25, sites 14/33): on the 375, after its rules, recall
#: 454/482 (0.942), precision 513/528 (0.972), alliance 446/454 (0.982), participants 1110/1138 / 1110/1158 (0.975 /
#: 0.959), start 271/284 (0.954), sites 641/750 (0.855) (measured on its branch, beside the pass of 420-429); the 365
#: earlier keep every count (383 gains its event). Rounded down, recall and precision rise to 0.94 and 0.97;
#: participants recall, participants precision and sites fall to 0.97, 0.95 and 0.85 only because of the new articles
#: (their participants 28/35 / 28/31, sites 20/33: regions ISO 3166-2 writes in Russian, ranges the gazetteer lacks).
#: The twenty-fourth pass (420-429, official releases and reports naming several exercises, README "Twenty-fourth
#: pass") adds 10 blind dev articles (blind, with 421's corrected gold: recall 13/17, participants 18/25 / 18/21,
#: sites 14/22): on the 375, after its rules, recall 455/487 (0.934), precision 513/531 (0.966), alliance 447/455
#: (0.982), participants 1100/1128 / 1100/1148 (0.975 / 0.958), start 271/283 (0.958), sites 635/739 (0.859); the
#: 365 earlier keep every count. Rounded down, participants fall to 0.97 / 0.95 and sites to 0.85 only because of the
#: new articles (their participants 19/26 / 19/22, sites 15/22: a plan of seven CSTO drills with hosts only, air
#: bases the drills fly from, an area "of Kaunas").
#: Merged, the two passes: on the 385, recall 468/499 (0.938), precision 529/546 (0.969), alliance 459/468 (0.981),
#: participants 1129/1164 / 1129/1180 (0.970 / 0.957), start 277/290 (0.955), sites 656/772 (0.850): each count is
#: the sum of the two branches' gains (neither pass's rules changed the other's articles). Rounded down, recall,
#: precision, participants recall and sites fall to 0.93, 0.96, 0.96 and 0.84 only because of the new articles.
FLOORS = {
    "recall": 0.93,
    "precision": 0.96,
    "alliance": 0.98,
    "participants_recall": 0.96,
    "participants_precision": 0.95,
    "start": 0.95,
    "sites": 0.84,
}


@pytest.fixture(scope="module")
def dev_tally() -> Tally:
    """The dev articles extracted and scored once for the module."""
    return run(load_articles(split="dev"), Extractor(load_exercises()))


#: The test part drawn on 2026-12-06 (README "Third pass"), less 116 and 119 (moved to dev after they were exposed)
#: and 102 (the same page as dev 067, removed); 290 and 291, drawn in their place, left too (README "Test split
#: repair, eleventh session"), and so did 312, 313 and 314, drawn in place of 102, 290 and 291, whose gold a helper
#: printed by mistake (README "Test split repair, second draw"). Since then the test part is sealed apart, in
#: ``realdev/sealed``. 335, 336 and 337 were drawn in place of 312-314 (README "Test split repair, third draw"), and
#: 118 moved to dev after the end of its gold showed in that draw's diff: 19 test articles. 358 was drawn as the
#: twentieth, written straight into ``realdev/sealed`` (README "Test split repair, twelfth session"). 111 moved to
#: dev after a dev draw stored the same page (README "Test split repair, thirteenth session"), and 389 was drawn
#: as the twentieth, written straight into ``realdev/sealed`` (README "Test split repair, thirteenth session, the
#: draw").
#: An article leaves it only by moving to dev after it failed or was seen (README "The split"); then this list and
#: :data:`ARTICLES` change together.
TEST_IDS = [
    "100",
    "101",
    "103",
    "104",
    "105",
    "106",
    "107",
    "108",
    "109",
    "110",
    "112",
    "113",
    "114",
    "115",
    "117",
    "335",
    "336",
    "337",
    "358",
    "389",
]
ARTICLES = 405


def test_dev_set_is_large_enough_and_fixed() -> None:
    articles = load_articles()
    assert len(articles) == ARTICLES
    assert sum(a.split == "dev" for a in articles) == ARTICLES - len(TEST_IDS)
    assert [a.id for a in articles if a.split == "test"] == TEST_IDS
    # The first ten test articles failed and moved to dev, 116, 119, 291 and 312-314 after they were seen (README
    # "The split"); none may go back.
    moved = {"003", "014", "015", "023", "027", "035", "037", "041", "043", "044", "116", "118", "119", "291", "312"}
    assert moved | {"313", "314"} <= {a.id for a in articles if a.split == "dev"}
    # Each part's texts are in its own folder: the dev part's files never hold a sealed article.
    assert {p.stem for p in (REALDEV / "texts").glob("*.txt")} == {a.id for a in articles if a.split == "dev"}
    assert {p.stem for p in (REALDEV / SEALED / "texts").glob("*.txt")} == set(TEST_IDS)


def test_no_dev_article_crashes(dev_tally: Tally) -> None:
    assert dev_tally.crashes == 0, dev_tally.misses


@pytest.mark.parametrize("measure", MEASURES)
def test_dev_measure_stays_above_its_floor(dev_tally: Tally, measure: str) -> None:
    assert dev_tally.ratio(measure) >= FLOORS[measure], "\n".join(dev_tally.misses)


def test_every_page_is_in_the_set_once() -> None:
    # A page in both parts would tune the test part through its dev twin, and one twice in dev counts twice
    # (README "The split": 102 was dev 067's page).
    urls = [article.url.rstrip("/") for article in load_articles()]
    assert sorted({url for url in urls if urls.count(url) > 1}) == []
