"""User examples from TOML: the sample loads, files round-trip, bad files name key and problem."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files

import numpy as np
import pytest

import bpmath
from bpmath.example_file import ExampleFileError, load_example

SAMPLE = files("bpmath") / "data" / "example.toml"
GOOD = """\
name = "mine"
weights = [0.5, -1.0, 2.0]
biases = [0.0, 0.1, -0.2]
input = 0.3
target = 1.0
"""
WIDE_TEXT = """\
weights = [[[1.0, 2.0], [3.0, 4.0]], [[1.0, 1.0]]]
biases = [[0.0, 0.0], [0.0]]
input = [1.0, 1.0]
target = 1.0
"""


@pytest.fixture(autouse=True)
def _no_user_examples(monkeypatch):
    """Each test starts without BPMATH_* variables, whatever the shell has."""
    for role in bpmath.examples.ROLES:
        monkeypatch.delenv(bpmath.examples.environment_variable(role), raising=False)


def _write(tmp_path, text, name="example.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _toml(example: bpmath.Example) -> str:
    """An Example written back as TOML, matrices and all (Python list repr is TOML)."""
    net = example.network
    weights = [net.weight(l).tolist() for l in range(1, net.L + 1)]
    biases = [net.bias(l).tolist() for l in range(1, net.L + 1)]
    return (
        f'name = "{example.name} again"\n'
        f'activation = "{net.activation.name}"\n'
        f"weights = {weights!r}\nbiases = {biases!r}\n"
        f"inputs = {example.inputs.tolist()!r}\ntargets = {example.targets.tolist()!r}\n"
    )


def test_shipped_sample_loads_with_the_values_it_shows():
    """bpmath/data/example.toml loads, and every number in it reaches the example."""
    ex = load_example(SAMPLE)
    raw = tomllib.loads(SAMPLE.read_text(encoding="utf-8"))
    net = ex.network
    assert net.is_chain and net.L == len(raw["weights"]), f"sizes {net.sizes}"
    assert [float(net.weight(l)[0, 0]) for l in range(1, net.L + 1)] == raw["weights"]
    assert [float(net.bias(l)[0]) for l in range(1, net.L + 1)] == raw["biases"]
    assert ex.x.tolist() == [raw["input"]] and ex.y.tolist() == [raw["target"]]
    assert ex.name == raw["name"] and net.activation.name == raw["activation"]
    assert ex.check_role("chain") is ex, "the sample must be able to play the chain"


def test_written_chain_file_loads_every_value(tmp_path):
    """A hand-written chain file: name, weights, biases, input, target, default sigmoid."""
    ex = load_example(_write(tmp_path, GOOD))
    assert ex.name == "mine"
    assert [float(ex.network.weight(l)[0, 0]) for l in (1, 2, 3)] == [0.5, -1.0, 2.0]
    assert [float(ex.network.bias(l)[0]) for l in (1, 2, 3)] == [0.0, 0.1, -0.2]
    assert ex.x.tolist() == [0.3] and ex.y.tolist() == [1.0]
    assert ex.network.activation.name == "sigmoid", "sigmoid is the default"


def test_name_defaults_to_the_file_stem(tmp_path):
    """Without a name key the example is named after its file."""
    ex = load_example(
        _write(tmp_path, GOOD.replace('name = "mine"\n', ""), "my_net.toml")
    )
    assert ex.name == "my_net", ex.name


@pytest.mark.parametrize(
    "builtin", [bpmath.examples.chain, bpmath.examples.wide, bpmath.examples.training]
)
def test_builtin_examples_round_trip_through_toml(tmp_path, builtin):
    """Write a built-in example to TOML, load it back: the same network and examples."""
    original = builtin()
    loaded = load_example(_write(tmp_path, _toml(original)))
    assert loaded.network == original.network, f"{loaded.network} vs {original.network}"
    assert np.array_equal(loaded.inputs, original.inputs), "inputs differ"
    assert np.array_equal(loaded.targets, original.targets), "targets differ"
    assert loaded.name == f"{original.name} again"


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
    assert ex.network.weight(1).tolist() == [[1.0, 0.5], [0.2, -0.3]]
    assert ex.inputs.tolist() == [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]
    assert ex.targets.tolist() == [[1.0], [0.0], [1.0]]


def test_integers_are_numbers_too(tmp_path):
    """TOML integers (weights = [1, 2, 2]) are read as floats."""
    ex = load_example(
        _write(tmp_path, "weights = [1, 2]\nbiases = [0, -1]\ninput = 1\ntarget = 0\n")
    )
    assert (
        ex.network.weight(2).dtype == np.float64
        and float(ex.network.weight(2)[0, 0]) == 2.0
    )


# --- bad files: one ExampleFileError naming the file, the key and the problem ---------------


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        pytest.param(GOOD.replace("weights = [0.5, -1.0, 2.0]\n", ""), "weights", "missing key", id="missing-weights"),
        pytest.param(GOOD.replace("biases = [0.0, 0.1, -0.2]\n", ""), "biases", "missing key", id="missing-biases"),
        pytest.param(GOOD.replace("input = 0.3\n", ""), "input", "missing key", id="missing-input"),
        pytest.param(GOOD.replace("target = 1.0\n", ""), "target", "missing key", id="missing-target"),
        pytest.param(
            "weights = [[[1.0, 2.0]], [[1.0, 2.0]]]\nbiases = [[0.0], [0.0]]\ninput = [1.0, 2.0]\ntarget = 0.0\n",
            "weights", r"weights do not chain: W\^\(2\) has shape \(1, 2\)", id="shapes-do-not-chain",
        ),
        pytest.param(GOOD.replace("[0.0, 0.1, -0.2]", "[0.0, 0.1]"), "weights", "one entry per layer: got 3 weight matrices and 2 bias vectors", id="layer-counts"),
        pytest.param(
            "weights = [[[1.0, 2.0]]]\nbiases = [[0.0, 1.0]]\ninput = [1.0, 2.0]\ntarget = 0.0\n",
            "biases", r"must have length 1, got length 2", id="bias-length",
        ),
        pytest.param(GOOD.replace("[0.5, -1.0, 2.0]", '[0.5, "abc", 2.0]'), "weights", "must be numeric, got the string 'abc'", id="abc-weight"),
        pytest.param(GOOD.replace("[0.0, 0.1, -0.2]", '[0.0, "abc", -0.2]'), "biases", "must be a real number, got 'abc'", id="abc-bias"),
        pytest.param(GOOD.replace("[0.5, -1.0, 2.0]", "[0.5, true, 2.0]"), "weights", "must contain only numbers, got booleans", id="bool-weight"),
        pytest.param(GOOD.replace("[0.5, -1.0, 2.0]", "[0.5, nan, 2.0]"), "weights", "must be finite, got nan", id="nan-weight"),
        pytest.param(GOOD.replace("[0.0, 0.1, -0.2]", "[0.0, inf, -0.2]"), "biases", "must be finite, got inf", id="inf-bias"),
        pytest.param(GOOD.replace("input = 0.3", "input = nan"), "input", "must be finite, got nan", id="nan-input"),
        pytest.param(GOOD.replace("input = 0.3", 'input = "x"'), "input", "must contain only numbers", id="string-input"),
        pytest.param(GOOD.replace("target = 1.0", "target = -inf"), "target", "must be finite, got -inf", id="inf-target"),
        pytest.param(GOOD.replace("input = 0.3", "input = [0.3, 0.4]"), "input", r"must have 1 column\(s\)", id="input-length"),
        pytest.param(GOOD.replace("target = 1.0", "target = [1.0, 0.0]"), "target", r"must have 1 column\(s\)", id="target-length"),
        pytest.param(GOOD + 'activation = "softplus"\n', "activation", "must be one of 'sigmoid'.*got 'softplus'", id="unknown-activation"),
        pytest.param(GOOD + "activation = 3\n", "activation", "must be a name", id="activation-not-a-string"),
        pytest.param(GOOD + "learning_rate = 0.1\n", "learning_rate", "unknown key", id="unknown-key"),
        pytest.param(GOOD.replace("biases", "biasses"), "biasses", "unknown key", id="typo-key"),
        pytest.param(GOOD + "inputs = [0.1, 0.2]\n", "inputs", "give either 'input' or 'inputs', not both", id="input-and-inputs"),
        pytest.param(GOOD.replace("weights = [0.5, -1.0, 2.0]", "weights = []"), "weights", "must be a non-empty list", id="empty-weights"),
        pytest.param(GOOD.replace("weights = [0.5, -1.0, 2.0]", "weights = 0.5"), "weights", "must be a non-empty list", id="weights-not-a-list"),
        pytest.param(GOOD.replace("input = 0.3", "inputs = []"), "inputs", "must be a non-empty list", id="empty-inputs"),
        pytest.param(GOOD.replace('"mine"', "3"), "name", "must be a string", id="name-not-a-string"),
    ],
)  # fmt: skip
def test_bad_files_name_the_key_and_the_problem(tmp_path, text, key, problem):
    """Each kind of broken file gets one ExampleFileError: file, key, then what is wrong."""
    path = _write(tmp_path, text)
    with pytest.raises(ExampleFileError) as info:
        load_example(path)
    message = str(info.value)
    assert message.startswith(f"{path}: "), f"the file is not named first: {message}"
    assert re.search(rf"\b{re.escape(key)}\b", message), (
        f"key {key!r} not named: {message}"
    )
    assert re.search(problem, message), f"problem {problem!r} not stated: {message}"


def test_invalid_toml_names_the_line(tmp_path):
    """A syntax error is reported as not valid TOML, with the parser's position."""
    path = _write(
        tmp_path, GOOD.replace("weights = [0.5, -1.0, 2.0]", "weights = [0.5, -1.0")
    )
    with pytest.raises(
        ExampleFileError, match=rf"^{re.escape(str(path))}: not valid TOML: .*line \d+"
    ):
        load_example(path)


