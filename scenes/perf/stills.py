"""Encode a still stretch cheaply, bit for bit as Manim would.

When nothing moves during a ``wait``, Manim hands its encoder one RGBA frame and a count,
and the encoder converts that same frame to ``yuv420p`` for every one of the count's
frames (8 MB of RGBA, about 7 ms each at 1080p) before x264 sees it. Here the frame is
converted once, with the very call PyAV makes inside ``encode`` (the same
``VideoReformatter.reformat`` with the codec's size, format and thread count), and that
one converted frame is given to x264 ``count`` times. x264 receives byte-identical input
in the same order, so the partial movie file is byte-identical too; only the repeated
conversion is gone.

The same writer bounds the frames waiting for the encoder (Manim's own queue is
unbounded with one encoder in flight, 1.2 GB at 1080p), which changes no frame either.

The speed-up is installed per scene by :func:`install` (``LectureScene`` calls it). When
it does not apply (another Manim version, an encoder other than libx264/yuv420p, the
OpenGL renderer, ``BACKPROP_FAST_STILLS=0``) Manim's own path is used and a one-line
notice says why; a failure to convert at render time does the same, never an error.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import av
import manim
from manim import config
from manim.constants import RendererType
from manim.scene.scene_file_writer import SceneFileWriter, _PartialMovieEncodeJob
from manim.utils.file_ops import is_gif_format, is_png_format

__all__ = ["FastStillFileWriter", "install", "unavailable_reason"]

SUPPORTED_MANIM = "0.21."
"""The Manim series whose file writer this module was checked against."""
ENV_SWITCH = "BACKPROP_FAST_STILLS"
_notified: set[str] = set()
_working = {"conversion": True}
"""Cleared for the rest of the process if converting a still frame ever fails."""


def _notice(reason: str) -> None:
    """Say once per process, in one line, that Manim's own encoding is used."""
    if reason not in _notified:
        _notified.add(reason)
        print(
            f"notice: fast still frames off ({reason}); Manim's own encoding is used",
            file=sys.stderr,
        )


def unavailable_reason(writer: Any) -> str | None:
    """Why the fast path cannot serve ``writer`` under the current config, or None."""
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return f"{ENV_SWITCH}=0"
    if not manim.__version__.startswith(SUPPORTED_MANIM):
        return f"written for Manim {SUPPORTED_MANIM}x, this is {manim.__version__}"
    if type(writer) is not SceneFileWriter:
        return f"the scene uses its own file writer {type(writer).__name__}"
    if config.renderer != RendererType.CAIRO:
        return f"renderer {config.renderer} is not cairo"
    if config.transparent or config.movie_file_extension != ".mp4":
        return "only opaque .mp4 (libx264, yuv420p) output is handled"
    if is_gif_format() or is_png_format():
        return f"format {config.format} is not a movie"
    if "libx264" not in av.codecs_available:
        return "PyAV has no libx264 encoder"
    return None


class _FastStillEncodeJob(_PartialMovieEncodeJob):
    """Manim's encode job, converting a repeated frame to the codec's format once."""

    def _encode_and_write_frame(self, frame: Any, num_frames: int) -> None:
        if num_frames < 2 or not _working["conversion"]:
            super()._encode_and_write_frame(frame, num_frames)
            return
        context = self.stream.codec_context
        try:
            # Exactly what VideoCodecContext._prepare_frames_for_encode does per frame.
            converted = av.video.reformatter.VideoReformatter().reformat(
                av.VideoFrame.from_ndarray(frame, format="rgba"),
                context.width,
                context.height,
                context.format,
                threads=context.thread_count,
            )
        except Exception as exc:  # noqa: BLE001 - any failure means: Manim's way
            _working["conversion"] = False
            _notice(f"converting a still frame failed: {exc!r}")
            super()._encode_and_write_frame(frame, num_frames)
            return
        for _ in range(num_frames):
            converted.pts = None  # the encoder numbers it, as it does a fresh frame
            for packet in self.stream.encode(converted):
                self.container.mux(packet)


class FastStillFileWriter(SceneFileWriter):
    """Manim's file writer whose encode jobs convert a still frame only once.

    It also bounds the frames waiting for the encoder. With one encoder in flight (Manim's
    default) Manim's frame queue is unbounded, and at 1080p the drawing outruns x264 by
    hundreds of 8 MB frames (1.3 GB); here the drawing waits once
    ``config.encoder_queue_size`` frames are queued. Frames and their order are
    unchanged.
    """

    def write_frame(self, frame_or_renderer: Any, num_frames: int = 1) -> None:
        """Queue a frame as Manim does, once the encoder has room for it."""
        job = self._current_encode_job
        if job is not None and job.queue.maxsize == 0:
            _wait_for_room(job, max(1, int(config.encoder_queue_size)))
        super().write_frame(frame_or_renderer, num_frames)

    def open_partial_movie_stream(self, file_path: Any = None) -> None:
        """Open the partial movie as Manim does, with the still-aware encode job."""
        super().open_partial_movie_stream(file_path=file_path)
        job = self._current_encode_job
        # No frame has been queued yet, so the worker thread has not looked up the
        # encode method: from now on it finds the still-aware one.
        if job is not None and type(job) is _PartialMovieEncodeJob:
            job.__class__ = _FastStillEncodeJob


def _wait_for_room(job: _PartialMovieEncodeJob, limit: int) -> None:
    """Block while ``limit`` frames wait in ``job``'s queue (its worker takes them)."""
    while job.queue.qsize() >= limit and not job.failed and job.thread.is_alive():
        time.sleep(0.005)  # an encoded frame takes milliseconds; polling costs nothing


def install(scene: Any) -> bool:
    """Give ``scene`` the fast still path if it applies; return whether it did.

    When it does not apply, a one-line notice (once per reason and process) says why and
    the scene renders exactly as plain Manim renders it.
    """
    writer = getattr(getattr(scene, "renderer", None), "file_writer", None)
    if writer is None or not config.write_to_movie or config.dry_run:
        return False  # nothing is encoded: nothing to speed up, nothing to say
    reason = unavailable_reason(writer)
    if reason is not None:
        _notice(reason)
        return False
    writer.__class__ = FastStillFileWriter
    return True
