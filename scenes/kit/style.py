"""One place for the look of the lecture: a colour per symbol, fonts, sizes, formats.

Every piece of the kit and every scene takes its colours from :data:`SYMBOL_COLORS`, so
w, b, z, a, C and y keep their colour from the first scene to the last.
"""

from __future__ import annotations

from manim import GREY_B, WHITE, ManimColor

__all__ = [
    "BACKGROUND",
    "DECIMALS",
    "FONT_SIZE",
    "HIGHLIGHT",
    "LABEL_SIZE",
    "NOTE_SIZE",
    "SYMBOL_COLORS",
    "TEXT_COLOR",
    "TITLE_SIZE",
    "WEIGHT_NEGATIVE",
    "WEIGHT_POSITIVE",
    "MUTED",
    "color_of",
    "weight_color",
]

BACKGROUND = ManimColor("#0F1419")
TEXT_COLOR = WHITE
MUTED = GREY_B

SYMBOL_COLORS: dict[str, ManimColor] = {
    "w": ManimColor("#88E1FB"),  # weights: light sky blue (edges use the sign colours)
    "b": ManimColor("#B76D77"),  # biases: dusty rose
    "z": ManimColor("#99C68C"),  # weighted sums: sage green
    "a": ManimColor("#F0F0F0"),  # activations: near white, like a lit neuron
    "C": ManimColor("#EA4D4A"),  # cost: red
    "y": ManimColor("#FDE27A"),  # desired output: yellow
    "sigma": ManimColor("#57B8A2"),  # σ and σ': teal
}
"""The colour of each symbol of the lecture.

With the sign colours and the highlight below, every pair stays at least 11.8 CIEDE2000
apart under typical vision, protanopia, deuteranopia and tritanopia (Machado et al. 2009,
full severity), and each colour has at least 4.8:1 contrast against :data:`BACKGROUND`
(``tests/scenes/test_palette.py`` holds them to 10 and 4.5:1). Change a colour only with
that test passing."""

WEIGHT_POSITIVE = ManimColor("#5B89B4")
WEIGHT_NEGATIVE = ManimColor("#FE8E46")
"""Edges are coloured by the sign of their weight: steel blue when positive, orange when
negative (lighter and yellower than C's red, so the two never merge)."""

HIGHLIGHT = ManimColor("#C096F9")
"""Path highlights (flashes, pulses, traced arrows): lilac, so no symbol's colour is
borrowed (yellow would read as y)."""

TITLE_SIZE = 40
FONT_SIZE = 36
LABEL_SIZE = 30
NOTE_SIZE = 24

DECIMALS = 3
"""Default decimals for values on screen; products use :func:`bpmath.agreeing_decimals`."""


def color_of(symbol: str) -> ManimColor:
    """The colour of ``symbol`` ('w', 'b', 'z', 'a', 'C', 'y', 'sigma'); white otherwise."""
    return SYMBOL_COLORS.get(symbol, TEXT_COLOR)


def weight_color(value: float) -> ManimColor:
    """Edge colour for a weight: steel blue when positive, orange when negative."""
    return WEIGHT_POSITIVE if value >= 0 else WEIGHT_NEGATIVE
