"""Converting only the rows that changed gives the whole frame's conversion, byte for byte.

:class:`scenes.perf.convert.RowBandConverter` is compared with libswscale converting
every frame whole (as PyAV's ``encode`` does) over a sequence that starts, holds,
changes a band in the middle, at the top and bottom edges, and everywhere. Without its
context rows the same sequence converts differently, so the comparison can fail.
"""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np
import pytest

from scenes.perf import convert
from scenes.perf.convert import RowBandConverter


def _whole(rgba: np.ndarray) -> np.ndarray:
    """``rgba`` converted whole, as PyAV's encode converts it."""
    height, width = rgba.shape[:2]
    frame = av.VideoFrame.from_ndarray(rgba, format="rgba")
    return frame.reformat(width, height, "yuv420p").to_ndarray()


def _sequence(width: int, height: int) -> list[np.ndarray]:
    """Frames with rows unlike their neighbours, changed in bands of every kind."""
    rng = np.random.default_rng(5)
    base = np.zeros((height, width, 4), np.uint8)
    base[..., 3] = 255
    base[..., 0] = (np.arange(height)[:, None] * 37 % 256).astype(np.uint8)
    base[..., 1] = (np.arange(width)[None, :] * 11 % 256).astype(np.uint8)
    frames, frame = [], base
    for first, end in [(0, 0), (0, 0), (61, 67), (62, 63), (0, 5), (height - 3, height),
                       (0, height), (30, 31), (31, 32), (0, 0), (17, 90)]:
        first, end = min(first, height), min(end, height)
        frame = frame.copy()
        frame[first:end, :, 2] = rng.integers(0, 256, (end - first, width), np.uint8)
        frames.append(frame)
    return frames


@pytest.mark.parametrize(("width", "height"), [(320, 180), (96, 64), (322, 182)])
def test_band_conversion_equals_whole_conversion(width, height):
    converter = RowBandConverter(width, height)
    for index, frame in enumerate(_sequence(width, height)):
        got = converter.convert(frame).to_ndarray()
        np.testing.assert_array_equal(got, _whole(frame), err_msg=f"frame {index}")
    if converter.incremental:
        assert converter.rows_converted < converter.rows_seen / 2
    else:  # 182 rows are not whole 4-row groups: every frame converted whole
        assert converter.rows_converted == converter.rows_seen


def test_without_context_rows_the_bands_convert_differently(monkeypatch):
    monkeypatch.setattr(convert, "CONTEXT_ROWS", 0)
    converter, differing = RowBandConverter(320, 180), 0
    for frame in _sequence(320, 180):
        differing += not np.array_equal(converter.convert(frame).to_ndarray(), _whole(frame))
    assert differing > 0


def test_a_frame_of_another_size_is_refused_by_name():
    with pytest.raises(ValueError, match=r"expected a \(180, 320, 4\) uint8 frame"):
        RowBandConverter(320, 180).convert(np.zeros((180, 320, 3), np.uint8))


def _packets(frames) -> list[bytes]:
    """``frames`` (yuv420p, given one by one) encoded by x264 as the lecture encodes."""
    from scenes.perf import x264

    context = av.CodecContext.create("libx264", "w")
    context.width, context.height = 320, 180
    context.pix_fmt = "yuv420p"
    context.time_base = Fraction(1, 60)
    context.options = dict(x264.OPTIONS)
    packets = []
    for index, frame in enumerate(frames):
        frame.pts = index
        packets += [bytes(packet) for packet in context.encode(frame)]
    packets += [bytes(packet) for packet in context.encode(None)]
    return packets


def test_the_reused_frame_encodes_as_fresh_frames_do():
    """x264 copies each picture when it is given, so changing the frame after is safe."""
    frames = _sequence(320, 180)
    converter = RowBandConverter(320, 180)
    reused = _packets(converter.convert(frame) for frame in frames)
    fresh = _packets(
        av.VideoFrame.from_ndarray(_whole(frame), format="yuv420p") for frame in frames
    )
    assert len(reused) == len(frames)
    assert reused == fresh


def test_random_bands_with_and_without_a_hint_convert_exactly():
    """Changed rows anywhere, scanned for in blocks, inside a hint or the whole frame."""
    rng = np.random.default_rng(9)
    height, width = 200, 64
    frame = _sequence(width, height)[0]
    for hinted in (False, True):
        converter = RowBandConverter(width, height)
        if hinted:  # the rows two frames can differ in: the truth, widened at random
            converter.rows_hint = lambda old, new: _widened(old, new, rng)
        converter.convert(frame)
        for index in range(60):
            frame = frame.copy()
            rows = rng.choice(height, size=int(rng.integers(0, 4)), replace=False)
            frame[rows, :, 1] = rng.integers(0, 256, (len(rows), width), np.uint8)
            got = converter.convert(frame).to_ndarray()
            np.testing.assert_array_equal(got, _whole(frame), err_msg=f"frame {index}")


def _widened(old: np.ndarray, new: np.ndarray, rng) -> tuple[int, int]:
    differ = np.flatnonzero((old != new).any(axis=(1, 2)))
    if differ.size == 0:
        return (0, 0) if rng.random() < 0.5 else (5, 9)
    return (max(0, differ[0] - int(rng.integers(0, 70))), differ[-1] + 1 + int(rng.integers(0, 70)))
