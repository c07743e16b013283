"""The checks the scene tests apply to every beat of every scene."""

from __future__ import annotations

from collections import Counter

import bpmath
from tests.scenes.harness import FRAME, SceneRun, TextRecord
from tests.scenes.resolve import resolve

FRAME_TOLERANCE = 0.02
OVERLAP_EPSILON = (
    1e-3  # square units: touching boxes are fine, overlapping ones are not
)
MIN_NOTE_LENGTH = 40


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
    expected = bpmath.format_value(resolve(run.example, rec.quantity), rec.decimals)
    if rec.text != expected:
        return [f"{where}: {rec.quantity} shows {rec.text}, bpmath gives {expected}"]
    return []


def _text_problems(run: SceneRun, rec: TextRecord, where: str) -> list[str]:
    problems = []
    tagged = Counter(s.text.lstrip("-") for s in rec.shown)
    found = Counter(rec.decimals_in_text)
    untagged = found - tagged
    if untagged:
        problems.append(
            f"{where}: untagged number(s) {sorted(untagged)} in {rec.text!r}"
        )
    for shown in rec.shown:
        expected = bpmath.format_value(
            resolve(run.example, shown.quantity), shown.decimals
        )
        if shown.text != expected:
            problems.append(
                f"{where}: {shown.quantity} shows {shown.text}, bpmath gives {expected}"
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
            out += [rec.text] if rec.kind == "DecimalNumber" else rec.decimals_in_text
    return out


def _inside(box: tuple[float, float, float, float]) -> bool:
    half_w, half_h = FRAME[0] / 2 + FRAME_TOLERANCE, FRAME[1] / 2 + FRAME_TOLERANCE
    left, bottom, right, top = box
    return left >= -half_w and right <= half_w and bottom >= -half_h and top <= half_h


def _overlap_area(a, b) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0.0) * max(height, 0.0)


def layout_problems(run: SceneRun) -> list[str]:
    """Text or shapes outside the frame, and text-like mobjects that overlap."""
    problems = []
    for snap in run.snapshots:
        where = _where(run, snap.beat.index)
        for rec in snap.texts:
            if not _inside(rec.box):
                problems.append(
                    f"{where}: {rec.text!r} leaves the frame at {_fmt(rec.box)}"
                )
        for kind, box in snap.shapes:
            if not _inside(box):
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
                        f"{where}: {a.text!r} and {b.text!r} overlap ({area:.3f} square units)"
                    )
    return problems


def note_problems(run: SceneRun) -> list[str]:
    """Scenes need at least two beats, each with its own note in prose."""
    notes = [s.beat.note for s in run.snapshots]
    problems = []
    if len(notes) < 2:
        problems.append(f"{run.entry.name}: only {len(notes)} beat(s)")
    for i, note in enumerate(notes):
        if len(note) < MIN_NOTE_LENGTH:
            problems.append(f"{run.entry.name}, beat {i}: note too short: {note!r}")
    duplicates = [n for n, c in Counter(notes).items() if c > 1]
    if duplicates:
        problems.append(f"{run.entry.name}: repeated notes {duplicates}")
    return problems


def _fmt(box) -> str:
    return "(" + ", ".join(f"{v:.2f}" for v in box) + ")"
