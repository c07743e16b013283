"""The weight matrix W^(l), laid out as the diagram's edges are indexed.

Row j holds the weights *into* neuron j of layer l, column k the weights *out of* neuron
k of layer l-1, so the entry in row j, column k is w_jk^(l): the subscripts read
"backwards" along the edge (to j, from k) because that is the matrix's (row, column)
order, and W^(l) a^(l-1) then gives every z_j^(l) at once.

Examples
--------
In a :class:`~scenes.kit.beats.LectureScene`::

    matrix = WeightMatrix(self.values, L).to_edge(RIGHT)
    self.play(FadeIn(matrix))
    self.play(Create(matrix.mark(j=1, k=0)))   # row 1, column 0 and their entry
"""

from __future__ import annotations

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    UP,
    MathTex,
    SurroundingRectangle,
    VGroup,
)

from scenes.kit.notation import layer_tex
from scenes.kit.style import HIGHLIGHT, LABEL_SIZE, MUTED, color_of, weight_color
from scenes.kit.tables import _bracket as bracket  # the brackets of ColumnVector
from scenes.kit.values import ExampleValues, Quantity, ValueNumber

__all__ = ["WeightMatrix"]


class WeightMatrix(VGroup):
    """W^(layer) between square brackets, each entry a tagged weight, rows j, columns k.

    Parameters
    ----------
    values : ExampleValues
        bpmath's numbers for the example.
    layer : int
        1..L: the matrix of the weights into ``layer``.
    decimals : int
        Decimals of each entry.
    row_height, column_width : float
        Pitch of rows and columns.
    font_size : float
        Size of the entries; the index labels are a little smaller.
    symbolic : bool
        Whether the name reads ``W^{(L)}`` or ``W^{(2)}``.

    Attributes
    ----------
    entries : VGroup
        ``entries[j][k]`` is the :class:`ValueNumber` of w_jk, coloured by its sign as
        the diagram's edge is.
    name : MathTex
        ``W^{(L)} =`` left of the brackets.
    row_labels, column_labels : VGroup
        ``j=0``... left of the rows, ``k=0``... above the columns.
    """

    def __init__(
        self,
        values: ExampleValues,
        layer: int,
        decimals: int = 2,
        row_height: float = 0.55,
        column_width: float = 1.15,
        font_size: float = LABEL_SIZE,
        symbolic: bool = True,
    ) -> None:
        super().__init__()
        net = values.net
        if not 1 <= layer <= net.L:
            raise ValueError(f"layer must be in 1..{net.L}, got {layer}")
        self.layer, self.values = layer, values
        rows, cols = net.weight(layer).shape
        self.shape = (rows, cols)
        self.entries = VGroup()
        for j in range(rows):
            row = VGroup()
            for k in range(cols):
                shown = values.shown(Quantity("w", layer, j=j, k=k), decimals)
                entry = ValueNumber(
                    shown, font_size=font_size, color=weight_color(shown.value)
                )
                entry.move_to(np.array([k * column_width, -j * row_height, 0]))
                row.add(entry)
            self.entries.add(row)
        height = rows * row_height
        centre = self.entries.get_center()
        self.brackets = VGroup(bracket(height, -1), bracket(height, 1))
        self.brackets.set_stroke(MUTED, 2.5)
        self.brackets[0].move_to(centre).set_x(
            self.entries.get_left()[0] - 0.15, direction=LEFT
        )
        self.brackets[1].move_to(centre).set_x(
            self.entries.get_right()[0] + 0.15, direction=RIGHT
        )
        sup = layer_tex(layer, net.L, symbolic)
        self.name = MathTex(f"W^{{{sup}}}", "=", font_size=font_size + 4)
        self.name[0].set_color(color_of("w"))
        self.name.next_to(self.brackets[0], LEFT, buff=0.2)
        small = font_size - 6
        self.row_labels = VGroup(
            *(
                MathTex(f"j={j}", font_size=small, color=MUTED)
                .next_to(self.brackets[1], RIGHT, buff=0.2)
                .set_y(self.entries[j].get_y())
                for j in range(rows)
            )
        )
        self.column_labels = VGroup(
            *(
                MathTex(f"k={k}", font_size=small, color=MUTED)
                .next_to(self.brackets, UP, buff=0.12)
                .set_x(self.entries[0][k].get_x())
                for k in range(cols)
            )
        )
        self.add(
            self.name, self.brackets, self.entries, self.row_labels, self.column_labels
        )

    def entry(self, j: int, k: int) -> ValueNumber:
        """The shown w_jk: row ``j``, column ``k``."""
        rows, cols = self.shape
        if not (0 <= j < rows and 0 <= k < cols):
            raise ValueError(
                f"W^({self.layer}) is {rows}×{cols}: no entry at row j={j}, column k={k}"
            )
        return self.entries[j][k]

    def row(self, j: int) -> VGroup:
        """Row ``j``: the weights into neuron j of the layer."""
        self.entry(j, 0)
        return self.entries[j]

    def column(self, k: int) -> VGroup:
        """Column ``k``: the weights out of neuron k of the layer before."""
        self.entry(0, k)
        return VGroup(*(row[k] for row in self.entries))

    def mark(self, j: int, k: int) -> VGroup:
        """Frames round row ``j`` and column ``k`` (muted) and their entry (highlight).

        Returned, not added. ``mark(j, k).entry_box`` is the entry's frame.
        """
        entry = self.entry(j, k)
        row_box = SurroundingRectangle(
            VGroup(self.row(j), self.row_labels[j]), buff=0.08, color=MUTED
        )
        column_box = SurroundingRectangle(
            VGroup(self.column(k), self.column_labels[k]), buff=0.08, color=MUTED
        )
        entry_box = SurroundingRectangle(entry, buff=0.06, color=HIGHLIGHT)
        marks = VGroup(row_box, column_box, entry_box)
        marks.row_box, marks.column_box, marks.entry_box = (
            row_box,
            column_box,
            entry_box,
        )
        marks.index = (j, k)
        return marks
