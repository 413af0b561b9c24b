"""Load and validate the curated exercise catalog (``data/catalog/*.yaml``, one exercise per file).

Loading fails with one :class:`~geo.core.errors.CatalogError` naming the file, the record and the field;
nothing is ever dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from geo.catalog.fingerprint import catalog_hash as catalog_hash  # its home before; callers may import it here
from geo.catalog.schema import Exercise
from geo.core import settings
from geo.core.errors import CatalogError

# libyaml's safe loader when PyYAML was built with it (the wheels are): the same safe subset, ~10x faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _format_validation_error(path: Path, record: str, err: ValidationError) -> str:
    problems = []
    for item in err.errors():
        where = ".".join(str(p) for p in item["loc"]) or "(record)"
        problems.append(f"field {where!r}: {item['msg']}")
    return f"{path.name}: exercise {record!r}: " + "; ".join(problems)


def load_exercise_file(path: Path) -> Exercise:
    """Read and validate one catalog file.

    Parameters
    ----------
    path
        A YAML file holding exactly one exercise mapping.

    Returns
    -------
    Exercise
        The validated exercise.

    Raises
    ------
    CatalogError
        If the file is not valid YAML, not a mapping, or fails the schema; the message names the file,
        the exercise id and every failing field.
    """
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        msg = f"{path.name}: cannot read catalog file: {exc}"
        raise CatalogError(msg) from exc
    if not isinstance(raw, dict):
        msg = f"{path.name}: expected one exercise mapping, got {type(raw).__name__}"
        raise CatalogError(msg)
    record = str(raw.get("id", "<no id>"))
    try:
        exercise = Exercise.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(_format_validation_error(path, record, exc)) from exc
    if path.stem != exercise.id:
        msg = f"{path.name}: exercise {record!r}: field 'id' must equal the file name stem {path.stem!r}"
        raise CatalogError(msg)
    return exercise


@dataclass(frozen=True)
class CatalogLoad:
    """The exercises that loaded, and one message per file or reference that did not (file named)."""

    exercises: list[Exercise]
    problems: tuple[str, ...]


def load_catalog(catalog_dir: Path | None = None) -> CatalogLoad:
    """Load every ``*.yaml`` exercise in ``catalog_dir``, keeping the good ones when some files are bad.

    What the dashboard and the CLI show: one broken file is named (:attr:`CatalogLoad.problems`) and the
    rest of the catalog is still shown. A second file with an id already loaded is a problem too, and so
    is a ``related`` id that names no loaded exercise (the exercise itself is kept).

    Raises
    ------
    CatalogError
        Only when the folder holds no catalog file at all.
    """
    folder = catalog_dir or settings.CATALOG_DIR
    files = sorted(folder.glob("*.yaml"))
    if not files:
        msg = f"no catalog files (*.yaml) in {str(folder)!r}"
        raise CatalogError(msg)
    exercises: dict[str, Exercise] = {}
    problems: list[str] = []
    for path in files:
        try:
            exercise = load_exercise_file(path)
        except CatalogError as exc:
            problems.append(str(exc))
            continue
        if exercise.id in exercises:
            problems.append(f"{path.name}: exercise {exercise.id!r}: another file already defines this id")
            continue
        exercises[exercise.id] = exercise
    for ex in exercises.values():
        unknown = sorted(set(ex.related) - set(exercises))
        if unknown:
            problems.append(f"{ex.id}.yaml: exercise {ex.id!r}: field 'related' names unknown exercises {unknown}")
    return CatalogLoad(list(exercises.values()), tuple(problems))


def load_exercises(catalog_dir: Path | None = None) -> list[Exercise]:
    """Load every ``*.yaml`` exercise in ``catalog_dir`` (default: ``data/catalog``), sorted by id; strictly.

    Raises
    ------
    CatalogError
        On the first malformed file, or if two files share an id, or if a ``related`` id is unknown
        (:func:`load_catalog` keeps the good files instead).
    """
    loaded = load_catalog(catalog_dir)
    if loaded.problems:
        raise CatalogError(loaded.problems[0])
    return loaded.exercises
