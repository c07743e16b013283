"""Small scenes that exercise the test harness itself: one right, and some deliberately wrong."""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    DecimalNumber,
    Dot,
    FadeIn,
    MathTex,
    ValueTracker,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.values import Quantity, ValueNumber, formula, tag
from tests.scenes.entries import TestSceneEntry


class SampleScene(LectureScene):
    """Two beats with tagged numbers: what a correct scene looks like to the tests."""

    example_role = "chain"
    beat_pause = 0.1

    def construct(self) -> None:
        """Show a^(L) and C0, then ∂C0/∂w^(L) under them."""
        v, L = self.values, self.example.network.L
        with self.beat("First the output activation and the cost of this one example."):
            eq = formula(
                ("a^{(L)}", "a"),
                "=",
                v.shown(Quantity("a", L), 3),
                r"\qquad",
                ("C_0", "C"),
                "=",
                v.shown(Quantity("C"), 3),
            ).to_edge(UP)
            self.play(Write(eq))
        with self.beat(
            "Then how sensitive that cost is to the last weight, as one number."
        ):
            number = ValueNumber(v.shown(Quantity("dC/dw", L), 4)).next_to(eq, DOWN)
            label = MathTex(r"\partial C_0 / \partial w^{(L)}").next_to(number, LEFT)
            self.play(FadeIn(number), FadeIn(label))


class UntaggedNumberScene(SampleScene):
    """Wrong on purpose: a number typed into a formula."""

    def construct(self) -> None:
        """Show a literal."""
        with self.beat(
            "A literal number sneaks onto the screen without any tag on it."
        ):
            self.add(MathTex("a = 0.500"))
        with self.beat(
            "And a DecimalNumber that does not say which quantity it shows."
        ):
            self.add(DecimalNumber(0.25).shift(DOWN))


class WrongValueScene(SampleScene):
    """Wrong on purpose: a tagged number whose value is not the quantity's."""

    def construct(self) -> None:
        """Tag the cost with the activation's value."""
        v, L = self.values, self.example.network.L
        with self.beat(
            "The cost is shown, but with the value of the activation instead."
        ):
            wrong = v.shown(Quantity("a", L), 3)
            mislabelled = type(wrong)(Quantity("C"), wrong.value, 3)
            self.add(ValueNumber(mislabelled))
        with self.beat(
            "A second beat so that the scene has the minimum number of beats."
        ):
            pass


class BadLayoutScene(SampleScene):
    """Wrong on purpose: overlapping labels and a label outside the frame."""

    def construct(self) -> None:
        """Overlap two labels, push one off screen."""
        with self.beat(
            "Two labels drawn on top of each other, and one off the screen."
        ):
            self.add(MathTex("x"), MathTex("y"), MathTex("z").shift(RIGHT * 9))
            # a tracker far outside the frame draws nothing: no problem; a dot does
            self.add(ValueTracker(50.0), Dot(UP * 5))
        with self.beat(
            "A second beat so that the scene has the minimum number of beats."
        ):
            pass


class SignDroppedScene(SampleScene):
    """Wrong on purpose: a negative value printed without its minus sign."""

    def construct(self) -> None:
        """Tag 2(a − y) < 0 but print its absolute value."""
        v, L = self.values, self.example.network.L
        with self.beat(
            "The output error is negative here, but the minus sign got lost on screen."
        ):
            error = v.shown(Quantity("dC/da", L), 3)
            assert error.text.startswith("-"), "the sample chain's output error is < 0"
            self.add(tag(MathTex(r"\partial C_0 / \partial a = " + error.text[1:]), error))
        with self.beat(
            "A second beat so that the scene has the minimum number of beats."
        ):
            pass


SAMPLE = TestSceneEntry(0, "sample_scene", "SampleScene", "harness sample")
BROKEN = {
    name: TestSceneEntry(0, f"broken_{name}", name, name, source="sample_scene")
    for name in (
        "UntaggedNumberScene",
        "WrongValueScene",
        "BadLayoutScene",
        "SignDroppedScene",
    )
}
