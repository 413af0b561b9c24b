"""The committed reference data is exactly what the build script makes from ../shared/data."""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest

from geo.core import settings
from geo.reference import build as build_reference

SHARED = settings.SHARED_DATA_DIR


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    if not (SHARED / "README.md").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must have ../shared beside the clone; {SHARED} is missing")
        pytest.skip(f"{SHARED} not present on this machine")
    out = tmp_path_factory.mktemp("data")
    return out, build_reference.build(SHARED, out)


def test_rebuild_reproduces_every_committed_file(rebuilt: tuple[Path, list[Path]]) -> None:
    out, written = rebuilt
    assert len(written) >= 13
    for path in written:
        rel = path.relative_to(out)
        committed = settings.DATA_DIR / rel
        assert committed.exists(), f"{rel} is built but not committed"
        assert filecmp.cmp(path, committed, shallow=False), f"{rel} differs from a fresh build: run `make reference`"


def test_missing_shared_folder_is_a_clear_error(tmp_path: Path) -> None:
    assert build_reference.main(["--shared", str(tmp_path / "nowhere"), "--out", str(tmp_path)]) == 2
