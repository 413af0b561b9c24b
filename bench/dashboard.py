"""Dashboard benchmark: launch, new session, redraw and memory, in Debian's Chromium.

Everything talks to 127.0.0.1 only. Two servers are started the way the browser tests start theirs
(:func:`tests.support.streamlit_server.start_streamlit`: a free port, headless, a fresh ``DRILLMAP_HOME``,
ready when ``/_stcore/health`` answers): ``streamlit run app.py`` (Drillmap) and, as the baseline, a
separate process of the same kind serving ``bench/empty_map_app.py`` (an empty folium map through
``st_folium`` with the same offline setup). Playwright drives ``/usr/bin/chromium``. Printed, as one table:

* server launch -> map visible, first visit: seconds from starting ``streamlit run app.py`` to the map's
  iframe showing ``.leaflet-container`` with sites drawn (the browser is started before the server);
  measured twice: cold (a fresh ``DRILLMAP_HOME``, nothing prepared: the first visit builds the sites frame),
  and as ``make run`` starts, after ``python -m geo prepare`` on a fresh home (its seconds reported apart);
* new browser session -> map visible: median of N new browser contexts, each opening the page, against the
  same measurement on the baseline server (sessions alternate between the two); the ratio's goal is <= 1.2x;
* filter change -> map redrawn: p50/p95 over N clicks alternating between the sidebar toggle "Only sites
  near NATO" and the "Distance rings" control ("NATO border" / "None"), from the click until the map's
  content has changed (inside the iframe: the number of symbols drawn, or of ring labels ``.dm-label-ring``);
* server RSS (VmRSS of the server process and its children) after the first session, after 3 and after 20
  sessions, opened and closed in sequence, beside the baseline server's after its own sessions; and after
  the session (following the redraw session) in which every export is prepared and downloaded through the
  browser as a user does it (:func:`run_exports`: each data and briefing-map format, then the map as seen).

Concurrent sessions are ``bench/load.py``'s: websocket clients speaking Streamlit's protocol measure the
server, where K Chromium pages on the same two cores would mostly measure the browsers.

Usage: ``python bench/dashboard.py [--quick] [--sessions N] [--clicks N]``.
``--only redraw [--against DIR] [--clicks N]`` measures the redraw alone (:func:`redraw_only`): this
checkout's server, and with ``--against`` a second checkout's (e.g. ``/work/main``) in the same period, the
clicks alternating between the two, with the ratio of their p50 and p95.
``--only session [--against DIR] [--sessions N]`` measures new sessions alone (:func:`sessions_only`): this
checkout's server, ``--against``'s and the empty-map baseline, N rounds of one new session on each (the order
rotating), with each server's median, spread and ratios.
Every wait is bounded (``--timeout``); server output goes to ``artifacts/bench-*.log``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.export.snapshot import CHROMIUM, CHROMIUM_ARGS
from tests.support.streamlit_server import REPO_ROOT as ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import Row, record  # bench/ is not a package

from tests.support.streamlit_server import StreamlitServer, start_streamlit

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

ARTIFACTS_DIR = ROOT / "artifacts"
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
VIEWPORT: ViewportSize = {"width": 1440, "height": 1000}
RSS_AFTER = (1, 3, 20)
IDLE_HEALTH_SAMPLES = 20
#: Seconds of quiet before the first timed redraw click.
SETTLE_S = 3.0
#: The sidebar filter the redraw clicks toggle.
NATO_TOGGLE = "Only sites near NATO"

# In the page: the map iframe's window (same origin), its Leaflet map and Drillmap's site index, if any.
_FRAME_JS = f"""
const frame = document.querySelector("{MAP_FRAME}");
const win = frame && frame.contentWindow;
const doc = win && win.document;
"""
#: Drillmap's map is visible: one Leaflet container, sites drawn. Returns [symbols drawn, ring labels] or null.
_SIGNATURE_JS = f"""() => {{
  {_FRAME_JS}
  if (!doc || doc.readyState !== 'complete' || !win.L) return null;
  if (doc.querySelectorAll('.leaflet-container').length !== 1) return null;
  const maps = Object.values(win).filter(v => v && v instanceof win.L.Map);
  const keys = Object.keys(win).filter(k => k.startsWith('site_index_'));
  if (!maps.length || !keys.length) return null;
  const drawn = win[keys[keys.length - 1]].drawnSymbols(maps[maps.length - 1]);
  if (!(drawn > 0)) return null;
  return [drawn, doc.querySelectorAll('.dm-label-ring').length];
}}"""
#: The baseline's map is visible: one Leaflet container with its map object.
_EMPTY_MAP_JS = f"""() => {{
  {_FRAME_JS}
  if (!doc || doc.readyState !== 'complete' || !win.L) return false;
  if (doc.querySelectorAll('.leaflet-container').length !== 1) return false;
  return Object.values(win).some(v => v && v instanceof win.L.Map);
}}"""
_CHANGED_JS = f"""(before) => {{
  const sig = ({_SIGNATURE_JS})();
  return sig !== null && JSON.stringify(sig) !== JSON.stringify(before);
}}"""


def rss_mb(pid: int) -> float:
    """Return the resident memory (VmRSS) of ``pid`` and all its descendants, in MB."""
    total_kb, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            status = Path(f"/proc/{p}/status").read_text()
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:  # exited meanwhile
            continue
        total_kb += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total_kb / 1024


def pct(values: list[float], q: float) -> float:
    """Return the ``q`` quantile (0..1) of ``values``, interpolated linearly between ranks."""
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def health_latency(base: str) -> float:
    """Return the seconds one ``/_stcore/health`` request takes (10 s cap)."""
    start = time.perf_counter()
    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as resp:
        resp.read()
    return time.perf_counter() - start


class Bench:
    """The browser and the two servers, and the waits the measurements share."""

    def __init__(self, browser: Any, timeout_s: float) -> None:
        self.browser = browser
        self.timeout_ms = timeout_s * 1000
        self.sessions = 0  # sessions opened on the Drillmap server so far
        self.rss: dict[int, float] = {}
        self.visible_at = 0.0  # time.perf_counter() when the last session's map showed
        self.after_exports = (0, 0, 0.0)  # sessions so far, files exported, server RSS (MB) after the exports

    def wait_map(self, page: Any, *, empty: bool = False) -> None:
        """Wait until the page's map iframe shows its map (with sites drawn, unless ``empty``)."""
        page.wait_for_function(_EMPTY_MAP_JS if empty else _SIGNATURE_JS, polling=50, timeout=self.timeout_ms)

    def idle(self, page: Any) -> None:
        """Wait until the script run is over (Streamlit's running indicator is gone), then a little more."""
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=self.timeout_ms)
        page.wait_for_timeout(300)

    def complete(self, page: Any) -> None:
        """Wait until a new session's page is whole: the sidebar's filters drawn, then idle.

        A new session's first run sends the map alone and the rest follows in a second run
        (:mod:`pages.common.first_paint`); the running indicator can be hidden between the two, and the
        browser draws the rest seconds after the map. A click before the sidebar is drawn would time the
        wait for the filter to appear, not the redraw.
        """
        page.locator('[data-testid="stSidebar"]').get_by_text(NATO_TOGGLE, exact=True).wait_for(
            state="visible", timeout=self.timeout_ms
        )
        self.idle(page)

    def session(
        self,
        server: StreamlitServer,
        *,
        empty: bool = False,
        then: Callable[[Any], None] | None = None,
        count: bool = True,
    ) -> float:
        """Open a new context on ``server``, return the seconds until its map shows; run ``then(page)``; close."""
        context = self.browser.new_context(viewport=VIEWPORT)
        try:
            page = context.new_page()
            start = time.perf_counter()
            page.goto(server.base, timeout=self.timeout_ms)
            self.wait_map(page, empty=empty)
            self.visible_at = time.perf_counter()
            elapsed = self.visible_at - start
            if then is not None:
                then(page)
        finally:
            context.close()
        if not empty and count:
            self.count_session(server)
        return elapsed

    def count_session(self, server: StreamlitServer) -> None:
        self.sessions += 1
        if self.sessions in RSS_AFTER:
            time.sleep(1.0)  # let the server notice the closed websocket
            self.rss[self.sessions] = rss_mb(server.proc.pid)


