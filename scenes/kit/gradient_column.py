"""∇C as a column: each entry's name, its value and a bar to scale, over a training set.

:class:`GradientColumn` lays out ``∇C = [∂C/∂w^(1), ...] = [values]`` for a chain (one
entry per weight and bias, in bpmath's order) with signed bars beside the values, all
sized to fit the frame's width. All entries share one number of decimals: the most that
any entry needs for its per-example values, rounded, to average to it
(:func:`gradient_decimals`); unpack an entry as an average only after checking that it
agrees at those decimals (the lecture unpacks ∂C/∂w^(L) and ∂C/∂w^(1), tested).
"""

from __future__ import annotations

import re

from manim import RIGHT, UP, Mobject, Rectangle, VGroup

import bpmath
from scenes.kit.bars import SignedBars
from scenes.kit.style import MUTED
from scenes.kit.tables import ColumnVector
from scenes.kit.values import ExampleValues, Quantity, Shown, decimals_for, formula

__all__ = ["GradientColumn", "entry_parameter", "gradient_decimals", "per_example"]

_LABEL = re.compile(r"^([wb])\^\((\d+)\)$")


def entry_parameter(label: str) -> tuple[str, int]:
    """``("w", 2)`` for bpmath's plain chain label ``"w^(2)"``.

    >>> entry_parameter("b^(3)")
    ('b', 3)
    """
    match = _LABEL.match(label)
    if match is None:
        raise ValueError(f"expected a chain label like 'w^(2)', got {label!r}")
    return match.group(1), int(match.group(2))


def per_example(values: ExampleValues, label: str, decimals: int) -> list[Shown]:
    """The entry ``label`` (``"w^(2)"``) of ∇C_k for every example k."""
    kind, layer = entry_parameter(label)
    return [
        values.shown(Quantity(f"dC/d{kind}", layer, example=k), decimals)
        for k in range(values.example.n_examples)
    ]


def gradient_decimals(values: ExampleValues, minimum: int = 4) -> int:
    """The most decimals any entry of ∇C needs to be the mean of its rounded parts."""
    return max(
        decimals_for(
            [s.value for s in per_example(values, label, 3)],
            values("grad", j=i),
            combine="mean",
            minimum=minimum,
        )
        for i, label in enumerate(_vector(values).labels)
    )


def _vector(values: ExampleValues) -> bpmath.GradientVector:
    """∇C of the example's training rows (their mean), flattened in bpmath's order."""
    example = values.example
    mean = bpmath.average_gradient(example.network, example.inputs, example.targets)
    return bpmath.gradient_vector(mean.mean)


class GradientColumn(VGroup):
    """``∇C = [names] = [values]`` and a signed bar per entry, within ``width``.

    Parameters
    ----------
    values : ExampleValues
        A chain example with its training rows (∇C is their mean).
    width : float
        The widest the whole row (column, values and bars) may be.

    Attributes
    ----------
    labels, latex : tuple of str
        bpmath's label of each entry (``"w^(1)"``) and its LaTeX.
    nabla, names, equals, numbers : Mobject
        ``∇C``, the column of ∂C/∂θ, ``=``, the column of values (:class:`ColumnVector`);
        ``row`` groups the four.
    grads : list of Shown
        The entries, at :attr:`decimals` (:func:`gradient_decimals`).
    bars : SignedBars
        One bar per entry, on one scale; ``bars_title`` names them ∇C.
    size, pitch : float
        Font size and row pitch, both shrinking as the entries grow in number.
    """

    def __init__(self, values: ExampleValues, width: float = 13.0) -> None:
        super().__init__()
        vector = _vector(values)
        self.labels, self.latex = tuple(vector.labels), tuple(vector.latex)
        count = len(vector)
        self.decimals = gradient_decimals(values)
        self.pitch = pitch = min(0.6, 4.1 / count)
        self.size = size = min(32.0, 52 * pitch)
        self.nabla = formula(("\\nabla C", "C"), "=", font_size=size + 6)
        self.names = ColumnVector(
            [
                formula(
                    (r"\partial C", "C"),
                    "/",
                    (r"\partial " + tex, tex[0]),
                    font_size=size,
                )
                for tex in vector.latex
            ],
            row_height=pitch,
        )
        self.equals = formula("=", font_size=size + 6)
        self.grads = [
            values.shown(Quantity("grad", j=i), self.decimals) for i in range(count)
        ]
        self.numbers = ColumnVector(
            self.grads, row_height=pitch, font_size=size, align="right"
        )
        self.row = row = VGroup(self.nabla, self.names, self.equals, self.numbers)
        row.arrange(RIGHT, buff=0.3)
        max_length = min(2.2, (width - row.width - 0.6) / 2)
        self.bars = SignedBars(
            self.grads, None, max_length=max_length, row_height=pitch, readouts=False
        )
        row.set_x(-(0.6 + 2 * max_length) / 2)
        self.bars.beside(self.numbers, self.numbers.row_y(0))
        self.bars_title = formula(("\\nabla C", "C"), font_size=size)
        self.bars_title.next_to(self.bars.axis, UP, buff=0.12)
        self.add(row, self.bars, self.bars_title)

    def below(self, mobject: Mobject, buff: float) -> GradientColumn:
        """Move the column (the bars with it) so its top is ``buff`` below ``mobject``."""
        return self.shift((mobject.get_bottom()[1] - buff - self.row.get_top()[1]) * UP)

    def row_band(self, index: int) -> Rectangle:
        """A soft band behind entry ``index``, from its name to the end of the bars."""
        right = self.bars.get_right()[0] + 0.15
        band = Rectangle(
            width=right + 0.15 - self.names.get_left()[0],
            height=0.92 * self.pitch,
            stroke_width=0,
        ).set_fill(MUTED, 0.18)
        band.move_to([right - band.width / 2, self.numbers.row_y(index), 0])
        return band.set_z_index(-1)
