"""One place for the look of the lecture: a colour per symbol, fonts, sizes, formats.

Every piece of the kit and every scene takes its colours from :data:`SYMBOL_COLORS`, so
w, b, z, a, C and y keep their colour from the first scene to the last.
"""

from __future__ import annotations

from manim import BLUE_C, GREY_B, RED_C, TEAL_C, WHITE, YELLOW_C, ManimColor

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
    "w": ManimColor(
        "#58C4DD"
    ),  # weights: light blue (edges use the sign colours below)
    "b": ManimColor("#C55F73"),  # biases: maroon
    "z": ManimColor("#83C167"),  # weighted sums: green
    "a": ManimColor("#F0F0F0"),  # activations: near white, like a lit neuron
    "C": RED_C,  # cost: red
    "y": YELLOW_C,  # desired output: yellow
    "sigma": TEAL_C,  # σ and σ'
}
"""The colour of each symbol of the lecture."""

WEIGHT_POSITIVE = BLUE_C
WEIGHT_NEGATIVE = ManimColor("#FF7F50")
"""Edges are coloured by the sign of their weight."""

HIGHLIGHT = ManimColor("#C9A0FF")
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
    """Edge colour for a weight: blue when positive, orange when negative."""
    return WEIGHT_POSITIVE if value >= 0 else WEIGHT_NEGATIVE
