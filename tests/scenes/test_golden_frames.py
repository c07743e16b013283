"""The last frame of every scene, pixel by pixel, against committed control data.

Uses Manim's own ``frames_comparison`` (854×480, the last frame only). The control data
lives in ``tests/scenes/control_data/lecture/``; after an intended visual change re-create
it with ``make golden`` and look at the new frames before committing them.

``tests/conftest.py`` opens Manim's cairo gate (frames_comparison skips on cairo < 1.18;
this image ships 1.16 and the control data is made on it), sets the mismatch tolerance to
zero, and turns any skip into a failure: every golden test in the count really compared.
"""

from __future__ import annotations

import os
from pathlib import Path

import cairo
import numpy as np
import pytest
from manim.utils.testing import _frames_testers
from manim.utils.testing import frames_comparison as fc
from manim.utils.testing._frames_testers import _FramesTester

from scenes.lecture import SCENES, SceneEntry
from tests.scenes.harness import CACHE, load
from tests.scenes.sample_scene import SAMPLE

__module_test__ = "lecture"
CONTROL = Path(__file__).parent / "control_data" / __module_test__
ENTRIES = [*SCENES, SAMPLE]


def _cache_config() -> dict:
    """LaTeX and Pango caches shared across tests (one per xdist worker, no races)."""
    worker = CACHE / os.environ.get("PYTEST_XDIST_WORKER", "main")
    return {"tex_dir": str(worker / "Tex"), "text_dir": str(worker / "texts")}


def _golden_test(entry: SceneEntry):
    try:
        scene_class = load(entry)
    except Exception as exc:  # this scene's test fails; collection goes on
        message = f"no golden test can run for {entry.path}: {exc!r}"

        def cannot_load():
            pytest.fail(message)

        cannot_load.__name__ = f"test_{entry.module}"
        cannot_load.__doc__ = f"{entry.name} could not be loaded."
        return pytest.mark.golden(cannot_load)

    def construct(scene):
        scene_class.construct(scene)
        # The frame the video ends on, drawn whole: Manim's own last-frame step redraws
        # only the last animation's mobjects over a cached background, which is empty
        # when a still wait followed that animation (a pointer, then the beat's breath).
        scene.animations = None
        scene.renderer.static_image = None
        scene.renderer.update_frame(scene)

    construct.__name__ = f"test_{entry.module}"
    construct.__doc__ = f"The last frame of {entry.name} matches its golden frame."
    # custom config wins over frames_comparison's own (which compiles LaTeX in tmp_path)
    test = fc.frames_comparison(base_scene=scene_class, **_cache_config())(construct)
    return pytest.mark.xdist_group(entry.module)(pytest.mark.golden(test))


for _entry in ENTRIES:
    globals()[f"test_{_entry.module}"] = _golden_test(_entry)


def test_cairo_gate_is_open():
    """Manim's frames_comparison would skip on this cairo; the gate is lowered so it runs."""
    assert fc.MIN_CAIRO_VERSION <= cairo.cairo_version(), (
        f"cairo {cairo.cairo_version_string()} is below the gate {fc.MIN_CAIRO_VERSION}:"
        " the golden tests would skip"
    )
    assert _frames_testers.FRAME_MISMATCH_RATIO_TOLERANCE == 0, (
        "the golden comparison tolerates mismatched pixels"
    )


def test_every_scene_has_a_collected_golden_test(request):
    """Each lecture scene and the sample has a golden test, marked golden, with control data."""
    names = {item.name for item in request.session.items}
    for entry in ENTRIES:
        test = globals().get(f"test_{entry.module}")
        assert test is not None, f"no golden test for {entry.module}"
        assert any(m.name == "golden" for m in getattr(test, "pytestmark", [])), (
            f"test_{entry.module} is not marked golden"
        )
        path = CONTROL / f"{entry.module}.npz"
        assert path.is_file(), f"no control frame {path}; run make golden"
        if request.config.option.keyword == "" and not request.config.option.markexpr:
            assert f"test_{entry.module}" in names, f"test_{entry.module} not collected"


def test_control_data_is_small():
    """Committed control frames stay modest (one 854×480 frame, compressed)."""
    for path in CONTROL.glob("*.npz"):
        assert path.stat().st_size < 200_000, f"{path.name} is {path.stat().st_size} B"
        with np.load(path) as data:
            shape = data["frame_data"].shape
        assert shape == (1, 480, 854, 4), f"{path.name} holds frames of shape {shape}"


def _compare(frame: np.ndarray) -> None:
    tester = _FramesTester(CONTROL / f"{SAMPLE.module}.npz")
    with tester.testing():
        tester.check_frame(0, frame)


def _sample_frame() -> np.ndarray:
    with np.load(CONTROL / f"{SAMPLE.module}.npz") as data:
        return data["frame_data"][-1].copy()


def test_the_unchanged_frame_passes_the_comparison():
    """The comparison itself accepts the control frame (the checks below are meaningful)."""
    _compare(_sample_frame())


def test_a_changed_patch_fails_the_comparison():
    """Inverting a 20×20 patch of the sample's golden frame is caught."""
    frame = _sample_frame()
    frame[100:120, 100:120, :3] = 255 - frame[100:120, 100:120, :3]
    with pytest.raises(AssertionError):
        _compare(frame)


def test_a_single_changed_pixel_fails_the_comparison():
    """One pixel, one channel, off by 8 levels: caught (Manim alone would tolerate it)."""
    frame = _sample_frame()
    frame[240, 427, 0] = (int(frame[240, 427, 0]) + 8) % 256
    with pytest.raises(AssertionError):
        _compare(frame)


def test_a_missing_scene_module_fails_clearly():
    """A lecture entry whose module does not exist gives a failing test naming the module."""
    missing = SceneEntry(99, "s99_not_written_yet", "NotWrittenYet", "not written yet")
    test = _golden_test(missing)
    with pytest.raises(pytest.fail.Exception, match="ModuleNotFoundError.*s99_not_written_yet"):
        test()
