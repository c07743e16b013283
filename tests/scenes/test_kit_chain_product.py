"""ChainRuleProduct: factors and product are bpmath's, and the rounded factors agree."""

from __future__ import annotations

import math

import pytest

import bpmath
from scenes.kit.chain_product import ChainRuleProduct, Factor
from scenes.kit.notation import layer_tex
from scenes.kit.style import color_of
from scenes.kit.values import ExampleValues, Quantity, shown_values
from tests.scenes.other_examples import example_for

EXAMPLES = [bpmath.examples.chain(), example_for("chain")]


@pytest.mark.parametrize("example", EXAMPLES, ids=["chain", "other chain"])
@pytest.mark.parametrize("wrt", ["w", "b", "a"])
def test_factors_are_bpmaths_chain_rule(example, wrt):
    """Each shown factor is bpmath.chain_rule's, and the product is the backward result."""
    v = ExampleValues(example)
    L = example.network.L
    product = ChainRuleProduct.for_parameter(v, L, wrt)
    rule = bpmath.chain_rule(example.network, example.x, example.y, L, wrt=wrt)
    d = product.decimals
    assert product.shown_factors == pytest.approx([round(f, d) for f in rule.factors])
    assert product.product.get_value() == pytest.approx(rule.product, rel=1e-12)


@pytest.mark.parametrize("example", EXAMPLES, ids=["chain", "other chain"])
@pytest.mark.parametrize("layer", [2, 3])
def test_rounded_factors_multiply_to_the_rounded_product(example, layer):
    """The printed factors times each other, rounded, is the printed product."""
    product = ChainRuleProduct.for_parameter(ExampleValues(example), layer, "w")
    d = product.decimals
    shown_product = round(product.product.get_value(), d)
    assert round(math.prod(product.shown_factors), d) == shown_product


def test_nudge_ratio_sits_beside_the_product():
    """With a nudge, the finite ratio ΔC/Δw is shown and differs from the derivative."""
    ex = bpmath.examples.chain()
    product = ChainRuleProduct.for_parameter(
        ExampleValues(ex), 3, "w", nudge=("w3", 0.1)
    )
    assert product.ratio is not None
    tag = [s for s in product.ratio.shown_values if s.quantity.name == "ΔC/Δparam"][0]
    assert tag.value == pytest.approx(
        bpmath.nudge(ex.network, ex.x, ex.y, "w3", 0.1).ratio
    )
    assert tag.text != f"{product.product.get_value():.{product.decimals}f}"


def test_bias_first_factor_is_structural_one():
    """∂z/∂b is written as the constant 1, not a tagged value."""
    product = ChainRuleProduct.for_parameter(
        ExampleValues(bpmath.examples.chain()), 3, "b"
    )
    assert product.factor_values[0].tex_string == "1"


def test_layer_names_are_relative_to_the_output():
    """Superscripts read (L), (L-1), (L-2)."""
    assert [layer_tex(l, 3) for l in (3, 2, 1)] == ["(L)", "(L-1)", "(L-2)"]


def test_unknown_wrt_is_refused():
    """Only w, b and a have chain-rule products here."""
    with pytest.raises(ValueError, match="wrt must be"):
        ChainRuleProduct.for_parameter(ExampleValues(bpmath.examples.chain()), 3, "q")


@pytest.mark.parametrize("example", EXAMPLES, ids=["chain", "other chain"])
@pytest.mark.parametrize("back", [1, 2])
def test_long_path_is_bpmaths_gradient(example, back):
    """along_path(L - back): factors multiply (rounded) to the rounded ∂C0/∂w."""
    v = ExampleValues(example)
    layer = example.network.L - back
    product = ChainRuleProduct.along_path(v, layer)
    grads = bpmath.backward(example.network, example.x, example.y)
    assert len(product.factor_values) == 3 + 2 * (example.network.L - layer)
    assert product.product.get_value() == pytest.approx(grads.weight(layer)[0, 0])
    d = product.decimals
    assert round(math.prod(product.shown_factors), d) == round(
        float(grads.weight(layer)[0, 0]), d
    ), f"shown factors {product.shown_factors} do not multiply to the product"
    tail = round(math.prod(product.shown_factors[2:]), d)
    assert tail == round(float(grads.a(layer)[0]), d), "braced tail disagrees"
    label = product.brace_tail(
        3, Factor.partial(("C", "C"), ("a", "a"), Quantity("dC/da", layer))
    )
    assert shown_values(label[1])[0].value == pytest.approx(float(grads.a(layer)[0]))


def test_fraction_top_and_bottom_take_their_symbols_colours():
    """∂z/∂w: glyphs above the bar are z's colour, below are w's."""
    product = ChainRuleProduct.for_parameter(
        ExampleValues(bpmath.examples.chain()), 3, "w"
    )
    frac = product.factor_tex[0]
    bar = max(frac, key=lambda g: g.width / max(g.height, 1e-6))
    for glyph in frac:
        if glyph is bar:
            continue
        want = color_of("z" if glyph.get_y() > bar.get_y() else "w")
        assert glyph.get_color() == want, f"glyph at y={glyph.get_y():.2f} miscoloured"


def test_comparison_puts_derivative_beside_ratio():
    """The comparison row holds ∂C0/∂w and ΔC0/Δw side by side, with the nudge size."""
    ex = bpmath.examples.chain()
    product = ChainRuleProduct.for_parameter(
        ExampleValues(ex), 3, "w", nudge=("w3", 0.1)
    )
    assert product.derivative.get_right()[0] < product.ratio.get_left()[0]
    assert abs(product.derivative.get_y() - product.ratio.get_y()) < 0.2
    names = [s.quantity.name for s in shown_values(product.nudge_size)]
    assert names == ["Δparam"]


SHORT_CHAIN = bpmath.Example(
    "short chain",
    bpmath.Network.chain([1.5, -2.0], [0.3, 0.4]),
    inputs=[0.6],
    targets=[1.0],
)
"""L = 2, and ∂C0/∂b^(L) needs five decimals: its product is wider than the fraction."""


@pytest.mark.parametrize("example", [*EXAMPLES, SHORT_CHAIN])
@pytest.mark.parametrize("wrt", ["w", "b", "a"])
def test_values_row_reads_left_to_right_without_touching(example, wrt):
    """Product, =, and factors with their × signs keep a gap, however many decimals."""
    product = ChainRuleProduct.for_parameter(
        ExampleValues(example), example.network.L, wrt
    )
    row = [product.product, product.equals]
    for value, times in zip(product.factor_values, [*product.times, None]):
        row += [value] if times is None else [value, times]
    gaps = [b.get_left()[0] - a.get_right()[0] for a, b in zip(row, row[1:])]
    assert min(gaps) > 0.05, f"{wrt} at {product.decimals} decimals: gaps {gaps}"


def test_small_values_keep_two_significant_digits():
    """A saturated chain's tiny factors and product are not rounded to one digit."""
    net = bpmath.Network.chain([3.0, 4.0, -5.0, 6.0], [1.0, -2.0, 2.0, 3.5])
    example = bpmath.Example("saturated", net, inputs=[0.9], targets=[0.0])
    product = ChainRuleProduct.for_parameter(ExampleValues(example), 4, "w")
    d = product.decimals
    for value in [*product.shown_factors, product.product.get_value()]:
        assert abs(value) * 10**d >= 10, f"{value} shown as {value:.{d}f}"
    assert round(math.prod(product.shown_factors), d) == round(
        product.product.get_value(), d
    ), "rounded factors must still multiply to the rounded product"
