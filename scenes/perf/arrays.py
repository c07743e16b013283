"""Values kept per numpy array, by the array's identity, for as long as it lives.

Arrays are not hashable, and two equal arrays are different frames. The frame hand-over
(:mod:`scenes.perf.handover`) remembers which arrays it gave the encoder, and the damage
tracker (:mod:`scenes.perf.damage`) what each array holds; both key on ``id(array)``,
which Python reuses once an array is freed, so an entry also keeps a weak reference that
tells a live array from a new one at a recycled address, and goes when its array goes.
The encoder thread and the drawing thread use them at once: every access is locked.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any, Generic, TypeVar

import numpy as np

__all__ = ["ArrayMap"]

V = TypeVar("V")


class ArrayMap(Generic[V]):
    """A thread-safe mapping from live arrays (by identity) to values."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[weakref.ref, V]] = {}
        self._lock = threading.Lock()

    def get(self, array: Any) -> V | None:
        """The value kept for ``array``, or None."""
        with self._lock:
            found = self._by_id.get(id(array))
        if found is None or found[0]() is not array:
            return None
        return found[1]

    def set(self, array: np.ndarray, value: V) -> None:
        """Keep ``value`` for ``array`` until it is popped or the array is freed."""
        key = id(array)

        def forget(ref: weakref.ref, key: int = key) -> None:
            with self._lock:
                if self._by_id.get(key, (None,))[0] is ref:
                    del self._by_id[key]

        with self._lock:
            self._by_id[key] = (weakref.ref(array, forget), value)

    def pop(self, array: Any) -> V | None:
        """Remove and return the value kept for ``array`` (None if there was none)."""
        with self._lock:
            found = self._by_id.get(id(array))
            if found is None or found[0]() is not array:
                return None
            del self._by_id[id(array)]
            return found[1]
