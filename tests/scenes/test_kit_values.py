"""The kit's rules for how many decimals a number gets (scenes/kit/values.py)."""

from __future__ import annotations

from scenes.kit.values import delta_decimals


def test_delta_decimals_keep_two_significant_digits():
    """Small Δs keep two significant digits, never fewer than three decimals."""
    assert [delta_decimals(x) for x in (0.07, 0.0007, -0.00019, 0.0)] == [3, 5, 5, 3]
