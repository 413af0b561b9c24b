"""Start a real ``streamlit run <script>`` on a free port of 127.0.0.1, for the browser tests and the benchmarks.

:func:`start_streamlit` raises :class:`ServerStartError` (a RuntimeError) when the server exits or does not
answer ``/_stcore/health`` in time; ``tests/conftest.py``'s ``run_streamlit`` turns that into a test failure,
``bench/dashboard.py`` lets it stop the run.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT_S = 30.0


class ServerStartError(RuntimeError):
    """The server exited, or did not answer its health check in time."""


def free_port() -> int:
    """Return a TCP port of 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class StreamlitServer:
    """A running server: its process, base URL (``http://127.0.0.1:<port>``), log and launch time."""

    proc: subprocess.Popen[bytes]
    base: str
    log: IO[str]
    launched_at: float  # time.perf_counter() just before the process was started

    def stop(self) -> None:
        """Terminate the process (kill it after 10 s) and close its log."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self.log.close()


def start_streamlit(
    name: str,
    *,
    script: str | Path = "app.py",
    home: Path | None = None,
    log_dir: Path,
    timeout_s: float = SERVER_START_TIMEOUT_S,
    env: dict[str, str] | None = None,
    args: tuple[str, ...] = (),
    root: Path = REPO_ROOT,
) -> StreamlitServer:
    """Start ``streamlit run <script>`` on a free port with a fresh analysts' store; return it once healthy.

    The server runs headless from the repository root with its ``.streamlit/config.toml`` (static
    serving on, usage statistics off) and ``DRILLMAP_HOME`` = ``home`` (default: a new temporary
    folder); this waits for ``/_stcore/health``. Its output goes to ``<log_dir>/<name>.log``. ``env`` is
    added to the environment (e.g. ``DRILLMAP_SINGLE_USER``), ``args`` to the command line (e.g.
    ``--secrets.files``). ``root`` is the checkout to serve (its working directory; default: this one).

    Raises
    ------
    ServerStartError
        The process exited, or did not answer within ``timeout_s`` (it is stopped first).
    """
    port = free_port()
    log_dir.mkdir(exist_ok=True)
    log = (log_dir / f"{name}.log").open("w", encoding="utf-8")
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", *args,
    ]  # fmt: skip
    # A fresh store per server: what one test accepts never changes another test's counts.
    # Sign-in rights come from the test, never from the shell that started it.
    clean = {k: v for k, v in os.environ.items() if k not in {"DRILLMAP_DATABASE_URL", "DRILLMAP_SINGLE_USER"}}
    home_dir = str(home or tempfile.mkdtemp(prefix="drillmap-server-"))
    environ = {**clean, "DRILLMAP_HOME": home_dir, **(env or {})}
    launched_at = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=root, stdout=log, stderr=subprocess.STDOUT, env=environ)
    server = StreamlitServer(proc, f"http://127.0.0.1:{port}", log, launched_at)
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            server.stop()
            raise ServerStartError(f"streamlit exited with code {proc.returncode}; see {log.name}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{server.base}/_stcore/health", timeout=2) as resp:
            if resp.status == 200:
                return server
        if time.monotonic() > deadline:
            server.stop()
            raise ServerStartError(f"streamlit did not answer /_stcore/health within {timeout_s:.0f} s")
        time.sleep(0.2)
