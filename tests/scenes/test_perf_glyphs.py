"""A readout's digits made the light way are Manim's digits (:mod:`scenes.perf.glyphs`).

A :class:`~scenes.kit.values.ValueNumber` and a plain Manim ``DecimalNumber`` built
alike are driven through the same values (signs, lengths, decimals, font sizes) with
recolouring, shifting and scaling in between; after every step each member of the
family must have the same class, points and colours. The light copy must also share
no array, list or dict with its original, so changing one never changes the other.
"""

from __future__ import annotations

import numpy as np
import pytest
from manim import BLUE, RED, DecimalNumber, MathTex

from scenes.kit.values import ValueNumber
from scenes.perf.glyphs import light_copy

STYLE = ("points", "fill_rgbas", "stroke_rgbas", "background_stroke_rgbas")


def _family(number: DecimalNumber) -> list[tuple]:
    """Class, points, colours and stroke of every member below the number itself."""
    return [
        (type(m).__name__, m.stroke_width, m.z_index, *(getattr(m, a) for a in STYLE))
        for m in number.get_family()[1:]
    ]


def _value_number(value: float, **kwargs) -> ValueNumber:
    """A ValueNumber built exactly as a DecimalNumber with ``kwargs`` (no Shown)."""
    number = ValueNumber.__new__(ValueNumber)
    DecimalNumber.__init__(number, value, **kwargs)
    return number


@pytest.mark.parametrize(("decimals", "font_size"), [(2, 30), (3, 24), (0, 40)])
def test_set_value_draws_what_manims_decimal_number_draws(decimals, font_size):
    rng = np.random.default_rng(decimals)
    kwargs = {"num_decimal_places": decimals, "font_size": font_size, "color": RED}
    manims, ours = DecimalNumber(0.5, **kwargs), _value_number(0.5, **kwargs)
    for step in range(120):
        value = float(rng.normal() * 10 ** rng.integers(0, 4))
        manims.set_value(value)
        ours.set_value(value)
        if step % 40 == 7:
            for number in (manims, ours):
                number.set_color(BLUE).shift([0.1, -0.2, 0]).scale(1.1)
        expected, got = _family(manims), _family(ours)
        assert len(got) == len(expected), (step, value)
        for want, have in zip(expected, got):
            assert have[:3] == want[:3], (step, value)
            for a, b in zip(want[3:], have[3:]):
                np.testing.assert_array_equal(b, a, err_msg=f"step {step}, {value}")


def test_a_light_copy_shares_nothing_that_drawing_changes():
    original = MathTex("7")
    copied = light_copy(original)
    for old, new in zip(original.get_family(), copied.get_family()):
        assert old is not new and type(old) is type(new)
        for name, value in old.__dict__.items():
            if isinstance(value, (np.ndarray, list, dict)):
                assert new.__dict__[name] is not value, name
        np.testing.assert_array_equal(new.points, old.points)
    before = original.get_family()[-1].points.copy()
    copied.shift([1, 1, 0]).set_color(RED)
    np.testing.assert_array_equal(original.get_family()[-1].points, before)
    assert original.get_color() != copied.get_color()
