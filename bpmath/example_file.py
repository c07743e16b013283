"""Load a user's example (network, inputs, targets) from a small TOML file.

The format, with every key explained, is in ``bpmath/data/example.toml``. In short::

    name = "my chain"
    activation = "sigmoid"        # optional
    weights = [1.2, 2.4, 2.5]     # one entry per layer: a number (chain) or a matrix
    biases = [-0.3, -0.8, -2.0]   # one entry per layer: a number or a vector
    input = 0.9                   # or: inputs = [[...], ...]  (one row per example)
    target = 1.0                  # or: targets = [[...], ...]

Any problem is raised as one :class:`ExampleFileError` (a ``ValueError``) that names the
file, the key and what is wrong, before anything is rendered.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bpmath.example import Example
from bpmath.network import Network

__all__ = ["ExampleFileError", "load_example", "parse_example"]

_KEYS = {
    "name",
    "activation",
    "weights",
    "biases",
    "input",
    "inputs",
    "target",
    "targets",
}


class ExampleFileError(ValueError):
    """A TOML example file is missing, unreadable or describes an invalid network."""


def load_example(path: str | Path) -> Example:
    """Read the TOML file at ``path`` into an :class:`~bpmath.examples.Example`.

    Examples
    --------
    >>> from importlib.resources import files
    >>> ex = load_example(files("bpmath") / "data" / "example.toml")
    >>> ex.network.sizes
    (1, 1, 1, 1)
    """
    path = Path(str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExampleFileError(f"{path}: example file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ExampleFileError(
            f"{path}: cannot read the example file ({exc})"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ExampleFileError(f"{path}: not valid TOML: {exc}") from None
    return parse_example(data, source=str(path))


def parse_example(data: dict[str, Any], source: str = "<example>") -> Example:
    """Build an Example from already-parsed TOML ``data``; errors name ``source``."""
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ExampleFileError(
            f"{source}: unknown key {unknown[0]!r}; the keys are {', '.join(sorted(_KEYS))}"
        )
    for key in ("weights", "biases"):
        if key not in data:
            raise ExampleFileError(f"{source}: missing key {key!r}")
        if not isinstance(data[key], list) or not data[key]:
            raise ExampleFileError(
                f"{source}: key {key!r} must be a non-empty list with one entry per layer"
            )
    inputs = _one_or_many(data, "input", "inputs", source)
    targets = _one_or_many(data, "target", "targets", source)
    name = data.get("name", Path(source).stem)
    if not isinstance(name, str):
        raise ExampleFileError(f"{source}: key 'name' must be a string, got {name!r}")
    activation = data.get("activation", "sigmoid")
    try:
        network = _network(data["weights"], data["biases"], activation)
    except (ValueError, TypeError) as exc:
        raise ExampleFileError(f"{source}: {_key_for(exc)}{exc}") from None
    try:
        return Example(name, network, inputs, targets)
    except (ValueError, TypeError) as exc:
        raise ExampleFileError(f"{source}: {_key_for(exc, data)}{exc}") from None


def _key_for(exc: Exception, data: dict[str, Any] | None = None) -> str:
    """``"key 'weights': "`` for an error about weights; the file's own spelling."""
    message = str(exc)
    for key in ("activation", "weights", "biases"):
        if message.startswith(key):
            return f"key {key!r}: "
    data = data or {}
    for key, one in (("inputs", "input"), ("targets", "target")):
        if message.startswith(key):
            return f"key {one if one in data else key!r}: "
    return ""


def _one_or_many(data: dict[str, Any], one: str, many: str, source: str) -> list:
    if one in data and many in data:
        raise ExampleFileError(f"{source}: give either {one!r} or {many!r}, not both")
    if one in data:
        return [data[one]]
    if many in data:
        if not isinstance(data[many], list) or not data[many]:
            raise ExampleFileError(f"{source}: key {many!r} must be a non-empty list")
        return data[many]
    raise ExampleFileError(f"{source}: missing key {one!r} (or {many!r} for several)")


def _network(weights: list, biases: list, activation: Any) -> Network:
    if all(isinstance(w, (int, float)) and not isinstance(w, bool) for w in weights):
        return Network.chain(weights, biases, activation)
    return Network(weights, biases, activation)
