"""The checks catch what they are meant to catch (each could fail)."""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pytest

import bpmath
from scenes.kit.values import ExampleValues, Quantity
from scenes.lecture import SceneEntry
from tests.scenes.checks import (
    layout_problems,
    number_problems,
    rounds_to,
    signed_literals,
)
from tests.scenes.harness import build, build_cached
from tests.scenes.other_examples import example_for
from tests.scenes.resolve import resolve


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = -0.500", ["-0.500"]),
        ("-1.25", ["-1.25"]),
        (r"2(0.731 - 1.000)", ["0.731", "1.000"]),
        (r"w - 0.5", ["0.5"]),
        (r"\sigma - 0.5", ["0.5"]),
        (r"0.2 \cdot -0.3", ["0.2", "-0.3"]),
        (r"\frac{0.1}{-0.3}", ["0.1", "-0.3"]),
        (r"\left( -0.25 \right)", ["-0.25"]),
        ("Δw = \u22120.100", ["-0.100"]),
        (r"a^{(L-1)} = 0.5, \quad C_0 = 1.25", ["0.5", "1.25"]),
        (r"10^{-3} + 2", []),
    ],
)
def test_signed_literals_read_the_sign_only_when_it_is_one(text, expected):
    """A unary minus belongs to the number; a subtraction's minus does not."""
    assert signed_literals(text) == expected, f"{text!r} read as {signed_literals(text)}"


def test_rounds_to_accepts_only_the_rounded_value():
    """The shown text must be the value rounded at its decimals (float-noise ties aside)."""
    assert rounds_to("0.124", 0.1235, 3) and rounds_to("0.123", 0.1235 - 1e-15, 3)
    assert not rounds_to("0.125", 0.1235, 3), "one unit in the last place is an error"
    assert not rounds_to("0.123", -0.123, 3), "the sign counts"


def test_resolver_agrees_with_bpmath_on_every_quantity():
    """The tests' own mirror and the kit's ExampleValues agree (two computations, one answer)."""
    examples = [bpmath.examples.get(r) for r in ("chain", "wide", "training")]
    examples += [example_for(r) for r in ("chain", "wide", "training")]
    for ex in examples:
        values, net = ExampleValues(ex), ex.network
        quantities = [Quantity("C"), Quantity("y"), Quantity("dC/da", 0)]
        for l in range(1, net.L + 1):
            rows, cols = net.weight(l).shape
            for j, k in itertools.product(range(rows), range(cols)):
                nudge = (f"w_{j}{k}^({l})", 0.1)
                quantities += [Quantity(n, l, j, k) for n in ("w", "dC/dw", "path")]
                quantities += [
                    Quantity(n, l, j, k, nudge=nudge)
                    for n in ("Δz/Δparam", "Δa/Δz", "ΔC/Δa", "ΔC/Δparam", "ΔC", "a", "w")
                ]
            for j in range(rows):
                quantities += [
                    Quantity(n, l, j)
                    for n in ("b", "a", "z", "sigma'", "dC/db", "dC/da", "dC/dz")
                ]
                quantities.append(Quantity("Δa", l, j, nudge=(f"b_{j}^({l})", -0.2)))
        if net.L >= 2 and net.sizes[2] == 1:
            quantities += [
                Quantity(n, 2, nudge=("a1", 0.05))
                for n in ("Δz/Δparam", "Δa/Δz", "ΔC/Δa", "ΔC/Δparam", "Δz", "a", "C")
            ]
        size = sum(w.size + b.size for w, b in zip(net.weights, net.biases))
        quantities += [Quantity("grad", j=i) for i in range(size)]
        quantities += [Quantity("mean C"), Quantity("mean dC/dw", 1)]
        quantities += [Quantity("descent C", step=s, rate=1.5) for s in (0, 1, 4)]
        for q in quantities:
            kit, ours = values.value(q), resolve(ex, q)
            assert ours == pytest.approx(kit, rel=1e-9, abs=1e-12), (
                f"{ex.name}: {q} is {kit} in the kit, {ours} in the tests' resolver"
            )


@pytest.mark.render
@pytest.mark.xdist_group("harness")
def test_sample_scene_passes_every_check():
    """A correct scene has no number or layout problem."""
    run = build_cached("sample_scene", "default")
    assert len(run.snapshots) == 2, f"expected 2 beats, got {len(run.snapshots)}"
    assert not number_problems(run), number_problems(run)
    assert not layout_problems(run), layout_problems(run)


@pytest.mark.render
@pytest.mark.xdist_group("harness")
def test_untagged_numbers_are_caught():
    """A typed literal and an unlabelled DecimalNumber are both reported."""
    problems = number_problems(build_cached("broken_UntaggedNumberScene", "default"))
    text = "\n".join(problems)
    assert "untagged number(s) ['0.500']" in text, text
    assert "does not say which quantity" in text, text
    assert "beat 0" in text and "beat 1" in text, f"beats not named: {text}"


@pytest.mark.render
@pytest.mark.xdist_group("harness")
def test_wrong_values_are_caught():
    """A number tagged as C0 but showing a^(L) is reported with both values."""
    problems = number_problems(build_cached("broken_WrongValueScene", "default"))
    assert any("bpmath gives" in p for p in problems), problems


@pytest.mark.render
@pytest.mark.xdist_group("harness")
def test_a_dropped_minus_sign_is_caught():
    """A negative value printed as its absolute value is untagged and missing."""
    problems = "\n".join(number_problems(build_cached("broken_SignDroppedScene", "default")))
    assert "untagged number(s)" in problems and "are not in" in problems, problems


@pytest.mark.render
@pytest.mark.xdist_group("harness")
def test_overlaps_and_leaving_the_frame_are_caught():
    """Two stacked labels and one off screen are reported, naming both labels."""
    problems = "\n".join(
        layout_problems(build_cached("broken_BadLayoutScene", "default"))
    )
    assert "'x' at" in problems and "'y' at" in problems and "overlap" in problems, problems
    assert "'z' leaves the frame" in problems, problems
    assert "a Dot leaves the frame" in problems, problems
    assert "ValueTracker" not in problems, f"an invisible tracker was reported: {problems}"


def test_a_missing_scene_module_fails_with_its_name():
    """A lecture entry whose file is not written yet fails (not skips), naming the file."""
    entry = SceneEntry(99, "s99_not_written_yet", "NotWrittenYet", "not written yet")
    with pytest.raises(ModuleNotFoundError, match=r"scenes/s99_not_written_yet\.py"):
        build(entry)


def test_a_skipped_test_is_reported_as_a_failure(pytester):
    """The project's conftest turns pytest.skip (e.g. Manim's cairo gate) into a failure."""
    conftest = Path(__file__).parents[1] / "conftest.py"
    pytester.makeconftest(conftest.read_text())
    pytester.makepyfile(
        textwrap.dedent(
            """
            import pytest

            def test_skips():
                pytest.skip("cairo too old")

            @pytest.mark.xfail(reason="known")
            def test_xfails():
                assert False
            """
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:xdist", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1, xfailed=1)
    result.stdout.fnmatch_lines(["*skipped tests are not allowed*cairo too old*"])
