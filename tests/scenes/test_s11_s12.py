"""Steps 11 and 12: the descent plot and parameter lines tell the truth; the summary's
worked instances are bpmath's numbers; the kit pieces behind them."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from manim import config

import bpmath
from scenes.kit.beats import LectureScene
from scenes.kit.cost_curve import CostCurve, cost_axis_range
from scenes.kit.formula_card import FormulaCard
from scenes.kit.number_line import VariableNumberLine, shared_ranges
from scenes.kit.parameter_lines import ParameterLines
from scenes.kit.values import ExampleValues, Quantity, Shown, ValueNumber, formula
from scenes.kit.worked import (
    product_parts,
    worked_activation,
    worked_output_error,
    worked_sum,
)
from scenes.lecture import SCENES
from scenes.s11_stepping_downhill import SteppingDownhill
from scenes.s12_summary import GENERAL, ROLES, Summary
from tests.scenes.checks import layout_problems, note_problems, number_problems
from tests.scenes.harness import build_scene
from tests.scenes.other_examples import example_for

PIXEL = config.frame_width / 854  # one pixel of the golden frames, in scene units


def _long_chain() -> bpmath.Example:
    """A 5-layer tanh chain with 8 rows and negative targets: the most step 11 draws."""
    net = bpmath.Network.chain(
        [0.5, -1.2, 0.8, 1.5, -0.7], [0.1, 0.2, -0.3, 0.4, -0.1], activation="tanh"
    )
    xs = [-0.9, -0.5, -0.2, 0.1, 0.3, 0.5, 0.7, 0.9]
    ys = [-0.8, -0.6, -0.1, 0.2, 0.1, 0.5, 0.6, 0.7]
    return bpmath.Example("long tanh chain", net, inputs=xs, targets=ys)


def _short_relu() -> bpmath.Example:
    """A 2-layer ReLU chain whose first neuron is dead on every row."""
    net = bpmath.Network.chain([-1.0, 0.8], [-0.5, 0.3], activation="relu")
    return bpmath.Example(
        "dead relu", net, inputs=[0.2, 0.9, 0.4], targets=[1.0, 0.0, 2.0]
    )


TRAINING = {
    "canonical": bpmath.examples.training,
    "other": lambda: example_for("training"),
    "long": _long_chain,
    "relu": _short_relu,
}


def _run_scene(scene_class: type[LectureScene], example: bpmath.Example):
    """Build ``scene_class`` (step 11 or 12, or a variant) on ``example``: scene and run."""
    entry = next(e for e in SCENES if issubclass(scene_class, e.load()))
    return build_scene(entry, scene_class, example)


def _find(scene: LectureScene, kind: type):
    found = [
        m for top in scene.mobjects for m in top.get_family() if isinstance(m, kind)
    ]
    assert len(found) == 1, (
        f"expected one {kind.__name__} on screen, found {len(found)}"
    )
    return found[0]


@pytest.fixture(scope="module", params=["canonical", "long"])
def descent_scene(request):
    """Step 11 built on the canonical training set and on the longest chain it allows."""
    example = TRAINING[request.param]()
    return (example, *_run_scene(SteppingDownhill, example))


def _history(example: bpmath.Example, rate: float, steps: int) -> bpmath.DescentHistory:
    return bpmath.gradient_descent(
        example.network, example.inputs, example.targets, rate, steps
    )


# --- step 11: the scene ----------------------------------------------------------------


@pytest.mark.render
def test_plotted_costs_are_gradient_descents_costs(descent_scene):
    """One dot per step, each the mean cost gradient_descent reaches after that step."""
    example, scene, _ = descent_scene
    curve = _find(scene, CostCurve)
    run = _history(example, scene.descent_rate(), scene.steps)
    assert sorted(curve.dots) == list(range(scene.steps + 1)), "a step has no dot"
    np.testing.assert_allclose(curve.costs, run.costs, rtol=0, atol=1e-12)


@pytest.mark.render
def test_each_plotted_point_sits_at_its_value_on_the_axes(descent_scene):
    """The dot of step n is at (n, C_n) on the drawn axes, to a pixel."""
    example, scene, _ = descent_scene
    curve = _find(scene, CostCurve)
    run = _history(example, scene.descent_rate(), scene.steps)
    x_axis, y_axis = curve.axes.x_axis, curve.axes.y_axis
    (x0, y0, _), (x1, _, _) = x_axis.get_start(), x_axis.get_end()
    y1 = y_axis.get_end()[1]
    low, high = y_axis.x_range[:2]
    ticks = sorted(float(t.get_value()) for t in curve.ticks[:2])
    assert ticks == pytest.approx([low, high]), (
        "the tick labels do not name the axis ends"
    )
    for n, cost in enumerate(run.costs):
        expected = (
            x0 + n / scene.steps * (x1 - x0),
            y0 + (cost - low) / (high - low) * (y1 - y0),
        )
        centre = curve.dots[n].get_center()[:2]
        assert np.abs(centre - expected).max() <= PIXEL, (
            f"step {n}: dot at {centre}, cost {cost} belongs at {expected}"
        )


@pytest.mark.render
def test_parameters_end_where_descent_takes_them(descent_scene):
    """Every parameter's dot and readout end at gradient_descent's last network."""
    example, scene, _ = descent_scene
    lines = [
        m
        for top in scene.mobjects
        for m in top.get_family()
        if isinstance(m, VariableNumberLine)
    ]
    lines.sort(key=lambda line: -line.line.get_center()[1])
    final = _history(example, scene.descent_rate(), scene.steps).networks[-1]
    theta = final.parameter_vector()
    vector = bpmath.gradient_vector(
        bpmath.backward(example.network, example.x, example.y)
    )
    assert len(lines) == len(theta) == 2 * example.network.L
    for i, line in enumerate(lines):
        label, tex = vector.labels[i], vector.latex[i]
        assert line.label.tex_string == tex, (
            f"line {i} is labelled {line.label.tex_string}"
        )
        assert line.value == pytest.approx(theta[i], abs=1e-12), label
        assert np.linalg.norm(line.dot.get_center() - line.n2p(theta[i])) < 1e-9, label
        q = line.readout.quantity
        assert (q.name, q.layer, q.step, q.rate) == (
            f"descent {label[0]}",
            int(label[3]),
            scene.steps,
            scene.descent_rate(),
        ), f"{label}'s readout shows {q}"
        assert line.readout.get_value() == pytest.approx(theta[i], abs=1e-12), label


@pytest.mark.render
def test_descent_scene_is_legible_for_a_long_chain(descent_scene):
    """Numbers, layout and notes hold on the canonical example and a 5-layer, 8-row chain."""
    _, _, run = descent_scene
    problems = number_problems(run) + layout_problems(run) + note_problems(run)
    assert not problems, "\n".join(problems)


@pytest.mark.render
def test_a_rate_that_overshoots_is_shown_as_a_rising_cost():
    """With η = 40 the cost climbs: the plot goes up and the closing note says so."""
    steep = type("SteppingDownhill", (SteppingDownhill,), {"learning_rate": 40.0})
    example = bpmath.examples.training()
    scene, run = _run_scene(steep, example)
    curve = _find(scene, CostCurve)
    assert curve.costs[-1] > curve.costs[0]
    assert curve.dots[scene.steps].get_center()[1] > curve.dots[0].get_center()[1]
    assert "higher" in run.snapshots[-1].beat.note
    problems = number_problems(run) + layout_problems(run)
    assert not problems, "\n".join(problems)


# --- step 11: the kit -------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(TRAINING))
def test_step_marks_are_minus_eta_times_the_gradient_to_scale(key):
    """Each mark is η·|∂C/∂θ| × the shared unit long and points against the gradient."""
    example, rate = TRAINING[key](), 2.0
    params = ParameterLines(ExampleValues(example), rate, steps=3)
    run = _history(example, rate, 3)
    units = {round(line.unit_size, 12) for line in params.lines}
    assert len(units) == 1, f"the lines do not share one scale: {units}"
    for step in (0, 2):
        grads = run.gradients[step].values
        for i, mark in enumerate(params.step_marks(step)):
            dx = mark.get_end()[0] - mark.get_start()[0]
            assert dx == pytest.approx(-rate * grads[i] * params.unit, abs=1e-9), (
                f"step {step}, parameter {run.gradients[step].labels[i]}: mark {dx},"
                f" expected {-rate * grads[i] * params.unit}"
            )


def test_parameter_lines_follow_bpmath_order_and_labels():
    """Lines are labelled w^(1), b^(1), ... and hold each parameter's whole path."""
    example = _long_chain()
    params = ParameterLines(ExampleValues(example), 0.5, steps=5)
    vector = bpmath.gradient_vector(
        bpmath.backward(example.network, example.x, example.y)
    )
    assert [line.label.tex_string for line in params.lines] == list(vector.latex)
    run = _history(example, 0.5, 5)
    for i, line in enumerate(params.lines):
        for net in run.networks:
            assert line.contains(net.parameter_vector()[i])


