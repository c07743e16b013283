"""Storyboard step 8: the gradient vector ∇C, every component computed and shown."""

from __future__ import annotations

import re

from manim import (
    DOWN,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Rectangle,
    ReplacementTransform,
    VGroup,
    Write,
)

import bpmath
from scenes.kit.averages import average_formula
from scenes.kit.bars import SignedBars
from scenes.kit.beats import LectureScene
from scenes.kit.style import MUTED, TITLE_SIZE
from scenes.kit.tables import ColumnVector
from scenes.kit.values import Quantity, Shown, decimals_for, formula

__all__ = ["GradientVectorScene", "entry_parameter"]

LEARNING_RATE = 1.0
"""η for the one downhill step shown at the end (an input of the scene, not a result)."""

_LABEL = re.compile(r"^([wb])\^\((\d+)\)$")


def entry_parameter(label: str) -> tuple[str, int]:
    """``("w", 2)`` for bpmath's plain chain label ``"w^(2)"``."""
    match = _LABEL.match(label)
    if match is None:
        raise ValueError(f"expected a chain label like 'w^(2)', got {label!r}")
    return match.group(1), int(match.group(2))


class GradientVectorScene(LectureScene):
    """∇C over the training set: one component per weight and bias of the chain."""

    example_role = "training"

    def construct(self) -> None:
        """Symbols, values and bars; two entries unpacked as averages; one step downhill."""
        v, net, n = self.values, self.example.network, self.example.n_examples
        vector = bpmath.gradient_vector(
            bpmath.average_gradient(net, self.example.inputs, self.example.targets).mean
        )
        count = len(vector)
        # Every entry is shown with decimals at which its per-example values, rounded,
        # average to it; so any entry can be unpacked without a digit disagreeing.
        digits = max(
            decimals_for(
                [s.value for s in self._per_example(label, 3)],
                v("grad", j=i),
                combine="mean",
                minimum=4,
            )
            for i, label in enumerate(vector.labels)
        )
        pitch = min(0.6, 4.1 / count)
        size = min(32.0, 52 * pitch)

        title = formula(r"\text{The gradient vector}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.4)
        nabla = formula(("\\nabla C", "C"), "=", font_size=size + 6)
        names = ColumnVector(
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
        equals = formula("=", font_size=size + 6)
        grads = [v.shown(Quantity("grad", j=i), digits) for i in range(count)]
        numbers = ColumnVector(grads, row_height=pitch, font_size=size, align="right")
        row = VGroup(nabla, names, equals, numbers).arrange(RIGHT, buff=0.3)
        max_length = min(2.2, (13.0 - row.width - 0.6) / 2)
        bars = SignedBars(
            grads, None, max_length=max_length, row_height=pitch, readouts=False
        )
        row.next_to(title, DOWN, buff=0.95).set_x(-(0.6 + 2 * max_length) / 2)
        bars.shift(
            (numbers.get_right()[0] + 0.6 + max_length - bars.zero_point()[0]) * RIGHT
            + (numbers.row_y(0) - bars.row_y(0)) * UP
        )
        bars_title = formula(("\\nabla C", "C"), font_size=size)
        bars_title.next_to(bars.axis, UP, buff=0.12)

        with self.beat(
            f"""The cost depends on every weight and every bias, {count} parameters for this
            chain. Its gradient collects the partial derivative with respect to each of them
            into one column, in a fixed order, layer by layer."""
        ):
            self.play(Write(title))
            self.play(Write(nabla), Create(names.brackets))
            self.play(LaggedStart(*(FadeIn(e) for e in names.entries), lag_ratio=0.15))

        with self.beat(
            f"""Backpropagation gives every one of these numbers, averaged over the {n}
            training examples. The bars are drawn to scale, so the parameters the cost is
            most sensitive to right now stand out at a glance."""
        ):
            self.play(Write(equals), Create(numbers.brackets))
            self.play(LaggedStart(*(FadeIn(e) for e in numbers.entries), lag_ratio=0.1))
            self.play(Create(bars.axis), FadeIn(bars_title))
            self.play(LaggedStart(*(Create(b) for b in bars.bars), lag_ratio=0.12))

        last = vector.labels.index(f"w^({net.L})")
        first = vector.labels.index("w^(1)")
        unpacked = []
        notes = [
            """Each entry is an average of per-example results. The one for the last weight
            is the mean from the previous scene: one chain-rule product per training
            example, added up and divided by their number.""",
            """The first weight is no different, only its chain is longer: each example's
            derivative is the product along the path back from the cost, and the entry is
            once again the average of those products.""",
        ]
        for note, index in zip(notes, (last, first)):
            with self.beat(note):
                box = Rectangle(
                    width=bars.get_right()[0] - names.get_left()[0] + 0.3,
                    height=0.92 * pitch,
                    stroke_width=0,
                ).set_fill(MUTED, 0.18)
                box.move_to(
                    [
                        bars.get_right()[0] + 0.15 - box.width / 2,
                        numbers.row_y(index),
                        0,
                    ]
                )
                box.set_z_index(-1)
                tex = vector.latex[index]
                line = average_formula(
                    (r"\frac{\partial C}{\partial " + tex + "}", "C"),
                    (r"\frac{\partial C_k}{\partial " + tex + "}", "C"),
                    self._per_example(vector.labels[index], digits),
                    grads[index],
                    font_size=32,
                )
                self._bottom(line)
                if unpacked:
                    self.play(
                        ReplacementTransform(unpacked[-1][0], box),
                        FadeOut(unpacked[-1][1]),
                    )
                else:
                    self.play(FadeIn(box))
                self.play(Indicate(bars.bars[index]), Write(line))
                unpacked.append((box, line))

        rate = v.shown(Quantity("rate", rate=LEARNING_RATE), 1)
        with self.beat(
            """The gradient points uphill, so learning steps the other way: every parameter
            moves against its own entry, scaled by the learning rate. The bars flip, and
            after this one step the average cost over the examples has gone down."""
        ):
            step = formula(
                r"\theta \leftarrow \theta - \eta \nabla C,",
                r"\quad \eta =",
                rate,
                r":\quad",
                ("C", "C"),
                ":",
                v.shown(Quantity("descent C", step=0, rate=LEARNING_RATE), digits),
                r"\to",
                v.shown(Quantity("descent C", step=1, rate=LEARNING_RATE), digits),
                font_size=34,
            )
            self._bottom(step)
            downhill = formula(r"-\eta", ("\\nabla C", "C"), font_size=size)
            downhill.move_to(bars_title)
            self.play(FadeOut(unpacked[-1][0]), FadeOut(unpacked[-1][1]))
            self.play(
                ReplacementTransform(bars.bars, bars.mirrored(LEARNING_RATE)),
                ReplacementTransform(bars_title, downhill),
            )
            self.play(Write(step))

    def _per_example(self, label: str, decimals: int) -> list[Shown]:
        """The entry ``label`` of ∇C_k for every example k."""
        kind, layer = entry_parameter(label)
        return [
            self.values.shown(Quantity(f"dC/d{kind}", layer, example=k), decimals)
            for k in range(self.example.n_examples)
        ]

    def _bottom(self, mob) -> None:
        """Fit ``mob`` to the frame's width and place it at the bottom."""
        if mob.width > 13.0:
            mob.scale_to_fit_width(13.0)
        mob.to_edge(DOWN, buff=0.4)
