"""NetworkDiagram draws bpmath's network: positions, fills, edges and values by math index."""

from __future__ import annotations

import numpy as np
import pytest
from manim import DecimalNumber, MathTex, config

import bpmath
from scenes.kit.layout import backdrop
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.notation import layer_tex
from scenes.kit.style import BACKGROUND, weight_color
from scenes.kit.values import ExampleValues, Quantity
from tests.scenes.other_examples import example_for

EXAMPLES = {
    "chain": bpmath.examples.get("chain"),
    "wide": bpmath.examples.get("wide"),
    "other chain": example_for("chain"),
    "other wide": example_for("wide"),
}


@pytest.fixture(params=list(EXAMPLES), scope="module")
def built(request) -> tuple[bpmath.Example, NetworkDiagram]:
    """Each example and its diagram."""
    example = EXAMPLES[request.param]
    return example, NetworkDiagram(ExampleValues(example))


def _inside_frame(mob) -> bool:
    half_w, half_h = config.frame_width / 2, config.frame_height / 2
    left, bottom = mob.get_corner([-1, -1, 0])[:2]
    right, top = mob.get_corner([1, 1, 0])[:2]
    return left >= -half_w and right <= half_w and bottom >= -half_h and top <= half_h


def test_one_circle_per_neuron(built):
    """Each layer has as many circles as the network has neurons there."""
    example, diagram = built
    counts = tuple(len(diagram.layer(l)) for l in range(example.network.L + 1))
    assert counts == example.network.sizes, (
        f"drew {counts}, network is {example.network.sizes}"
    )


def test_layers_run_left_to_right_and_neurons_top_down(built):
    """Layer l sits left of layer l+1; neuron j sits above neuron j+1, centred as a column."""
    example, diagram = built
    net = example.network
    xs = [diagram.neuron(l, 0).get_x() for l in range(net.L + 1)]
    assert all(a < b for a, b in zip(xs, xs[1:])), (
        f"layer x positions {xs} not increasing"
    )
    for l in range(net.L + 1):
        column = [diagram.neuron(l, j) for j in range(net.n(l))]
        ys = [c.get_y() for c in column]
        assert all(a > b for a, b in zip(ys, ys[1:])), f"layer {l}: y positions {ys}"
        assert {round(c.get_x(), 6) for c in column} == {round(xs[l], 6)}, (
            f"layer {l} is not one column"
        )
        assert np.mean(ys) == pytest.approx(diagram.get_y(), abs=1e-6), (
            f"layer {l} is not centred vertically"
        )


def test_fill_tracks_activation(built):
    """A neuron's fill opacity is its activation (clipped to [0, 1])."""
    example, diagram = built
    trace = bpmath.forward(example.network, example.x)
    for l in range(example.network.L + 1):
        for j, a in enumerate(trace.a(l)):
            opacity = diagram.neuron(l, j).get_fill_opacity()
            assert opacity == pytest.approx(np.clip(a, 0, 1)), (
                f"neuron ({l}, {j}) has fill {opacity}, activation {a}"
            )


def test_brighter_neuron_for_larger_activation():
    """Between any two neurons the one with the larger activation has the larger fill."""
    example = EXAMPLES["wide"]
    diagram = NetworkDiagram(ExampleValues(example))
    trace = bpmath.forward(example.network, example.x)
    pairs = [
        (float(trace.a(l)[j]), diagram.neuron(l, j).get_fill_opacity())
        for l in range(example.network.L + 1)
        for j in range(example.network.n(l))
    ]
    pairs.sort()
    fills = [f for _, f in pairs]
    assert fills == sorted(fills), f"fills {fills} do not grow with activations"


def test_values_inside_neurons_are_bpmath_activations(built):
    """Each readout is a tagged a_j^(l) equal to bpmath's forward pass, inside its circle."""
    example, diagram = built
    trace = bpmath.forward(example.network, example.x)
    for l in range(example.network.L + 1):
        for j in range(example.network.n(l)):
            readout = diagram.readout(l, j)
            assert isinstance(readout, DecimalNumber)
            assert readout.quantity == Quantity("a", l, j=j), (
                f"readout ({l}, {j}) is tagged {readout.quantity}"
            )
            assert readout.get_value() == pytest.approx(trace.a(l)[j]), (
                f"readout ({l}, {j}) shows {readout.get_value()}, bpmath {trace.a(l)[j]}"
            )
            circle = diagram.neuron(l, j)
            assert (
                readout.width < 2 * diagram.radius
                and readout.height < 2 * diagram.radius
            )
            assert np.allclose(readout.get_center(), circle.get_center()), (
                f"readout ({l}, {j}) is not centred on its neuron"
            )


