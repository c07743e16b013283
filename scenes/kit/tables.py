"""Values in rows: a table under a header, and a bracketed column vector.

Both place their rows at a fixed pitch (``row_height``), so another row-based piece such
as :class:`scenes.kit.bars.SignedBars` built with the same pitch lines up with them row
for row (use :meth:`ValueTable.row_y` / :meth:`ColumnVector.row_y` to align).
A cell is a :class:`~scenes.kit.values.Shown` (drawn as a tagged
:class:`~scenes.kit.values.ValueNumber`) or any mobject.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import LEFT, RIGHT, UP, Line, Mobject, VectorizedPoint, VGroup, VMobject

from scenes.kit.style import LABEL_SIZE, MUTED
from scenes.kit.values import Shown, ValueNumber

__all__ = ["ColumnVector", "ValueTable"]

Cell = Shown | Mobject


def _cell(cell: Cell, font_size: float) -> Mobject:
    return ValueNumber(cell, font_size=font_size) if isinstance(cell, Shown) else cell


class _Rows(VGroup):
    """Cells in a grid: row i centred at y = -i × row_height, columns side by side."""

    def __init__(
        self,
        rows: Sequence[Sequence[Cell]],
        row_height: float,
        column_gap: float,
        font_size: float,
        align: str = "center",
    ) -> None:
        super().__init__()
        if not rows or any(len(r) != len(rows[0]) for r in rows) or not rows[0]:
            raise ValueError(
                "rows must be non-empty and all as long: got lengths"
                f" {[len(r) for r in rows]}"
            )
        self.row_height = row_height
        grid = [[_cell(c, font_size) for c in row] for row in rows]
        widths = [max(r[c].width for r in grid) for c in range(len(grid[0]))]
        lefts = np.concatenate([[0.0], np.cumsum(np.array(widths) + column_gap)])
        # Invisible anchors remember where each row's centre line is, wherever we move.
        self.anchors = VGroup(
            *(
                VectorizedPoint(np.array([0.0, -i * row_height, 0]))
                for i in range(len(grid))
            )
        )
        self.rows = VGroup()
        for i, row in enumerate(grid):
            for c, mob in enumerate(row):
                y = -i * row_height
                if align == "right":
                    mob.move_to(
                        np.array([lefts[c] + widths[c], y, 0]), aligned_edge=RIGHT
                    )
                else:
                    mob.move_to(np.array([lefts[c] + widths[c] / 2, y, 0]))
            self.rows.add(VGroup(*row))
        self.add(self.anchors, self.rows)

    def row_y(self, index: int) -> float:
        """The y of row ``index``'s centre line."""
        return float(self.anchors[index].get_center()[1])

    def cell(self, row: int, column: int) -> Mobject:
        """The mobject in ``row``, ``column``."""
        return self.rows[row][column]

    def column(self, index: int) -> VGroup:
        """Every cell of column ``index``, top to bottom."""
        return VGroup(*(r[index] for r in self.rows))


class ValueTable(VGroup):
    """A header over rows of cells; a thin rule separates them.

    Parameters
    ----------
    header : sequence of Mobject
        One title per column (e.g. ``formula(("x_k", "a"))``).
    rows : sequence of sequences of Shown or Mobject
        The body, one entry per column in every row.
    row_height : float
        The distance between the centre lines of consecutive rows.
    column_gap : float
        Space between the widest cells of neighbouring columns.

    Examples
    --------
    ``ValueTable([formula("k"), formula(("C_k", "C"))], [[formula("1"), shown_c1], ...])``
    """

    def __init__(
        self,
        header: Sequence[Mobject],
        rows: Sequence[Sequence[Cell]],
        row_height: float = 0.6,
        column_gap: float = 0.6,
        font_size: float = LABEL_SIZE,
    ) -> None:
        super().__init__()
        if len(header) != len(rows[0] if rows else ()):
            raise ValueError(
                f"header must have one entry per column: got {len(header)} headers and"
                f" {len(rows[0]) if rows else 0} columns"
            )
        grid = _Rows([list(header), *rows], row_height, column_gap, font_size)
        self.header = grid.rows[0]
        self.body = VGroup(*grid.rows[1:])
        self.grid = grid
        left, right = grid.get_left()[0], grid.get_right()[0]
        y = -row_height / 2
        self.rule = Line(np.array([left, y, 0]), np.array([right, y, 0]))
        self.rule.set_stroke(MUTED, 1.5)
        # The header sits a little higher than the rows' pitch, clear of the rule.
        self.header.shift(0.08 * UP)
        self.add(grid, self.rule)

    @property
    def n_rows(self) -> int:
        """How many body rows there are."""
        return len(self.body)

    def row_y(self, index: int) -> float:
        """The y of body row ``index``'s centre line."""
        return self.grid.row_y(index + 1)

    def cell(self, row: int, column: int) -> Mobject:
        """The mobject in body row ``row``, column ``column``."""
        return self.body[row][column]

    def column(self, index: int) -> VGroup:
        """Every body cell of column ``index``, top to bottom."""
        return VGroup(*(r[index] for r in self.body))


def _bracket(height: float, side: int, arm: float = 0.14) -> VMobject:
    """A square bracket ``[`` (side -1) or ``]`` (side 1), centred at the origin."""
    top, bottom = np.array([0, height / 2, 0]), np.array([0, -height / 2, 0])
    inward = -side * arm * RIGHT
    return VMobject().set_points_as_corners(
        [top + inward, top, bottom, bottom + inward]
    )


class ColumnVector(VGroup):
    """Entries stacked at a fixed pitch between square brackets.

    Parameters
    ----------
    entries : sequence of Shown or Mobject
        Top to bottom; values become tagged :class:`~scenes.kit.values.ValueNumber` s.
    row_height : float
        The distance between the centre lines of consecutive entries.
    align : {'center', 'right'}
        How entries line up (``'right'`` lines up the decimals of equal-width values).
    """

    def __init__(
        self,
        entries: Sequence[Cell],
        row_height: float = 0.6,
        font_size: float = LABEL_SIZE,
        align: str = "center",
        bracket_buff: float = 0.15,
    ) -> None:
        super().__init__()
        self.grid = _Rows([[e] for e in entries], row_height, 0.0, font_size, align)
        self.entries = VGroup(*(r[0] for r in self.grid.rows))
        height = len(entries) * row_height
        self.brackets = VGroup(_bracket(height, -1), _bracket(height, 1))
        self.brackets.set_stroke(MUTED, 2.5)
        centre = self.grid.anchors.get_center()
        self.brackets[0].move_to(centre).set_x(
            self.entries.get_left()[0] - bracket_buff, direction=LEFT
        )
        self.brackets[1].move_to(centre).set_x(
            self.entries.get_right()[0] + bracket_buff, direction=RIGHT
        )
        self.add(self.grid, self.brackets)

    def row_y(self, index: int) -> float:
        """The y of entry ``index``'s centre line."""
        return self.grid.row_y(index)
