"""Storyboard step 12: the general formulas for any layer, each worked once in numbers."""

from __future__ import annotations

from manim import DOWN, LEFT, UP, FadeIn, FadeOut, VGroup, Write

from scenes.kit.averages import average_formula, averaged
from scenes.kit.beats import LectureScene
from scenes.kit.formula_card import FormulaCard
from scenes.kit.path_sum import path_decimals, path_quantities, readable_neuron
from scenes.kit.style import TITLE_SIZE
from scenes.kit.sums import WeightedSumLines, weighted_sum_decimals
from scenes.kit.values import Quantity, formula
from scenes.kit.worked import (
    fewest_decimals,
    gradient_terms,
    sum_decimals,
    worked_output_error,
    worked_sum,
)

__all__ = ["GENERAL", "ROLES", "Summary"]


def _d(num: str, den: str, symbol: str) -> list:
    """∂num/∂den as formula parts: the cost in its colour, the variable in its own."""
    return [(r"\partial " + num, "C"), "/", (r"\partial " + den, symbol)]


_SIGMA = [r"\,", (r"\sigma'(z_j^{(l)})", "sigma"), r"\,"]
_DA = _d("C_0", "a_j^{(l)}", "a")
GENERAL = (
    [("z_j^{(l)}", "z"), "=", r"\sum\nolimits_k", ("w_{jk}^{(l)}", "w"), r"\,", ("a_k^{(l-1)}", "a"),
     "+", ("b_j^{(l)}", "b")],
    [("a_j^{(l)}", "a"), "=", (r"\sigma(z_j^{(l)})", "sigma")],
    [*_d("C_0", "a_j^{(L)}", "a"), "=", "2(", ("a_j^{(L)}", "a"), "-", ("y_j", "y"), ")"],
    [*_d("C_0", "a_k^{(l-1)}", "a"), "=", r"\sum\nolimits_j", ("w_{jk}^{(l)}", "w"), *_SIGMA, *_DA],
    [*_d("C_0", "w_{jk}^{(l)}", "w"), "=", ("a_k^{(l-1)}", "a"), *_SIGMA, *_DA],
    [*_d("C_0", "b_j^{(l)}", "b"), "=", *_SIGMA[1:], *_DA],
    [*_d("C", "w_{jk}^{(l)}", "w"), "=", r"\tfrac{1}{n}\sum\nolimits_{i=0}^{n-1}",
     *_d("C_i", "w_{jk}^{(l)}", "w")],
)  # fmt: skip
"""z, a, the output error, the recursion, ∂C0/∂w, ∂C0/∂b and the average, in that order."""

ROLES = ("weighted sum", "activation", "start at the output", "one layer back",
         "each weight", "each bias", "over the examples")  # fmt: skip
"""What each line of :data:`GENERAL` is for, written beside it at the end."""


def _sup(layer: int) -> str:
    return "^{(%d)}" % layer


class Summary(LectureScene):
    """Backpropagation in seven lines, each with one instance from the wide network.

    Where a formula can be worked for several neurons, the instance is the one whose
    rounded numbers agree with the fewest decimals (it reads best); the indices on
    screen say which it is.
    """

    example_role = "wide"

    def construct(self) -> None:
        """Forward, the output error, the recursion, the parameters, the average."""
        v, net, n = self.values, self.example.network, self.example.n_examples
        L, low = net.L, net.L - 1
        title = formula(r"\text{Backpropagation, for any layer } l", font_size=TITLE_SIZE)  # fmt: skip
        title.to_edge(UP, buff=0.3)
        card = FormulaCard(GENERAL, ROLES)
        card.next_to(title, DOWN, buff=0.35).to_edge(LEFT, buff=0.8)
        rows, size = card.rows, {"font_size": 28}

        j = fewest_decimals(net.sizes[L], lambda j: weighted_sum_decimals(v, L, j))
        forward = WeightedSumLines(v, L, j, max_width=13.0, **size)
        with self.beat(
            f"""Here is the whole method on one page, for any layer l. Going forward, each
            neuron j adds up the activations k of the layer before, weighted, plus its
            bias, and squashes the sum. Below, neuron {j} of the last layer of our
            network, with L = {L}."""
        ):
            self.play(Write(title))
            self._discuss(card, rows[0:2], [forward.numbers, forward.activation])
        with self.beat(
            """Going backward starts at the output: the cost's sensitivity to each output
            activation is twice its error, the gap between what the neuron gave and what
            the example asked for."""
        ):
            lhs = _d("C_0", f"a_{j}{_sup(L)}", "a")
            self._discuss(card, rows[2:3], [worked_output_error(v, lhs, j, **size)])
        r = readable_neuron(v, L)  # neuron r of layer L-1
        factors, _, total = path_quantities(net.sizes[L], L, r)
        d, _, p = path_decimals(v, L, r)
        with self.beat(
            """Then the rule that makes it backpropagation: an activation of the layer
            below feels the cost through every neuron it feeds, so its sensitivity is a
            sum over j of one product per path. Applied layer after layer, it walks the
            sensitivities all the way back to the input."""
        ):
            lhs = _d("C_0", f"a_{r}{_sup(L - 1)}", "a")
            recursion = worked_sum(v, lhs, factors, total, decimals=(d, p), **size)
            self._discuss(card, rows[3:4], [recursion])
        k = fewest_decimals(
            net.sizes[low - 1], lambda k: sum_decimals(v, *gradient_terms(low, r, k))
        )
        w_tex = f"w_{{{r}{k}}}{_sup(low)}"
        with self.beat(
            """With the sensitivity of a neuron's activation in hand, its weights and bias
            follow at once: a weight's derivative carries the activation feeding it,
            the bias's does not. Here both are taken one layer down, with the sum we just
            worked out as the last factor."""
        ):
            weight = worked_sum(
                v, _d("C_0", w_tex, "w"), *gradient_terms(low, r, k), **size
            )
            b_lhs = _d("C_0", f"b_{r}{_sup(low)}", "b")
            bias = worked_sum(v, b_lhs, *gradient_terms(low, r), **size)
            self._discuss(card, rows[4:6], [weight, bias])
        per, mean = averaged(
            v,
            [Quantity("dC/dw", low, r, k, example=i) for i in range(n)],
            Quantity("mean dC/dw", low, r, k),
        )
        words = "one example, so its mean is that one number" if n == 1 else f"{n} examples"  # fmt: skip
        with self.beat(
            f"""All of that is for a single training example. The cost of the whole set is
            a mean, and so is every derivative: the same formulas, run once per example,
            then averaged. This network is given {words}."""
        ):
            average = average_formula(
                _d("C", w_tex, "w"), _d("C_i", w_tex, "w"), per, mean, index="i", start=0,
                **size,
            )  # fmt: skip
            self._discuss(card, rows[6:7], [average])
        with self.beat(
            """Seven lines: two to run the network forward, one to start at the output,
            one to pass sensitivities back a layer, two to read off every weight and bias,
            and one to average over the data. Gradient descent then steps against the
            result."""
        ):
            self.play(FadeOut(card.shown_panel), FadeOut(card.shade))
            roles = card.role_labels()
            self.play(VGroup(card, roles).animate.scale(1.1).move_to([0, -0.25, 0]))
            self.play(FadeIn(roles, shift=0.2 * LEFT))

    def _discuss(self, card: FormulaCard, rows: VGroup, instances: list) -> None:
        """Shade ``rows``, write them, and work them below in numbers."""
        for step in card.discuss(rows, instances):
            self.play(step)
