"""Steps 9 and 10: indices, the weight matrix, written-out sums and the sum over paths."""

from __future__ import annotations

import math

import numpy as np
import pytest

import bpmath
from scenes.kit.chain_product import ChainRuleProduct
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.sums import CostSum, WeightedSumLines
from scenes.kit.values import ExampleValues, Quantity, tiered_decimals
from scenes.kit.weight_matrix import WeightMatrix
from tests.scenes.other_examples import example_for
from tests.scenes.resolve import resolve


def _tanh_example() -> bpmath.Example:
    net = bpmath.Network.random([3, 4, 3], seed=11, activation="tanh")
    return bpmath.Example(
        "tanh", net, inputs=[[0.5, -0.3, 0.8]], targets=[[-0.5, 0.7, -0.9]]
    )


def _deep_example() -> bpmath.Example:
    net = bpmath.Network.random([4, 4, 4, 4], seed=3)
    return bpmath.Example(
        "four", net, inputs=[[0.2, 0.9, -0.4, 0.6]], targets=[[0.0, 1.0, 0.0, 1.0]]
    )


EXAMPLES = {
    "wide": bpmath.examples.wide,
    "other wide": lambda: example_for("wide"),
    "tanh": _tanh_example,
    "four": _deep_example,
}


@pytest.fixture(params=list(EXAMPLES), scope="module")
def example(request) -> bpmath.Example:
    """The canonical wide example, the tests' second one, tanh with negative targets, [4,4,4,4]."""
    return EXAMPLES[request.param]()


def _printed(shown) -> float:
    return float(shown.text)


# --- values -----------------------------------------------------------------------


def test_cost_terms_are_the_squared_gaps_and_sum_to_the_cost(example):
    """"C term" j is (a_j^(L) − y_j)², checked by the tests' resolver; the terms add to C0."""
    values, n = ExampleValues(example), example.network.sizes[-1]
    terms = [values.value(Quantity("C term", j=j)) for j in range(n)]
    for j, t in enumerate(terms):
        assert t == pytest.approx(resolve(example, Quantity("C term", j=j)), rel=1e-12)
    assert math.fsum(terms) == pytest.approx(values.value(Quantity("C")), rel=1e-12)


def test_tiered_decimals_make_every_check_agree():
    """Finer parts reproduce the result; a tier never has fewer decimals than the one it makes."""
    parts = [0.71992115, 0.98807402, 0.48485439, 0.01655930]
    d, p = tiered_decimals([(parts, math.fsum(parts), "sum", 1, 0)], tiers=2)
    assert p >= d >= 3
    assert round(math.fsum(round(x, p) for x in parts), d) == round(math.fsum(parts), d)
    with pytest.raises(ValueError, match="at least one check"):
        tiered_decimals([], tiers=2)


# --- the diagram's close-up of layers L-1 and L --------------------------------------


def test_close_up_draws_only_the_last_two_layers(example):
    """first_layer=L-1 draws layers L-1 and L, addressed by math index; earlier ones refuse."""
    values, net = ExampleValues(example), example.network
    L = net.L
    diagram = NetworkDiagram(values, first_layer=L - 1)
    assert len(diagram.layers) == 2
    assert len(diagram.layer(L - 1)) == net.sizes[L - 1]
    assert len(diagram.layer(L)) == net.sizes[L]
    assert diagram.neuron(L - 1, 0).get_x() < diagram.neuron(L, 0).get_x()
    assert len(diagram.edges) == net.sizes[L] * net.sizes[L - 1]
    with pytest.raises(ValueError, match="not drawn"):
        diagram.neuron(L - 2, 0)
    with pytest.raises(ValueError, match="not drawn"):
        diagram.edge(L - 1, 0, 0)
    with pytest.raises(ValueError, match="first_layer"):
        NetworkDiagram(values, first_layer=L)


def test_index_and_column_labels_carry_the_lecture_letters(example):
    """k=0, k=1... sit beside their neuron of layer L-1; the columns read a_k^(L-1), a_j^(L)."""
    values, L = ExampleValues(example), example.network.L
    diagram = NetworkDiagram(values, first_layer=L - 1)
    labels = diagram.index_labels(L - 1, "k")
    assert [m.tex_string for m in labels] == [
        f"k={k}" for k in range(example.network.sizes[L - 1])
    ]
    for k, label in enumerate(labels):
        assert label.get_y() == pytest.approx(diagram.neuron(L - 1, k).get_y(), abs=0.05)
        assert label.get_right()[0] < diagram.neuron(L - 1, k).get_left()[0]
    assert diagram.column_label(L - 1, "k").tex_string == "a_{k}^{(L-1)}"
    assert diagram.column_label(L, "j").tex_string == "a_{j}^{(L)}"


def test_path_highlight_follows_edge_jk(example):
    """The highlight of path (L, j, k) traces the edge from neuron k to neuron j and rings both."""
    values, net = ExampleValues(example), example.network
    L = net.L
    diagram = NetworkDiagram(values, first_layer=L - 1)
    j, k = net.sizes[L] - 1, net.sizes[L - 1] - 1
    edge, rings = diagram.path_highlight(L, j, k)
    assert np.allclose(edge.get_start(), diagram.edge(L, j, k).get_start())
    assert np.allclose(edge.get_end(), diagram.edge(L, j, k).get_end())
    assert np.allclose(rings[0].get_center(), diagram.neuron(L - 1, k).get_center())
    assert np.allclose(rings[1].get_center(), diagram.neuron(L, j).get_center())


