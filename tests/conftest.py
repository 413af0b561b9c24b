"""Shared fixtures: an isolated analysts' store, Playwright driving Debian's Chromium, a Streamlit server."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

# Analysts' store (SQLite under DRILLMAP_HOME): tests never write to the repository's var/ folder.
os.environ.setdefault("DRILLMAP_HOME", tempfile.mkdtemp(prefix="drillmap-tests-"))
os.environ.pop("DRILLMAP_DATABASE_URL", None)

from geo.export.snapshot import CHROMIUM, CHROMIUM_ARGS

ARTIFACTS_DIR = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session")
def chromium_browser():
    """A headless Chromium shared by the session's browser tests.

    Missing ``/usr/bin/chromium`` fails the test when ``CI == "true"`` (browser tests are required there)
    and skips it elsewhere.
    """
    if not os.access(CHROMIUM, os.X_OK):
        reason = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; browser tests are required in CI", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(chromium_browser):
    """A fresh page in its own context (no shared cache or storage between tests)."""
    context = chromium_browser.new_context(viewport={"width": 900, "height": 700})
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``artifacts/`` at the repository root (gitignored): screenshots and other test outputs."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


# --- A real `streamlit run app.py`, once per test session ---------------------------------------

REPO_ROOT = Path(__file__).resolve().parent.parent
SERVER_START_TIMEOUT_S = 30.0


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def run_streamlit(name: str = "streamlit_server", *, script: str = "app.py", home: Path | None = None) -> Iterator[str]:
    """Start ``streamlit run <script>`` on a free port with a fresh analysts' store; yield its base URL.

    The server runs headless from the repository root with its ``.streamlit/config.toml`` (static
    serving on, usage statistics off) and ``DRILLMAP_HOME`` = ``home`` (default: a new temporary
    folder); this waits for ``/_stcore/health`` and stops the process (terminate, then kill) at the
    end. Its output goes to ``artifacts/<name>.log``.
    """
    port = _free_port()
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    log = (ARTIFACTS_DIR / f"{name}.log").open("w", encoding="utf-8")
    cmd = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    # A fresh store per server: what one test accepts never changes another test's counts.
    env = {**os.environ, "DRILLMAP_HOME": str(home or tempfile.mkdtemp(prefix="drillmap-server-"))}
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with code {proc.returncode}; see {log.name}", pytrace=False)
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not answer /_stcore/health within {SERVER_START_TIMEOUT_S:.0f} s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.close()


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[str]:
    """Base URL (``http://127.0.0.1:<port>``) of the app, started once for the session (see run_streamlit)."""
    with run_streamlit() as base:
        yield base