def test_parameter_lines_refuse_steps_out_of_range():
    """Asking for a step the lines were not built for is an error naming the range."""
    params = ParameterLines(ExampleValues(bpmath.examples.training()), 1.0, steps=2)
    with pytest.raises(ValueError, match=r"0\.\.2"):
        params.move_to_step(3)
    with pytest.raises(ValueError, match="at least 1"):
        ParameterLines(ExampleValues(bpmath.examples.training()), 1.0, steps=0)


def test_glide_then_settle_shows_the_final_values():
    """glide_to_step moves the dots only; settle puts the readouts on the same step."""
    values = ExampleValues(bpmath.examples.training())
    params = ParameterLines(values, 3.0, steps=4)
    params.glide_to_step(4)
    params.settle(4)
    for i, line in enumerate(params.lines):
        expected = values.value(params.quantity(i, 4))
        assert line.readout.get_value() == pytest.approx(expected)
        assert line.readout.quantity == params.quantity(i, 4)
        assert line.value == pytest.approx(expected)


def _costs(values) -> list[Shown]:
    return [
        Shown(Quantity("descent C", step=n, rate=1.0), v, 3)
        for n, v in enumerate(values)
    ]


def test_cost_curve_draws_each_point_once_at_its_value():
    """Dots appear only when drawn, at (n, C_n), and follow the curve when it moves."""
    curve = CostCurve(_costs([0.5, 0.3, 0.2, 0.15]), width=4.0, height=3.0)
    assert not curve.dots, "no dot before drawing"
    curve.draw_points(0, 1)
    curve.shift([1.0, -2.0, 0.0])
    curve.draw_points(2, 3)
    for n, cost in enumerate([0.5, 0.3, 0.2, 0.15]):
        assert np.allclose(curve.dots[n].get_center(), curve.axes.c2p(n, cost))
    assert sorted(curve.segments) == [1, 2, 3]
    with pytest.raises(ValueError, match="drawn already"):
        curve.draw_points(3, 3)
    with pytest.raises(ValueError, match="start <= stop"):
        curve.draw_points(2, 1)


