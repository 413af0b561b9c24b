"""Destinations of exports: check a path before any work is done, and replace a file atomically.

Every file export (:mod:`geo.export.data`, :mod:`geo.export.snapshot`, ``python -m geo``) calls
:func:`check_output_path` before rendering, so a typo in ``--out`` fails at once, and writes through
:func:`write_bytes`, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from geo.core.errors import ExportError

__all__ = ["check_output_path", "write_bytes"]


def check_output_path(path: str | Path) -> Path:
    """Return ``path`` if a file can be written there, before any rendering is done.

    Parameters
    ----------
    path
        Destination file. Its folder must exist and be writable; an existing file is replaced.

    Returns
    -------
    Path
        The same path.

    Raises
    ------
    ExportError
        Naming the path and the reason (no such folder, a folder given, not writable).
    """
    out = Path(path)
    if not str(path).strip():
        msg = "the output path is empty"
        raise ExportError(msg)
    parent = out.parent if str(out.parent) else Path()
    if out.is_dir():
        msg = f"cannot write {str(out)!r}: it is a folder; give a file name"
        raise ExportError(msg)
    if not parent.is_dir():
        msg = f"cannot write {str(out)!r}: folder {str(parent)!r} does not exist"
        raise ExportError(msg)
    if not os.access(parent, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        msg = f"cannot write {str(out)!r}: permission denied"
        raise ExportError(msg)
    return out


def write_bytes(data: bytes, path: str | Path) -> Path:
    """Write ``data`` to ``path`` atomically (a temporary file in the same folder, then a rename).

    Raises
    ------
    ExportError
        If the folder is missing or not writable (see :func:`check_output_path`) or the disk write fails.
    """
    out = check_output_path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent if str(out.parent) else ".")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            Path(tmp).chmod(0o644)
            Path(tmp).replace(out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        msg = f"cannot write {str(out)!r}: {exc.strerror or exc}"
        raise ExportError(msg) from exc
    return out
