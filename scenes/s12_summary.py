"""Storyboard step 12: the general formulas for any layer, each worked once in numbers."""

from __future__ import annotations

from manim import DOWN, LEFT, UP, FadeIn, FadeOut, VGroup, Write

from scenes.kit.averages import average_formula
from scenes.kit.beats import LectureScene
from scenes.kit.formula_card import FormulaCard
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import Quantity, decimals_for, formula
from scenes.kit.worked import (
    sum_decimals,
    worked_activation,
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

ROLES = (
    "weighted sum",
    "activation",
    "start at the output",
    "one layer back",
    "each weight",
    "each bias",
    "over the examples",
)
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
        L, low, Q = net.L, net.L - 1, Quantity
        title = formula(
            r"\text{Backpropagation, for any layer } l", font_size=TITLE_SIZE
        )
        title.to_edge(UP, buff=0.3)
        card = FormulaCard(GENERAL, ROLES)
        card.next_to(title, DOWN, buff=0.35).to_edge(LEFT, buff=0.8)
        rows, self.card, self.title_mob = card.rows, card, title
        self.shade = card.band(rows[0:2])

        def z_terms(j):
            w_a = [[Q("w", L, j, k), Q("a", L - 1, k)] for k in range(net.sizes[L - 1])]
            return w_a + [[Q("b", L, j)]], Q("z", L, j)

        def paths(k):
            terms = [
                [Q("w", L, j, k), Q("sigma'", L, j), Q("dC/da", L, j)]
                for j in range(net.sizes[L])
            ]
            return terms, Q("dC/da", L - 1, k)

        def weight(k):  # of neuron r (chosen below) of layer L-1, from its input k
            factors = [Q("a", low - 1, k), Q("sigma'", low, r), Q("dC/da", low, r)]
            return [factors], Q("dC/dw", low, r, k)

        j = self._fewest(z_terms, net.sizes[L])
        self._show(
            rows[0:2],
            [
                worked_sum(v, (f"z_{j}{_sup(L)}", "z"), *z_terms(j), font_size=28),
                worked_activation(v, (f"a_{j}{_sup(L)}", "a"), L, j, font_size=28),
            ],
            f"""Here is the whole method on one page, for any layer l. Going forward, each
            neuron j adds up the activations k of the layer before, weighted, plus its
            bias, and squashes the sum. Below, neuron {j} of the last layer of our
            network, with L = {L}.""",
        )
        self._show(
            rows[2:3],
            [
                worked_output_error(
                    v, _d("C_0", f"a_{j}{_sup(L)}", "a"), j, font_size=28
                )
            ],
            """Going backward starts at the output: the cost's sensitivity to each output
            activation is twice its error, the gap between what the neuron gave and what
            the example asked for.""",
        )
        r = self._fewest(paths, net.sizes[L - 1])  # neuron r of layer L-1
        self._show(
            rows[3:4],
            [
                worked_sum(
                    v, _d("C_0", f"a_{r}{_sup(L - 1)}", "a"), *paths(r), font_size=28
                )
            ],
            """Then the rule that makes it backpropagation: an activation of the layer
            below feels the cost through every neuron it feeds, so its sensitivity is a
            sum over j of one product per path. Applied layer after layer, it walks the
            sensitivities all the way back to the input.""",
        )
        k = self._fewest(weight, net.sizes[low - 1])
        w_tex = f"w_{{{r}{k}}}{_sup(low)}"
        self._show(
            rows[4:6],
            [
                worked_sum(v, _d("C_0", w_tex, "w"), *weight(k), font_size=28),
                worked_sum(
                    v,
                    _d("C_0", f"b_{r}{_sup(low)}", "b"),
                    [weight(k)[0][0][1:]],
                    Q("dC/db", low, r),
                    font_size=28,
                ),
            ],
            """With the sensitivity of a neuron's activation in hand, its weights and bias
            follow at once: a weight's derivative carries the activation feeding it,
            the bias's does not. Here both are taken one layer down, with the sum we just
            worked out as the last factor.""",
        )
        per = [Q("dC/dw", low, r, k, example=i) for i in range(n)]
        mean = Q("mean dC/dw", low, r, k)
        d = decimals_for([v.value(q) for q in per], v.value(mean), combine="mean")
        shown = [v.shown(q, d) for q in per]
        words = (
            "one example, so its mean is that one number" if n == 1 else f"{n} examples"
        )
        self._show(
            rows[6:7],
            [average_formula(_d("C", w_tex, "w"), _d("C_i", w_tex, "w"), shown, v.shown(mean, d),
                             font_size=28, index="i", start=0)],
            f"""All of that is for a single training example. The cost of the whole set is
            a mean, and so is every derivative: the same formulas, run once per example,
            then averaged. This network is given {words}.""",
        )  # fmt: skip
        with self.beat(
            """Seven lines: two to run the network forward, one to start at the output,
            one to pass sensitivities back a layer, two to read off every weight and bias,
            and one to average over the data. Gradient descent then steps against the
            result."""
        ):
            self.play(FadeOut(self.panel), FadeOut(self.shade))
            roles = card.role_labels()
            self.play(VGroup(card, roles).animate.scale(1.1).move_to([0, -0.25, 0]))
            self.play(FadeIn(roles, shift=0.2 * LEFT))

    def _fewest(self, build, count: int) -> int:
        """The index i < count whose instance ``build(i)`` needs the fewest decimals."""
        return min(range(count), key=lambda i: sum_decimals(self.values, *build(i)))

    def _show(self, rows_now: VGroup, instances: list, note: str) -> None:
        """One beat: shade ``rows_now``, write them, and work them below in numbers."""
        with self.beat(note):
            panel = self.card.panel(instances)
            old = getattr(self, "panel", None)
            if old is None:
                self.play(Write(self.title_mob))
                self.add(self.shade)
            self.play(
                *([FadeOut(old)] if old is not None else []),
                self.shade.animate.become(self.card.band(rows_now)),
            )
            self.play(FadeIn(rows_now))
            self.play(Write(panel))
            self.panel = panel
