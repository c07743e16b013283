"""The chain rule as a product: coloured symbolic factors, their values, the product.

``ChainRuleProduct`` lays out three rows:

1. the symbolic product, e.g. ∂C0/∂w^(L) = ∂z/∂w · ∂a/∂z · ∂C0/∂a, each factor coloured by
   the symbol it differentiates;
2. under each factor its value from bpmath, and under the left side the product;
3. optionally, beside it, the finite ratio of a real nudge (derivative and ratio side by
   side, since a visible nudge is not the derivative).

Decimals are chosen so the rounded factors multiply to the rounded product.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from manim import DOWN, MathTex, VGroup

from scenes.kit.style import FONT_SIZE, NOTE_SIZE, color_of
from scenes.kit.values import (
    ExampleValues,
    Quantity,
    ValueNumber,
    decimals_for,
    formula,
)

__all__ = ["ChainRuleProduct", "Factor", "layer_tex"]


def layer_tex(layer: int, L: int) -> str:
    """The superscript for ``layer`` relative to the output: (L), (L-1), (L-2), ..."""
    return "(L)" if layer == L else f"(L-{L - layer})"


@dataclass(frozen=True)
class Factor:
    """One factor: its symbolic LaTeX, the symbol whose colour it takes, and its value.

    ``value`` is a :class:`Quantity` from bpmath, or a LaTeX string for a structural
    constant such as the 1 of ∂z/∂b.
    """

    tex: str
    symbol: str
    value: Quantity | str


class ChainRuleProduct(VGroup):
    r"""A chain-rule product with each factor's value beneath it and the product.

    Parameters
    ----------
    values : ExampleValues
    lhs : str
        The derivative being computed, e.g. ``\frac{\partial C_0}{\partial w^{(L)}}``.
    factors : sequence of Factor
    product : Quantity
        What the factors multiply to (from bpmath's backward pass).
    ratio : tuple of (str, Quantity), optional
        The LaTeX name and quantity of a nudge ratio to show beside the product.
    """

    def __init__(
        self,
        values: ExampleValues,
        lhs: str,
        factors: Sequence[Factor],
        product: Quantity,
        ratio: tuple[str, Quantity] | None = None,
        font_size: float = FONT_SIZE,
    ) -> None:
        super().__init__()
        numeric = [
            values.value(f.value) for f in factors if isinstance(f.value, Quantity)
        ]
        exact = values.value(product)
        self.decimals = decimals_for(numeric, exact) if numeric else 3
        parts: list = [(lhs, "C"), "="]
        for i, factor in enumerate(factors):
            parts.append((factor.tex, factor.symbol))
            if i < len(factors) - 1:
                parts.append(r"\cdot")
        self.symbolic = formula(*parts, font_size=font_size)
        self.lhs = self.symbolic[0]
        self.factor_tex = [self.symbolic[2 + 2 * i] for i in range(len(factors))]

        self.values_row = VGroup()
        self.factor_values: list[ValueNumber | MathTex] = []
        for factor, tex in zip(factors, self.factor_tex):
            if isinstance(factor.value, Quantity):
                mob = ValueNumber(
                    values.shown(factor.value, self.decimals),
                    font_size=font_size - 4,
                    color=color_of(factor.symbol),
                )
            else:
                mob = MathTex(
                    factor.value, font_size=font_size - 4, color=color_of(factor.symbol)
                )
            mob.next_to(tex, DOWN, buff=0.35).set_x(tex.get_x())
            self.factor_values.append(mob)
            self.values_row.add(mob)
        self.times = VGroup(
            *(
                MathTex(r"\times", font_size=font_size - 8).move_to(
                    (a.get_right() + b.get_left()) / 2 * [1, 0, 0]
                    + a.get_center() * [0, 1, 0]
                )
                for a, b in zip(self.factor_values, self.factor_values[1:])
            )
        )
        self.product = ValueNumber(
            values.shown(product, self.decimals), font_size=font_size - 4
        )
        self.product.next_to(self.lhs, DOWN, buff=0.35).set_x(self.lhs.get_x())
        self.product.set_y(self.values_row.get_y())
        self.equals = MathTex("=", font_size=font_size - 4).move_to(
            self.symbolic[1].get_center() * [1, 0, 0]
            + self.product.get_center() * [0, 1, 0]
        )
        self.values_row.add(self.times, self.equals, self.product)
        self.add(self.symbolic, self.values_row)
        self.ratio = None
        if ratio is not None:
            name, quantity = ratio
            self.ratio = formula(
                r"\text{nudge: }",
                name,
                "=",
                values.shown(quantity, self.decimals),
                font_size=NOTE_SIZE + 4,
            ).next_to(self.values_row, DOWN, buff=0.45)
            self.add(self.ratio)

    @property
    def shown_factors(self) -> list[float]:
        """The factors as printed (rounded), structural ones included."""
        out = []
        for mob in self.factor_values:
            out.append(
                round(float(mob.get_value()), mob.num_decimal_places)
                if isinstance(mob, ValueNumber)
                else float(mob.tex_string)
            )
        return out

    @classmethod
    def for_parameter(
        cls,
        values: ExampleValues,
        layer: int,
        wrt: str = "w",
        nudge: tuple[str, float] | None = None,
        font_size: float = FONT_SIZE,
    ) -> ChainRuleProduct:
        """∂C0/∂w^(layer), ∂C0/∂b^(layer) or ∂C0/∂a^(layer-1) on the chain, as 3 factors."""
        L = values.net.L
        up, prev = layer_tex(layer, L), layer_tex(layer - 1, L)
        first = {
            "w": (
                rf"\frac{{\partial z^{{{up}}}}}{{\partial w^{{{up}}}}}",
                Quantity("a", layer - 1),
            ),
            "b": (rf"\frac{{\partial z^{{{up}}}}}{{\partial b^{{{up}}}}}", "1"),
            "a": (
                rf"\frac{{\partial z^{{{up}}}}}{{\partial a^{{{prev}}}}}",
                Quantity("w", layer),
            ),
        }
        if wrt not in first:
            raise ValueError(f"wrt must be 'w', 'b' or 'a', got {wrt!r}")
        target = {"w": f"w^{{{up}}}", "b": f"b^{{{up}}}", "a": f"a^{{{prev}}}"}[wrt]
        product = {
            "w": Quantity("dC/dw", layer),
            "b": Quantity("dC/db", layer),
            "a": Quantity("dC/da", layer - 1),
        }[wrt]
        tex, value = first[wrt]
        factors = [
            Factor(tex, "z", value),
            Factor(
                rf"\frac{{\partial a^{{{up}}}}}{{\partial z^{{{up}}}}}",
                "a",
                Quantity("sigma'", layer),
            ),
            Factor(
                rf"\frac{{\partial C_0}}{{\partial a^{{{up}}}}}",
                "C",
                Quantity("dC/da", layer),
            ),
        ]
        ratio = None
        if nudge is not None:
            symbol = {"w": "w", "b": "b", "a": "a"}[wrt]
            ratio = (
                rf"\frac{{\Delta C_0}}{{\Delta {symbol}^{{{up if wrt != 'a' else prev}}}}}",
                Quantity("ΔC/Δparam", nudge=nudge),
            )
        return cls(
            values,
            rf"\frac{{\partial C_0}}{{\partial {target}}}",
            factors,
            product,
            ratio,
            font_size,
        )
