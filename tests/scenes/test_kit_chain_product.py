"""ChainRuleProduct: factors and product are bpmath's, and the rounded factors agree."""

from __future__ import annotations

import math

import pytest

import bpmath
from scenes.kit.chain_product import ChainRuleProduct, layer_tex
from scenes.kit.values import ExampleValues
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