def test_drawn_shows_points_at_once():
    """drawn(upto) adds dots 0..upto and the segments between them, nothing more."""
    curve = CostCurve(_costs([0.5, 0.3, 0.2]))
    curve.drawn(1)
    assert sorted(curve.dots) == [0, 1] and sorted(curve.segments) == [1]
    assert np.allclose(curve.segments[1].get_end(), curve.point_of(1))


def test_cost_curve_refuses_bad_costs():
    """One cost is not a curve; a negative or infinite cost is no mean squared error."""
    with pytest.raises(ValueError, match="at least 2"):
        CostCurve(_costs([0.5]))
    with pytest.raises(ValueError, match="non-negative"):
        cost_axis_range([0.1, -0.2])
    with pytest.raises(ValueError, match="finite"):
        cost_axis_range([0.1, float("inf")])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 1e3, allow_nan=False), min_size=2, max_size=40))
def test_cost_axis_holds_every_cost(costs):
    """The axis starts at or above 0 and contains every cost."""
    low, high, step = cost_axis_range(costs)
    assert 0 <= low <= min(costs) and max(costs) <= high and step > 0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(-50, 50, allow_nan=False), min_size=1, max_size=8),
        min_size=1,
        max_size=10,
    )
)
def test_shared_ranges_share_span_and_hold_their_groups(groups):
    """Equal spans and steps for all groups, each holding its own values."""
    ranges = shared_ranges(groups)
    spans = {round(hi - lo, 9) for lo, hi, _ in ranges}
    assert len(spans) == 1 and len({s for *_, s in ranges}) == 1, ranges
    for (lo, hi, _), group in zip(ranges, groups):
        assert lo <= min(group) and max(group) <= hi, (lo, hi, group)


# --- step 12: the summary ---------------------------------------------------------------

