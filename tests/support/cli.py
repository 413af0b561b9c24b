"""Run ``python -m geo`` in-process, as the CLI tests do."""

from __future__ import annotations

from typing import Any

from geo.cli.main import main


def run_cli(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    """Return (exit code, stdout, stderr) of ``geo`` with ``argv``; argparse's own errors exit with their code."""
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors (unknown option) exit from parse_args
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
