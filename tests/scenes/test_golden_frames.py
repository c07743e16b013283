"""The last frame of every scene, pixel by pixel, against committed control data.

Uses Manim's own ``frames_comparison``. The control data lives in
``tests/scenes/control_data/lecture/``; after an intended visual change re-create it with
``make golden`` and look at the new frames before committing them.
"""

from __future__ import annotations

from pathlib import Path

import cairo
import numpy as np
import pytest
from manim.utils.testing import frames_comparison as fc
from manim.utils.testing._frames_testers import _FramesTester

from scenes.lecture import SCENES
from tests.scenes.sample_scene import SAMPLE

__module_test__ = "lecture"
CONTROL = Path(__file__).parent / "control_data" / __module_test__
ENTRIES = [*SCENES, SAMPLE]


def _golden_test(entry):
    try:
        scene_class = entry.load()
    except (
        Exception
    ) as exc:  # report it as this scene's failure, not a collection error
        message = f"{entry.path} could not be loaded: {exc!r}"

        def cannot_load():
            pytest.fail(message)

        return pytest.mark.golden(cannot_load)

    def construct(scene):
        scene_class.construct(scene)

    construct.__name__ = f"test_{entry.module}"
    construct.__doc__ = f"The last frame of {entry.name} matches its golden frame."
    test = fc.frames_comparison(base_scene=scene_class)(construct)
    return pytest.mark.xdist_group(entry.module)(pytest.mark.golden(test))


for _entry in ENTRIES:
    globals()[f"test_{_entry.module}"] = _golden_test(_entry)


def test_cairo_gate_is_open():
    """Manim's frames_comparison would skip on this cairo; the gate is lowered so it runs."""
    assert fc.MIN_CAIRO_VERSION <= cairo.cairo_version(), (
        f"cairo {cairo.cairo_version_string()} is below the gate {fc.MIN_CAIRO_VERSION}:"
        " the golden tests would skip"
    )


def test_every_scene_has_control_data():
    """Each scene's golden test exists and has a committed control frame."""
    for entry in ENTRIES:
        assert f"test_{entry.module}" in globals(), f"no golden test for {entry.module}"
        path = CONTROL / f"{entry.module}.npz"
        assert path.is_file(), f"no control frame {path}; run make golden"


def test_a_changed_frame_fails_the_comparison():
    """Brightening a 20×20 patch of the sample's golden frame is caught."""
    path = CONTROL / f"{SAMPLE.module}.npz"
    with np.load(path) as data:
        frame = data["frame_data"][-1].copy()
    frame[100:120, 100:120, :3] = 255 - frame[100:120, 100:120, :3]
    tester = _FramesTester(path)
    with pytest.raises(AssertionError):
        with tester.testing():
            tester.check_frame(0, frame)
