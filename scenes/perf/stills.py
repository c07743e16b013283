"""The lecture's file writer: still stretches encoded once, moving frames encoded lightly.

When nothing moves during a ``wait``, Manim hands its encoder one RGBA frame and a count,
and its encoder gives x264 that frame once per frame of the count: converted to
``yuv420p`` each time (about 7 ms at 1080p) and analysed by x264 each time (about
17 ms), to produce pictures that say "same as before". Here such a still, alone in its
partial movie (a frozen ``wait`` always is), is written as the frame encoded once by
x264 and then ``count - 1`` pictures that repeat it exactly, made directly
(:mod:`scenes.perf.h264`: a few hundred bytes, microseconds each), with the same seek
points x264 would place. The held frame decodes identically for the whole still, at
least as close to the drawn frame as Manim's own encoding of it (see
:data:`STILL_X264_PARAMS`).

Every other frame goes to x264 with :data:`scenes.perf.x264.OPTIONS` (Manim's CRF, the
fastest preset: half the CPU, and each frame decodes at least as close to the drawn one
as Manim's), handed over without a copy, and a held frame that shares its partial movie
with others is converted to ``yuv420p`` once. All partial movies of a scene, and all
scenes rendered this way, share their parameter sets, so they join by stream copy;
the videos keep Manim's frame count, frame rate and duration.

The same writer bounds the frames waiting for the encoder (Manim's own queue is
unbounded with one encoder in flight, 1.2 GB at 1080p), which changes no frame.

The writer is installed per scene by :func:`install` (``LectureScene`` calls it). When
it does not apply (another Manim version, an encoder other than libx264/yuv420p, the
OpenGL renderer, ``BACKPROP_FAST_STILLS=0``) Manim's own path is used and a one-line
notice says why; a failure at render time falls back for the rest of the process (to
x264 frame by frame, in the same stream), never an error.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any

import av
import manim
import numpy as np
from manim import config
from manim.constants import RendererType
from manim.scene.scene_file_writer import (
    SceneFileWriter,
    _PartialMovieEncodeJob,
    to_av_frame_rate,
)
from manim.utils.file_ops import is_gif_format, is_png_format

from scenes.perf import copies, damage, family, fingerprint, h264, handover, paths, x264
from scenes.perf.convert import RowBandConverter

__all__ = ["FastStillFileWriter", "install", "unavailable_reason"]

SUPPORTED_MANIM = "0.21."
"""The Manim series whose file writer this module was checked against."""
ENV_SWITCH = fingerprint.ENCODING_SWITCH
_notified: set[str] = set()
_working = {"conversion": True, "stills": True}
"""Cleared for the rest of the process if converting or writing a still ever fails."""


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
    """Manim's encode job, with a still stretch encoded once.

    A partial movie that is one frame held ``n`` times (a ``wait`` with nothing moving:
    Manim queues it as one frame and a count) is written as that frame encoded once by
    x264, then ``n - 1`` pictures that repeat it (:class:`scenes.perf.h264.SkipPictures`).
    Any other partial movie goes to x264 frame by frame as in Manim, with a repeated
    frame converted to the codec's pixel format once.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._converter: RowBandConverter | None = None  # before Manim starts the worker
        super().__init__(*args, **kwargs)

    def _listen_and_write(self) -> None:
        # Manim's loop, except that a still is held back until the job is sealed: only
        # then is it known to be alone in its partial movie.
        held: tuple[Any, int] | None = None
        first = True
        while True:
            num_frames, frame_data = self.queue.get()
            if frame_data is None:
                break
            if self._exception is not None:
                continue
            try:
                if held is not None:
                    self._encode_and_write_frame(*held)
                    held = None
                if first and num_frames >= 2 and _working["stills"]:
                    held = (frame_data, num_frames)
                else:
                    self._encode_and_write_frame(frame_data, num_frames)
                first = False
            except BaseException as exception:  # noqa: BLE001 - Manim's own handling
                self._capture_exception(exception)
        try:
            if held is not None and self._exception is None:
                if not self._write_still(*held):
                    self._encode_and_write_frame(*held)
                    for packet in self.stream.encode():
                        self.container.mux(packet)
            elif self._exception is None or held is None:
                for packet in self.stream.encode():
                    self.container.mux(packet)
        except BaseException as exception:  # noqa: BLE001 - Manim's own handling
            self._capture_exception(exception)
        finally:
            try:
                self.container.close()
            except BaseException as exception:  # noqa: BLE001 - Manim's own handling
                self._capture_exception(exception)

    def _write_still(self, frame: Any, num_frames: int) -> bool:
        """Write ``frame`` held ``num_frames`` times; False (and a notice) if it cannot."""
        started = time.thread_time()
        context = self.stream.codec_context
        try:
            if not context.is_open:
                context.open()  # makes the SPS/PPS the other pictures must match
            pictures = _skip_pictures(bytes(context.extradata))
            key = _encode_alone(self._converted(frame), context)
        except Exception as exc:  # noqa: BLE001 - any failure means: x264 frame by frame
            _working["stills"] = False
            _notice(f"a still stretch could not be written once: {exc!r}")
            return False
        delay = pictures.ps.reorder_frames or 0
        since_key = 0
        for index in range(num_frames):
            if index % KEYFRAME_INTERVAL == 0:  # a seek point, as x264 would place one
                packet = av.Packet(key)
                packet.is_keyframe = True
                since_key = 0
            else:
                packet = av.Packet(pictures.picture(since_key, 2 * since_key))
            packet.pts = index
            packet.dts = index - delay
            packet.duration = 1
            packet.time_base = context.time_base
            packet.stream = self.stream
            self.container.mux(packet)
            since_key += 1
        _STATS.add(num_frames, time.thread_time() - started)
        return True

    def _converted(self, frame: Any) -> av.VideoFrame:
        """``frame`` (RGBA) as ``yuv420p``, byte for byte as PyAV's ``encode`` converts it.

        Only the rows that changed since this partial movie's last frame are converted
        again (:class:`scenes.perf.convert.RowBandConverter`).
        """
        if self._converter is None:
            context = self.stream.codec_context
            self._converter = RowBandConverter(context.width, context.height)
            self._converter.on_done = handover.release
            self._converter.rows_hint = damage.rows_between
        return self._converter.convert(np.asarray(frame))

    def _encode_and_write_frame(self, frame: Any, num_frames: int) -> None:
        if not _working["conversion"]:
            super()._encode_and_write_frame(frame, num_frames)
            return
        try:
            # Byte for byte what PyAV's encode would convert (changed rows redone).
            converted = self._converted(frame)
        except damage.DamageError:
            raise  # a wrong frame (BACKPROP_DAMAGE_CHECK=1): fail, never hide it
        except Exception as exc:  # noqa: BLE001 - any failure means: Manim's way
            _working["conversion"] = False
            _notice(f"converting a frame failed: {exc!r}")
            super()._encode_and_write_frame(frame, num_frames)
            return
        for _ in range(num_frames):
            converted.pts = None  # the encoder numbers it, as it does a fresh frame
            for packet in self.stream.encode(converted):
                self.container.mux(packet)


