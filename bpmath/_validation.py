"""Argument checks shared by bpmath's public functions.

Every public entry point converts its inputs here, so a bad argument fails early with a
message that names the argument, what was expected and what was received, instead of a
traceback from deep inside numpy.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

__all__ = [
    "as_batch",
    "as_batch_pair",
    "as_finite_float",
    "as_matrix",
    "as_vector",
    "check_finite",
    "check_index",
    "readonly",
]


def readonly(array: np.ndarray) -> np.ndarray:
    """Return a float64 copy of ``array`` that cannot be written to."""
    out = np.array(array, dtype=np.float64, copy=True)
    out.setflags(write=False)
    return out


def _to_float_array(value: Any, name: str) -> np.ndarray:
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numeric, got the string {value!r}")
    try:
        array = np.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged nested lists and the like
        raise ValueError(
            f"{name} must be a rectangular array of numbers: {exc}"
        ) from None
    if np.issubdtype(array.dtype, np.bool_):  # a TOML `true` is a typo, not 1.0
        raise TypeError(
            f"{name} must contain only numbers, got booleans ({_short(value)})"
        )
    if array.dtype == object or not np.issubdtype(array.dtype, np.number):
        raise TypeError(
            f"{name} must contain only numbers, got an array of dtype {array.dtype}"
            f" ({_short(value)})"
        )
    if np.issubdtype(array.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real, got complex values ({_short(value)})")
    array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)].ravel()[0]
        raise ValueError(f"{name} must be finite, got {bad} in {_short(value)}")
    return array


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def as_finite_float(value: Any, name: str) -> float:
    """Convert a real, finite scalar to ``float`` or raise naming ``name``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(
        value, (numbers.Real, np.ndarray)
    ):
        raise TypeError(f"{name} must be a real number, got {_short(value)}")
    array = _to_float_array(value, name)
    if array.shape not in ((), (1,)):
        raise ValueError(f"{name} must be a single number, got shape {array.shape}")
    return float(array.reshape(()))


def as_vector(value: Any, name: str, length: int | None = None) -> np.ndarray:
    """Return ``value`` as a read-only 1-D float64 array.

    A Python scalar is accepted where one number is expected (``length == 1``).
    Column vectors of shape ``(n, 1)`` are refused on purpose: bpmath uses flat
    ``(n,)`` vectors throughout, and silently reshaping would hide a caller's mix-up.
    """
    array = _to_float_array(value, name)
    if array.ndim == 0:
        array = array.reshape(1)
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D vector of shape ({length if length else 'n'},),"
            f" got shape {array.shape}"
        )
    if length is not None and array.shape[0] != length:
        raise ValueError(
            f"{name} must have length {length}, got length {array.shape[0]}"
        )
    return readonly(array)


def as_matrix(value: Any, name: str) -> np.ndarray:
    """Return ``value`` as a read-only 2-D float64 array; a scalar becomes ``(1, 1)``."""
    array = _to_float_array(value, name)
    if array.ndim == 0:
        array = array.reshape(1, 1)
    if array.ndim != 2:
        raise ValueError(f"{name} must be a 2-D matrix, got shape {array.shape}")
    if 0 in array.shape:
        raise ValueError(f"{name} must not be empty, got shape {array.shape}")
    return readonly(array)


def as_batch(value: Any, name: str, width: int) -> np.ndarray:
    """Return a batch as a read-only ``(m, width)`` array, one example per row.

    When ``width == 1`` a flat list of numbers is read as one number per example.
    """
    array = _to_float_array(value, name)
    if array.ndim == 1 and width == 1:
        array = array.reshape(-1, 1)
    if array.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array with one example per row, shape (m, {width}),"
            f" got shape {array.shape}"
        )
    if array.shape[1] != width:
        raise ValueError(
            f"{name} must have {width} column(s), one per neuron, got shape {array.shape}"
        )
    if array.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one example, got none")
    return readonly(array)


def as_batch_pair(
    inputs: Any, targets: Any, widths: tuple[int, int], names: tuple[str, str]
) -> tuple[np.ndarray, np.ndarray]:
    """Return inputs and targets as :func:`as_batch` arrays with the same number of rows.

    ``widths`` are the input and output layer sizes; ``names`` are the arguments'
    names as the caller spells them, so a mismatch names what the user passed.
    """
    xs = as_batch(inputs, names[0], widths[0])
    ys = as_batch(targets, names[1], widths[1])
    if xs.shape[0] != ys.shape[0]:
        raise ValueError(
            f"{names[0]} and {names[1]} must hold the same number of examples:"
            f" {names[0]} has {xs.shape[0]}, {names[1]} has {ys.shape[0]}"
        )
    return xs, ys


def check_finite(value: Any, name: str) -> Any:
    """Return ``value`` unchanged if every entry is finite, else raise ``ValueError``.

    For results, not arguments: finite inputs can still overflow float64 on the way
    (huge weights), and an ``inf`` or ``NaN`` must not come back silently.
    """
    if not np.all(np.isfinite(value)):
        shown = float(value) if np.ndim(value) == 0 else _short(value)
        raise ValueError(
            f"{name} overflowed float64 (got {shown}): the weights or inputs are too"
            " large for exact arithmetic; scale them down"
        )
    return value


def check_index(value: Any, name: str, low: int, high: int) -> int:
    """Check that an integer index lies in ``low..high`` (both inclusive)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {_short(value)}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return int(value)
