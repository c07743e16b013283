"""What every number on screen stands for, and where its value comes from.

A scene never types a value. It names a :class:`Quantity` (``a`` of layer 3, ``dC/dw`` of
layer 3, ``Δz`` of layer 3 after nudging ``w3`` by 0.1, ...), asks :class:`ExampleValues`
(bpmath, at render time) for its value, and puts it on screen with :class:`ValueNumber`
or :func:`formula`. Both remember the quantity they show, so the tests can collect every
number on screen and check it against bpmath on their own.

Vocabulary of ``Quantity.name`` (``layer``, ``j``, ``k`` as in the lecture):

=================  ==============================================================
``a z w b y C``    a_j^(layer), z_j^(layer), w_jk^(layer), b_j^(layer), y_j, C0
``C term``         (a_j^(L) − y_j)², output neuron j's share of C0 (they sum to C0)
``dC/dw dC/db``    ∂C0/∂w_jk^(layer), ∂C0/∂b_j^(layer)
``dC/da dC/dz``    ∂C0/∂a_j^(layer) (layer 0..L), ∂C0/∂z_j^(layer)
``sigma'``         σ'(z_j^(layer))
``path``           w_jk σ'(z_j) ∂C0/∂a_j: the path from a_k^(layer-1) through neuron j
``Δparam Δz Δa ΔC``   the changes caused by ``nudge`` (Δz, Δa of neuron j of layer)
``Δz/Δparam Δa/Δz ΔC/Δa ΔC/Δparam``   the finite ratios of that nudge
``mean C``, ``mean dC/dw``, ``mean dC/db``   averages over all of the example's rows
``grad``           entry ``j`` of ∇C (mean over the rows) in bpmath's documented order
``descent C``      the mean cost after ``step`` steps of gradient descent (``rate``)
``descent w``, ``descent b``   w_jk^(layer), b_j^(layer) after ``step`` steps (``rate``)
``descent dC/dw``, ``descent dC/db``   the mean ∂C/∂w_jk^(layer), ∂C/∂b_j^(layer) at the
                   network reached after ``step`` steps: the next step is −``rate`` × it
``rate``           the learning rate η itself (an input of the scene, like a nudge size)
=================  ==============================================================

``example`` picks the row of a multi-example :class:`bpmath.Example`; ``nudge`` is a pair
``(parameter, delta)`` such as ``("w3", 0.1)``: the plain names (``a``, ``z``, ``C``...)
then mean their values *after* the nudge.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from manim import DecimalNumber, MathTex, Mobject, VMobject

import bpmath
from scenes.kit.style import FONT_SIZE, color_of
from scenes.perf.glyphs import glyph

__all__ = [
    "ExampleValues",
    "Quantity",
    "Shown",
    "ValueNumber",
    "as_parts",
    "decimals_for",
    "delta_decimals",
    "distinct_decimals",
    "exact_decimals",
    "tiered_decimals",
    "formula",
    "shown_values",
    "tag",
]

_NUDGE_NAMES = {"Δparam", "Δz", "Δa", "ΔC", "Δz/Δparam", "Δa/Δz", "ΔC/Δa", "ΔC/Δparam"}


@dataclass(frozen=True)
class Quantity:
    """A name for one number of the lecture (see the module docstring for names)."""

    name: str
    layer: int | None = None
    j: int = 0
    k: int = 0
    example: int = 0
    nudge: tuple[str, float] | None = None
    step: int | None = None
    rate: float | None = None

    @property
    def symbol(self) -> str:
        """The symbol whose colour this number wears ('a', 'C', 'w', ...)."""
        name = self.name.removeprefix("mean ").removeprefix("descent ")
        if name in ("dC/dw", "dC/db", "dC/da", "dC/dz", "path", "grad") or "C" in name:
            return "C"
        if name == "sigma'":
            return "sigma"
        if name.startswith("Δ"):
            return {"Δz": "z", "Δa": "a", "Δparam": "w"}.get(name, "C")
        return name


@dataclass(frozen=True)
class Shown:
    """A quantity, its value and the decimals it is shown with."""

    quantity: Quantity
    value: float
    decimals: int

    @property
    def text(self) -> str:
        """The value as printed: fixed decimals, never ``-0.000``."""
        return bpmath.format_value(self.value, self.decimals)

    @property
    def tex(self) -> str:
        """The value as LaTeX (a true minus sign)."""
        return self.text

    def bracketed(self) -> list:
        """Formula parts for this value as a factor or after an operator: ``(-0.9)``.

        In parentheses when it prints with a minus, so ``· -0.9`` or ``- -0.9`` never
        appear; ``0.00`` (a tiny negative, rounded) stays bare.
        """
        return ["(", self, ")"] if self.text.startswith("-") else [self]


@dataclass(frozen=True, eq=False)
class ExampleValues:
    """Every quantity of one :class:`bpmath.Example`, computed by bpmath on demand.

    Parameters
    ----------
    example : bpmath.Example
        The network and example(s) the scene shows.
    """

    example: bpmath.Example
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def net(self) -> bpmath.Network:
        """The example's network."""
        return self.example.network

    def __call__(self, name: str, layer: int | None = None, **kw: Any) -> float:
        """Shorthand for ``value(Quantity(name, layer, ...))``."""
        return self.value(Quantity(name, layer, **kw))

    def shown(self, q: Quantity, decimals: int) -> Shown:
        """``q`` with its value, ready to be put on screen."""
        return Shown(q, self.value(q), decimals)

    def value(self, q: Quantity) -> float:
        """The value of ``q``, from bpmath."""
        if q.name.startswith("mean ") or q.name in ("grad",):
            return self._batch_value(q)
        if q.name == "rate":
            return float(q.rate)
        if q.name.startswith("descent "):
            return self._descent_value(q)
        x, y = self.example.inputs[q.example], self.example.targets[q.example]
        if q.nudge is not None:
            return self._nudged_value(q, x, y)
        if q.name in _NUDGE_NAMES:
            raise ValueError(f"{q.name} needs a nudge=(parameter, delta)")
        return self._plain_value(q, self.net, x, y)

    # --- the computations ---------------------------------------------------------

    def _plain_value(self, q: Quantity, net: bpmath.Network, x, y) -> float:
        name, l, j, k = q.name, q.layer, q.j, q.k
        if name in ("w", "b"):
            return float(net.weight(l)[j, k] if name == "w" else net.bias(l)[j])
        if name == "y":
            return float(y[j])
        trace = bpmath.forward(net, x)
        if name == "a":
            return float(trace.a(l)[j])
        if name == "z":
            return float(trace.z(l)[j])
        if name == "sigma'":
            return float(net.activation.prime(trace.z(l))[j])
        grads = bpmath.backward(net, x, y)
        if name == "C":
            return grads.cost
        if name == "C term":
            return float((trace.output[j] - y[j]) ** 2)
        if name == "path":
            return bpmath.path_terms(net, x, y, l, k).terms[j].product
        getter = {
            "dC/dw": grads.weight,
            "dC/db": grads.bias,
            "dC/da": grads.a,
            "dC/dz": grads.z,
        }.get(name)
        if getter is None:
            raise ValueError(f"unknown quantity {name!r}")
        entry = getter(l)
        return float(entry[j, k] if name == "dC/dw" else entry[j])

    def _nudged_value(self, q: Quantity, x, y) -> float:
        param, delta = q.nudge
        n = bpmath.nudge(self.net, x, y, param, delta)
        p = n.parameter
        values = {
            "Δparam": lambda: n.delta,
            "Δz": lambda: float(n.delta_z(q.layer)[q.j]),
            "Δa": lambda: float(n.delta_a(q.layer)[q.j]),
            "ΔC": lambda: n.delta_cost,
            "Δz/Δparam": lambda: n.dz_dparam,
            "Δa/Δz": lambda: n.da_dz,
            "ΔC/Δa": lambda: n.dC_da,
            "ΔC/Δparam": lambda: n.ratio,
            "a": lambda: float(n.after.a(q.layer)[q.j]),
            "z": lambda: float(n.after.z(q.layer)[q.j]),
            "C": lambda: n.cost_after,
        }
        if q.name in values:
            return float(values[q.name]())
        if q.name in ("w", "b") and (q.name, q.layer, q.j, q.k) == (
            p.kind,
            p.layer,
            p.j,
            p.k,
        ):
            return n.value_after
        return self._plain_value(q, self.net, x, y)

    def _batch_value(self, q: Quantity) -> float:
        avg = bpmath.average_gradient(
            self.net, self.example.inputs, self.example.targets
        )
        if q.name == "grad":
            return float(bpmath.gradient_vector(avg.mean).values[q.j])
        name = q.name.removeprefix("mean ")
        if name == "C":
            return avg.cost
        if name == "dC/dw":
            return float(avg.mean.weight(q.layer)[q.j, q.k])
        if name == "dC/db":
            return float(avg.mean.bias(q.layer)[q.j])
        raise ValueError(f"unknown quantity {q.name!r}")

    def _descent_value(self, q: Quantity) -> float:
        if q.rate is None or q.step is None:
            raise ValueError(f"{q.name} needs a rate and a step, got {q!r}")
        run = self.descent(q.rate, q.step)
        name, l, j, k = q.name.removeprefix("descent "), q.layer, q.j, q.k
        if name == "C":
            return float(run.costs[q.step])
        net = run.networks[q.step]
        if name == "w":
            return float(net.weight(l)[j, k])
        if name == "b":
            return float(net.bias(l)[j])
        if name in ("dC/dw", "dC/db"):
            mean = bpmath.average_gradient(
                net, self.example.inputs, self.example.targets
            ).mean
            return float(mean.weight(l)[j, k] if name == "dC/dw" else mean.bias(l)[j])
        raise ValueError(f"unknown quantity {q.name!r}")

    def descent(self, rate: float, steps: int) -> bpmath.DescentHistory:
        """At least ``steps`` steps of gradient descent at ``rate`` on the example's rows.

        One run per rate is kept and lengthened when more steps are asked for; step n
        of a longer run is step n of a shorter one.
        """
        key = ("descent", float(rate))
        run = self._cache.get(key)
        if run is None or len(run.networks) <= steps:
            run = bpmath.gradient_descent(
                self.net, self.example.inputs, self.example.targets, rate, steps
            )
            self._cache[key] = run
        return run

    @cached_property
    def gradient_labels(self) -> tuple[str, ...]:
        """LaTeX labels of ∇C's entries, in bpmath's order."""
        g = bpmath.backward(self.net, self.example.x, self.example.y)
        return bpmath.gradient_vector(g).latex


