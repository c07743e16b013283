"""Storyboard step 10: a_k^(L-1) reaches the cost along every a_j^(L); the paths add up."""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    GrowFromEdge,
    Indicate,
    VGroup,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct
from scenes.kit.layout import fit_width
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.path_sum import PathSum, readable_neuron, sensitivity_vector
from scenes.kit.style import HIGHLIGHT, TITLE_SIZE
from scenes.kit.values import formula

__all__ = ["MultiPathSummation", "NUDGE"]

NUDGE = 0.01
"""δ added to a_k^(L-1) to confirm the sum (an input of the scene, not a result)."""
RIGHT_SIDE = 2.5
"""x of the centre of the space right of the diagram."""


class MultiPathSummation(LectureScene):
    """Each path's product, their sum to scale, the nudge that confirms it, and backprop."""

    example_role = "wide"

    def construct(self) -> None:
        """Paths one by one, the sum, the nudge of a_k, the same sum one layer back."""
        v, net = self.values, self.example.network
        L = net.L
        k = readable_neuron(v, L)
        title = formula(r"\text{One activation, many paths}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.35)
        diagram = NetworkDiagram.close_up(v, at=(-4.55, -0.1), layer_spacing=2.3)
        ks, columns = diagram.indices, diagram.headers
        paths = PathSum(v, L, k, max_length=1.0)
        fit_width(paths, 7.3)
        paths.next_to(title, DOWN, buff=0.35).set_x(RIGHT_SIDE + 0.7)
        with self.beat(
            f"""Now the heart of it. Take one neuron of layer L-1, here k={k}. It feeds
            every neuron of layer L, and each of those feeds the cost. So a_k moves the
            cost along several paths at once, and its derivative must add them all."""
        ):
            self.play(Write(title), FadeIn(diagram), FadeIn(ks))
            self.play(Write(columns))
            self.play(
                Indicate(diagram.lit(L - 1, k), color=HIGHLIGHT),
                Indicate(ks[k], color=HIGHLIGHT),
            )
            self.play(Write(paths.symbolic))

        marks = [diagram.path_highlight(L, j, k) for j in range(paths.n_paths)]
        with self.beat(
            """Follow the first path. The weight w_jk says how much z_j moves per unit of
            a_k, the slope of the activation passes that on to a_j, and twice the error
            of a_j turns it into a change of the cost. Their product is this path's share,
            and the bar beside it has that length."""
        ):
            self.play(
                FadeIn(paths.table.header),
                FadeIn(paths.table.rule),
                Create(paths.bars.axis),
            )
            self._path(diagram, paths, marks, 0, k)

        if paths.n_paths > 1:
            with self.beat(
                """The other paths work the same way, each through its own weight, slope
                and error. Each gets a row of its own and a bar on the same scale, so
                their sizes can be compared at a glance."""
            ):
                for j in range(1, paths.n_paths):
                    self.play(FadeOut(marks[j - 1]), run_time=0.4)
                    self._path(diagram, paths, marks, j, k)

        signs = {t.value > 0 for t in paths.terms if t.value != 0}
        pull = (
            "Some paths push the cost up and others pull it down, so part of them cancels."
            if len(signs) > 1
            else "Here every path pushes the cost the same way, so nothing cancels."
        )
        with self.beat(
            f"""Add the rows and you have the derivative of the cost with respect to a_k,
            the bottom bar. {pull} Backpropagation computes exactly this sum."""
        ):
            self.play(*(Create(m) for m in marks[:-1]), run_time=0.8)
            self.play(FadeIn(paths.sum_row, shift=0.15 * DOWN))
            self.play(
                GrowFromEdge(paths.total_bar, LEFT if paths.total.value > 0 else RIGHT)
            )

        check = paths.nudge_ratio(NUDGE).next_to(paths.sum_row, DOWN, buff=0.35)
        check.align_to(paths.sum_row, RIGHT)
        nudge = check.nudge
        changes = diagram.delta_labels(v, nudge, L)
        with self.beat(
            """To check it, really nudge a_k by a small amount and run the last layer
            again. Every output moves a little, the cost moves, and the cost's change
            divided by the nudge lands right next to the sum of the paths."""
        ):
            self.play(FadeOut(VGroup(*marks)), *diagram.follow(v, nudge))
            self.play(FadeIn(changes, shift=0.1 * RIGHT))
            self.play(FadeIn(check, shift=0.15 * UP))

        back = ChainRuleProduct.for_parameter(v, L - 1, "w", font_size=30, j=k, k=0)
        fit_width(back, 8.5)
        sens = sensitivity_vector(v, L - 1, back.decimals)
        sens.next_to(paths.symbolic, DOWN, buff=0.4)
        back.next_to(sens, DOWN, buff=0.45).set_x(paths.symbolic.get_x())
        with self.beat(
            f"""Do this for every neuron of layer L-1 and you know how the cost responds to
            each of them. Entry k={k} is the last factor of every weight into that neuron,
            one layer further back, and the same sum then reaches the layer before. Repeating
            it, layer by layer from the output, is backpropagation."""
        ):
            self.play(
                *diagram.follow(v, None),
                FadeOut(VGroup(changes, check, paths.table, paths.bars, paths.sum_row)),
            )
            self.play(FadeIn(sens, shift=0.15 * DOWN))
            self.play(Indicate(sens[1].entries[k], color=HIGHLIGHT))
            self.play(Write(back.symbolic))
            self.play(FadeIn(back.values_row, shift=0.2 * DOWN))
            self.play(Indicate(back.factor_values[-1], color=HIGHLIGHT))

    def _path(self, diagram, paths, marks, j: int, k: int) -> None:
        """Trace path j on the diagram, then show its row and grow its bar."""
        L = self.example.network.L
        self.play(Create(marks[j]), diagram.highlight_path([(L - 1, k), (L, j)]))
        self.play(FadeIn(paths.row(j), shift=0.15 * LEFT))
        bar = paths.bar(j)
        self.play(GrowFromEdge(bar, LEFT if paths.terms[j].value > 0 else RIGHT))
