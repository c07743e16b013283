"""A card of general formulas, one per row, each discussed in turn with a worked instance.

:class:`FormulaCard` stacks formulas (lists of :func:`~scenes.kit.values.formula` parts)
left-aligned, keeps a soft band to shade the rows being discussed, places the worked
instances of those rows in a panel below the card, and at the end writes what each row is
for beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from manim import (
    DOWN,
    LEFT,
    Animation,
    AnimationGroup,
    FadeIn,
    FadeOut,
    Mobject,
    Rectangle,
    VGroup,
    Write,
    config,
)

from scenes.kit.layout import fit_width
from scenes.kit.style import MUTED, NOTE_SIZE
from scenes.kit.values import Part, formula

__all__ = ["FormulaCard"]


class FormulaCard(VGroup):
    """General formulas in rows, with a band to shade some and a panel for instances.

    Parameters
    ----------
    rows : sequence of lists of parts
        One formula per row, as :func:`formula` parts (coloured symbols, LaTeX).
    roles : sequence of str
        What each row is for, in words; written beside the rows by :meth:`role_labels`.
    font_size : float
        Size of the formulas.
    """

    def __init__(
        self,
        rows: Sequence[list[Part]],
        roles: Sequence[str],
        font_size: float = 30,
        row_buff: float = 0.2,
    ) -> None:
        super().__init__()
        if not rows or len(roles) != len(rows):
            raise ValueError(
                f"need one role per row: got {len(rows)} rows and {len(roles)} roles"
            )
        self.rows = VGroup(*(formula(*parts, font_size=font_size) for parts in rows))
        self.rows.arrange(DOWN, aligned_edge=LEFT, buff=row_buff)
        self.roles = tuple(roles)
        self.shade: Rectangle | None = None
        self.shown_panel: VGroup | None = None
        self.add(self.rows)

    def band(self, rows: VGroup | Mobject) -> Rectangle:
        """A soft band across the frame behind ``rows`` (some of :attr:`rows`)."""
        band = Rectangle(
            width=config.frame_width - 0.8, height=rows.height + 0.2, stroke_width=0
        )
        band.set_fill(MUTED, 0.15).move_to(rows).set_x(0).set_z_index(-1)
        return band

    def panel(self, instances: Sequence[Mobject], buff: float = 0.45) -> VGroup:
        """``instances`` stacked left-aligned below the card, within the frame's width."""
        panel = VGroup(*instances).arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        fit_width(panel, config.frame_width - 1.2)
        panel.next_to(self.rows, DOWN, buff=buff)
        return panel.set_x(self.rows.get_left()[0], direction=LEFT)

    def role_labels(self, gap: float = 0.8) -> VGroup:
        """Each row's role in muted words, right of the widest row, on the row's line."""
        labels = VGroup()
        for role, row in zip(self.roles, self.rows):
            label = formula(r"\text{%s}" % role, font_size=NOTE_SIZE + 2)
            label.set_color(MUTED).move_to(row)
            labels.add(label.set_x(self.rows.get_right()[0] + gap, direction=LEFT))
        return labels

    def discuss(self, rows: VGroup, instances: Sequence[Mobject]) -> list[Animation]:
        """The steps of turning to ``rows``: shade them, write them, work them below.

        Play the returned animations one after another. The band moves from the rows
        discussed before (it appears at once the first time) and the instances replace
        the previous panel (it fades in the first time); :attr:`shade` and
        :attr:`shown_panel` are what is on screen.
        """
        panel = self.panel(instances)
        if self.shade is None:
            self.shade = self.band(rows)
            shade = FadeIn(self.shade)
        else:
            shade = self.shade.animate.become(self.band(rows))
        old, self.shown_panel = self.shown_panel, panel
        leave = [] if old is None else [FadeOut(old)]
        return [AnimationGroup(*leave, shade), FadeIn(rows), Write(panel)]
