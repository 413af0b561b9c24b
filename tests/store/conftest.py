"""Fixtures shared by the store tests: a small seed catalog copied from data/catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geo.core import settings

#: A small seed catalog copied from data/catalog (zapad-2025 is related to interaction-2025).
SEED_FILES = ("combat-brotherhood-2023.yaml", "interaction-2025.yaml", "zapad-2025.yaml")


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    folder.mkdir()
    for name in SEED_FILES:
        shutil.copy(settings.CATALOG_DIR / name, folder / name)
    return folder
