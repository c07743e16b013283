"""A cached cairo path draws the pixels the path built afresh draws.

Two cameras draw the same frames, one with :mod:`scenes.perf.paths`: formulas, shapes
with open and closed subpaths, mobjects moved in place, given new points of another
count, emptied, and given a point that is not finite. Every frame must be equal, and the
cache must have been used (most of the mobjects do not change between frames).
"""

from __future__ import annotations

import numpy as np
from manim import RIGHT, UP, Arc, Circle, MathTex, Square, VGroup, VMobject, tempconfig
from manim.camera.camera import Camera

from scenes.perf import paths


def _scene() -> list[VMobject]:
    formula = MathTex(r"\frac{\partial C_0}{\partial a^{(L-1)}_k} = \sum_j w_{jk}")
    return [formula, Square(2).shift(RIGHT), Arc(angle=4), Circle().shift(UP)]


def _frames(cached: bool) -> tuple[list[np.ndarray], int]:
    frames, reused = [], 0
    with tempconfig({"pixel_width": 320, "pixel_height": 180}):
        camera = Camera()
        if cached:
            assert paths.install(camera)
        mobjects = _scene()
        formula, square, arc, circle = mobjects
        for step in range(8):
            if step == 2:
                square.shift(0.3 * RIGHT)  # moved in place
            if step == 3:
                arc.become(Arc(angle=2, radius=1.5))  # another number of points
            if step == 4:
                circle.points = np.zeros((0, 3))  # emptied
            if step == 5:
                circle.become(Circle(radius=0.5))
            if step == 6:
                square.points[0, 0] = np.nan  # not finite: Manim draws nothing of it
            if step == 7:
                square.become(Square(1))
            camera.reset()
            ctx = camera.get_cairo_context(camera.pixel_array)
            for mobject in VGroup(*mobjects).family_members_with_points():
                if cached:
                    reused += _reused(camera, ctx, mobject)
                else:
                    camera.display_vectorized(mobject, ctx)
            frames.append(camera.pixel_array.copy())
    return frames, reused


def _reused(camera: Camera, ctx, mobject) -> int:
    """Draw ``mobject``; 1 if its path came from the cache."""
    calls = []

    class Spy:
        def __getattr__(self, name):
            if name == "append_path":
                calls.append(name)
            return getattr(ctx, name)

    camera.set_cairo_context_path(Spy(), mobject)
    camera.apply_stroke(ctx, mobject, background=True)
    camera.apply_fill(ctx, mobject)
    camera.apply_stroke(ctx, mobject)
    return len(calls)


def test_cached_paths_draw_the_same_pixels():
    cached, reused = _frames(True)
    built, _ = _frames(False)
    for index, (got, expected) in enumerate(zip(cached, built, strict=True)):
        np.testing.assert_array_equal(got, expected, err_msg=f"frame {index}")
    assert reused > len(cached) * 10  # the formula's glyphs, frame after frame


def test_switch_off_builds_every_path(monkeypatch):
    monkeypatch.setenv(paths.ENV_SWITCH, "0")
    with tempconfig({"pixel_width": 320, "pixel_height": 180}):
        camera = Camera()
        assert not paths.install(camera)
        assert "set_cairo_context_path" not in vars(camera)
