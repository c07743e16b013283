"""User examples from TOML: the sample loads, bad files name the key and the problem."""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files

import numpy as np
import pytest

import bpmath
from bpmath.example_file import ExampleFileError, load_example

SAMPLE = files("bpmath") / "data" / "example.toml"
GOOD = """
name = "mine"
weights = [0.5, -1.0, 2.0]
biases = [0.0, 0.1, -0.2]
input = 0.3
target = 1.0
"""


def _write(tmp_path, text):
    path = tmp_path / "example.toml"
    path.write_text(text)
    return path


def test_shipped_sample_loads():
    """The commented sample in bpmath/data is a valid chain."""
    ex = load_example(SAMPLE)
    assert ex.network.is_chain and ex.network.L == 3
    assert ex.check_role("chain") is ex


def test_written_file_round_trips(tmp_path):
    """Every value of the file ends up in the example."""
    ex = load_example(_write(tmp_path, GOOD))
    assert ex.name == "mine"
    assert [float(ex.network.weight(l)[0, 0]) for l in (1, 2, 3)] == [0.5, -1.0, 2.0]
    assert [float(ex.network.bias(l)[0]) for l in (1, 2, 3)] == [0.0, 0.1, -0.2]
    assert ex.x.tolist() == [0.3] and ex.y.tolist() == [1.0]


def test_wide_file_with_several_examples(tmp_path):
    """Matrices per layer and inputs/targets lists make a wide batch."""
    text = """
weights = [[[1.0, 0.5], [0.2, -0.3]], [[0.7, -1.1]]]
biases = [[0.0, 0.1], [0.2]]
activation = "tanh"
inputs = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]
targets = [[1.0], [0.0], [1.0]]
"""
    ex = load_example(_write(tmp_path, text))
    assert ex.network.sizes == (2, 2, 1) and ex.n_examples == 3
    assert ex.network.activation.name == "tanh"
    assert np.array_equal(ex.inputs[2], [0.5, 0.6])


def test_environment_variable_swaps_the_example(tmp_path, monkeypatch):
    """BPMATH_CHAIN names a file that replaces the built-in chain."""
    monkeypatch.setenv("BPMATH_CHAIN", str(_write(tmp_path, GOOD)))
    assert bpmath.examples.get("chain").name == "mine"
    monkeypatch.delenv("BPMATH_CHAIN")
    assert bpmath.examples.get("chain").name == "chain"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (GOOD.replace("weights = [0.5, -1.0, 2.0]\n", ""), "missing key 'weights'"),
        (GOOD.replace("biases = [0.0, 0.1, -0.2]\n", ""), "missing key 'biases'"),
        (GOOD.replace("input = 0.3\n", ""), "missing key 'input'"),
        (GOOD.replace("[0.5, -1.0, 2.0]", '[0.5, "abc", 2.0]'), "key 'weights'"),
        (GOOD.replace("[0.5, -1.0, 2.0]", "[0.5, nan, 2.0]"), "key 'weights'.*finite"),
        (GOOD + 'activation = "softplus"\n', "key 'activation'.*softplus"),
        (GOOD + "learning_rate = 0.1\n", "unknown key 'learning_rate'"),
        (GOOD + "inputs = [0.1, 0.2]\n", "either 'input' or 'inputs'"),
        (GOOD.replace("input = 0.3", "input = [0.3, 0.4]"), "key 'input'.*1 column"),
        (
            "weights = [[[1.0, 2.0]], [[1.0, 2.0]]]\nbiases=[[0.0],[0.0]]\ninput=[1.0,2.0]\ntarget=0.0",
            "key 'weights'.*do not chain",
        ),
        ("weights = [1.0\n", "not valid TOML"),
        (
            GOOD.replace("weights = [0.5, -1.0, 2.0]", "weights = []"),
            "key 'weights' must be a non-empty",
        ),
    ],
)
def test_bad_files_name_the_key_and_the_problem(tmp_path, text, match):
    """Each class of broken file gets one ExampleFileError saying what is wrong where."""
    with pytest.raises(ExampleFileError, match=match):
        load_example(_write(tmp_path, text))


def test_missing_file_is_named(tmp_path):
    """A path that does not exist is reported with the path."""
    with pytest.raises(ExampleFileError, match="nowhere.toml: example file not found"):
        load_example(tmp_path / "nowhere.toml")


def test_wide_network_cannot_play_the_chain(tmp_path):
    """A file whose network is wide is refused for the chain role."""
    text = "weights=[[[1.0,2.0],[3.0,4.0]],[[1.0,1.0]]]\nbiases=[[0.0,0.0],[0.0]]\ninput=[1.0,1.0]\ntarget=1.0"
    with pytest.raises(
        ValueError, match="chain example must have one neuron per layer"
    ):
        bpmath.examples.get("chain", _write(tmp_path, text))


def test_error_is_a_value_error():
    """ExampleFileError is a ValueError, so callers can catch either."""
    assert issubclass(ExampleFileError, ValueError)


def test_bpmath_does_not_import_manim():
    """import bpmath loads numpy only, never manim."""
    code = (
        "import bpmath, sys; print([m for m in sys.modules if m.startswith('manim')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout
