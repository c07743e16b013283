r"""Read a class roster (CSV ``id,name[,seed][,saturated]``), naming every bad line.

Each row is one student. ``id`` becomes the student's folder name (``media/class/<id>/``),
so it must be a safe folder name; ``seed`` (optional) fixes the student's numbers;
``saturated`` (optional, ``yes``/``no``) asks for an example with one saturated neuron.
Every problem is collected and raised at once as one :class:`RosterError` whose lines
name the file's line numbers, before anything renders.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "roster.csv"
>>> _ = path.write_text("id,name,seed\nada,Ada Lovelace,7\nalan,Alan Turing,\n")
>>> [(s.id, s.name, s.seed) for s in read_roster(path)]
[('ada', 'Ada Lovelace', 7), ('alan', 'Alan Turing', None)]
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MAX_STUDENTS", "RosterError", "Student", "parse_roster", "read_roster"]

MAX_STUDENTS = 1000
"""Most rows a roster may have."""
REQUIRED = ("id", "name")
OPTIONAL = ("seed", "saturated")
SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
"""A folder name on every system: letters, digits, ``_ . -``, no leading dot, ≤ 64."""
YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}


class RosterError(ValueError):
    """The roster cannot be used; ``problems`` holds one line per problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source, self.problems = source, problems
        super().__init__(
            f"{source}: {len(problems)} problem(s), nothing was rendered:\n"
            + "\n".join(f"  {p}" for p in problems)
        )


@dataclass(frozen=True)
class Student:
    """One row of the roster: ``line`` is its line number in the file."""

    id: str
    name: str
    seed: int | None
    line: int
    saturated: bool = False


def read_roster(path: str | Path) -> list[Student]:
    """The students of the CSV file at ``path``; :class:`RosterError` if it is bad."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RosterError(str(path), [f"cannot read the roster: {exc.strerror}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RosterError(
            str(path),
            [f"line {line}: not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8 CSV"],
        ) from None
    return parse_roster(text, str(path))


def parse_roster(text: str, source: str = "<roster>") -> list[Student]:
    """The students of CSV ``text``; every problem at once as :class:`RosterError`."""
    if "\x00" in text:
        raise RosterError(source, ["line 1: not a CSV text file (it holds NUL bytes)"])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise RosterError(source, ["line 1: the roster is empty; it needs a header id,name"]) from None
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    unknown = [c for c in columns if c not in REQUIRED + OPTIONAL]
    problems = []
    if missing:
        problems.append(
            f"line 1: missing column {', '.join(missing)} (the header is"
            f" {','.join(header)!r}; columns: id,name and optionally seed,saturated)"
        )
    if unknown:
        problems.append(f"line 1: unknown column {', '.join(unknown)}")
    if problems:
        raise RosterError(source, problems)
    students: list[Student] = []
    first_line: dict[str, int] = {}
    rows = 0
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue  # a blank line
        rows += 1
        if rows > MAX_STUDENTS:
            problems.append(
                f"line {line}: more than {MAX_STUDENTS} students; split the class"
            )
            break
        if len(fields) > len(columns):
            problems.append(f"line {line}: {len(fields)} fields, the header has {len(columns)}")
            continue
        row = dict(zip(columns, (f.strip() for f in fields)))
        student, errors = _student(row, line, first_line)
        problems += errors
        if student is not None:
            first_line[student.id.lower()] = line
            students.append(student)
    if not problems and not students:
        problems.append("line 2: no students (the roster has only its header)")
    if problems:
        raise RosterError(source, problems)
    return students


def _student(
    row: dict[str, str], line: int, seen: dict[str, int]
) -> tuple[Student | None, list[str]]:
    errors = []
    sid, name = row.get("id", ""), row.get("name", "")
    if not sid:
        errors.append(f"line {line}: empty id")
    elif not SAFE_ID.fullmatch(sid):
        errors.append(
            f"line {line}: id {sid!r} is not a safe folder name (letters, digits, _ . -,"
            " not starting with a dot, at most 64 characters)"
        )
    elif sid.lower() in seen:
        errors.append(f"line {line}: duplicate id {sid!r} (first on line {seen[sid.lower()]})")
    seed = None
    if row.get("seed"):
        try:
            seed = int(row["seed"])
        except ValueError:
            errors.append(f"line {line}: seed {row['seed']!r} is not an integer")
        else:
            if seed < 0:
                errors.append(f"line {line}: seed {seed} is negative")
    flag = row.get("saturated", "").lower()
    if flag not in YES | NO:
        errors.append(f"line {line}: saturated {row['saturated']!r} is not yes or no")
    if errors:
        return None, errors
    return Student(sid, name or sid, seed, line, flag in YES), []
