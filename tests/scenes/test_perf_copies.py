"""A copied formula shares its glyphs' parsed SVG paths and nothing else.

The copy's glyphs must refer to the very path objects the original's were parsed from,
while their points stay copies of their own (changing one leaves the other alone), and
the copy must draw what the original draws. Without the speed-up, Manim deep-copies the
paths, which shows the test tells the two apart.
"""

from __future__ import annotations

import numpy as np
import pytest
from manim import RIGHT, MathTex
from manim.mobject.svg.svg_mobject import VMobjectFromSVGPath

from scenes.perf import copies


@pytest.fixture
def restore_manims():
    yield
    copies.uninstall()


def _glyphs(tex: MathTex) -> list[VMobjectFromSVGPath]:
    return [m for m in tex.get_family() if isinstance(m, VMobjectFromSVGPath)]


def test_a_copy_shares_the_parsed_paths_only(restore_manims):
    assert copies.install()
    original = MathTex(r"\frac{\partial C_0}{\partial w^{(L)}}")
    duplicate = original.copy()
    pairs = list(zip(_glyphs(original), _glyphs(duplicate), strict=True))
    assert len(pairs) > 5
    for ours, theirs in pairs:
        assert theirs.path_obj is ours.path_obj
        assert theirs.points is not ours.points
        np.testing.assert_array_equal(theirs.points, ours.points)
    before = _glyphs(original)[0].points.copy()
    duplicate.shift(RIGHT)
    np.testing.assert_array_equal(_glyphs(original)[0].points, before)


def test_switched_off_the_paths_are_deep_copied(restore_manims, monkeypatch):
    copies.uninstall()
    monkeypatch.setenv(copies.ENV_SWITCH, "0")
    assert not copies.install()
    original = MathTex("a^{(L)}")
    duplicate = original.copy()
    for ours, theirs in zip(_glyphs(original), _glyphs(duplicate), strict=True):
        assert theirs.path_obj is not ours.path_obj