KEYFRAME_INTERVAL = 250
"""Frames between seek points in a held still: x264's default ``keyint``."""
STILL_X264_PARAMS = "qpmax=12"
"""x264 settings of a still's one encoded frame, beyond the stream's own.

Encoded alone, the frame would get none of the quality x264 gives a frame that the next
seconds copy (its lookahead's ``mbtree`` lowers that frame's quantiser), and would decode
up to 0.7 dB below Manim's still frames. Capping the quantiser at 12 puts it within a few
hundredths of a dB of what ``yuv420p`` itself allows, for a few kB more per still. The
cap is not written into the SPS/PPS, which must equal the stream's (checked).
"""
_pictures: dict[bytes, h264.SkipPictures] = {}


def _skip_pictures(extradata: bytes) -> h264.SkipPictures:
    """The skip-picture writer of a stream (made once per parameter sets)."""
    if extradata not in _pictures:
        _pictures[extradata] = h264.SkipPictures(extradata)
    return _pictures[extradata]


def _encode_alone(frame: av.VideoFrame, stream_context: Any) -> bytes:
    """``frame`` encoded as an IDR picture by an x264 like ``stream_context``'s.

    One thread, so its CPU time is this thread's; the settings that reach the SPS/PPS
    are the stream's, and that is checked.
    """
    context = av.CodecContext.create("libx264", "w")
    context.width = stream_context.width
    context.height = stream_context.height
    context.pix_fmt = stream_context.pix_fmt
    context.time_base = stream_context.time_base
    context.framerate = stream_context.framerate
    context.flags = stream_context.flags
    # The stream was opened with x264.OPTIONS (PyAV keeps only the options x264 did not
    # take, so they are not read back from it).
    params = ":".join(p for p in (x264.OPTIONS.get("x264-params"), STILL_X264_PARAMS) if p)
    context.options = {**x264.OPTIONS, "x264-params": params, "threads": "1"}
    context.open()
    if bytes(context.extradata) != bytes(stream_context.extradata):
        raise h264.UnsupportedStreamError("the still's encoder wrote other SPS/PPS")
    frame.pts = 0
    packets = list(context.encode(frame)) + list(context.encode(None))
    if len(packets) != 1 or not packets[0].is_keyframe:
        raise h264.UnsupportedStreamError(f"x264 made {len(packets)} packet(s) of one frame")
    return bytes(packets[0])