def prepared_launch(bench: Bench, timeout_s: float) -> tuple[float, float]:
    """What ``make run`` does on a fresh ``DRILLMAP_HOME``: ``python -m geo prepare``, then the server.

    Returns the prepare step's seconds and, from starting the server on that home, the seconds until the
    first visit's map shows (a server of its own, stopped after that one visit: its session is not counted).
    """
    home = Path(tempfile.mkdtemp(prefix="drillmap-bench-prepared-"))
    # The server's environment (start_streamlit): the cache key includes the DRILLMAP_* settings.
    env = {k: v for k, v in os.environ.items() if k not in {"DRILLMAP_DATABASE_URL", "DRILLMAP_SINGLE_USER"}}
    env["DRILLMAP_HOME"] = str(home)
    try:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "geo", "prepare", "--quiet"], cwd=ROOT, env=env, check=True, timeout=timeout_s
        )
        prepare_s = time.perf_counter() - started
        app = start_streamlit("bench-dashboard-prepared", home=home, log_dir=ARTIFACTS_DIR, timeout_s=timeout_s)
        try:
            bench.session(app, count=False)
            return prepare_s, bench.visible_at - app.launched_at
        finally:
            app.stop()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def baseline_script(tmp: Path) -> Path:
    """Copy ``bench/empty_map_app.py`` into ``tmp`` beside a link to ``static/`` (served beside the main script)."""
    script = tmp / "empty_map_app.py"
    shutil.copyfile(ROOT / "bench" / "empty_map_app.py", script)
    (tmp / "static").symlink_to(ROOT / "static", target_is_directory=True)
    return script


