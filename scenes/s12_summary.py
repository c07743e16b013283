"""Storyboard step 12: the general formulas for any layer, each worked once in numbers."""

from __future__ import annotations

from functools import partial

from manim import DOWN, LEFT, UP, FadeOut, Transform, VGroup, Write

from scenes.kit.averages import average_formula, averaged
from scenes.kit.beats import LectureScene
from scenes.kit.formula_card import FormulaCard
from scenes.kit.general_formulas import GENERAL, ROLES, derivative, layer
from scenes.kit.path_sum import path_decimals, path_quantities, readable_neuron
from scenes.kit.pointer import point_at
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

__all__ = ["Summary"]


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

        on = partial(self.play_at, until="next")
        j = fewest_decimals(net.sizes[L], lambda j: weighted_sum_decimals(v, L, j))
        forward = WeightedSumLines(v, L, j, max_width=13.0, **size)
        z, a = rows[0], rows[1]  # z = Σ_k, w, a + b;  a = σ(z)
        with self.beat(
            f"""Here is the whole method on one page, for any layer [l] l. Going [forward]
            forward, each neuron j [adds] adds up the activations k of the layer before,
            [weighted] weighted, plus its [bias] bias, and [squashes] squashes the sum.
            [below] Below, neuron {j} of the last layer of our network, with L = {L}."""
        ):
            shade, _, panel = card.discuss(
                rows[0:2], [forward.numbers, forward.activation]
            )
            on(None, Write(title))
            on("l", point_at(title), at_most=1.0)
            on("forward", shade)
            on("adds", Write(z[0:3]), Write(z[5]))
            on("weighted", Write(z[3:5]))
            on("bias", Write(z[6:]))
            on("squashes", Write(a))
            on("below", panel, at_most=3.0)
        error = rows[2]  # ∂C0 / ∂a =, 2(, a, -, y, )
        with self.beat(
            """Going [backward] backward starts at the output: the cost's [sensitivity]
            sensitivity to each output activation is [twice] twice its error, the [gap] gap
            between what the neuron [gave] gave and what the example [asked] asked for."""
        ):
            lhs = derivative("C_0", f"a_{j}{layer(L)}", "a")
            shade, _, panel = card.discuss(
                error, [worked_output_error(v, lhs, j, **size)]
            )
            on("backward", shade)
            on("sensitivity", Write(error[0:4]))
            on("twice", Write(error[4:]))
            on("gap", panel)
            on("gave", point_at(error[5]), at_most=1.0)
            on("asked", point_at(error[7]), at_most=1.0)
        r = readable_neuron(v, L)  # neuron r of layer L-1
        factors, _, total = path_quantities(net.sizes[L], L, r)
        d, _, p = path_decimals(v, L, r)
        back = rows[3]  # ∂C0 / ∂a_k =, Σ_j, w σ' ∂C0/∂a_j
        with self.beat(
            """Then the rule that makes it [rule] backpropagation: an [activation] activation
            of the layer below feels the cost through every neuron it feeds, so its
            [sensitivity] sensitivity is a [sum] sum over j of one [product] product per
            path. [applied] Applied layer after layer, it walks the sensitivities all the
            way back to the input."""
        ):
            lhs = derivative("C_0", f"a_{r}{layer(L - 1)}", "a")
            recursion = worked_sum(v, lhs, factors, total, decimals=(d, p), **size)
            shade, _, panel = card.discuss(back, [recursion])
            on("rule", shade)
            on("activation", Write(back[0:3]))
            on("sensitivity", point_at(back[0:3]), at_most=1.0)
            on("sum", Write(back[3:5]))
            on("product", Write(back[5:]))
            on("applied", panel, at_most=3.0)
        k = fewest_decimals(
            net.sizes[low - 1], lambda k: sum_decimals(v, *gradient_terms(low, r, k))
        )
        w_tex = f"w_{{{r}{k}}}{layer(low)}"
        dw, db = rows[4], rows[5]  # ∂C0/∂w =, a_k, σ' ∂C0/∂a_j;  ∂C0/∂b =, σ' ∂C0/∂a_j
        with self.beat(
            """With the [sensitivity] sensitivity of a neuron's activation in hand, its
            [weights] weights and [bias] bias follow at once: a [weight] weight's derivative
            carries the [activation] activation feeding it, the [biases] bias's does not.
            [here] Here both are taken one layer down, with the [sum] sum we just worked out
            as the last factor."""
        ):
            weight = worked_sum(
                v, derivative("C_0", w_tex, "w"), *gradient_terms(low, r, k), **size
            )
            b_lhs = derivative("C_0", f"b_{r}{layer(low)}", "b")
            bias = worked_sum(v, b_lhs, *gradient_terms(low, r), **size)
            shade, _, panel = card.discuss(rows[4:6], [weight, bias])
            on("sensitivity", shade, point_at(back[0:3]))
            on("weights", Write(dw[0:4]))
            on("bias", Write(db[0:4]))
            on("weight", Write(dw[5:]))
            on("activation", Write(dw[4]))
            on("biases", Write(db[4:]))
            on("here", panel, at_most=3.0)
            on("sum", point_at(back), at_most=1.0)
        per, mean = averaged(
            v,
            [Quantity("dC/dw", low, r, k, example=i) for i in range(n)],
            Quantity("mean dC/dw", low, r, k),
        )
        words = "one example, so its mean is that one number" if n == 1 else f"{n} examples"  # fmt: skip
        avg = rows[6]  # ∂C / ∂w =, 1/n Σ_i, ∂C_i / ∂w
        with self.beat(
            f"""All of that is for a [single] single training example. The [cost] cost of
            the whole set is a [mean] mean, and so is every [derivative] derivative: the same
            formulas, run once per example, then [averaged] averaged. This network is given
            {words}."""
        ):
            average = average_formula(
                derivative("C", w_tex, "w"), derivative("C_i", w_tex, "w"), per, mean, index="i", start=0,
                **size,
            )  # fmt: skip
            shade, _, panel = card.discuss(avg, [average])
            on("single", shade)
            on("cost", Write(avg[0:4]))
            on("mean", Write(avg[4]))
            on("derivative", Write(avg[5:]))
            on("averaged", panel, at_most=3.0)
        roles = card.role_labels()
        moved = VGroup(card.copy(), roles).scale(1.1).move_to([0, -0.25, 0])
        with self.beat(
            """Seven lines: [two] two to run the network forward, [one] one to start at the
            output, [back] one to pass sensitivities back a layer, [read] two to read off
            every weight and bias, and [data] one to average over the data. Gradient descent
            then steps against the [result] result."""
        ):
            on(
                None,
                FadeOut(card.shown_panel),
                FadeOut(card.shade),
                Transform(card, moved[0]),
            )
            on("two", Write(roles[0:2]))
            on("one", Write(roles[2]))
            on("back", Write(roles[3]))
            on("read", Write(roles[4:6]))
            on("data", Write(roles[6]))
            on("result", point_at(card.rows[6]), at_most=1.0)
