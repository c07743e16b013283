"""Layout helpers: a line continued under another's sign, a line at the bottom."""

from __future__ import annotations

import pytest
from manim import MathTex, config

from scenes.kit.layout import align_below, to_bottom


def test_align_below_puts_the_lead_under_the_part():
    """The continued line starts its '=' right under the '=' above, below it."""
    above = MathTex("z", "=", "w a + b").move_to([1.0, 2.0, 0])
    below = MathTex("=", "0.5 + 0.1", "=", "0.6")
    align_below(below, below[0], above, above[1], buff=0.3)
    assert below[0].get_x() == pytest.approx(above[1].get_x())
    assert below.get_top()[1] == pytest.approx(above.get_bottom()[1] - 0.3)


def test_to_bottom_shrinks_only_what_is_too_wide():
    """A wide line shrinks to the width; a narrow one keeps its size; both sit low."""
    wide = MathTex(r"\text{" + "x" * 200 + "}")
    narrow = MathTex("x")
    width = narrow.width
    to_bottom(wide, buff=0.4, width=13.0)
    to_bottom(narrow, buff=0.4, width=13.0)
    assert wide.width == pytest.approx(13.0)
    assert narrow.width == pytest.approx(width)
    for mob in (wide, narrow):
        assert mob.get_bottom()[1] == pytest.approx(-config.frame_height / 2 + 0.4)
