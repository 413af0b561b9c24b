"""Exports made in a child Python process, so that a long-lived server never holds what they load.

A briefing map, slide or pack loads matplotlib, python-pptx, lxml, Pillow and fontTools and keeps the
briefing basemap and text caches; the map as seen loads Playwright; a GeoPackage loads GDAL (pyogrio).
In the dashboard's server that was about 100 MB of resident memory kept for good after a session's first
exports, and glibc does not give much of it back. :func:`export_in_child` runs the same function
(:func:`geo.export.snapshot.render_snapshot`, :func:`~geo.export.snapshot.as_seen_png`,
:func:`geo.export.data.export_bytes`) in ``python -m geo.export.isolated``: the arguments go in pickled on
stdin, the file's bytes come back on stdout, and the child's memory is gone when it exits. It costs the
child's start (about 1–2 s of imports) per export. The CLI is one short process and calls the functions
directly.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any, Final

from geo.core.errors import DrillmapError, ExportError

#: What the child may run: name -> (module, function). Nothing else is looked up from the pickle.
TASKS: Final[dict[str, tuple[str, str]]] = {
    "snapshot": ("geo.export.snapshot", "render_snapshot"),
    "as_seen": ("geo.export.snapshot", "as_seen_png"),
    "data": ("geo.export.data", "export_bytes"),
}
#: Exit status of a child whose export raised a DrillmapError (its message is on stderr).
_REFUSED: Final = 3
#: Bound of one export (a 4K briefing pack on a loaded 2-core machine takes well under a minute).
TIMEOUT_S: Final = 300.0


def export_in_child(task: str, *args: Any, **kwargs: Any) -> bytes:
    """Run the export ``task`` (a key of :data:`TASKS`) in a child process; return the file's bytes.

    Raises
    ------
    ExportError
        With the export's own message when it refused (any :class:`~geo.core.errors.DrillmapError`), or
        saying that the export process failed (crash, timeout, no Python).
    """
    if task not in TASKS:
        msg = f"unknown export task {task!r}; expected one of {', '.join(TASKS)}"
        raise ExportError(msg)
    root = Path(__file__).resolve().parents[2]  # the folder holding the geo package
    try:
        done = subprocess.run(  # this interpreter, a constant module; the arguments on stdin
            [sys.executable, "-m", "geo.export.isolated"],
            input=pickle.dumps((task, args, kwargs)),
            cwd=root,
            capture_output=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        msg = f"the export process could not run: {exc}"
        raise ExportError(msg) from exc
    if done.returncode == 0:
        return done.stdout
    why = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode == _REFUSED:
        raise ExportError(why)
    last = why.splitlines()[-1] if why else f"exit status {done.returncode}"
    msg = f"the export process failed: {last}"
    raise ExportError(msg)


def _main() -> int:
    """The child: read ``(task, args, kwargs)`` from stdin (our parent's pickle), write the bytes to stdout."""
    import importlib

    task, args, kwargs = pickle.loads(sys.stdin.buffer.read())  # our parent wrote it: export_in_child
    module, name = TASKS[task]
    try:
        data = getattr(importlib.import_module(module), name)(*args, **kwargs)
    except DrillmapError as exc:
        sys.stderr.write(str(exc))
        return _REFUSED
    sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