WIDE = {
    "canonical": bpmath.examples.wide,
    "other": lambda: example_for("wide"),
    "tanh": lambda: example_for("wide", "tanh"),
    "deep, two rows": lambda: bpmath.Example(
        "deep",
        bpmath.Network.random([4, 3, 4, 2], seed=3),
        inputs=[[0.2, 0.9, -0.4, 0.5], [0.7, -0.3, 0.1, 0.8]],
        targets=[[1.0, 0.0], [0.0, 1.0]],
    ),
}


@pytest.fixture(params=sorted(WIDE))
def wide(request) -> bpmath.Example:
    """The wide examples a summary is worked on."""
    return WIDE[request.param]()


def _agrees(instance) -> None:
    """The printed factors, multiplied and added, give the printed result to its last digit."""
    d = instance.decimals
    total = sum(np.prod([float(f.text) for f in term]) for term in instance.factors)
    assert bpmath.format_value(total, d) == instance.result.text, (
        f"{[[f.text for f in t] for t in instance.factors]} make {total}, shown"
        f" {instance.result.text}"
    )


def test_recursion_instance_is_bpmaths_path_sum(wide):
    """∂C0/∂a_k^(L-1) = Σ_j w_jk σ'(z_j) ∂C0/∂a_j: terms and sum are bpmath.path_terms'."""
    values, net = ExampleValues(wide), wide.network
    L = net.L
    for k in range(net.sizes[L - 1]):
        terms = [
            [Quantity("w", L, j, k), Quantity("sigma'", L, j), Quantity("dC/da", L, j)]
            for j in range(net.sizes[L])
        ]
        inst = worked_sum(values, "x", terms, Quantity("dC/da", L - 1, k))
        paths = bpmath.path_terms(net, wide.x, wide.y, L, k)
        assert inst.result.value == pytest.approx(paths.sensitivity, abs=1e-12)
        for shown, term in zip(inst.factors, paths.terms):
            product = np.prod([s.value for s in shown])
            assert product == pytest.approx(term.product, abs=1e-12)
        _agrees(inst)


def test_parameter_instances_are_bpmaths_gradients(wide):
    """∂C0/∂w_jk = a_k σ'(z_j) ∂C0/∂a_j and ∂C0/∂b_j = σ'(z_j) ∂C0/∂a_j, layer by layer."""
    values, net = ExampleValues(wide), wide.network
    grads = bpmath.backward(net, wide.x, wide.y)
    for layer in range(1, net.L + 1):
        for j in range(net.sizes[layer]):
            tail = [Quantity("sigma'", layer, j), Quantity("dC/da", layer, j)]
            for k in range(net.sizes[layer - 1]):
                inst = worked_sum(
                    values,
                    "x",
                    [[Quantity("a", layer - 1, k), *tail]],
                    Quantity("dC/dw", layer, j, k),
                )
                assert inst.result.value == pytest.approx(grads.weight(layer)[j, k])
                _agrees(inst)
            inst = worked_sum(values, "x", [tail], Quantity("dC/db", layer, j))
            assert inst.result.value == pytest.approx(grads.bias(layer)[j])
            _agrees(inst)


def test_forward_instances_are_bpmaths_z_and_a(wide):
    """z_j = Σ_k w_jk a_k + b_j and a_j = σ(z_j) are bpmath.forward's numbers."""
    values, net = ExampleValues(wide), wide.network
    trace, L = bpmath.forward(net, wide.x), net.L
    for j in range(net.sizes[L]):
        terms = [
            [Quantity("w", L, j, k), Quantity("a", L - 1, k)]
            for k in range(net.sizes[L - 1])
        ] + [[Quantity("b", L, j)]]
        inst = worked_sum(values, "x", terms, Quantity("z", L, j))
        assert inst.result.value == pytest.approx(trace.z(L)[j])
        _agrees(inst)
        tex = worked_activation(values, "x", L, j)
        z, a = tex.shown_values
        assert a.value == pytest.approx(trace.a(L)[j])
        exact = float(net.activation(np.array([float(z.text)]))[0])
        assert bpmath.format_value(exact, a.decimals) == a.text, "σ(shown z) ≠ shown a"
        assert net.activation.latex + "(" in tex.tex_string, "names another function"