def tag(mobject: Mobject, *shown: Shown) -> Mobject:
    """Record on ``mobject`` which quantities the numbers in its text stand for."""
    existing = getattr(mobject, "shown_values", ())
    mobject.shown_values = tuple(existing) + tuple(shown)
    return mobject


def shown_values(mobject: Mobject) -> tuple[Shown, ...]:
    """The quantities recorded on ``mobject`` by :func:`tag` (empty if none)."""
    return tuple(getattr(mobject, "shown_values", ()))


class ValueNumber(DecimalNumber):
    """A :class:`~manim.DecimalNumber` that knows which quantity it shows.

    Parameters
    ----------
    shown : Shown
        The quantity, its value and decimals; the colour is the symbol's.
    """

    def __init__(self, shown: Shown, **kwargs: Any) -> None:
        kwargs.setdefault("num_decimal_places", shown.decimals)
        kwargs.setdefault("color", color_of(shown.quantity.symbol))
        kwargs.setdefault("font_size", FONT_SIZE)
        super().__init__(shown.value, **kwargs)
        self.quantity = shown.quantity

    def _string_to_mob(
        self, string: str, mob_class: type[VMobject] | None = None, **kwargs: Any
    ) -> VMobject:
        # Manim deep-copies a cached glyph per character at every set_value; a readout
        # that follows a moving dot does that every frame (scenes.perf.glyphs).
        return glyph(string, mob_class or self.mob_class, self._font_size, **kwargs)

    def show(self, shown: Shown) -> ValueNumber:
        """Display another value of (possibly) another quantity."""
        self.quantity = shown.quantity
        self.set_value(shown.value)
        return self


