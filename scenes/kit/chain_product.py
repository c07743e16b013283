"""The chain rule as a product: coloured symbolic factors, their values, the product.

``ChainRuleProduct`` lays out up to three rows:

1. the symbolic product, e.g. ∂C0/∂w^(L) = ∂z/∂w · ∂a/∂z · ∂C0/∂a, the top and bottom of
   each fraction in the colour of its own symbol;
2. under each factor its value from bpmath, and under the left side the product;
3. optionally, the derivative beside the finite ratio ΔC0/Δθ of a real nudge (a visible
   nudge is not the derivative, so the two are shown side by side).

Decimals are chosen with :func:`~scenes.kit.values.decimals_for`, so the rounded factors
multiply to the rounded product to its last digit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from manim import DOWN, RIGHT, Brace, MathTex, Mobject, VGroup

import bpmath
from scenes.kit.notation import layer_tex
from scenes.kit.style import FONT_SIZE, MUTED, NOTE_SIZE, color_of
from scenes.kit.values import (
    ExampleValues,
    Quantity,
    ValueNumber,
    decimals_for,
    delta_decimals,
    formula,
)

__all__ = ["ChainRuleProduct", "Factor", "color_fraction"]


def _partial(top: str, bottom: str) -> str:
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


def color_fraction(part: Mobject, top: str, bottom: str) -> Mobject:
    """Colour a typeset fraction: glyphs above its bar as ``top``, below as ``bottom``.

    ``top`` and ``bottom`` are symbols ('w', 'z', 'a', 'C', ...); the bar itself keeps
    the colour of the bottom symbol.
    """
    glyphs = part.submobjects or [part]
    bar = max(glyphs, key=lambda g: g.width / max(g.height, 1e-6))
    for glyph in glyphs:
        above = glyph is not bar and glyph.get_y() > bar.get_y()
        glyph.set_color(color_of(top if above else bottom))
    return part


def _keep_apart(row: Sequence[Mobject], gap: float = 0.12) -> None:
    """Shift mobjects of a left-to-right row rightwards until neighbours are ``gap`` apart.

    Values wider than the fraction above them (many decimals) would otherwise run into
    the ``=`` or ``×`` beside them; usually nothing moves.
    """
    for i in range(1, len(row)):
        push = row[i - 1].get_right()[0] + gap - row[i].get_left()[0]
        if push > 0:
            for later in row[i:]:
                later.shift(push * RIGHT)


@dataclass(frozen=True)
class Factor:
    """One factor: its fraction's LaTeX, the symbols on top and bottom, and its value.

    ``value`` is a :class:`Quantity` from bpmath, or a LaTeX string for a structural
    constant such as the 1 of ∂z/∂b.
    """

    tex: str
    symbol: str
    value: Quantity | str
    bottom: str | None = None

    @classmethod
    def partial(
        cls, top: tuple[str, str], bottom: tuple[str, str], value: Quantity | str
    ) -> Factor:
        """∂top/∂bottom, each given as ``(latex, symbol)``."""
        return cls(_partial(top[0], bottom[0]), top[1], value, bottom[1])


class ChainRuleProduct(VGroup):
    r"""A chain-rule product with each factor's value beneath it and the product.

    Parameters
    ----------
    values : ExampleValues
        bpmath's numbers for the example.
    lhs : Factor
        The derivative being computed, with the product as its value, e.g.
        ``Factor.partial(("C_0", "C"), ("w^{(L)}", "w"), Quantity("dC/dw", L))``.
    factors : sequence of Factor
        The chain-rule factors, left to right.
    ratio : tuple of (str, Quantity), optional
        The LaTeX name and quantity of a nudge ratio (``ΔC/Δparam``) to compare.
    font_size : float
        Size of the symbolic row; values are a little smaller.
    decimals : int, optional
        Decimals of every value (default: the fewest, at least three and enough for
        two significant digits of each number, at which the rounded factors multiply
        to the rounded product).

    Attributes
    ----------
    symbolic : MathTex
        Row 1; ``factor_tex[i]`` is the i-th factor's fraction, ``lhs`` the left side.
    factor_values : list of ValueNumber or MathTex
        Row 2, one per factor; ``product`` the value under the left side.
    values_row : VGroup
        Row 2 with its ``=`` and ``×`` signs.
    ratio, comparison : MathTex, VGroup or None
        The nudge ratio, and row 3: derivative ≈ ratio with the nudge's size.
    """

    def __init__(
        self,
        values: ExampleValues,
        lhs: Factor,
        factors: Sequence[Factor],
        ratio: tuple[str, Quantity] | None = None,
        font_size: float = FONT_SIZE,
        decimals: int | None = None,
    ) -> None:
        super().__init__()
        if not isinstance(lhs.value, Quantity):
            raise TypeError("lhs.value must be the Quantity of the product")
        self.values = values
        numeric = [
            values.value(f.value) for f in factors if isinstance(f.value, Quantity)
        ]
        exact = values.value(lhs.value)
        if decimals is None:
            # At least two significant digits of every number: a small derivative
            # shown as 0.003 could not be told apart from the nudge ratio beside it.
            floor = min(6, max(delta_decimals(x) for x in (exact, *numeric)))
            decimals = decimals_for(numeric, exact, minimum=floor) if numeric else floor
        self.decimals = decimals
        parts: list = [lhs.tex, "="]
        for i, factor in enumerate(factors):
            parts.append(factor.tex)
            if i < len(factors) - 1:
                parts.append(r"\,\cdot\,")
        self.symbolic = formula(*parts, font_size=font_size)
        self.lhs = self.symbolic[0]
        self.factor_tex = [self.symbolic[2 + 2 * i] for i in range(len(factors))]
        for factor, tex in zip((lhs, *factors), (self.lhs, *self.factor_tex)):
            color_fraction(tex, factor.symbol, factor.bottom or factor.symbol)

        size = font_size - 4
        self.factor_values: list[ValueNumber | MathTex] = []
        for factor, tex in zip(factors, self.factor_tex):
            if isinstance(factor.value, Quantity):
                mob = ValueNumber(values.shown(factor.value, decimals), font_size=size)
            else:
                mob = MathTex(factor.value, font_size=size)
            mob.next_to(tex, DOWN, buff=0.35).set_x(tex.get_x())
            self.factor_values.append(mob)
        self.product = ValueNumber(values.shown(lhs.value, decimals), font_size=size)
        self.product.next_to(self.lhs, DOWN, buff=0.35).set_x(self.lhs.get_x())
        row_y = max(m.get_y() for m in self.factor_values)
        for mob in (*self.factor_values, self.product):
            mob.set_y(row_y)
        self.times = VGroup(
            *(
                MathTex(r"\times", font_size=size - 4, color=MUTED).move_to(
                    [(a.get_right()[0] + b.get_left()[0]) / 2, row_y, 0]
                )
                for a, b in zip(self.factor_values, self.factor_values[1:])
            )
        )
        self.equals = MathTex("=", font_size=size).move_to(
            [self.symbolic[1].get_x(), row_y, 0]
        )
        room = self.equals.get_left()[0] - 0.12 - self.product.get_right()[0]
        self.product.shift(min(room, 0) * RIGHT)
        _keep_apart(
            [self.equals]
            + [m for pair in zip(self.factor_values, self.times) for m in pair]
            + self.factor_values[-1:]
        )
        self.values_row = VGroup(
            self.product, self.equals, *self.factor_values, self.times
        )
        self.add(self.symbolic, self.values_row)

        self.ratio = self.comparison = None
        if ratio is not None:
            name, quantity = ratio
            delta = values.value(Quantity("Δparam", nudge=quantity.nudge))
            self.derivative = formula(
                lhs.tex, "=", values.shown(lhs.value, decimals), font_size=size
            )
            color_fraction(self.derivative[0], lhs.symbol, lhs.bottom or lhs.symbol)
            self.ratio = formula(
                name, "=", values.shown(quantity, decimals), font_size=size
            )
            color_fraction(self.ratio[0], lhs.symbol, lhs.bottom or lhs.symbol)
            self.nudge_size = formula(
                r"\text{for a nudge of }",
                values.shown(
                    Quantity("Δparam", nudge=quantity.nudge), delta_decimals(delta)
                ),
                font_size=NOTE_SIZE,
                color=MUTED,
            )
            self.comparison = VGroup(
                self.derivative,
                MathTex(r"\approx", font_size=size),
                self.ratio,
            ).arrange(RIGHT, buff=0.35)
            self.nudge_size.next_to(self.ratio, DOWN, buff=0.15)
            self.comparison.add(self.nudge_size)
            self.comparison.next_to(self.values_row, DOWN, buff=0.6)
            self.comparison.set_x(self.symbolic.get_x())
            self.add(self.comparison)

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

    def brace_tail(self, count: int, label: Factor) -> VGroup:
        """A brace under the last ``count`` values, naming what they multiply to.

        ``label`` gives the LaTeX and colours of the name and, as its value, the
        quantity the factors make (e.g. ∂C0/∂a^(L-1)), shown at :attr:`decimals`.
        The group is returned, not added.
        """
        tail = VGroup(*self.factor_values[-count:], *self.times[-(count - 1) :])
        brace = Brace(tail, DOWN, buff=0.15, color=MUTED)
        text = formula(
            label.tex,
            "=",
            self.values.shown(label.value, self.decimals),
            font_size=NOTE_SIZE + 4,
        )
        color_fraction(text[0], label.symbol, label.bottom or label.symbol)
        text.next_to(brace, DOWN, buff=0.12)
        return VGroup(brace, text)

    @classmethod
    def for_parameter(
        cls,
        values: ExampleValues,
        layer: int,
        wrt: str = "w",
        nudge: tuple[str, float] | None = None,
        font_size: float = FONT_SIZE,
        j: int = 0,
        k: int = 0,
        letters: bool = False,
    ) -> ChainRuleProduct:
        """∂C0/∂w^(layer), ∂C0/∂b^(layer) or ∂C0/∂a^(layer-1) as three factors.

        On a network with several neurons a layer, ``j`` and ``k`` pick w_jk, b_j or
        a_k (through neuron j); the symbols carry the subscripts, as numbers or, with
        ``letters``, as the lecture's letters j and k (the values are those of ``j``,
        ``k``). A chain has no subscripts.
        """
        L = values.net.L  # noqa: N806 - the lecture's L
        if wrt not in ("w", "b", "a"):
            raise ValueError(f"wrt must be 'w', 'b' or 'a', got {wrt!r}")
        up, prev = layer_tex(layer, L), layer_tex(layer - 1, L)
        if values.net.is_chain:
            sj = sk = sjk = ""
        else:
            jj, kk = ("j", "k") if letters else (str(j), str(k))
            sj, sk, sjk = f"_{{{jj}}}", f"_{{{kk}}}", f"_{{{jj}{kk}}}"
        z, a = (f"z{sj}^{{{up}}}", "z"), (f"a{sj}^{{{up}}}", "a")
        target, first, product = {
            "w": (
                (f"w{sjk}^{{{up}}}", "w"),
                Quantity("a", layer - 1, j=k),
                Quantity("dC/dw", layer, j=j, k=k),
            ),
            "b": ((f"b{sj}^{{{up}}}", "b"), "1", Quantity("dC/db", layer, j=j)),
            "a": (
                (f"a{sk}^{{{prev}}}", "a"),
                Quantity("w", layer, j=j, k=k),
                Quantity("path", layer, j=j, k=k),
            ),
        }[wrt]
        if wrt == "a" and values.net.sizes[layer] == 1:
            # one path only: the product is the whole sensitivity of a^(layer-1)
            product = Quantity("dC/da", layer - 1, j=k)
        product_q = product
        factors = [
            Factor.partial(z, target, first),
            Factor.partial(a, z, Quantity("sigma'", layer, j=j)),
            Factor.partial(("C_0", "C"), a, Quantity("dC/da", layer, j=j)),
        ]
        ratio = None
        if nudge is not None:
            ratio = (
                rf"\frac{{\Delta C_0}}{{\Delta {target[0]}}}",
                Quantity("ΔC/Δparam", nudge=nudge),
            )
        lhs = Factor.partial(("C_0", "C"), target, product_q)
        return cls(values, lhs, factors, ratio, font_size)

    @classmethod
    def along_path(
        cls, values: ExampleValues, layer: int, font_size: float = FONT_SIZE
    ) -> ChainRuleProduct:
        """∂C0/∂w^(layer) on the chain, one factor per link of the path to the cost.

        w^(layer) → z^(layer) → a^(layer) → z^(layer+1) → ... → a^(L) → C0. The decimals
        also make the factors after σ'(z^(layer)) agree with ∂C0/∂a^(layer), so
        :meth:`brace_tail` can name them.
        """
        net = values.net
        L = net.L  # noqa: N806
        if not net.is_chain:
            raise ValueError("along_path needs a chain (one neuron per layer)")
        if not 1 <= layer <= L:
            raise ValueError(f"layer must be in 1..{L}, got {layer}")

        def sym(s: str, m: int) -> tuple[str, str]:
            return (f"{s}^{{{layer_tex(m, L)}}}", s)

        factors = [
            Factor.partial(sym("z", layer), sym("w", layer), Quantity("a", layer - 1))
        ]
        for m in range(layer, L + 1):
            factors.append(
                Factor.partial(sym("a", m), sym("z", m), Quantity("sigma'", m))
            )
            if m < L:
                factors.append(
                    Factor.partial(sym("z", m + 1), sym("a", m), Quantity("w", m + 1))
                )
        factors.append(Factor.partial(("C_0", "C"), sym("a", L), Quantity("dC/da", L)))
        product = Quantity("dC/dw", layer)
        numbers = [values.value(f.value) for f in factors]
        exact = values.value(product)
        tail_exact = values.value(Quantity("dC/da", layer))
        decimals = 3
        while decimals < 8:
            whole = bpmath.agreeing_decimals(numbers, exact, minimum=decimals)
            tail = bpmath.agreeing_decimals(numbers[2:], tail_exact, minimum=decimals)
            if whole == tail == decimals:
                break
            decimals = max(whole, tail)
        lhs = Factor.partial(("C_0", "C"), sym("w", layer), product)
        return cls(values, lhs, factors, None, font_size, decimals)
