"""The checks the scene tests apply to every beat of every scene."""

from __future__ import annotations

import re
from collections import Counter

import bpmath
from tests.scenes.harness import SceneRun, TextRecord
from tests.scenes.resolve import resolve

FRAME_TOLERANCE = 0.02
OVERLAP_EPSILON = (
    1e-3  # square units: touching boxes are fine, overlapping ones are not
)
MIN_NOTE_LENGTH = 40
MIN_NOTE_WORDS = 8

_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+")
_MINUS = "-\u2212"  # ASCII/LaTeX minus and the unicode minus sign
_UNARY_BEFORE = set("=([{,&+:;<>|×·≈≤≥→") | set(_MINUS)
_OPERATOR_COMMANDS = {
    "cdot", "times", "approx", "quad", "qquad", "le", "ge", "leq", "geq", "neq", "ne",
    "to", "rightarrow", "Rightarrow", "longrightarrow", "mapsto", "left", "colon",
    "sim", "simeq", "pm", "mp", "div", "ast", "equiv", "propto", "implies", "lt", "gt",
}  # fmt: skip
_COMMAND_AT_END = re.compile(r"\\([A-Za-z]+)$")


def signed_literals(text: str) -> list[str]:
    """Every decimal literal in ``text``, with its sign when the minus is a sign.

    A minus (``-`` or ``−``) right before a number is the number's sign when it is unary:
    at the start, or after ``=``, ``(``, ``{``, ``,``, an operator such as ``\\cdot``...
    After a digit, a letter or a closing bracket it is a subtraction (``0.731 - 1.000``),
    and the number is read without it. Unicode minus signs are written as ``-``.
    """
    found = []
    for match in _DECIMAL.finditer(text):
        before = text[: match.start()].rstrip()
        sign = ""
        if before and before[-1] in _MINUS:
            rest = before[:-1].rstrip()
            command = _COMMAND_AT_END.search(rest)
            if (
                not rest
                or rest[-1] in _UNARY_BEFORE
                or (command and command.group(1) in _OPERATOR_COMMANDS)
            ):
                sign = "-"
        found.append(sign + match.group())
    return found


def rounds_to(text: str, value: float, decimals: int) -> bool:
    """``text`` is ``value`` rounded at ``decimals`` (a float-noise tie either way is fine)."""
    if text == bpmath.format_value(value, decimals):
        return True
    try:
        shown = float(text.replace("\u2212", "-"))
    except ValueError:
        return False
    half_step = 0.5 * 10.0**-decimals
    return abs(shown - value) <= half_step * (1 + 1e-9) + 1e-12 * max(1.0, abs(value))


def _where(run: SceneRun, index: int) -> str:
    return f"{run.entry.name}, beat {index} ({run.example.name} example)"


def number_problems(run: SceneRun) -> list[str]:
    """Every number on screen that is untagged or differs from bpmath."""
    problems = []
    for snap in run.snapshots:
        where = _where(run, snap.beat.index)
        for rec in snap.texts:
            if rec.is_tick:
                continue
            if rec.kind == "DecimalNumber":
                problems += _decimal_number_problems(run, rec, where)
            else:
                problems += _text_problems(run, rec, where)
    return problems


def _decimal_number_problems(run: SceneRun, rec: TextRecord, where: str) -> list[str]:
    if rec.quantity is None:
        return [
            f"{where}: DecimalNumber {rec.text} does not say which quantity it shows"
        ]
    exact = resolve(run.example, rec.quantity)
    if not rounds_to(rec.text, exact, rec.decimals):
        expected = bpmath.format_value(exact, rec.decimals)
        return [
            f"{where}: DecimalNumber for {rec.quantity} shows {rec.text},"
            f" bpmath gives {expected} ({exact!r})"
        ]
    return []