Part = str | Shown | tuple[str, str]


def as_parts(part: Part | list[Part]) -> list[Part]:
    r"""``part`` as a list of parts (a list of parts is returned as it is).

    Lets a piece that takes one ``lhs`` part also take several, e.g. ∂C0 in red over
    ∂w in blue: ``[(r"\partial C_0", "C"), "/", (r"\partial w", "w")]``.
    """
    return list(part) if isinstance(part, list) else [part]


def formula(*parts: Part, font_size: float = FONT_SIZE, **kwargs: Any) -> MathTex:
    """A MathTex built from parts: LaTeX strings, ``(latex, symbol)`` pairs, or values.

    A ``(latex, symbol)`` pair is coloured as ``symbol``; a :class:`Shown` is printed
    with its decimals, coloured as its quantity's symbol and recorded with :func:`tag`.
    ``result[i]`` is the i-th non-empty part, so animations can address parts by
    position (an empty string makes no part).

    Examples
    --------
    ``formula(("a^{(L)}", "a"), "=", values.shown(Quantity("a", 3), 3))``
    """
    strings, colors, shown = [], [], []
    for part in parts:
        if isinstance(part, Shown):
            strings.append(part.tex)
            colors.append(color_of(part.quantity.symbol))
            shown.append(part)
        elif isinstance(part, tuple):
            strings.append(part[0])
            colors.append(color_of(part[1]))
        else:
            strings.append(part)
            colors.append(None)
    # MathTex drops empty strings; drop their colours too, or every later part's
    # colour would land on its neighbour.
    colors = [c for c, text in zip(colors, strings) if text]
    strings = [text for text in strings if text]
    tex = MathTex(*strings, font_size=font_size, **kwargs)
    for sub, color in zip(tex.submobjects, colors):
        if color is not None:
            sub.set_color(color)
    return tag(tex, *shown)


