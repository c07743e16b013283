"""ParameterLines' worked step, the downhill rate and the descent's costs (steps 11)."""

from __future__ import annotations

import pytest

import bpmath
from scenes.kit.cost_curve import descent_costs
from scenes.kit.parameter_lines import ParameterLines, downhill_rate
from scenes.kit.values import ExampleValues, Quantity, shown_values

RATES = (3.0, 1.0, 0.3, 0.1)


@pytest.fixture(scope="module")
def values() -> ExampleValues:
    """The canonical training set."""
    return ExampleValues(bpmath.examples.training())


def test_downhill_rate_is_the_first_whose_every_step_goes_down(values):
    """Every step at the chosen rate lowers the cost; the rates before it do not."""
    rate = downhill_rate(values, RATES, 10)
    costs = values.descent(rate, 10).costs
    assert all(b <= a for a, b in zip(costs, costs[1:]))
    for larger in RATES[: RATES.index(rate)]:
        try:
            run = values.descent(larger, 10).costs
        except (ValueError, ArithmeticError):
            continue
        assert any(b > a for a, b in zip(run, run[1:])), larger


def test_descent_costs_tell_the_first_from_the_last(values):
    """One Shown per step; the first and last print differently."""
    costs = descent_costs(values, 0.3, 5)
    assert len(costs) == 6 and costs[0].text != costs[-1].text
    assert costs[3].quantity == Quantity("descent C", step=3, rate=0.3)


def test_worked_step_is_the_biggest_step_rounded_to_agree(values):
    """θ0 − η·g, with the printed numbers, gives the printed θ1 for the biggest step."""
    rate = values.shown(Quantity("rate", rate=0.3), 1)
    lines = ParameterLines(values, 0.3, 3)
    top = lines.biggest_step
    steps = [abs(values.value(lines.gradient(i, 0))) for i in range(len(lines.lines))]
    assert steps[top] == max(steps)
    theta0, eta, grad, theta1 = shown_values(lines.worked_step(top, rate))
    assert eta == rate
    got = float(theta0.text) - float(eta.text) * float(grad.text)
    assert bpmath.format_value(got, theta1.decimals) == theta1.text