def test_missing_file_is_named(tmp_path):
    """A path that does not exist is reported with the path."""
    path = tmp_path / "nowhere.toml"
    with pytest.raises(
        ExampleFileError, match=rf"^{re.escape(str(path))}: example file not found$"
    ):
        load_example(path)


def test_unreadable_files_are_named(tmp_path):
    """A directory or a file that is not UTF-8 is reported, not a traceback."""
    with pytest.raises(ExampleFileError, match="cannot read the example file"):
        load_example(tmp_path)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(
        ExampleFileError, match="binary.toml: cannot read the example file"
    ):
        load_example(binary)


@pytest.mark.parametrize(
    ("role", "text", "key", "problem"),
    [
        ("chain", WIDE_TEXT, "weights", r"the chain example must have one neuron per layer, got layer sizes \[2, 2, 1\]"),
        ("training", WIDE_TEXT, "weights", "the training example must have one neuron per layer"),
        ("chain", "weights = [1.0]\nbiases = [0.0]\ninput = 1.0\ntarget = 1.0\n", "weights", "needs at least 2 weighted layers"),
        ("wide", GOOD, "weights", "the wide example needs several neurons in layer L or L-1"),
        ("training", GOOD, "inputs", "the training example needs at least 2 examples, got 1"),
    ],
)  # fmt: skip
def test_a_file_that_cannot_play_its_role(tmp_path, role, text, key, problem):
    """examples.get refuses a wide network as the chain (and the like) with ExampleFileError."""
    path = _write(tmp_path, text)
    with pytest.raises(ExampleFileError) as info:
        bpmath.examples.get(role, path)
    message = str(info.value)
    assert message.startswith(f"{path}: key {key!r}: "), (
        f"file and key not named: {message}"
    )
    assert re.search(problem, message), f"problem not stated: {message}"


