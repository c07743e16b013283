"""A small lecture made once per test session: two sample scenes at low quality.

The publishing logic does not depend on what a scene shows, so the tests use the harness's
short sample scenes (two beats each) instead of the real lecture: rendering them takes
seconds. They are rendered for real, as ``make lecture`` does, with manim-slides on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from scenes.publish.build import Output, ScenePart
from scenes.publish.cli import make_lecture
from scenes.render import output_path
from tests.scenes.entries import TestSceneEntry

ENTRIES = (
    TestSceneEntry(1, "sample_scene", "SampleScene", "A first sample"),
    TestSceneEntry(2, "sample_scene", "WrongValueScene", "A second sample, with = sign"),
)
"""Harness module keys of the entries (for ``build_cached``) in the same order."""
HARNESS_KEYS = ("sample_scene", "broken_WrongValueScene")


@dataclass(frozen=True)
class Lecture:
    """The published sample lecture."""

    folder: Path
    parts: list[ScenePart]
    outputs: list[Output]
    log: list[str]


@pytest.fixture(scope="session")
def lecture(tmp_path_factory: pytest.TempPathFactory) -> Lecture:
    """Render the sample scenes (manim-slides on) and publish them into a temp folder."""
    folder = tmp_path_factory.mktemp("lecture")
    saved = os.environ.pop("BACKPROP_PLAIN_SCENES", None)
    log: list[str] = []
    try:
        outputs = make_lecture(ENTRIES, "l", folder, log=log.append)
    finally:
        if saved is not None:
            os.environ["BACKPROP_PLAIN_SCENES"] = saved
    parts = [ScenePart(e, output_path(e, "l")) for e in ENTRIES]
    return Lecture(folder, parts, outputs, log)