def decimals_for(
    parts: Iterable[float], exact: float, combine: str = "product", minimum: int = 3
) -> int:
    """Decimals (≥ ``minimum``) at which the shown ``parts`` combine to the shown ``exact``."""
    return bpmath.agreeing_decimals(parts, exact, combine=combine, minimum=minimum)


def exact_decimals(value: float, minimum: int = 1, maximum: int = 6) -> int:
    """The fewest decimals (≥ ``minimum``) that write an input such as η exactly.

    >>> exact_decimals(3.0), exact_decimals(0.25), exact_decimals(1 / 3)
    (1, 2, 6)
    """
    for digits in range(minimum, maximum + 1):
        if round(value, digits) == value:
            return digits
    return maximum


def distinct_decimals(a: float, b: float, minimum: int = 3, maximum: int = 6) -> int:
    """The fewest decimals (≥ ``minimum``) at which ``a`` and ``b`` print differently.

    So a "before → after" pair never reads ``0.233 → 0.233`` when the values differ.

    >>> distinct_decimals(0.23292, 0.23288), distinct_decimals(0.5, 0.1)
    (5, 3)
    """
    for digits in range(minimum, maximum + 1):
        if bpmath.format_value(a, digits) != bpmath.format_value(b, digits):
            return digits
    return maximum


def delta_decimals(value: float, minimum: int = 3, significant: int = 2) -> int:
    """Decimals (≥ ``minimum``) that show ``significant`` digits of a small value (a Δ).

    >>> delta_decimals(0.0173), delta_decimals(0.00017), delta_decimals(0.1)
    (3, 5, 3)
    """
    if value == 0 or not math.isfinite(value):
        return minimum
    return max(minimum, significant - 1 - math.floor(math.log10(abs(value))))


Check = tuple[Iterable[float], float, Any, int, int]
"""``(parts, exact, combine, parts_tier, result_tier)`` for :func:`tiered_decimals`."""


def tiered_decimals(
    checks: Iterable[Check],
    tiers: int,
    minimum: int = 3,
    extra: int = 2,
    maximum: int = 8,
) -> tuple[int, ...]:
    """Decimals of each tier of shown numbers at which every check agrees.

    Numbers on screen often form tiers: factors make a product, products (terms) make
    a sum. Tier 0 is the final result; each later tier (the parts that make it) may be
    printed with up to ``extra`` more decimals than the tier before, because several
    rounded parts can only reproduce a rounded result when they are a little finer.
    A check ``(parts, exact, combine, parts_tier, result_tier)`` says that ``combine``
    (``"product"``, ``"sum"``, ``"mean"`` or a callable) of the parts rounded at their
    tier's decimals, rounded at the result tier's decimals, equals ``exact`` rounded
    the same way. The answer keeps the finest tier as short as possible, then the
    coarser ones; every tier has at least ``minimum`` decimals.

    >>> tiered_decimals([([0.71992, 0.98807, 0.48485, 0.01656], 2.20941, "sum", 1, 0)], 2)
    (3, 4)
    """
    checks = [(list(p), float(e), c, pt, rt) for p, e, c, pt, rt in checks]
    if not checks or tiers < 1:
        raise ValueError("tiered_decimals needs at least one check and one tier")
    candidates = [(d,) for d in range(minimum, maximum + 1)]
    for _ in range(tiers - 1):
        candidates = [
            (*c, d)
            for c in candidates
            for d in range(c[-1], min(c[-1] + extra, maximum) + 1)
        ]
    for tiers_d in sorted(candidates, key=lambda c: (c[-1], c)):
        if all(
            _agrees(p, e, c, tiers_d[pt], tiers_d[rt]) for p, e, c, pt, rt in checks
        ):
            return tiers_d
    return (maximum,) * tiers


def _agrees(parts: list[float], exact: float, combine, p: int, d: int) -> bool:
    """``combine`` of ``parts`` rounded at ``p`` rounds at ``d`` as ``exact`` does."""
    shown = [round(float(x), p) for x in parts]
    combined = combine(shown) if callable(combine) else _COMBINE[combine](shown)
    got, want = round(float(combined), d), round(float(exact), d)
    return got == want or (got == 0 and want == 0)


_COMBINE = {
    "product": math.prod,
    "sum": math.fsum,
    "mean": lambda v: math.fsum(v) / len(v),
}