def redraw_steps(page: Any) -> list[tuple[str, Any]]:
    """The clicks of :func:`redraws`, in turn: the NATO toggle, rings "NATO border", the toggle, rings "None"."""
    toggle = page.locator('[data-testid="stSidebar"]').get_by_text(NATO_TOGGLE, exact=True)
    rings = page.locator('[data-testid="stButtonGroup"]')
    return [
        ("toggle 'Only sites near NATO'", toggle),
        ("rings 'NATO border' / 'None'", rings.get_by_role("radio", name="NATO border", exact=True)),
        ("toggle 'Only sites near NATO'", toggle),
        ("rings 'NATO border' / 'None'", rings.get_by_role("radio", name="None", exact=True)),
    ]


def redraw_once(bench: Bench, page: Any, target: Any) -> float:
    """Click ``target``; return the seconds until the map's content has changed, then wait for the run's end."""
    before = page.evaluate(_SIGNATURE_JS)
    start = time.perf_counter()
    target.click(timeout=bench.timeout_ms)
    page.wait_for_function(_CHANGED_JS, arg=before, polling=20, timeout=bench.timeout_ms)
    elapsed = time.perf_counter() - start
    bench.idle(page)
    return elapsed


def redraws(bench: Bench, page: Any, clicks: int) -> dict[str, list[float]]:
    """Click alternately the NATO toggle and the rings control ``clicks`` times; seconds until each redraw."""
    steps = redraw_steps(page)
    times: dict[str, list[float]] = {label: [] for label, _ in steps}
    bench.complete(page)
    for i in range(clicks):
        label, target = steps[i % len(steps)]
        times[label].append(redraw_once(bench, page, target))
    return times


def run_exports(bench: Bench, page: Any) -> list[str]:
    """Prepare and download every export of the map page as a user does (each format, default options).

    Returns the names of the files downloaded. The as-seen shot is skipped when the panel says no browser.
    """
    from geo.export.formats import FORMATS, labels

    def choose(label: str) -> None:
        box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Format").locator('input[role="combobox"]')
        box.click(timeout=bench.timeout_ms)
        box.fill(label)
        page.get_by_role("option", name=label, exact=True).click(timeout=bench.timeout_ms)
        bench.idle(page)

    def download(stem: str, ext: str) -> str:
        page.get_by_role("button", name="Prepare download").click(timeout=bench.timeout_ms)
        button = page.get_by_role("button", name=re.compile(rf"^Download drillmap-{stem}-\d+\.{ext}$"))
        with page.expect_download(timeout=bench.timeout_ms * 3) as info:
            button.click(timeout=bench.timeout_ms * 3)
        bench.idle(page)
        return str(info.value.suggested_filename)

    files: list[str] = []
    for kind, stem in (("Data", "sites"), ("Briefing map", "map")):
        page.get_by_text(kind, exact=True).click(timeout=bench.timeout_ms)
        bench.idle(page)
        for i, (fmt, label) in enumerate(labels("data" if kind == "Data" else "map").items()):
            if i:  # the first format is the default choice
                choose(label)
            files.append(download("pack" if fmt == "pack" else stem, FORMATS[fmt].extension))
    page.get_by_text("Map as seen", exact=True).click(timeout=bench.timeout_ms)
    bench.idle(page)
    if page.get_by_role("button", name="Prepare download").count():
        files.append(download("map-as-seen", "png"))
    return files


