"""Fixtures shared by the extraction tests: one extractor and one name lexicon over the catalog per session."""

from __future__ import annotations

import pytest

from geo.catalog.load import load_exercises
from geo.extract import Extractor
from geo.extract.names import NameLexicon


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The extractor ``python -m geo ingest`` builds over the catalog's exercises (read-only between calls)."""
    return Extractor(load_exercises())


@pytest.fixture(scope="session")
def lexicon() -> NameLexicon:
    """The exercise-name lexicon of the catalog (series, families, known names)."""
    return NameLexicon.from_catalog(load_exercises())
