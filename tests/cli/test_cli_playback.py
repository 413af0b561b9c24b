"""``python -m geo catalog --active-on DATE`` and ``python -m geo playback``: the Playback page's rule as text."""

from __future__ import annotations

import csv
import io

import pytest

from geo.cli.main import main


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)


def test_active_on_lists_zapad_2021_and_the_ongoing_battle_groups(capsys):
    assert main(["catalog", "--active-on", "2021-09-14"]) == 0
    out = capsys.readouterr().out
    sites = {line.split()[0] for line in out.splitlines()[1:] if line.strip() and ":" not in line}
    assert sites == {"zapad-2021", "nato-efp-battlegroups"}
    assert "14 Sep 2021: 2 active" in out
    assert "active: zapad-2021 (Russia-Belarus) 2021-09-10 – 2021-09-16 — dates known to the day" in out
    assert "active: nato-efp-battlegroups" in out and "no end reported" in out


def test_active_on_a_day_after_the_end_drops_the_exercise(capsys):
    assert main(["catalog", "--active-on", "2021-09-17", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    ids = {row["exercise_id"] for row in csv.DictReader(io.StringIO(captured.out)) if row.get("exercise_id")}
    assert "zapad-2021" not in ids
    assert "nato-efp-battlegroups" in ids
    assert "17 Sep 2021: 1 active" in captured.err  # the list goes beside CSV, not into it


def test_announced_only_is_listed_as_announced_and_has_no_site(capsys):
    assert main(["catalog", "--active-on", "2021-11", "--step", "month", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    ids = {row["exercise_id"] for row in csv.DictReader(io.StringIO(captured.out)) if row.get("exercise_id")}
    assert "belarus-russia-southern-border-drills-2021" not in ids
    assert "announced: belarus-russia-southern-border-drills-2021" in captured.err


def test_a_month_precision_exercise_is_marked_in_a_week_step(capsys):
    assert main(["catalog", "--active-on", "2025-05-14", "--step", "week", "--alliance", "NATO"]) == 0
    out = capsys.readouterr().out
    assert "week of 12–18 May 2025" in out
    marked = "dates known only to the month (May 2025): shown for all of it"
    assert f"active: iron-wolf-2025 (NATO) 2025-05 — {marked}" in out


@pytest.mark.parametrize("value", ["2021-13-01", "yesterday", "2021-02-30"])
def test_a_bad_date_is_one_error_line(value, capsys):
    assert main(["catalog", "--active-on", value]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --active-on") and err.count("\n") == 1


def test_playback_lists_every_week_and_what_was_active(capsys):
    argv = ["playback", "--from", "2021-09-06", "--to", "2021-09-26", "--step", "week", "--alliance", "Russia-Belarus"]
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "week of 6–12 Sep 2021: 1 active",
        "  active: zapad-2021 (Russia-Belarus) 2021-09-10 – 2021-09-16 — dates known to the day",
        "week of 13–19 Sep 2021: 1 active",
        "  active: zapad-2021 (Russia-Belarus) 2021-09-10 – 2021-09-16 — dates known to the day",
        "week of 20–26 Sep 2021: 0 active (nothing)",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2021-10", "--to", "2021-09"], "is before --from"),
        (["--from", "2016", "--to", "2025", "--step", "day"], "at most 1000"),
        (["--from", "2021-9-1", "--to", "2021-10"], "--from '2021-9-1' is not a date"),
    ],
)
def test_playback_bad_ranges_are_one_error_line(argv, message, capsys):
    assert main(["playback", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
