"""Build a lecture scene without encoding video and snapshot the screen after each beat.

A snapshot lists every *text-like* mobject on screen (the outermost ``MathTex``, ``Tex``,
``Text``, ``DecimalNumber``... of each branch), with its box, its text, the value and
quantity of a ``DecimalNumber``, the quantities a formula was tagged with, and the
declared allowed overlaps; and the box of every visible drawn shape, for the frame check.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from manim import (
    DL,
    UR,
    DecimalNumber,
    MarkupText,
    Mobject,
    PMobject,
    SingleStringMathTex,
    Text,
    VMobject,
    tempconfig,
)
from manim.mobject.types.image_mobject import AbstractImageMobject

import bpmath
from scenes.kit.beats import Beat, LectureScene
from scenes.kit.values import Shown, shown_values
from scenes.lecture import SCENES, SceneEntry
from scenes.narration.captions import Cue

# MathTex, Tex (and BulletedList...) derive from SingleStringMathTex; Integer from
# DecimalNumber; Paragraph is a group of Text lines.
TEXT_TYPES = (DecimalNumber, SingleStringMathTex, Text, MarkupText)
# What a camera draws: vectorized shapes, point clouds and images. A plain Mobject (a
# ValueTracker keeps its value in its points) is invisible wherever its points are.
DRAWN_TYPES = (VMobject, PMobject, AbstractImageMobject)
CACHE = Path(__file__).resolve().parents[2] / "media" / "test-cache"


@dataclass
class TextRecord:
    """One text-like mobject as it was on screen."""

    kind: str
    text: str
    box: tuple[float, float, float, float]  # left, bottom, right, top
    ident: int
    family: frozenset[int]
    allowed: frozenset[int]
    is_tick: bool
    value: float | None = None
    decimals: int | None = None
    quantity: object | None = None
    shown: tuple[Shown, ...] = ()


@dataclass
class Snapshot:
    """The screen at the end of one beat (or at one of its marks)."""

    beat: Beat
    time: float = 0.0  # the scene's clock at the end of the beat (or the mark), seconds
    texts: list[TextRecord] = field(default_factory=list)
    shapes: list[tuple[str, tuple[float, float, float, float]]] = field(
        default_factory=list
    )


@dataclass
class SceneRun:
    """A scene built for one example: its snapshots, one per beat."""

    entry: SceneEntry
    example: bpmath.Example
    snapshots: list[Snapshot]
    frame: tuple[float, float]  # the camera's frame width and height, scene units
    seconds: float  # wall time of the build
    captions: tuple[Cue, ...] = ()  # the caption cues the scene made, in scene time
    duration: float = 0.0  # the scene's running time, seconds
    marks: list[tuple[str, Snapshot]] = field(default_factory=list)
    """The screen at every mark waited for, in order: (mark name, snapshot)."""
    late_marks: tuple = ()  # the scene's LateMark records

def _visible(mob: Mobject) -> bool:
    """Whether ``mob`` itself draws anything (a ValueTracker, say, draws nothing)."""
    if not mob.has_points() or not isinstance(mob, DRAWN_TYPES):
        return False
    if isinstance(mob, VMobject):
        fill = np.max(mob.get_fill_opacities()) if len(mob.get_fill_opacities()) else 0
        stroke = (
            np.max(mob.get_stroke_opacities()) if len(mob.get_stroke_opacities()) else 0
        )
        return fill > 0.01 or (stroke > 0.01 and mob.get_stroke_width() > 0)
    return True


def _box(mob: Mobject) -> tuple[float, float, float, float]:
    (left, bottom, _), (right, top, _) = mob.get_corner(DL), mob.get_corner(UR)
    return (float(left), float(bottom), float(right), float(top))


def _text_of(mob: Mobject) -> str:
    if isinstance(mob, DecimalNumber):
        return bpmath.format_value(mob.get_value(), mob.num_decimal_places)
    return getattr(mob, "tex_string", None) or getattr(mob, "text", "") or ""


def _allowed_ids(chain: list[Mobject]) -> frozenset[int]:
    ids: set[int] = set()
    for mob in chain:
        for other in getattr(mob, "allowed_overlaps", ()):
            ids.update(id(m) for m in other.get_family())
    return frozenset(ids)


def snapshot(scene: LectureScene, beat: Beat) -> Snapshot:
    """Record the text-like mobjects and visible shapes on screen now."""
    snap = Snapshot(beat, scene.renderer.time)

    def walk(mob: Mobject, ancestors: list[Mobject]) -> None:
        chain = ancestors + [mob]
        if isinstance(mob, TEXT_TYPES):
            if not any(_visible(m) for m in mob.get_family()):
                return
            record = TextRecord(
                kind=type(mob).__name__ if isinstance(mob, DecimalNumber) else "Text",
                text=_text_of(mob),
                box=_box(mob),
                ident=id(mob),
                family=frozenset(id(m) for m in chain)
                | {id(m) for m in mob.get_family()},
                allowed=_allowed_ids(chain),
                is_tick=any(getattr(m, "is_tick", False) for m in chain),
                shown=tuple(s for m in chain for s in shown_values(m)),
            )
            if isinstance(mob, DecimalNumber):
                record.kind = "DecimalNumber"
                record.value = float(mob.get_value())
                record.decimals = int(mob.num_decimal_places)
                record.quantity = getattr(mob, "quantity", None)
            snap.texts.append(record)
        elif _visible(mob) and not mob.submobjects:
            snap.shapes.append((type(mob).__name__, _box(mob)))
        for sub in mob.submobjects if not isinstance(mob, TEXT_TYPES) else ():
            walk(sub, chain)

    for top in scene.mobjects:
        walk(top, [])
    return snap


def build(entry: SceneEntry, example: bpmath.Example | None = None) -> SceneRun:
    """Build ``entry``'s scene (for ``example``, default: its role's) beat by beat."""
    return build_scene(entry, load(entry), example)[1]


def build_scene(
    entry: SceneEntry,
    scene_class: type[LectureScene],
    example: bpmath.Example | None = None,
) -> tuple[LectureScene, SceneRun]:
    """Build ``scene_class`` (``entry``'s scene or a variant of it) without a movie.

    Returns the scene itself, for tests that inspect its mobjects, and its run: the
    snapshot of every beat, the frame, the captions and the running time.
    """
    started = time.perf_counter()
    if example is not None:
        scene_class = scene_class.with_example(example)
    snapshots: list[Snapshot] = []
    marks: list[tuple[str, Snapshot]] = []

    def hook(scene: LectureScene, beat: Beat) -> None:
        snapshots.append(snapshot(scene, beat))

    def mark_hook(scene: LectureScene, beat: Beat, name: str) -> None:
        marks.append((name, snapshot(scene, beat)))

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    cache_dir = CACHE / worker
    LectureScene.beat_hooks.append(hook)
    LectureScene.mark_hooks.append(mark_hook)
    try:
        with tempconfig(
            {
                "dry_run": True,
                "pixel_width": 854,
                "pixel_height": 480,
                "frame_rate": 15,
                "tex_dir": str(cache_dir / "Tex"),
                "text_dir": str(cache_dir / "texts"),
                "disable_caching": True,
                "verbosity": "ERROR",
                "progress_bar": "none",
            }
        ):
            scene = scene_class(skip_animations=True)
            scene.render()
            used = scene.example
            frame = (scene.camera.frame_width, scene.camera.frame_height)
            captions, duration = tuple(scene.captions), scene.renderer.time
    finally:
        LectureScene.beat_hooks.remove(hook)
        LectureScene.mark_hooks.remove(mark_hook)
    run = SceneRun(
        entry,
        used,
        snapshots,
        frame,
        time.perf_counter() - started,
        captions,
        duration,
        marks,
        tuple(scene.late_marks),
    )
    return scene, run


def load(entry: SceneEntry) -> type[LectureScene]:
    """The scene class of ``entry``; a missing module or class is named plainly."""
    try:
        return entry.load()
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            f"lecture step {entry.step} ({entry.title!r}): {entry.path} cannot be"
            f" imported: {exc}",
            name=exc.name,
        ) from exc
    except AttributeError as exc:
        raise AttributeError(
            f"lecture step {entry.step}: {entry.path} has no scene class"
            f" {entry.name!r}: {exc}"
        ) from exc


def entries() -> dict[str, SceneEntry]:
    """Every lecture scene, plus the harness's own sample, by module name."""
    from tests.scenes.sample_scene import BROKEN, SAMPLE

    found = {e.module: e for e in SCENES}
    found[SAMPLE.module] = SAMPLE
    found.update({e.module: e for e in BROKEN.values()})
    return found


@cache
def build_cached(module: str, example_key: str) -> SceneRun:
    """One build per (scene, example) per test process, shared by the test files."""
    from tests.scenes.other_examples import example_for

    entry = entries()[module]
    role = load(entry).example_role
    example = None if example_key == "default" else example_for(role, example_key)
    return build(entry, example)