def test_edge_colour_follows_sign_and_width_grows_with_size(built):
    """Edges wear the weight's sign colour; a larger |w| never draws a thinner edge."""
    example, diagram = built
    net = example.network
    rows = []
    for l in range(1, net.L + 1):
        for (j, k), w in np.ndenumerate(net.weight(l)):
            edge = diagram.edge(l, j, k)
            assert edge.get_stroke_color().to_hex() == weight_color(w).to_hex(), (
                f"w_{j}{k}^({l}) = {w} has colour {edge.get_stroke_color()}"
            )
            rows.append((abs(float(w)), edge.get_stroke_width()))
    rows.sort()
    widths = [width for _, width in rows]
    assert widths == sorted(widths), f"widths {widths} do not grow with |w|"
    assert widths[-1] > widths[0] or rows[-1][0] == rows[0][0]


def test_edges_join_the_math_indexed_neurons(built):
    """edge(l, j, k) runs from neuron k of layer l-1 to neuron j of layer l."""
    example, diagram = built
    net = example.network
    for l in range(1, net.L + 1):
        for j in range(net.n(l)):
            for k in range(net.n(l - 1)):
                edge = diagram.edge(l, j, k)
                source, target = diagram.neuron(l - 1, k), diagram.neuron(l, j)
                start_gap = np.linalg.norm(edge.get_start() - source.get_center())
                end_gap = np.linalg.norm(edge.get_end() - target.get_center())
                assert start_gap == pytest.approx(diagram.radius), (
                    f"w_{j}{k}^({l}) does not start on neuron ({l - 1}, {k})"
                )
                assert end_gap == pytest.approx(diagram.radius), (
                    f"w_{j}{k}^({l}) does not end on neuron ({l}, {j})"
                )


def test_bad_indices_are_refused_with_the_sizes():
    """Asking for a neuron or edge that does not exist names the network's sizes."""
    diagram = NetworkDiagram(ExampleValues(EXAMPLES["wide"]))
    for call in (
        lambda: diagram.neuron(3, 0),
        lambda: diagram.neuron(1, 3),
        lambda: diagram.edge(0, 0, 0),
        lambda: diagram.edge(2, 0, 5),
    ):
        with pytest.raises(ValueError, match="sizes"):
            call()


def test_diagram_fits_in_frame(built):
    """Default diagrams, with labels beside the output, stay inside the frame."""
    example, diagram = built
    L = example.network.L
    label = diagram.neuron_label(L, 0)
    assert _inside_frame(diagram), f"diagram of width {diagram.width} leaves the frame"
    assert _inside_frame(label), "the output label leaves the frame"


def test_wide_layout_is_squeezed_into_its_box():
    """A long or tall network shrinks its spacing to stay within max_width × max_height."""
    net = bpmath.Network.random([3, 7, 7, 7, 7, 2], seed=3)
    diagram = NetworkDiagram(net, bpmath.forward(net, [0.1, 0.2, 0.3]))
    assert diagram.width <= 12.5 + 1e-6 and diagram.height <= 5.5 + 1e-6, (
        f"diagram is {diagram.width} × {diagram.height}"
    )


def test_bare_network_has_no_values():
    """Built from a Network without a trace, neurons are empty and carry no readouts."""
    net = bpmath.examples.get("chain").network
    diagram = NetworkDiagram(net)
    assert not diagram.readouts, "a bare network should show no values"
    assert diagram.neuron(1).get_fill_opacity() == 0
    assert diagram.activation(1) is None