def record_summary(
    rss: dict[int, float],
    empty_rss: float,
    sessions_s: tuple[float, float],
    clicks_s: list[float],
    after_exports: tuple[int, int, float],
) -> None:
    """Write the summary rows of ``make bench`` (:mod:`results`)."""
    app_med, empty_med = sessions_s
    base = f"{empty_rss:.0f} MB"
    growth = rss[20] - rss[3]
    rows = [
        Row(
            "new session -> map visible",
            f"{empty_med:.2f} s",
            f"{app_med:.2f} s",
            f"{app_med / empty_med:.2f}x",
            "<= 1.2x",
            app_med / empty_med <= 1.2,
        ),
        Row(
            "redraw after a click, p95", "", f"{pct(clicks_s, 0.95):.2f} s", "", "<= 0.7 s", pct(clicks_s, 0.95) <= 0.7
        ),
        Row("server RSS after 1 session", base, f"{rss[1]:.0f} MB", f"{rss[1] / empty_rss:.2f}x", "", None),
        Row(
            "server RSS after 3 sessions",
            base,
            f"{rss[3]:.0f} MB",
            f"{rss[3] / empty_rss:.2f}x",
            "<= 300 MB",
            rss[3] <= 300,
        ),
        Row(
            f"server RSS after {after_exports[0]} sessions + all exports",
            base,
            f"{after_exports[2]:.0f} MB",
            f"{after_exports[2] / empty_rss:.2f}x",
            "<= 300 MB",
            after_exports[2] <= 300,
        ),
        Row("server RSS after 20 sessions", base, f"{rss[20]:.0f} MB", f"{rss[20] / empty_rss:.2f}x", "", None),
        # "Flat": within 10 % of the 3-session figure.
        Row("RSS growth, 3 -> 20 sessions", "", f"{growth:+.0f} MB", "", "flat (<= +10 %)", growth <= 0.1 * rss[3]),
    ]
    record("dashboard", rows)


def redraw_only(clicks: int, against: Path | None, timeout_s: float) -> int:
    """Measure the redraw alone: ``clicks`` clicks on this checkout's server, and as many on ``against``'s.

    With ``against`` (another checkout, served from its own directory by the same interpreter), both servers
    run at once, each with a page open in the same browser, and the clicks alternate between the two pages
    (this, against, against, this, ...), so a noisy machine weighs on both alike. The clicks start once each
    page is whole (:meth:`Bench.complete`) and the machine has had :data:`SETTLE_S` seconds of quiet. Prints
    p50/p95 per control and for every click, and the ratios this / against.
    """
    from playwright.sync_api import sync_playwright

    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    roots = {"this": ROOT, **({"against": against.resolve()} if against else {})}
    times: dict[str, dict[str, list[float]]] = {name: {} for name in roots}
    servers: dict[str, StreamlitServer] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        bench = Bench(browser, timeout_s)
        try:
            for name, root in roots.items():
                servers[name] = start_streamlit(
                    f"bench-redraw-{name}", root=root, log_dir=ARTIFACTS_DIR, timeout_s=timeout_s
                )
                bench.session(servers[name], count=False)  # the first visit builds the catalog: not measured
            # The pages clicked are opened once every server is ready, one after the other: a page left idle
            # while the other server built its catalog (tens of seconds) was slower at its first click.
            pages = {}
            for name in roots:
                pages[name] = browser.new_context(viewport=VIEWPORT).new_page()
                pages[name].goto(servers[name].base, timeout=bench.timeout_ms)
                bench.wait_map(pages[name])
                bench.complete(pages[name])
            # The last page's rest of the page and its server's work after it (the rings thread): the first
            # click, always this checkout's, would share the machine with them.
            time.sleep(SETTLE_S)
            steps = {name: redraw_steps(page) for name, page in pages.items()}
            for i in range(clicks):
                for name in list(roots)[:: 1 if i % 2 == 0 else -1]:
                    label, target = steps[name][i % len(steps[name])]
                    times[name].setdefault(label, []).append(redraw_once(bench, pages[name], target))
        finally:
            for server in servers.values():
                server.stop()
            browser.close()
    for name, root in roots.items():
        every = [t for ts in times[name].values() for t in ts]
        print(f"{name}: {root}")
        for label, ts in [*times[name].items(), ("every click", every)]:
            print(f"  redraw: {label:<32} n={len(ts):<3} p50 {pct(ts, 0.5):.2f} s  p95 {pct(ts, 0.95):.2f} s")
        for label, ts in times[name].items():  # in click order: a slow first click (a map not yet cached) shows
            print(f"    {label}: {' '.join(f'{t:.2f}' for t in ts)}")
    if against:
        this = [t for ts in times["this"].values() for t in ts]
        other = [t for ts in times["against"].values() for t in ts]
        print(
            f"ratio this / against: p50 {pct(this, 0.5) / pct(other, 0.5):.2f}x  "
            f"p95 {pct(this, 0.95) / pct(other, 0.95):.2f}x  (goal: p95 <= 0.7 s)"
        )
    return 0