def test_follow_shows_the_nudged_network():
    """After following a nudge of a_k^(L-1), each readout is tagged and valued as after the nudge."""
    example = bpmath.examples.wide()
    values, L = ExampleValues(example), example.network.L
    diagram = NetworkDiagram(values, first_layer=L - 1)
    nudge = (f"a_1^({L - 1})", 0.05)
    animations = diagram.follow(values, nudge)
    assert len(animations) == 2 * len(diagram.readouts)
    after = bpmath.nudge(example.network, example.x, example.y, nudge[0], nudge[1]).after
    for builder in animations:
        animation = builder.build()
        animation.begin()
        animation.finish()
    for (layer, j), readout in diagram.readouts.items():
        assert readout.quantity.nudge == nudge
        assert readout.get_value() == pytest.approx(float(after.a(layer)[j]))


# --- the weight matrix ---------------------------------------------------------------


def test_matrix_entry_j_k_is_w_jk_and_is_marked_at_row_j_column_k(example):
    """Entry (j, k) shows w_jk; mark(j, k) frames row j, column k and that entry."""
    values, net = ExampleValues(example), example.network
    L = net.L
    matrix = WeightMatrix(values, L)
    W = net.weight(L)
    assert matrix.shape == W.shape
    for (j, k), w in np.ndenumerate(W):
        entry = matrix.entry(j, k)
        assert entry.quantity == Quantity("w", L, j=j, k=k)
        assert entry.get_value() == pytest.approx(float(w))
    j, k = W.shape[0] - 1, 0
    marks = matrix.mark(j, k)
    entry = matrix.entry(j, k)
    assert np.allclose(marks.entry_box.get_center(), entry.get_center(), atol=1e-6)
    assert marks.row_box.get_y() == pytest.approx(entry.get_y(), abs=0.1)
    assert marks.column_box.get_x() == pytest.approx(entry.get_x(), abs=0.1)
    for other in range(W.shape[1]):
        assert marks.row_box.get_left()[0] <= matrix.entry(j, other).get_left()[0]
    rows_below = [matrix.entry(r, k) for r in range(W.shape[0])]
    assert all(
        marks.column_box.get_bottom()[1] <= e.get_bottom()[1] for e in rows_below
    ), "column box does not hold the whole column k"
    assert matrix.row_labels[j].tex_string == f"j={j}"
    assert matrix.column_labels[k].tex_string == f"k={k}"
    with pytest.raises(ValueError, match="no entry"):
        matrix.entry(W.shape[0], 0)


# --- the written-out sums --------------------------------------------------------------


def test_cost_sum_rounded_terms_add_up_to_the_rounded_cost(example):
    """Each printed term is (a_j − y_j)² and the printed terms add up to the printed C0."""
    values = ExampleValues(example)
    cost = CostSum(values)
    total = cost.total.shown_values
    terms, c0 = total[:-1], total[-1]
    assert [s.quantity.name for s in terms] == ["C term"] * example.network.sizes[-1]
    assert c0.quantity == Quantity("C")
    assert round(math.fsum(_printed(t) for t in terms), c0.decimals) == _printed(c0)


def test_weighted_sum_parts_recombine_to_z_and_sigma_of_z_to_a(example):
    """The printed w, a and b make the printed z; σ of the printed z is the printed a."""
    values, net = ExampleValues(example), example.network
    L = net.L
    for j in range(net.sizes[L]):
        ws = WeightedSumLines(values, L, j)
        shown = [s for line in ws.numbers for s in line.shown_values]
        *parts, z = shown
        w = [_printed(s) for s in parts[:-1:2]]
        a = [_printed(s) for s in parts[1:-1:2]]
        b = _printed(parts[-1])
        assert [s.quantity.name for s in parts[:-1:2]] == ["w"] * net.sizes[L - 1]
        assert round(sum(x * y for x, y in zip(w, a)) + b, z.decimals) == _printed(z)
        *_, z_again, a_out = ws.activation.shown_values
        assert round(float(net.activation(_printed(z_again))), a_out.decimals) == (
            _printed(a_out)
        )


def test_indexed_chain_rule_product_is_the_gradient_entry(example):
    """∂C0/∂w_jk with letters: factors a_k, σ'(z_j), ∂C0/∂a_j; product = bpmath's entry."""
    values, net = ExampleValues(example), example.network
    L = net.L
    j, k = net.sizes[L] - 1, net.sizes[L - 1] - 1
    product = ChainRuleProduct.for_parameter(values, L, "w", j=j, k=k, letters=True)
    assert "w_{jk}" in product.symbolic.tex_string
    grads = bpmath.backward(net, example.x, example.y)
    assert product.product.get_value() == pytest.approx(float(grads.weight(L)[j, k]))
    assert [m.quantity for m in product.factor_values] == [
        Quantity("a", L - 1, j=k),
        Quantity("sigma'", L, j=j),
        Quantity("dC/da", L, j=j),
    ]
    shown = product.shown_factors
    assert round(math.prod(shown), product.decimals) == round(
        product.product.get_value(), product.decimals
    )