def _text_problems(run: SceneRun, rec: TextRecord, where: str) -> list[str]:
    problems = []
    tagged = Counter(s.text for s in rec.shown)
    found = Counter(signed_literals(rec.text))
    untagged = found - tagged
    if untagged:
        problems.append(
            f"{where}: untagged number(s) {sorted(untagged)} in {rec.text!r}"
            f" (tagged: {sorted(tagged)})"
        )
    for shown in rec.shown:
        exact = resolve(run.example, shown.quantity)
        if not rounds_to(shown.text, exact, shown.decimals):
            expected = bpmath.format_value(exact, shown.decimals)
            problems.append(
                f"{where}: {shown.quantity} shows {shown.text} in {rec.text!r},"
                f" bpmath gives {expected} ({exact!r})"
            )
    missing = tagged - found
    if missing:
        problems.append(
            f"{where}: tagged values {sorted(missing)} are not in {rec.text!r}"
        )
    return problems


def shown_numbers(run: SceneRun) -> list[str]:
    """Every value on screen as printed, beat by beat (ticks excluded)."""
    out = []
    for snap in run.snapshots:
        for rec in snap.texts:
            if rec.is_tick:
                continue
            out += [rec.text] if rec.kind == "DecimalNumber" else signed_literals(rec.text)
    return out


def _inside(box: tuple[float, float, float, float], frame: tuple[float, float]) -> bool:
    half_w, half_h = frame[0] / 2 + FRAME_TOLERANCE, frame[1] / 2 + FRAME_TOLERANCE
    left, bottom, right, top = box
    return left >= -half_w and right <= half_w and bottom >= -half_h and top <= half_h


def _overlap_area(a, b) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0.0) * max(height, 0.0)


def layout_problems(run: SceneRun) -> list[str]:
    """Text or shapes outside the frame, and text-like mobjects that overlap.

    Checked at the end of every beat and at every mark the scene waited for.
    """
    problems = []
    moments = [(snap, "") for snap in run.snapshots]
    moments += [(snap, f" at its mark [{name}]") for name, snap in run.marks]
    for snap, at in moments:
        where = _where(run, snap.beat.index) + at
        for rec in snap.texts:
            if not _inside(rec.box, run.frame):
                problems.append(
                    f"{where}: {rec.text!r} leaves the frame at {_fmt(rec.box)}"
                )
        for kind, box in snap.shapes:
            if not _inside(box, run.frame):
                problems.append(f"{where}: a {kind} leaves the frame at {_fmt(box)}")
        texts = snap.texts
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                if a.ident in b.family or b.ident in a.family:
                    continue
                if a.allowed & b.family or b.allowed & a.family:
                    continue
                area = _overlap_area(a.box, b.box)
                if area > OVERLAP_EPSILON:
                    problems.append(
                        f"{where}: {a.text!r} at {_fmt(a.box)} and {b.text!r} at"
                        f" {_fmt(b.box)} overlap ({area:.3f} square units); declare it"
                        " with allow_overlap if it is meant"
                    )
    return problems


def note_problems(run: SceneRun) -> list[str]:
    """Scenes need at least two beats, each with its own note in prose."""
    notes = [s.beat.note for s in run.snapshots]
    problems = []
    if len(notes) < 2:
        problems.append(f"{run.entry.name}: only {len(notes)} beat(s)")
    for i, note in enumerate(notes):
        if len(note) < MIN_NOTE_LENGTH or len(note.split()) < MIN_NOTE_WORDS:
            problems.append(
                f"{run.entry.name}, beat {i}: note too short for prose"
                f" (< {MIN_NOTE_LENGTH} characters or {MIN_NOTE_WORDS} words): {note!r}"
            )
    duplicates = [n for n, c in Counter(notes).items() if c > 1]
    if duplicates:
        problems.append(f"{run.entry.name}: repeated notes {duplicates}")
    return problems


def _fmt(box) -> str:
    return "(" + ", ".join(f"{v:.2f}" for v in box) + ")"
