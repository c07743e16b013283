"""Storyboard step 3: the dependency tree of the cost, one layer and then two."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, MathTex, Mobject, Tex, VGroup, Write

from scenes.kit.beats import LectureScene
from scenes.kit.dependency_tree import DependencyTree
from scenes.kit.notation import activation_rule, cost_rule, weighted_sum_rule
from scenes.kit.pointer import point_at
from scenes.kit.style import MUTED, NOTE_SIZE, TITLE_SIZE
from scenes.kit.values import formula

__all__ = ["DependencyTreeScene"]

RULE_SIZE = 32
RULES_X = 1.9  # left edge of the rules column


def _beside(mob: Mobject, node: Mobject) -> Mobject:
    """Put ``mob`` in the rules column, level with the tree node ``node``."""
    return mob.move_to(node.get_center()[1] * UP + RULES_X * RIGHT, aligned_edge=LEFT)


def _rule(*parts, beside) -> MathTex:
    """A formula in the rules column, level with the tree node ``beside``."""
    return _beside(formula(*parts, font_size=RULE_SIZE), beside)


class DependencyTreeScene(LectureScene):
    """w, a^(L-1), b feed z, z feeds a, a and y feed C0; a^(L-1) has its own parents."""

    example_role = "chain"

    def construct(self) -> None:
        """Build the tree with its rules, trace paths, grow it upward, trace again."""
        v = self.values
        sigma = self.example.network.activation.latex
        title = Tex("What depends on what", font_size=TITLE_SIZE).to_edge(UP)
        tree = DependencyTree(v, row_spacing=1.1).move_to(0.3 * DOWN + 2.6 * LEFT)
        node = tree.node
        rule_z = _rule(*weighted_sum_rule(), beside=node("z_L"))
        rule_a = _rule(*activation_rule(sigma), beside=node("a_L"))
        rule_c = _rule(*cost_rule(), beside=node("C0"))
        rules = VGroup(rule_z, rule_a, rule_c)

        with self.beat(
            """Now draw what depends on what. [parents] The weight, the previous activation
            and the bias [z] feed the weighted sum z. [values] Each symbol carries its
            value for this example."""
        ):
            self.play(Write(title))
            self.play_at(
                "parents",
                FadeIn(tree.row("w_L", "a_Lm1", "b_L"), lag_ratio=0.2),
                until="z",
            )
            self.play_at(
                "z",
                FadeIn(tree.row("z_L"), lag_ratio=0.2),
                Write(rule_z),
                until="values",
            )
            self.play_at(
                "values", *map(point_at, (node("w_L"), node("a_Lm1"), node("b_L")))
            )

        with self.beat(
            """The sum z then goes through the sigmoid to give the activation a. [cost]
            Finally a, together with the desired output y, decides the cost of this
            example."""
        ):
            self.play(
                FadeIn(tree.row("a_L"), lag_ratio=0.2), Write(rule_a), run_time=1.5
            )
            self.play_at(
                "cost",
                FadeIn(tree.row("y", "C0"), lag_ratio=0.2),
                Write(rule_c),
                until="end",
            )
            self.add(tree)

        with self.beat(
            """Follow one thread down the tree. [change] Change the weight a little and z
            moves, which moves a, which moves the cost. [chain] The chain rule will put
            numbers on that chain of knock-on effects."""
        ):
            thread = ["w_L", "z_L", "a_L", "C0"]
            self.play_at("change", tree.highlight_path(thread), until="chain")
            self.play_at("chain", tree.color_path(thread))

        with self.beat(
            """[bias] The bias and [prev] the previous activation reach the cost along the
            same route through z. [y] The target y is different: it is given by the data,
            so no amount of training changes it."""
        ):
            bias_path = tree.highlight_path(["b_L", "z_L", "a_L", "C0"])
            self.play_at("bias", tree.uncolor(), bias_path, until="prev")
            self.play_at(
                "prev", tree.highlight_path(["a_Lm1", "z_L", "a_L", "C0"]), until="y"
            )
            self.play_at("y", point_at(node("y")))

        rule_z2 = formula(*weighted_sum_rule("(L-1)", "(L-2)"), font_size=RULE_SIZE)
        rule_a2 = formula(*activation_rule(sigma, "(L-1)"), font_size=RULE_SIZE)
        L = self.example.network.L
        note = Tex(
            "and so on, back to the input $a^{(0)}$"
            if L > 2
            else "here $a^{(L-2)}$ is the input itself",
            font_size=NOTE_SIZE,
            color=MUTED,
        )
        with self.beat(
            """But the previous activation is no free knob. [same] It was made the same way,
            from its own weight, bias and the activation before it. [grows] So the tree
            grows upward, layer by layer, [input] until it reaches the input."""
        ):
            self.play(point_at(node("a_Lm1")))
            self.play_at("same", point_at(rule_z), point_at(rule_a))
            grow = tree.extend_up()
            self.play_at("grows", grow, rules.animate.shift(tree.growth), until="input")
            for mob, beside in (
                (rule_z2, "z_Lm1"),
                (rule_a2, "a_Lm1"),
                (note, "a_Lm2"),
            ):
                _beside(mob, node(beside))
            self.play_at("input", Write(rule_z2), Write(rule_a2), FadeIn(note), until="end")

        long_path = ["w_Lm1", "z_Lm1", "a_Lm1", "z_L", "a_L", "C0"]
        with self.beat(
            """A weight one layer back reaches the cost along a longer thread, through
            every later layer. [backwards] Backpropagation walks these threads backwards,
            one link at a time."""
        ):
            self.play(tree.highlight_path(long_path), run_time=3.5)
            self.play_at("backwards", tree.color_path(long_path), until="end")
