"""Test parameters: every lecture scene × (its default example, another one)."""

from __future__ import annotations

import pytest

from scenes.lecture import SCENES

MODULES = [e.module for e in SCENES] + ["sample_scene"]


def scene_cases(examples: tuple[str, ...] = ("default", "other")) -> list:
    """One case per (scene module, example key); all of a scene's cases share a worker."""
    return [
        pytest.param(
            m,
            ex,
            id=f"{m}-{ex}",
            marks=[pytest.mark.xdist_group(m), pytest.mark.render],
        )
        for m in MODULES
        for ex in examples
    ]
