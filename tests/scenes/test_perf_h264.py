"""The repeat pictures of :mod:`scenes.perf.h264` decode to exact copies, in any x264 stream.

Each test encodes one frame with libx264 (as Manim's partial movies do, with some
settings changed to reach the other branches: CAVLC, no B-frames, odd sizes), appends
all-skip pictures well past the frame-number and picture-order wrap-arounds, and decodes
the result with FFmpeg's decoder: every frame must equal the first, bit for bit, and
ffmpeg must not complain.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from scenes.perf import h264, x264
from tests.media import decode_errors

FRAMES = 300
"""Past MaxFrameNum (16) and MaxPicOrderCntLsb (64) of x264's streams, several times."""


def _frame(width: int, height: int) -> av.VideoFrame:
    """A picture with edges, gradients and noise (a frame x264 cannot code for free)."""
    rng = np.random.default_rng(7)
    rgb = np.zeros((height, width, 3), np.uint8)
    rgb[..., 0] = np.linspace(0, 255, width, dtype=np.uint8)[None, :]
    rgb[height // 4 : height // 2, width // 5 : width // 2, 1] = 220
    rgb[..., 2] = rng.integers(0, 60, (height, width), dtype=np.uint8)
    return av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")


def _still_video(
    path: Path, width: int, height: int, params: str, preset: str = "medium"
) -> h264.SkipPictures:
    """One x264 IDR picture and FRAMES - 1 repeat pictures, muxed into ``path``."""
    options = {"crf": "23", "preset": preset}
    options |= {"x264-params": params} if params else {}
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=Fraction(30), options=options)
        stream.pix_fmt = "yuv420p"
        stream.width, stream.height = width, height
        stream.codec_context.open()
        pictures = h264.SkipPictures(bytes(stream.codec_context.extradata))
        frame = _frame(width, height)
        frame.pts = 0
        (key,) = list(stream.encode(frame)) + list(stream.encode(None))
        delay = pictures.ps.reorder_frames or 0
        for index in range(FRAMES):
            packet = key if index == 0 else av.Packet(pictures.picture(index, 2 * index))
            packet.pts, packet.dts, packet.duration = index, index - delay, 1
            packet.time_base = Fraction(1, 30)
            packet.stream = stream
            container.mux(packet)
    return pictures


@pytest.mark.parametrize(
    ("width", "height", "params", "preset", "cabac", "poc_type"),
    [
        (176, 144, "", "medium", True, 0),  # x264's defaults, as Manim's partial movies
        # the lecture's own settings (scenes.perf.x264.OPTIONS): CAVLC, no B-frames,
        # no deblocking
        (192, 108, "", x264.OPTIONS["preset"], False, 2),
        (200, 120, "cabac=0", "medium", False, 0),  # CAVLC; not whole macroblocks wide
        (160, 90, "bframes=0", "medium", True, 2),  # no B-frames: POC type 2
        (96, 64, "bframes=0:cabac=0:weightp=0", "medium", False, 2),
    ],
)
def test_repeat_pictures_decode_to_the_frame_before(
    tmp_path, width, height, params, preset, cabac, poc_type
):
    """Every decoded frame equals the first; ffmpeg decodes the file without a word."""
    video = tmp_path / "still.mp4"
    pictures = _still_video(video, width, height, params, preset)
    assert (pictures.ps.cabac, pictures.ps.poc_type) == (cabac, poc_type)
    assert pictures.ps.macroblocks == -(-width // 16) * -(-height // 16)
    with av.open(str(video)) as container:
        frames = [f.to_ndarray() for f in container.decode(video=0)]
    assert len(frames) == FRAMES
    changed = [i for i, f in enumerate(frames) if not np.array_equal(f, frames[0])]
    assert changed == [], f"frames differing from the encoded one: {changed[:10]}"
    errors = decode_errors(video)
    assert errors == "", errors[-2000:]


def test_repeat_pictures_are_small_and_differ_only_in_their_numbers():
    """A repeat picture is a few bytes however large the frame; two differ in numbering."""
    with av.open("/dev/null", mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=Fraction(60), options={"crf": "23"})
        stream.pix_fmt = "yuv420p"
        stream.width, stream.height = 1920, 1080
        stream.codec_context.open()
        pictures = h264.SkipPictures(bytes(stream.codec_context.extradata))
    assert pictures.ps.macroblocks == 120 * 68
    one, two = pictures.picture(1, 2), pictures.picture(2, 4)
    assert len(one) < 200 and one != two
    assert one.startswith(b"\x00\x00\x00\x01\x41")  # nal_ref_idc 2, non-IDR slice
    assert pictures.picture(1 + 16, 2 + 64) == one  # numbers wrap at MaxFrameNum/Lsb


def test_parameter_sets_read_alike_from_annex_b_and_avcc(tmp_path):
    """The encoder's extradata (Annex B) and the mp4's (avcC) describe the same stream."""
    video = tmp_path / "still.mp4"
    annex_b = _still_video(video, 176, 144, "").ps
    with av.open(str(video)) as container:
        avcc = bytes(container.streams.video[0].codec_context.extradata)
    assert avcc[0] == 1
    assert h264.parameter_sets(avcc) == annex_b
    assert annex_b.reorder_frames == 2 and annex_b.width_mbs == 11


def test_escaping_round_trips_and_leaves_no_start_code():
    """Emulation prevention is undone exactly, and leaves no 00 00 00/01/02 behind."""
    rng = np.random.default_rng(1)
    for _ in range(200):
        rbsp = bytes(rng.choice([0, 0, 0, 1, 2, 3, 255], size=64).astype(np.uint8))
        escaped = h264._escape(rbsp)
        assert h264._unescape(escaped) == rbsp
        assert not any(
            escaped[i] == escaped[i + 1] == 0 and escaped[i + 2] <= 2
            for i in range(len(escaped) - 2)
        ), escaped.hex()


def test_exp_golomb_codes_read_back():
    """ue(v) and se(v) as written are read back (7.2, 9.1)."""
    writer = h264._BitWriter()
    values = list(range(300)) + [-5, 7, -300, 0]
    for v in values[:300]:
        writer.ue(v)
    for v in values[300:]:
        writer.se(v)
    while not writer.aligned():
        writer.u(1, 0)
    reader = h264._BitReader(writer.to_bytes())
    assert [reader.ue() for _ in range(300)] + [reader.se() for _ in range(4)] == values


def test_streams_it_cannot_extend_are_refused_with_the_reason():
    """A missing PPS or a cut SPS is an UnsupportedStreamError that says what is wrong."""
    with pytest.raises(h264.UnsupportedStreamError, match="no SPS/PPS"):
        h264.parameter_sets(b"\x00\x00\x00\x01\x67\x64\x00\x1e")
    cut_sps = b"\x00\x00\x00\x01\x67\x64\x00\x1e\x00\x00\x00\x01\x68\xeb"
    with pytest.raises(h264.UnsupportedStreamError, match="ends early"):
        h264.parameter_sets(cut_sps)
