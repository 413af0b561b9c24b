"""Names written in another romanisation are the family the lexicon knows; short or distant names are not."""

from __future__ import annotations

import pytest

from geo.extract.names import NameLexicon


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return NameLexicon.from_catalog([])


@pytest.mark.parametrize(
    ("written", "family"),
    [
        ("Slavianskoe Bratstvo", "Slavic Brotherhood"),
        ("Nerushimoe Bratstvo", "Unbreakable Brotherhood"),
        ("Boevoe Bratstvo", "Combat Brotherhood"),
        ("Gelezinis Vilkas", "Iron Wolf"),
        ("Shchyt Soyuza", "Union Shield"),
        ("Shchyt Sayuza", "Union Shield"),  # Belarusian akanye: by skeleton (precision probes, ninth session)
        ("Niarushymae Bratstva", "Unbreakable Brotherhood"),
    ],
)
def test_other_romanisations_map_to_the_family(lexicon: NameLexicon, written: str, family: str) -> None:
    assert lexicon.canonical(written) == family


@pytest.mark.parametrize("written", ["Baryera", "Searches", "Northern Shield", "Baltic Storm"])
def test_short_or_distant_names_stay_as_written(lexicon: NameLexicon, written: str) -> None:
    assert lexicon.canonical(written) == written
