"""Test parameters: every lecture scene × (its default example, another one).

Each case carries ``xdist_group(<scene module>)`` so that, with ``--dist loadgroup``, all
tests of one scene run on one worker and share its builds (:func:`harness.build_cached`).
"""

from __future__ import annotations

import pytest

from scenes.lecture import SCENES

MODULES = [e.module for e in SCENES] + ["sample_scene"]


def _marks(module: str) -> list:
    return [pytest.mark.xdist_group(module), pytest.mark.render]


def scene_cases(examples: tuple[str, ...] = ("default", "other")) -> list:
    """One case per (scene module, example key); all of a scene's cases share a worker."""
    return [
        pytest.param(m, ex, id=f"{m}-{ex}", marks=_marks(m))
        for m in MODULES
        for ex in examples
    ]


def scene_modules() -> list:
    """One case per scene module, in the scene's worker group."""
    return [pytest.param(m, id=m, marks=_marks(m)) for m in MODULES]
