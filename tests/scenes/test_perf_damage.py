"""Restoring only the drawn rows gives the frames a whole restore gives, byte for byte.

A tracked camera (:mod:`scenes.perf.damage`) and a plain Manim camera draw the same
sequence of frames over the same static background: shapes with thick mitered strokes
and sharp corners, a formula, dots, an arrow, a shape half out of the frame, a
background-coloured mobject. The tracked camera draws into arrays that rotate as the
encoder hands them back, so each is restored from what an older frame left in it. Every
frame must equal the plain camera's, with the check mode on (every restore and every
hint verified against whole-frame comparisons); with the stroke's reach left out, the
check must catch the rows drawn outside the record.
"""

from __future__ import annotations

import numpy as np
import pytest
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Circle,
    Dot,
    MathTex,
    Polygon,
    Square,
    tempconfig,
)
from manim.camera.camera import Camera

from scenes.perf import damage

SIZE = {"pixel_width": 320, "pixel_height": 180}


def _static_background(camera: Camera) -> np.ndarray:
    """A busy static image: rows unlike each other, so a stale row always shows."""
    camera.reset()
    camera.capture_mobjects([Square(6).set_fill("#335577", 0.6), MathTex("C_0").to_edge(UP)])
    return camera.pixel_array.copy()


def _moving(step: int) -> list:
    """The moving mobjects of frame ``step``: every kind the lecture's frames move.

    A few at a time, so that each frame's drawn rows are a band, not the whole height.
    """
    t = step / 7
    spike = Polygon(
        [-3.26 + t, -1, 0], [-3 + t, 1.5, 0], [-2.74 + t, -1, 0], stroke_width=40
    )  # a 12-degree corner: a miter tip nearly the miter limit's 10 half widths long
    groups = [
        [spike],
        [
            Dot([2 * np.cos(t), np.sin(t) - 0.5, 0], radius=0.15),
            MathTex(r"\frac{\partial C_0}{\partial w}").move_to([t - 1, 2 - t / 2, 0]),
        ],
        [
            Arrow(LEFT + DOWN * t / 2, RIGHT, stroke_width=12),
            Circle(radius=1.5, stroke_width=20).move_to([6.8, 3.8 - t, 0]),  # half out
            Square(0.5).set_fill("#aa3300", 1).shift(DOWN * 3 + RIGHT * t),
        ],
    ]
    return groups[step % len(groups)]


def _frames(tracked: bool, steps: int = 14) -> list[np.ndarray]:
    frames = []
    with tempconfig(SIZE):
        camera = Camera()
        if tracked:
            assert damage.install(camera)
        background = _static_background(camera)
        pool = [camera.pixel_array, np.zeros_like(camera.pixel_array)]
        pool.append(np.full_like(camera.pixel_array, 77))
        for step in range(steps):
            if tracked:  # the hand-over: the next frame is drawn into another array
                camera.pixel_array_to_cairo_context.pop(id(camera.pixel_array), None)
                camera.pixel_array = pool[step % len(pool)]
            camera.set_frame_to_background(background)
            camera.capture_mobjects(_moving(step) if step % 5 != 4 else [])
            frames.append(camera.pixel_array.copy())
            if tracked and step:
                hint = damage.rows_between(pool[(step - 1) % 3], camera.pixel_array)
                assert hint is not None
    return frames


@pytest.fixture
def checking(monkeypatch):
    monkeypatch.setenv(damage.CHECK_SWITCH, "1")


def test_tracked_frames_equal_whole_restores(checking):
    tracked, plain = _frames(True), _frames(False)
    for index, (got, expected) in enumerate(zip(tracked, plain, strict=True)):
        np.testing.assert_array_equal(got, expected, err_msg=f"frame {index}")


def test_a_miter_tip_left_out_is_caught(checking, monkeypatch):
    monkeypatch.setattr(damage, "_join_factor", lambda ctx: 1.0)
    with pytest.raises(damage.DamageError, match="drawn rows|recorded as untouched"):
        _frames(True)


def test_rows_between_needs_one_background_and_unions_the_drawn_rows(checking):
    with tempconfig(SIZE):
        camera = Camera()
        damage.install(camera)
        background = _static_background(camera)
        first, second = np.zeros_like(background), np.zeros_like(background)
        for array, shift in ((first, UP * 2), (second, DOWN * 2)):
            camera.pixel_array_to_cairo_context.pop(id(camera.pixel_array), None)
            camera.pixel_array = array
            camera.set_frame_to_background(background)
            camera.capture_mobjects([Dot(shift)])
        top, bottom = damage.rows_between(first, second)
        assert 0 < top < 90 < bottom < 180  # the two dots' rows and what lies between
        assert damage.rows_between(first, first.copy()) is None  # not drawn by the camera
        camera.pixel_array = first
        camera.reset()  # now on the camera's own background
        assert damage.rows_between(first, second) is None


def test_a_whole_frame_drawing_damages_every_row(checking):
    with tempconfig(SIZE):
        camera = Camera()
        damage.install(camera)
        background = _static_background(camera)
        camera.set_frame_to_background(background)
        camera.capture_mobjects([Dot().set_fill(opacity=1)])
        camera.display_multiple_image_mobjects([], camera.pixel_array)
        frame = camera.pixel_array
        other = np.zeros_like(frame)
        camera.pixel_array = other
        camera.set_frame_to_background(background)
        assert damage.rows_between(frame, other) == (0, 180)


def test_switch_off_leaves_manims_camera(monkeypatch):
    monkeypatch.setenv(damage.ENV_SWITCH, "0")
    with tempconfig(SIZE):
        camera = Camera()
        assert not damage.install(camera)
        assert "set_pixel_array" not in vars(camera)
