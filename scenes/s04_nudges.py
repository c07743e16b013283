"""Storyboard step 4: nudge w^(L) and watch z, a and C0 move on their number lines."""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    FadeIn,
    FadeOut,
    LaggedStart,
    Line,
    Succession,
    VGroup,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import color_fraction
from scenes.kit.layout import fit_width
from scenes.kit.nudge import NOTE_GAP, NudgeRipple, magnification_note
from scenes.kit.number_line import VariableNumberLine
from scenes.kit.pointer import in_turn, point_at
from scenes.kit.style import MUTED, TITLE_SIZE
from scenes.kit.values import Quantity, delta_decimals, formula

__all__ = ["NudgesOnNumberLines"]

SHRINKING = (0.1, 0.01, 0.001)
"""The nudges to w^(L), each ten times smaller (inputs of the scene, not values)."""
READOUT_DECIMALS = {"w": 3, "z": 4, "a": 4, "C": 4}
RATIO_SIGNIFICANT = 4
"""Significant digits of the ratios (at least one decimal): enough to see them converge."""


class NudgesOnNumberLines(LectureScene):
    """Every variable on its own number line; a nudge to w ripples down to the cost."""

    example_role = "chain"

    def construct(self) -> None:
        """Lines, one nudge, the ratio, then smaller and smaller nudges."""
        v, L = self.values, self.example.network.L
        param = f"w{L}"
        self.ratio_decimals = delta_decimals(v("dC/dw", L), 1, RATIO_SIGNIFICANT)
        spec = [
            ("w", "w^{(L)}", Quantity("w", L)),
            ("z", "z^{(L)}", Quantity("z", L)),
            ("a", "a^{(L)}", Quantity("a", L)),
            ("C", "C_0", Quantity("C")),
        ]
        lines = []
        for symbol, tex, q in spec:
            afters = [v.value(Quantity(q.name, q.layer, nudge=(param, SHRINKING[0])))]
            shown = v.shown(q, READOUT_DECIMALS[symbol])
            lines.append((VariableNumberLine(symbol, tex, shown, afters), q, tex))
        column = VGroup(*(line for line, _, _ in lines))
        column.arrange(DOWN, aligned_edge=RIGHT, buff=0.8)
        column.to_edge(LEFT, buff=0.5).shift(0.3 * DOWN)
        title = formula(r"\text{Nudges on number lines}", font_size=TITLE_SIZE - 4)
        title.to_corner(UP + RIGHT, buff=0.45)

        on = partial(self.play_at, until="next")
        with self.beat(
            """Give each number of the last layer its own line: [w] the weight, [z] the
            weighted sum, [a] the activation and [C] the cost. [zoom] Each line is zoomed so
            the changes we are about to make are visible at their true size."""
        ):
            on(None, Write(title))
            for mark, (line, _, _) in zip(("w", "z", "a", "C"), lines):
                on(mark, _draw(line))
            # each line in turn, its range (the zoom) shown by its end ticks
            ranges = [point_at(line.line, line.ticks) for line, _, _ in lines]
            on("zoom", in_turn(*ranges))

        ripple = NudgeRipple(v, lines, (param, SHRINKING[0]))
        with self.beat(
            """Now [nudge] nudge the weight a little. [z] The weighted sum shifts, [a] that
            shifts the activation, and [C] that shifts the cost. [dots] Each dot is where
            the real network puts it, and [bars] each bar is the real change [measured]
            measured on its own line."""
        ):
            marks = ("nudge", "z", "a", "C")
            for mark, step in zip(marks, ripple.animations()):
                on(mark, step)
            on("dots", in_turn(*(point_at(line.dot) for line, _, _ in lines)))
            on("bars", in_turn(*(point_at(m.bar) for m in ripple.markers)))
            on("measured", in_turn(*(point_at(m.label) for m in ripple.markers)))

        rows = [self._row(param, delta) for delta in SHRINKING]
        derivative = formula(
            r"\frac{\partial C_0}{\partial w^{(L)}}",
            "=",
            v.shown(Quantity("dC/dw", L), self.ratio_decimals),
            font_size=34,
        )
        color_fraction(derivative[0], "C", "w")
        table = VGroup(*rows, derivative).arrange(DOWN, buff=0.35, aligned_edge=RIGHT)
        # right of the widest magnification note the lines may get; long numbers shrink
        left = column.get_right()[0] + NOTE_GAP + magnification_note(None).width + 0.3
        fit_width(table, title.get_right()[0] - left)
        table.next_to(title, DOWN, buff=0.6).align_to(title, RIGHT)
        rule = Line(LEFT * table.width / 2, RIGHT * table.width / 2, color=MUTED)
        rule.set_stroke(width=2).next_to(derivative, UP, buff=0.17)
        rule.set_x(table.get_x())
        first, cost, weight = rows[0], ripple.markers[-1], ripple.markers[0]
        with self.beat(
            """[divide] Divide [cost] the change in cost by [weight] the change in weight.
            [ratio] That ratio is close to the [derivative] derivative we want, [slope] the
            slope of the cost with respect to the weight, but [not_equal] not equal to it,
            because [tiny] this nudge is not tiny."""
        ):
            on("divide", Write(first[4]))
            on("cost", point_at(cost.label), at_most=1.2)
            on("weight", point_at(weight.label), Write(first[:4]), at_most=1.5)
            on("ratio", Write(first[5:]))
            on("derivative", Create(rule), Write(derivative))
            on("slope", point_at(derivative[0]), at_most=1.2)
            on("not_equal", point_at(first[6]), point_at(derivative[2]), at_most=1.2)
            on("tiny", point_at(first[2]), point_at(weight.bar), at_most=1.2)

        with self.beat(
            """Make the nudge ten times smaller, then ten times smaller [again] again.
            [shrinks] Every change shrinks with it, but [ratio] their ratio settles onto the
            [derivative] derivative. [magnified] Bars too short to see are drawn magnified,
            with [factor] the factor written beside them; [tiny] a change too small to show
            even a hundred times larger is labelled as such."""
        ):
            for mark, delta, row in zip((None, "again"), SHRINKING[1:], rows[1:]):
                back = AnimationGroup(FadeOut(ripple), *ripple.undo(0.4))
                ripple = NudgeRipple(v, lines, (param, delta))
                on(mark, Succession(back, *ripple.animations(), Write(row)))
            on("shrinks", in_turn(*(point_at(m.label) for m in ripple.markers)))
            on("ratio", in_turn(*(point_at(row[6]) for row in rows)))
            on("derivative", point_at(derivative[2]), at_most=1.2)
            magnified = [m for m in ripple.markers if m.scale > 1]
            self._point_at("magnified", [m.bar for m in magnified])
            self._point_at("factor", [m.note for m in magnified])
            self._point_at("tiny", [m.note for m in ripple.markers if m.too_small])

    def _point_at(self, mark: str, targets: list) -> None:
        """On ``mark``, point at each of ``targets`` (none on this example: just wait)."""
        shown = [t for t in targets if t is not None]
        if shown:  # one after another, while the words name them
            self.play_at(mark, in_turn(*map(point_at, shown)), until="next")
        else:
            self.wait_until_mark(mark)

    def _row(self, param: str, delta: float) -> VGroup:
        """Δw^(L) and the ratio ΔC0/Δw^(L) of one nudge, as one table row."""
        nudge = (param, delta)
        row = formula(
            (r"\Delta w^{(L)}", "w"),
            "=",
            self.values.shown(Quantity("Δparam", nudge=nudge), 3),
            r":\quad",
            r"\frac{\Delta C_0}{\Delta w^{(L)}}",
            "=",
            self.values.shown(Quantity("ΔC/Δparam", nudge=nudge), self.ratio_decimals),
            font_size=30,
        )
        color_fraction(row[4], "C", "w")
        return row


def _draw(line: VariableNumberLine) -> LaggedStart:
    """A number line drawn as it is named: its symbol, the line and its range, the value."""
    return LaggedStart(
        Write(line.label),
        Create(line.line),
        Write(line.ticks),
        AnimationGroup(FadeIn(line.dot, scale=0.5), Write(line.readout)),
        lag_ratio=0.4,
    )