class _Stats:
    """Still stretches written once in this process: how many, frames, CPU seconds."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.stills = 0
        self.frames = 0
        self.cpu_seconds = 0.0

    def add(self, frames: int, cpu_seconds: float) -> None:
        with self.lock:
            self.stills += 1
            self.frames += frames
            self.cpu_seconds += cpu_seconds


_STATS = _Stats()


class FastStillFileWriter(SceneFileWriter):
    """Manim's file writer whose encode jobs write a still stretch once.

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

    def finish(self) -> None:
        """Finish as Manim does, then say what the stills and the joining cost.

        One line on stderr, read by ``make bench-render``: ``stills: <n> still
        stretch(es), <f> frame(s), <x> CPU-s; joining <y> CPU-s``. Joining is this
        thread's CPU time in Manim's ``finish`` (the partial movies joined into the
        scene's video, and whatever a subclass adds to ``combine_to_movie``).
        """
        started = time.thread_time()
        super().finish()
        joining = time.thread_time() - started
        with _STATS.lock:
            print(
                f"stills: {_STATS.stills} still stretch(es), {_STATS.frames} frame(s),"
                f" {_STATS.cpu_seconds:.2f} CPU-s; joining {joining:.2f} CPU-s",
                file=sys.stderr,
            )

    def open_partial_movie_stream(self, file_path: Any = None) -> None:
        """Open the partial movie as Manim 0.21 does, with the still-aware encode job.

        Manim's own method, with :class:`_FastStillEncodeJob` for its encode job (the
        job's worker thread starts in its constructor, so the class must be right from
        the start). Only the libx264/yuv420p branch is here: :func:`unavailable_reason`
        keeps every other output on Manim's writer.
        """
        if file_path is None:
            file_path = self.partial_movie_files[self.renderer.num_plays]
            if file_path is None:
                raise RuntimeError(
                    "open_partial_movie_stream() called for a play that has no "
                    "partial movie file path.",
                )
        path_key = str(file_path)
        if path_key in self._inflight_by_path:
            self._join_job_and_drain_on_failure(self._inflight_by_path[path_key])
        self.partial_movie_file_path = file_path
        container = av.open(file_path, mode="w")
        stream = container.add_stream(
            "libx264",
            rate=to_av_frame_rate(config.frame_rate),
            options=dict(x264.OPTIONS),
        )
        stream.pix_fmt = "yuv420p"
        stream.width = config.pixel_width
        stream.height = config.pixel_height
        job = _FastStillEncodeJob(
            path=file_path,
            animation_index=self.renderer.num_plays,
            container=container,
            stream=stream,
            frame_queue_size=(
                0 if config.max_inflight_encoders == 1 else config.encoder_queue_size
            ),
        )
        self._current_encode_job = job


def _wait_for_room(job: _PartialMovieEncodeJob, limit: int) -> None:
    """Block while ``limit`` frames wait in ``job``'s queue (its worker takes them)."""
    while job.queue.qsize() >= limit and not job.failed and job.thread.is_alive():
        time.sleep(0.005)  # an encoded frame takes milliseconds; polling costs nothing


def install(scene: Any) -> bool:
    """Give ``scene`` the fast still path if it applies; return whether it did.

    With it come the drawing speed-ups that leave every pixel as it is: the frame hand-over
    (:mod:`scenes.perf.handover`), rows restored and compared by damage
    (:mod:`scenes.perf.damage`), one-pass families (:mod:`scenes.perf.family`), cached
    cairo paths (:mod:`scenes.perf.paths`) and shared glyph parses
    (:mod:`scenes.perf.copies`), each with its own switch. When the fast path does not
    apply, a one-line notice (once per reason and process) says why and the scene
    renders exactly as plain Manim renders it.
    """
    writer = getattr(getattr(scene, "renderer", None), "file_writer", None)
    if writer is None or not config.write_to_movie or config.dry_run:
        return False  # nothing is encoded: nothing to speed up, nothing to say
    reason = unavailable_reason(writer)
    if reason is not None:
        _notice(reason)
        return False
    writer.__class__ = FastStillFileWriter
    # The drawn frame goes to the encoder without a copy; its converter gives it back.
    handover.install(scene.renderer)
    # Only the rows the last frame drew are restored and compared.
    damage.install(scene.renderer.camera)
    # Families listed in one pass; display types cached (after damage: it replaces
    # the camera's display methods that the cached table holds).
    family.install(scene.renderer.camera)
    # A vmobject's cairo path built again only when its points change.
    paths.install(scene.renderer.camera)
    # Copies of glyphs share the SVG path they were parsed from.
    copies.install()
    return True