def sessions_only(n: int, against: Path | None, timeout_s: float) -> int:
    """Measure new sessions alone: ``n`` rounds, each opening one new session on every server in turn.

    The servers: this checkout's, ``against``'s (another checkout, served from its own directory by the
    same interpreter) and the empty-map baseline, all running at once; the order rotates every round, so
    a noisy machine weighs on all alike. Prints each server's median, quartiles and range, the ratio of
    each Drillmap server's median to the baseline's (goal <= 1.2x), and the median of the per-round ratios.
    """
    from playwright.sync_api import sync_playwright

    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    roots = {"this": ROOT, **({"against": against.resolve()} if against else {})}
    times: dict[str, list[float]] = {name: [] for name in [*roots, "empty"]}
    servers: dict[str, StreamlitServer] = {}
    with (
        tempfile.TemporaryDirectory(prefix="drillmap-bench-sessions-") as tmp,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        bench = Bench(browser, timeout_s)
        try:
            for name, root in roots.items():
                servers[name] = start_streamlit(
                    f"bench-sessions-{name}", root=root, log_dir=ARTIFACTS_DIR, timeout_s=timeout_s
                )
            servers["empty"] = start_streamlit(
                "bench-sessions-empty", script=baseline_script(Path(tmp)), log_dir=ARTIFACTS_DIR, timeout_s=timeout_s
            )
            for name, server in servers.items():  # first visits (the catalog is built): not measured
                bench.session(server, empty=name == "empty", count=False)
            names = list(servers)
            for i in range(n):
                for name in names[i % len(names) :] + names[: i % len(names)]:
                    times[name].append(bench.session(servers[name], empty=name == "empty", count=False))
        finally:
            for server in servers.values():
                server.stop()
            browser.close()
    empty_med = statistics.median(times["empty"])
    for name, ts in times.items():
        q1, _, q3 = statistics.quantiles(ts, n=4) if len(ts) > 1 else (ts[0], 0.0, ts[0])
        line = f"{name:<8} n={len(ts)} median {statistics.median(ts):.2f} s  IQR {q1:.2f}-{q3:.2f}"
        line += f"  range {min(ts):.2f}-{max(ts):.2f}"
        if name != "empty":
            per_round = statistics.median(t / e for t, e in zip(ts, times["empty"], strict=True))
            line += f"  ratio to empty {statistics.median(ts) / empty_med:.2f}x (per-round median {per_round:.2f}x)"
        print(line)
    if against:
        this_med, other_med = statistics.median(times["this"]), statistics.median(times["against"])
        print(f"ratio this / against (medians): {this_med / other_med:.2f}x")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small N: 3 sessions, 8 clicks")
    parser.add_argument("--sessions", type=int, help="new sessions per server, median reported (default 10)")
    parser.add_argument("--clicks", type=int, help="filter/rings clicks (default 20)")
    parser.add_argument("--timeout", type=float, default=90.0, help="bound of every wait, seconds (default 90)")
    parser.add_argument(
        "--only", choices=["redraw", "session"], help="measure only this (see redraw_only, sessions_only)"
    )
    parser.add_argument("--against", type=Path, help="with --only: another checkout, measured in turn")
    args = parser.parse_args(argv)
    if args.only == "redraw":
        return redraw_only(args.clicks or 24, args.against, args.timeout)
    if args.only == "session":
        return sessions_only(args.sessions or 10, args.against, args.timeout)
    n_sessions = args.sessions or (3 if args.quick else 10)
    n_clicks = args.clicks or (8 if args.quick else 20)

    from playwright.sync_api import sync_playwright

    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="drillmap-bench-dashboard-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        bench = Bench(browser, args.timeout)
        prepare_s, prepared_visit = prepared_launch(bench, args.timeout)
        app = start_streamlit("bench-dashboard", log_dir=ARTIFACTS_DIR, timeout_s=args.timeout)
        empty: StreamlitServer | None = None
        try:
            healthy = time.perf_counter() - app.launched_at
            bench.session(app)
            first_visit = bench.visible_at - app.launched_at
            empty = start_streamlit(
                "bench-empty-map", script=baseline_script(Path(tmp)), log_dir=ARTIFACTS_DIR, timeout_s=args.timeout
            )
            bench.session(empty, empty=True)  # untimed warm-up of the baseline (its first visit)
            app_s, empty_s = [], []
            for _ in range(n_sessions):
                app_s.append(bench.session(app))
                empty_s.append(bench.session(empty, empty=True))
            clicks: dict[str, list[float]] = {}
            bench.session(app, then=lambda page: clicks.update(redraws(bench, page, n_clicks)))
            exported: list[str] = []
            bench.session(app, then=lambda page: exported.extend(run_exports(bench, page)))
            time.sleep(1.0)
            bench.after_exports = (bench.sessions, len(exported), rss_mb(app.proc.pid))
            while bench.sessions < max(RSS_AFTER):
                bench.session(app)
            empty_rss = rss_mb(empty.proc.pid)  # after its own sessions: what Streamlit and folium alone hold
            empty.stop()
            empty = None
            idle = [health_latency(app.base) for _ in range(IDLE_HEALTH_SAMPLES)]
        finally:
            app.stop()
            if empty is not None:
                empty.stop()
            browser.close()

    rows: list[tuple[str, str, str]] = [
        ("server launch -> health check answers", f"{healthy:.2f} s", ""),
        ("server launch -> map visible, first visit, cold (nothing prepared)", f"{first_visit:.2f} s", "goal <= 5 s"),
        ("  `python -m geo prepare` on a fresh home (make run's first step)", f"{prepare_s:.2f} s", ""),
        ("  then server launch -> map visible, first visit", f"{prepared_visit:.2f} s", "goal <= 5 s"),
    ]
    app_med, empty_med = statistics.median(app_s), statistics.median(empty_s)
    rows += [
        (f"new session -> map visible (median of {n_sessions})", f"{app_med:.2f} s", ""),
        ("  baseline: empty folium map page *", f"{empty_med:.2f} s", ""),
        ("  ratio Drillmap / baseline", f"{app_med / empty_med:.2f}x", "goal <= 1.2x"),
    ]
    every = [t for ts in clicks.values() for t in ts]
    for label, ts in [*clicks.items(), ("every click", every)]:
        rows.append(
            (f"redraw: {label} (n={len(ts)})", f"p50 {pct(ts, 0.5):.2f} s  p95 {pct(ts, 0.95):.2f} s", "p95 <= 0.7 s")
        )
    for n, mb in sorted(bench.rss.items()):
        rows.append((f"server RSS after {n} session{'s' if n > 1 else ''}", f"{mb:.0f} MB", ""))
    n_after, n_files, mb_after = bench.after_exports
    rows.append(
        (f"server RSS after {n_after} sessions, one with all {n_files} exports", f"{mb_after:.0f} MB", "<= 300 MB")
    )
    rows.append(("  growth from 3 to 20 sessions", f"{bench.rss[20] - bench.rss[3]:+.0f} MB", "<= 300 MB at 3; flat"))
    rows.append((f"  baseline: empty folium map server after {n_sessions + 1} sessions *", f"{empty_rss:.0f} MB", ""))
    idle_txt = f"p50 {pct(idle, 0.5) * 1000:.0f} ms  p95 {pct(idle, 0.95) * 1000:.0f} ms"
    rows.append((f"health check, idle server (n={len(idle)})", idle_txt, ""))
    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'value':<26} note")
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:<26} {note}".rstrip())
    record_summary(bench.rss, empty_rss, (app_med, empty_med), every, bench.after_exports)
    print("* bench/empty_map_app.py, served by a separate `streamlit run` process of the same kind (same start-up,")
    print("  same config and offline Leaflet assets, fresh DRILLMAP_HOME); sessions alternate between the two servers.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
