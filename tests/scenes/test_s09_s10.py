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
    """ "C term" j is (a_j^(L) − y_j)², checked by the tests' resolver; the terms add to C0."""
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
        assert label.get_y() == pytest.approx(
            diagram.neuron(L - 1, k).get_y(), abs=0.05
        )
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
    after = bpmath.nudge(
        example.network, example.x, example.y, nudge[0], nudge[1]
    ).after
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
    total = [s for line in cost.total for s in line.shown_values]
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


# --- step 10: the sum over paths ------------------------------------------------------


@pytest.fixture(scope="module")
def path_sums(example):
    """A PathSum for every neuron k of layer L-1 of the example (built once)."""
    from scenes.kit.path_sum import PathSum

    values, L = ExampleValues(example), example.network.L
    return [(k, PathSum(values, L, k)) for k in range(example.network.sizes[L - 1])]


def test_path_terms_and_sum_are_bpmath_path_terms(example, path_sums):
    """Each shown term is bpmath.path_terms' product for path j; the sum its sensitivity."""
    net, L = example.network, example.network.L
    for k, paths in path_sums:
        truth = bpmath.path_terms(net, example.x, example.y, L, k)
        assert paths.n_paths == len(truth.terms)
        for j, shown in enumerate(paths.terms):
            assert shown.quantity == Quantity("path", L, j=j, k=k)
            assert shown.value == pytest.approx(truth.terms[j].product, rel=1e-12)
            row = [cell for cell in paths.row(j) if hasattr(cell, "quantity")]
            assert [c.get_value() for c in row] == pytest.approx(
                list(truth.terms[j].factors) + [truth.terms[j].product]
            ), f"row {j} of a_{k}: factors and product differ from bpmath"
        assert paths.total.value == pytest.approx(truth.sensitivity, rel=1e-12)
        assert paths.sum_value.shown_values == (paths.total,)


def test_rounded_terms_add_up_to_the_rounded_sum(example, path_sums):
    """The printed terms add up to the printed sum; each row's printed factors make its term."""
    for k, paths in path_sums:
        total = _printed(paths.total)
        terms = [_printed(t) for t in paths.terms]
        assert round(math.fsum(terms), paths.decimals) == total, (
            f"a_{k}: {terms} do not add up to {total}"
        )
        for j in range(paths.n_paths):
            factors = [
                round(c.get_value(), c.num_decimal_places)
                for c in paths.row(j)
                if hasattr(c, "quantity")
            ][:-1]
            assert round(math.prod(factors), paths.term_decimals) == terms[j], (
                f"a_{k}, path {j}: {factors} do not multiply to {terms[j]}"
            )


def test_bars_are_the_real_terms_to_scale(example, path_sums):
    """Each bar is |term| × unit long, on its sign's side; the last bar is the sum."""
    for k, paths in path_sums:
        bars, zero = paths.bars, paths.bars.zero_point()[0]
        for j, shown in enumerate([*paths.terms, paths.total]):
            bar = paths.bar(j)
            assert bar.width == pytest.approx(abs(shown.value) * bars.unit, abs=1e-6), (
                f"a_{k}, bar {j}: {bar.width} long for {shown.value}"
            )
            if shown.value != 0:
                assert (bar.get_center()[0] > zero) == (shown.value > 0)
        assert paths.total_bar is paths.bar(paths.n_paths)
        tip = sum(
            np.sign(t.value) * paths.bar(j).width for j, t in enumerate(paths.terms)
        )
        assert tip == pytest.approx(np.sign(paths.total.value) * paths.total_bar.width)


def test_bars_line_up_with_their_rows(example, path_sums):
    """Bar j sits on the line of table row j; the sum's bar on the sum row."""
    for _, paths in path_sums:
        for j in range(paths.n_paths):
            assert paths.bar(j).get_y() == pytest.approx(paths.table.row_y(j), abs=1e-6)
        assert paths.total_bar.get_y() == pytest.approx(
            paths.sum_value.get_y(), abs=1e-6
        )


def test_nudge_ratio_is_bpmath_nudge_of_the_activation(example, path_sums):
    """ΔC0/Δa_k beside the sum is bpmath.nudge's ratio for a_k^(L-1) and is near the sum."""
    from scenes.s10_multi_path import NUDGE

    net, L = example.network, example.network.L
    for k, paths in path_sums:
        check = paths.nudge_ratio(NUDGE)
        ratio = check.ratio.shown_values[0]
        truth = bpmath.nudge(net, example.x, example.y, f"a_{k}^({L - 1})", NUDGE)
        assert ratio.quantity == Quantity(
            "ΔC/Δparam", nudge=(f"a_{k}^({L - 1})", NUDGE)
        )
        assert ratio.value == pytest.approx(truth.ratio, rel=1e-12)
        assert ratio.value == pytest.approx(resolve(example, ratio.quantity), rel=1e-9)
        scale = max(abs(truth.ratio), 1e-3)
        assert abs(ratio.value - paths.total.value) < 0.2 * scale, (
            f"a_{k}: nudge ratio {ratio.value} is far from the sum {paths.total.value}"
        )


def test_path_sum_refuses_a_neuron_that_does_not_exist():
    """k outside layer L-1, or a layer outside 1..L, is refused with the range."""
    from scenes.kit.path_sum import PathSum

    values = ExampleValues(bpmath.examples.wide())
    with pytest.raises(ValueError, match="k must be a neuron of layer 1"):
        PathSum(values, 2, 7)
    with pytest.raises(ValueError, match="layer must be in 1..2"):
        PathSum(values, 3, 0)


def test_delta_labels_are_the_real_changes_of_the_outputs():
    """Δa_j beside output j is bpmath.nudge's change of a_j^(L), with two significant digits."""
    example = example_for("wide")
    values, net = ExampleValues(example), example.network
    L = net.L
    diagram = NetworkDiagram(values, first_layer=L - 1)
    nudge = (f"a_0^({L - 1})", 0.01)
    truth = bpmath.nudge(net, example.x, example.y, *nudge)
    labels = diagram.delta_labels(values, nudge, L)
    assert len(labels) == net.sizes[L]
    for j, label in enumerate(labels):
        (shown,) = label.shown_values
        assert shown.quantity == Quantity("Δa", L, j=j, nudge=nudge)
        assert shown.value == pytest.approx(float(truth.delta_a(L)[j]), rel=1e-12)
        assert abs(float(shown.text)) > 0, f"Δa_{j} = {shown.value} prints as zero"
        assert label.get_left()[0] > diagram.neuron(L, j).get_right()[0]
