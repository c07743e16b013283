"""Storyboard step 3: the dependency tree of the cost, one layer and then two."""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    LaggedStart,
    MathTex,
    Mobject,
    Tex,
    VGroup,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.dependency_tree import DependencyTree
from scenes.kit.notation import activation_rule, cost_rule, weighted_sum_rule
from scenes.kit.pointer import in_turn, point_at
from scenes.kit.style import MUTED, NOTE_SIZE, TITLE_SIZE
from scenes.kit.tree_threads import colored_links, grow_upper
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

        on = partial(self.play_at, until="next")

        def draw(*names: str) -> LaggedStart:  # nodes as they are named, values later
            return LaggedStart(*(Write(node(n)) for n in names), lag_ratio=0.3)

        def arrows_into(child: str) -> list[Create]:
            return [Create(a) for (_, c), a in tree.edges.items() if c == child]

        with self.beat(
            """Now draw what depends on what. [weight] The weight, [prev] the previous
            activation and [bias] the bias [z] feed the weighted sum z. [values] Each symbol
            carries its value for this example."""
        ):
            on(None, Write(title))
            on("weight", draw("w_L"))
            on("prev", draw("a_Lm1"))
            on("bias", draw("b_L"))
            on("z", LaggedStart(*arrows_into("z_L"), draw("z_L"), Write(rule_z)))
            values = (tree.value(n) for n in ("w_L", "a_Lm1", "b_L", "z_L"))
            on("values", LaggedStart(*map(Write, values), lag_ratio=0.4))

        with self.beat(
            """The [sum] sum z then goes [sigmoid] through the sigmoid to give [activation]
            the activation a. [finally] Finally a, together with [y] the desired output y,
            [decides] decides the cost of this example."""
        ):
            on("sum", point_at(node("z_L"), tree.value("z_L")), at_most=1.2)
            on("sigmoid", *arrows_into("a_L"), Write(rule_a[2:]))
            on("activation", draw("a_L"), Write(tree.value("a_L")), Write(rule_a[:2]))
            on("finally", point_at(node("a_L")), at_most=1.2)
            on("y", draw("y"), Write(tree.value("y")))
            c0 = map(Write, (node("C0"), tree.value("C0"), rule_c))
            on("decides", LaggedStart(*arrows_into("C0"), *c0))
            self.add(tree)

        thread = ["w_L", "z_L", "a_L", "C0"]
        with self.beat(
            """Follow one thread down the tree. [weight] Change the weight a little [z] and z
            moves, [a] which moves a, [cost] which moves the cost. [chain] The chain rule
            will put numbers on that chain of knock-on effects."""
        ):
            steps = tree.path_steps(thread)
            for mark, step in zip(("weight", "z", "a", "cost"), steps):
                on(mark, step, at_most=1.5)
            on("chain", in_turn(*colored_links(tree, thread)))

        with self.beat(
            """[bias] The bias and [prev] the previous activation reach the cost along the
            same route [through] through z. [y] The target y is different: [data] it is
            given by the data, so no amount of training changes it."""
        ):
            bias_path = tree.highlight_path(["b_L", "z_L", "a_L", "C0"])
            on("bias", tree.uncolor(), bias_path)
            on("prev", tree.highlight_path(["a_Lm1", "z_L", "a_L", "C0"]))
            on("through", point_at(node("z_L")), at_most=1.2)
            on("y", point_at(node("y")), at_most=1.2)
            on("data", point_at(tree.value("y")), at_most=1.2)

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
            from its own [weight] weight, [bias] bias and [before] the activation before it.
            [grows] So the tree grows upward, layer by layer, [input] until it reaches the
            input."""
        ):
            on(None, point_at(node("a_Lm1")), at_most=1.2)
            on("same", point_at(rule_z), point_at(rule_a), at_most=1.5)
            upper = grow_upper(tree, rules)
            on("weight", in_turn(upper.make_room, upper.weight))
            for mob, beside in zip(  # level with their nodes, once the tree has grown
                (rule_z2, rule_a2, note), ("z_Lm1", "a_Lm1", "a_Lm2")
            ):
                _beside(mob, node(beside))
            on("bias", upper.bias)
            on("before", upper.previous)
            on("grows", upper.weighted_sum, Write(rule_z2), Write(rule_a2))
            on("input", Write(note), point_at(node("a_Lm2")))
            upper.finish()

        long_path = ["w_Lm1", "z_Lm1", "a_Lm1", "z_L", "a_L", "C0"]
        with self.beat(
            """[weight] A weight one layer back [cost] reaches the cost along a [longer] longer
            thread, through every later layer. [backwards] Backpropagation walks these
            threads backwards, one link at a time."""
        ):
            on("weight", point_at(node("w_Lm1")), at_most=1.2)
            on("cost", point_at(node("C0")), at_most=1.2)
            on("longer", tree.highlight_path(long_path))
            back = colored_links(tree, long_path, backwards=True)
            on("backwards", in_turn(*back))
