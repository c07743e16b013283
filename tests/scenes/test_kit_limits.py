"""Examples too big to draw legibly are refused before rendering, naming limit and size."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

import bpmath
from scenes.kit import limits
from scenes.kit.limits import check_drawable

ROOT = Path(__file__).resolve().parents[2]


def _wide(sizes: list[int]) -> bpmath.Example:
    net = bpmath.Network.random(sizes, seed=3)
    return bpmath.Example(
        "w", net, inputs=[[0.5] * sizes[0]], targets=[[0.0] * sizes[-1]]
    )


def _chain(layers: int, rows: int = 1) -> bpmath.Example:
    net = bpmath.Network.chain([1.0] * layers, [0.0] * layers)
    return bpmath.Example("c", net, inputs=[0.1] * rows, targets=[1.0] * rows)


def test_the_largest_drawable_examples_pass():
    """At every limit exactly, nothing is refused."""
    n = limits.MAX_NEURONS_PER_LAYER
    check_drawable(_wide([n] * (limits.MAX_WIDE_LAYERS + 1)), "wide")
    check_drawable(_chain(limits.MAX_CHAIN_LAYERS), "chain")
    check_drawable(_chain(2, limits.MAX_TRAINING_ROWS), "training")


@pytest.mark.parametrize(
    ("example", "role", "limit", "given"),
    [
        (lambda: _wide([2, limits.MAX_NEURONS_PER_LAYER + 1, 2]), "wide",
         f"at most {limits.MAX_NEURONS_PER_LAYER} neurons", f"{limits.MAX_NEURONS_PER_LAYER + 1} neurons in layer 1"),
        (lambda: _wide([limits.MAX_NEURONS_PER_LAYER + 2, 3, 2]), "wide",
         f"at most {limits.MAX_NEURONS_PER_LAYER} neurons", "in layer 0"),
        (lambda: _wide([2] * (limits.MAX_WIDE_LAYERS + 2)), "wide",
         f"at most {limits.MAX_WIDE_LAYERS}", f"{limits.MAX_WIDE_LAYERS + 1} weighted layers"),
        (lambda: _chain(limits.MAX_CHAIN_LAYERS + 1), "chain",
         f"at most {limits.MAX_CHAIN_LAYERS}", f"{limits.MAX_CHAIN_LAYERS + 1} weighted layers"),
        (lambda: _chain(2, limits.MAX_TRAINING_ROWS + 1), "training",
         f"at most {limits.MAX_TRAINING_ROWS} rows", f"{limits.MAX_TRAINING_ROWS + 1} examples"),
    ],
    ids=["wide-layer", "wide-input", "wide-depth", "chain-depth", "training-rows"],
)  # fmt: skip
def test_too_big_is_refused_with_limit_and_size(example, role, limit, given):
    """The message states the limit and what was given."""
    with pytest.raises(ValueError) as err:
        check_drawable(example(), role)
    assert limit in str(err.value) and given in str(err.value), str(err.value)


def test_a_scene_refuses_a_too_big_example_before_drawing():
    """LectureScene.with_example refuses it at once, not with an overlapped picture."""
    from scenes.s07_training_examples import ManyTrainingExamples

    with pytest.raises(ValueError, match=f"at most {limits.MAX_TRAINING_ROWS} rows"):
        ManyTrainingExamples.with_example(_chain(3, limits.MAX_TRAINING_ROWS + 1))


def test_make_video_refuses_a_too_big_toml_before_rendering(tmp_path):
    """scenes.render stops on a too-wide user file, naming the limit, rendering nothing."""
    toml = tmp_path / "too_wide.toml"
    toml.write_text(
        'weights = [[[1.0], [1.0], [1.0], [1.0], [1.0]], [[1.0, 1.0, 1.0, 1.0, 1.0]]]\n'
        "biases = [[0.0, 0.0, 0.0, 0.0, 0.0], [0.0]]\n"
        "input = [0.5]\ntarget = [1.0]\n"
    )
    env = {"BPMATH_WIDE": str(toml), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "scenes.render", "--quality", "l"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode != 0
    assert "the wide example is not usable" in proc.stderr, proc.stderr
    assert f"at most {limits.MAX_NEURONS_PER_LAYER} neurons" in proc.stderr, proc.stderr
    assert "[1/" not in proc.stdout, f"something rendered: {proc.stdout}"


def test_the_sample_toml_states_the_limits():
    """The commented sample file gives the same limits as the code."""
    text = (files("bpmath") / "data" / "example.toml").read_text()
    expected = {
        rf"2 to {limits.MAX_CHAIN_LAYERS} weighted layers",
        rf"2 to {limits.MAX_TRAINING_ROWS} examples",
        rf"2 or {limits.MAX_WIDE_LAYERS} weighted layers",
        rf"at most {limits.MAX_NEURONS_PER_LAYER} neurons in any layer",
    }
    missing = {e for e in expected if not re.search(re.escape(e), text)}
    assert not missing, f"the sample TOML does not say: {sorted(missing)}"