def test_example_file_error_is_a_value_error():
    """ExampleFileError is a ValueError, so callers can catch either."""
    assert issubclass(ExampleFileError, ValueError)
    assert bpmath.ExampleFileError is ExampleFileError
    assert bpmath.load_example is load_example


# --- choosing the example: path, environment variable, built-in ----------------------------


@pytest.mark.parametrize("role", bpmath.examples.ROLES)
def test_environment_variable_swaps_the_example(tmp_path, monkeypatch, role):
    """BPMATH_<ROLE> names a file that replaces the built-in example for that role only."""
    builtin = bpmath.examples.get(role)
    mine = builtin.network.from_parameter_vector(
        builtin.network.parameter_vector() + 0.25
    )
    example = bpmath.Example("mine", mine, builtin.inputs, builtin.targets)
    variable = bpmath.examples.environment_variable(role)
    assert variable == f"BPMATH_{role.upper()}"
    monkeypatch.setenv(variable, str(_write(tmp_path, _toml(example))))
    got = bpmath.examples.get(role)
    assert got.name == "mine again" and got.network == mine, f"{role} was not swapped"
    for other in set(bpmath.examples.ROLES) - {role}:
        assert bpmath.examples.get(other).name == other, f"{other} was swapped too"
    monkeypatch.delenv(variable)
    assert bpmath.examples.get(role).name == role, "the built-in did not come back"


def test_empty_environment_variable_means_built_in(monkeypatch):
    """BPMATH_CHAIN set to the empty string is ignored."""
    monkeypatch.setenv("BPMATH_CHAIN", "")
    assert bpmath.examples.get("chain").network == bpmath.examples.chain().network


def test_explicit_path_wins_over_the_environment(tmp_path, monkeypatch):
    """get(role, path) uses path even when BPMATH_<ROLE> is set."""
    monkeypatch.setenv("BPMATH_CHAIN", str(_write(tmp_path, WIDE_TEXT, "wide.toml")))
    assert bpmath.examples.get("chain", _write(tmp_path, GOOD)).name == "mine"


def test_bad_file_in_the_environment_is_reported(tmp_path, monkeypatch):
    """A bad file named by BPMATH_CHAIN fails in get(), naming that file."""
    path = _write(tmp_path, GOOD.replace("[0.5, -1.0, 2.0]", "[0.5, nan, 2.0]"))
    monkeypatch.setenv("BPMATH_CHAIN", str(path))
    with pytest.raises(
        ExampleFileError, match=rf"^{re.escape(str(path))}: key 'weights'"
    ):
        bpmath.examples.get("chain")
    monkeypatch.setenv("BPMATH_WIDE", str(tmp_path / "missing.toml"))
    with pytest.raises(ExampleFileError, match="missing.toml: example file not found"):
        bpmath.examples.get("wide")
