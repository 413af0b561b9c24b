"""``python -m geo ingest``: the JSON it prints, bad input, and ``--save`` (all or nothing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core import settings
from geo.core.errors import IngestError
from geo.store import open_store

SEED_002 = settings.SEEDS_DIR / "002_67814a5019076fc5.txt"
SEED_004 = settings.SEEDS_DIR / "004_4854c44f890eb387.txt"
EVENT_KEYS = {
    "name", "name_normalized", "alliance", "start", "end", "date_precision", "year", "participants", "observers",
    "troops", "equipment", "locations", "evidence",
}  # fmt: skip
LOCATION_KEYS = {"text", "kind", "status", "country", "admin1", "lat", "lon", "precision_km"}


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own empty store."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)
    return tmp_path / "home"


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_json_shape(capsys):
    assert main(["ingest", str(SEED_002), "--published", "2020-09-17", "--json"]) == 0
    (record,) = _json_lines(capsys.readouterr().out)
    assert record["file"] == str(SEED_002)
    assert record["published"] == "2020-09-17"
    unbreakable, slavic = record["events"]
    for event in (unbreakable, slavic):
        assert set(event) >= EVENT_KEYS
        for location in event["locations"]:
            assert set(location) >= LOCATION_KEYS
    assert (unbreakable["start"], unbreakable["end"], unbreakable["date_precision"]) == (
        "2020-10-12",
        "2020-10-16",
        "day",
    )
    assert slavic["name_normalized"] == "Slavic Brotherhood-2020"
    assert slavic["locations"][0]["admin1"] == "Brest, Grodno"
    assert all(isinstance(v, str) for v in slavic["evidence"].values())


def test_a_module_run_prints_one_json_object_per_file():
    result = subprocess.run(
        [sys.executable, "-m", "geo", "ingest", str(SEED_004), "--published", "2021-11-29", "--json"],
        capture_output=True,
        text=True,
        cwd=settings.ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (record,) = _json_lines(result.stdout)
    (event,) = record["events"]
    assert (event["date_precision"], event["announced"]) == ("announced", "2021-11-29")


def test_bad_files_get_one_message_each_and_exit_2(tmp_path, capsys):
    files = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02drills",
        "latin1.txt": "Man\u0153uvres pr\u00e8s de Brest".encode("cp1252"),
        "russian.txt": "Совместные учения России и Беларуси пройдут в сентябре.".encode(),
        "huge.txt": b"a" * (settings.MAX_ARTICLE_BYTES + 1),
        "nothing.txt": b"The weather in Minsk was mild today.",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / n) for n in files] + [str(tmp_path / "missing.txt")]
    assert main(["ingest", *paths, "--json"]) == 2
    captured = capsys.readouterr()
    records = {Path(r["file"]).name: r for r in _json_lines(captured.out)}
    assert "empty" in records["empty.txt"]["error"]
    assert "binary" in records["binary.txt"]["error"]
    assert "not UTF-8" in records["latin1.txt"]["error"]
    assert "Cyrillic" in records["russian.txt"]["error"]
    assert "limit" in records["huge.txt"]["error"]
    assert "cannot read" in records["missing.txt"]["error"]
    assert records["nothing.txt"]["events"] == []
    assert any("no exercise found" in w for w in records["nothing.txt"]["warnings"])
    errors = [line for line in captured.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 6
    assert "Traceback" not in captured.err


def test_html_with_scripts_is_read_as_its_visible_text(tmp_path, capsys):
    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><script>document.write('Zapad-2099 drills')</script></head><body>"
        "<p>Belarus and Russia will hold joint military exercises in the Brest region next month.</p>"
        "<script>var x = 'Iron Wolf 2099 exercises';</script></body></html>",
        encoding="utf-8",
    )
    assert main(["ingest", str(page), "--published", "2024-03-03", "--json"]) == 0
    (record,) = _json_lines(capsys.readouterr().out)
    (event,) = record["events"]
    assert event["name"] is None  # the names inside <script> were never read
    assert (event["start"], event["alliance"]) == ("2024-04", "Russia-Belarus")
    assert event["locations"][0]["admin1"] == "Brest"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--save"], "--save needs --reviewer"),
        (["--published", "17/09/2020"], "not a date"),
        (["--source-url", "ftp://x"], "neither an http"),
    ],
)
def test_bad_options(args, message, capsys):
    assert main(["ingest", str(SEED_002), *args]) == 2
    assert message in capsys.readouterr().err


def test_one_source_url_names_one_article(capsys):
    code = main(["ingest", str(SEED_002), str(SEED_004), "--source-url", "https://example.org/a"])
    assert code == 2
    assert "one FILE" in capsys.readouterr().err


def test_save_stores_accepted_output_with_who_and_source(capsys):
    args = ["ingest", str(SEED_002), "--published", "2020-09-17", "--save", "--reviewer", "Alice"]
    assert main(args) == 0
    err = capsys.readouterr().err
    store = open_store()
    entries = [e for e in store.history() if e.who == "Alice"]
    assert {e.exercise_id for e in entries} == {"unbreakable-brotherhood-2020", "slavic-brotherhood-2020"}
    assert {e.source for e in entries} == {f"seed:{SEED_002.name}"}
    assert {e.action for e in entries} <= {"update", "confirm"}
    for e in entries:  # the saved line says what became of each exercise, as the audit does
        assert f"{'updated' if e.action == 'update' else 'confirmed'} {e.exercise_id}" in err


def test_save_of_a_new_exercise_needs_a_source_url(tmp_path, capsys):
    article = tmp_path / "report.txt"
    article.write_text("Belarus held snap military exercises in the Brest region on May 2, 2024.", encoding="utf-8")
    assert main(["ingest", str(article), "--save", "--reviewer", "Bob"]) == 2
    assert "--source-url" in capsys.readouterr().err
    revision = open_store().revision()
    url = "https://example.org/snap"
    assert main(["ingest", str(article), "--save", "--reviewer", "Bob", "--source-url", url]) == 0
    store = open_store()
    assert store.revision() == revision + 1
    (created,) = store.exercises(origin="analyst")
    assert (created.alliance, created.start, created.participants) == ("national", "2024-05-02", ["BLR"])
    assert created.citations["e1"].source == url


def test_nothing_is_saved_when_one_file_is_bad(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00")
    revision = open_store().revision()
    assert main(["ingest", str(SEED_002), str(bad), "--published", "2020-09-17", "--save", "--reviewer", "C"]) == 2
    assert "nothing was saved" in capsys.readouterr().err
    assert open_store().revision() == revision


def test_nothing_is_saved_when_one_event_cannot_be_a_record(capsys):
    revision = open_store().revision()
    # Without a publication date, "Unbreakable Brotherhood" has no usable date: the whole save is refused.
    assert main(["ingest", str(SEED_002), "--save", "--reviewer", "D"]) == 2
    assert "no usable date" in capsys.readouterr().err
    assert open_store().revision() == revision


def test_human_output_names_the_events(capsys):
    assert main(["ingest", str(SEED_002), "--published", "2020-09-17"]) == 0
    out = capsys.readouterr().out
    assert "Unbreakable Brotherhood = unbreakable-brotherhood-2020: CSTO, 2020-10-12 – 2020-10-16 (day)" in out
    assert "Slavic Brotherhood-2020 = slavic-brotherhood-2020" in out


def _ingest_in_child(path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m geo ingest PATH`` in a child with a time limit (a read that blocks fails the test)."""
    argv = [sys.executable, "-m", "geo", "ingest", str(path)]
    return subprocess.run(argv, cwd=settings.ROOT, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "directory"])
def test_a_non_regular_file_is_refused_with_one_error_line(kind, tmp_path):
    path = Path(kind)
    if kind == "fifo":
        path = tmp_path / "article.txt"
        os.mkfifo(path)  # no writer: opening it for reading would wait for ever
    elif kind == "directory":
        path = tmp_path / "folder.txt"
        path.mkdir()
    done = _ingest_in_child(path)
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith("error: ") and "not a regular file" in errors[0], errors
    assert "Traceback" not in done.stderr


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from geo.extract import ingest

    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5_000)
    read: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(IngestError, match="over the 1,000-byte limit"):
        ingest.read_file(path, max_bytes=1_000)
    assert read == []
    path.write_bytes(b"Belarus held exercises near Brest. " * 10)
    assert ingest.read_file(path, max_bytes=1_000).startswith("Belarus held")
    assert sum(read) <= 1_001