def test_output_error_instance_is_twice_the_error(wide):
    """∂C0/∂a_j^(L) = 2(a_j − y_j), rounded a and y giving the rounded result."""
    values, net = ExampleValues(wide), wide.network
    grads = bpmath.backward(net, wide.x, wide.y)
    for j in range(net.sizes[net.L]):
        a, y, d = worked_output_error(values, "x", j).shown_values
        assert d.value == pytest.approx(grads.a(net.L)[j])
        assert y.value == pytest.approx(wide.y[j])
        assert (
            bpmath.format_value(2 * (float(a.text) - float(y.text)), d.decimals)
            == d.text
        )


@pytest.mark.render
def test_summary_scene_shows_bpmaths_numbers_legibly(wide):
    """Built on each wide example: every number tagged and right, nothing overlaps."""
    _, run = _run_scene(Summary, wide)
    problems = number_problems(run) + layout_problems(run) + note_problems(run)
    assert not problems, "\n".join(problems)
    shown = {
        s.quantity.name
        for snap in run.snapshots
        for rec in snap.texts
        for s in rec.shown
    }
    assert {"z", "a", "dC/da", "dC/dw", "dC/db", "mean dC/dw"} <= shown, shown


def test_general_formulas_carry_the_right_indices():
    """Each general formula is written with the lecture's indices (no j/k or l slips)."""
    tex = [formula(*parts).get_tex_string() for parts in GENERAL]
    expected = [
        ("z_j^{(l)}", r"\sum\nolimits_k", "w_{jk}^{(l)}", "a_k^{(l-1)}", "b_j^{(l)}"),
        ("a_j^{(l)}", r"\sigma(z_j^{(l)})"),
        (r"\partial C_0", r"\partial a_j^{(L)}", "2(", "a_j^{(L)}", "y_j"),
        (r"\partial a_k^{(l-1)}", r"\sum\nolimits_j", "w_{jk}^{(l)}", r"\sigma'(z_j^{(l)})", r"\partial a_j^{(l)}"),
        (r"\partial w_{jk}^{(l)}", "a_k^{(l-1)}", r"\sigma'(z_j^{(l)})", r"\partial a_j^{(l)}"),
        (r"\partial b_j^{(l)}", r"\sigma'(z_j^{(l)})", r"\partial a_j^{(l)}"),
        (r"\partial C /", r"\tfrac{1}{n}", "{i=0}^{n-1}", r"\partial C_i /", r"\partial w_{jk}^{(l)}"),
    ]  # fmt: skip
    for row, (text, pieces) in enumerate(zip(tex, expected)):
        for piece in pieces:
            assert piece in text, f"formula {row} {text!r} lacks {piece!r}"
    assert "a_k" not in tex[5], "the bias's derivative has no incoming activation"


def test_product_parts_bracket_negative_factors():
    """A negative factor is bracketed unless it leads the line."""
    neg, pos = Shown(Quantity("w", 2), -0.5, 3), Shown(Quantity("a", 1), 0.25, 3)
    assert product_parts([neg, pos]) == [neg, r"\cdot", pos]
    assert product_parts([neg, pos], lead=False) == ["(", neg, ")", r"\cdot", pos]
    assert product_parts([pos, neg]) == [pos, r"\cdot", "(", neg, ")"]
    with pytest.raises(ValueError, match="at least one factor"):
        product_parts([])


def test_a_wide_sum_breaks_after_a_term_and_keeps_every_number():
    """Past max_width the sum takes two lines, each narrower; no number is lost."""
    example = example_for("wide")
    values, L = ExampleValues(example), example.network.L
    terms = [
        [Quantity("w", L, 0, k), Quantity("a", L - 1, k)]
        for k in range(example.network.sizes[L - 1])
    ] + [[Quantity("b", L, 0)]]
    one = worked_sum(values, "z", terms, Quantity("z", L, 0), font_size=20)
    two = worked_sum(
        values, "z", terms, Quantity("z", L, 0), font_size=20, max_width=0.7 * one.width
    )
    assert len(one) == 1 and len(two) == 2
    assert all(line.width <= 0.7 * one.width + 1e-6 for line in two)
    tagged = [s.text for line in two for s in line.shown_values]
    assert sorted(tagged) == sorted(s.text for s in one[0].shown_values)
    assert two[1].get_left()[0] > two[0].get_left()[0], "the second line is indented"


