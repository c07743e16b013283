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


def _hard_keys(module: str) -> tuple[str, ...]:
    """The hard examples of the role ``module``'s scene plays (none for the harness sample)."""
    from tests.scenes.harness import entries, load
    from tests.scenes.other_examples import HARD_KEYS

    if module == "sample_scene":
        return ()
    try:
        role = load(entries()[module]).example_role
    except (ImportError, AttributeError):  # reported by the test of the missing scene
        return ()
    return HARD_KEYS[role]


def scene_cases(
    examples: tuple[str, ...] = ("default", "other"), hard: bool = False
) -> list:
    """One case per (scene module, example key); all of a scene's cases share a worker.

    With ``hard``, each scene is also built on the hard examples of its role
    (:data:`tests.scenes.other_examples.HARD_KEYS`).
    """
    return [
        pytest.param(m, ex, id=f"{m}-{ex}", marks=_marks(m))
        for m in MODULES
        for ex in examples + (_hard_keys(m) if hard else ())
    ]


def scene_modules() -> list:
    """One case per scene module, in the scene's worker group."""
    return [pytest.param(m, id=m, marks=_marks(m)) for m in MODULES]