def test_default_labels_use_lecture_indices():
    """Chains label a^{(L-1)} and w^{(L)}; wide nets add j and jk subscripts."""
    chain = NetworkDiagram(ExampleValues(EXAMPLES["chain"]))
    L = chain.L
    assert chain.neuron_label(L - 1).tex_string == "a^{(L-1)}"
    assert chain.edge_label(L).tex_string == "w^{(L)}"
    wide = NetworkDiagram(ExampleValues(EXAMPLES["wide"]))
    assert wide.edge_label(wide.L, 1, 0).tex_string == "w_{10}^{(L)}"
    assert wide.bias_label(wide.L, 1).tex_string.startswith("b_{1}^{(L)}")
    assert layer_tex(1, 3, symbolic=False) == "(1)"


def test_labels_with_values_are_tagged():
    """A weight label with a value carries the tagged Shown of that weight."""
    values = ExampleValues(EXAMPLES["chain"])
    diagram = NetworkDiagram(values)
    shown = values.shown(Quantity("w", 1), 2)
    label = diagram.edge_label(1, value=shown)
    assert isinstance(label, MathTex)
    assert label.shown_values == (shown,), f"label tagged {label.shown_values}"
    assert label.get_bottom()[1] > diagram.edge(1).get_center()[1], (
        "label is not above its edge"
    )


def test_highlight_path_checks_its_steps():
    """A path must step one layer forward; a valid one gives an animation."""
    diagram = NetworkDiagram(ExampleValues(EXAMPLES["wide"]))
    assert diagram.highlight_path([(0, 1), (1, 2), (2, 0)]) is not None
    with pytest.raises(ValueError, match="one layer forward"):
        diagram.highlight_path([(0, 0), (2, 0)])


def test_index_letters_replace_numbers():
    """index="k" / "jk" label the lecture's generic neurons and weight, a_k, a_j, w_jk."""
    wide = NetworkDiagram(ExampleValues(EXAMPLES["wide"]))
    L = wide.L
    assert wide.neuron_label(L - 1, 2, index="k").tex_string == "a_{k}^{(L-1)}"
    assert wide.neuron_label(L, 1, index="j").tex_string == "a_{j}^{(L)}"
    assert wide.edge_label(L, 1, 2, index="jk").tex_string == "w_{jk}^{(L)}"
    chain = NetworkDiagram(ExampleValues(EXAMPLES["chain"]))
    assert chain.bias_label(chain.L, index="j").tex_string == "b_{j}^{(L)}"


def test_label_on_its_edge_sits_on_the_edge_over_a_backdrop():
    """``on_edge`` centres w_jk on its own edge; the backdrop covers the label exactly."""
    wide = NetworkDiagram(ExampleValues(bpmath.examples.wide()))
    L = wide.L
    label = wide.edge_label(L, 1, 0, index="jk", along=0.4, on_edge=True)
    anchor = wide.edge(L, 1, 0).point_from_proportion(0.4)
    assert np.allclose(label.get_center(), anchor)
    above = wide.edge_label(L, 1, 0, index="jk", along=0.4)
    assert above.get_bottom()[1] > anchor[1], "the default label is above its edge"
    patch = backdrop(label, buff=0.05)
    assert np.allclose(patch.get_center(), label.get_center())
    assert patch.width == pytest.approx(label.width + 0.1)
    assert patch.get_fill_color().to_hex().lower() == BACKGROUND.to_hex().lower()


@pytest.mark.parametrize("name", ["wide", "other wide"])
def test_close_up_draws_the_last_two_layers_with_their_index_marks(name):
    """close_up: layers L-1 and L at the point asked, k=0.. beside L-1, two headers."""
    values = ExampleValues(EXAMPLES[name])
    net = values.net
    diagram = NetworkDiagram.close_up(values, at=(-4.0, 0.5))
    assert diagram.first == net.L - 1 and len(diagram.layers) == 2
    assert np.allclose(diagram.get_center()[:2], [-4.0, 0.5])
    assert len(diagram.indices) == net.sizes[net.L - 1]
    for k, mark in enumerate(diagram.indices):
        assert f"k={k}" in mark.get_tex_string().replace(" ", "")
        assert mark.get_x() < diagram.neuron(net.L - 1, k).get_x()
    assert len(diagram.headers) == 2
    assert not ({*diagram.indices, *diagram.headers} & set(diagram.get_family()))