def test_an_empty_part_does_not_shift_the_colours():
    """formula() colours each part as asked even when a part is an empty string."""
    shown = Shown(Quantity("w", 2), 0.5, 3)
    tex = formula(("a", "a"), "", "=", shown)
    assert len(tex.submobjects) == 3
    assert tex[2].get_color() == ValueNumber(shown).get_color(), (
        "the value lost its colour"
    )
    assert tex[1].get_color() != tex[2].get_color()


@pytest.mark.render
def test_the_worked_step_is_the_biggest_and_its_numbers_agree(descent_scene):
    """Beat 2 works θ ← θ − η ∂C/∂θ for the parameter with the largest |∂C/∂θ|, and the
    printed θ, η and gradient give the printed new θ to its last digit."""
    example, scene, run = descent_scene
    grads = _history(example, scene.descent_rate(), 1).gradients[0]
    biggest = grads.labels[int(np.argmax(np.abs(grads.values)))]
    lines = [rec for rec in run.snapshots[1].texts if r"\leftarrow" in rec.text]
    lines = [rec for rec in lines if len(rec.shown) == 4]  # not the rule with η alone
    assert len(lines) == 1, "beat 2 shows one worked step"
    theta0, rate, grad, theta1 = lines[0].shown
    kind, layer = biggest[0], int(biggest[3])
    assert (theta0.quantity.name, theta0.quantity.layer) == (f"descent {kind}", layer)
    assert (
        grad.quantity.name == f"descent dC/d{kind}"
        and rate.value == scene.descent_rate()
    )
    new = float(theta0.text) - float(rate.text) * float(grad.text)
    assert bpmath.format_value(new, theta1.decimals) == theta1.text, (
        f"{theta0.text} - {rate.text} * {grad.text} does not round to {theta1.text}"
    )


def test_formula_card_band_panel_and_roles_line_up():
    """The band spans the shaded rows, the panel sits below the card inside the frame,
    each role label is on its row's line right of every row."""
    card = FormulaCard(GENERAL, ROLES)
    band = card.band(card.rows[3:5])
    assert band.get_top()[1] >= card.rows[3].get_top()[1]
    assert band.get_bottom()[1] <= card.rows[4].get_bottom()[1]
    assert band.get_top()[1] < card.rows[2].get_bottom()[1] + 0.1, "the band spills up"
    wide_line = formula("x", "=", *["1.234 + "] * 30, "0")
    panel = card.panel([wide_line, formula("y")])
    assert panel.get_top()[1] < card.rows.get_bottom()[1]
    assert panel.width <= config.frame_width - 1.2 + 1e-6
    assert panel.get_left()[0] == pytest.approx(card.rows.get_left()[0])
    labels = card.role_labels()
    assert len(labels) == len(GENERAL)
    for label, row in zip(labels, card.rows):
        assert label.get_center()[1] == pytest.approx(row.get_center()[1])
        assert label.get_left()[0] > card.rows.get_right()[0]
    with pytest.raises(ValueError, match="one role per row"):
        FormulaCard(GENERAL, ROLES[:-1])


def _big_identity() -> bpmath.Example:
    """Large values: an identity chain with targets in the hundreds."""
    net = bpmath.Network.chain([2.0, 3.0], [10.0, -5.0], activation="identity")
    return bpmath.Example(
        "big", net, inputs=[1.0, 2.0, 3.0], targets=[120.0, 150.0, 200.0]
    )


@pytest.mark.parametrize("key", [*sorted(TRAINING), "tanh", "big"])
def test_the_chosen_rate_is_the_largest_that_goes_downhill_every_step(key):
    """With no η given, the scene takes the first rate of its ladder whose every step
    lowers the mean cost; every larger rate of the ladder overshoots or blows up."""
    example = {
        "tanh": lambda: example_for("training", "tanh"),
        "big": _big_identity,
    }.get(key, TRAINING.get(key))()
    scene = SimpleNamespace(
        values=ExampleValues(example),
        learning_rate=None,
        steps=SteppingDownhill.steps,
        RATES=SteppingDownhill.RATES,
    )
    rate = SteppingDownhill.descent_rate(scene)
    costs = _history(example, rate, scene.steps).costs
    assert np.all(np.diff(costs) <= 0), f"η = {rate}: the cost rises somewhere: {costs}"
    for larger in SteppingDownhill.RATES[: SteppingDownhill.RATES.index(rate)]:
        try:
            other = _history(example, larger, scene.steps).costs
        except ValueError:
            continue
        assert np.any(np.diff(other) > 0), f"η = {larger} also goes downhill"
