"""The render speed-ups keep what the viewer sees, fall back cleanly, skip unchanged work.

* Still stretches written once (:mod:`scenes.perf.stills`): a scene with motion,
  updaters and long stills is rendered at 720p30 in this process the fast way and
  Manim's own way (``BACKPROP_FAST_STILLS=0``), with every frame the scene drew kept;
  both videos must have the same frame count, frame rate and duration, be standard
  H.264 yuv420p that ffmpeg decodes without a word, and every decoded frame of the fast
  one must be as close to the drawn frame as Manim's (PSNR at most 0.5 dB lower, never
  under 40 dB). 720p, not 1080p: the same frames at 1080p60 take four times as long.
* Fallback: with the fast path switched off, not applicable, or failing at render time,
  the scene still renders and a one-line notice says so.
* The runner (:func:`scenes.render.render_scenes`): renders in parallel, renders nothing
  the second time, renders again when an input changes, and leaves no half-written file
  when a scene fails.
"""

from __future__ import annotations

import fcntl
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import av
import numpy as np
import pytest
from manim import tempconfig
from manim.scene.scene_file_writer import SceneFileWriter

from scenes import render
from scenes.perf import damage, family, fingerprint, handover, paths, stills, texlock
from tests.media import decode_errors
from tests.scenes.perf_scene import SHORT, STILLS, PerfEntry, StillsAndUpdaters

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.render


def _manim(
    media_dir: Path, entry: PerfEntry, **env: str
) -> subprocess.CompletedProcess:
    """Plain ``manim -ql`` on ``entry``, as a user would type it (from the root)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "manim",
            "render",
            "-ql",
            "--progress_bar",
            "none",
            "--media_dir",
            str(media_dir),
            entry.path,
            entry.name,
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def _video_packets(path: Path) -> list[bytes]:
    """The encoded pictures of ``path``'s video stream (its sound, if any, aside)."""
    with av.open(str(path)) as container:
        return [bytes(p) for p in container.demux(video=0) if p.size]


def _frames(path: Path) -> tuple[list[np.ndarray], float]:
    """Every decoded frame (RGB) of ``path`` and the video's duration in seconds."""
    with av.open(str(path)) as container:
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
        return frames, container.duration / 1_000_000


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, Path]]:
    """The updaters-and-stills scene rendered the fast way and Manim's own way."""
    out = {}
    for way, env in (("fast", {}), ("manim", {stills.ENV_SWITCH: "0"})):
        media = tmp_path_factory.mktemp(way)
        proc = _manim(media, STILLS, **env)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        out[way] = (proc, render.output_path(STILLS, "l", media))
    return out


PSNR_MARGIN = 0.5
"""dB a fast frame may lose against Manim's encoding of the same drawn frame."""
PSNR_FLOOR = 40.0


def _psnr(decoded: np.ndarray, drawn: np.ndarray) -> float:
    """Peak signal-to-noise ratio of a decoded RGB frame against the drawn one, in dB."""
    diff = decoded.astype(np.int32) - drawn.astype(np.int32)
    mse = float(np.mean(diff * diff))
    return float("inf") if mse == 0 else 10 * np.log10(255**2 / mse)


def _render_drawn(media: Path, monkeypatch, fast: bool) -> tuple[Path, list]:
    """Render StillsAndUpdaters at 720p30 here; its video and the frames it drew.

    The drawn frames are what the scene handed its file writer, as (RGB frame, count)
    pairs: a still is kept once with the number of frames it is held.
    """
    drawn: list[tuple[np.ndarray, int]] = []
    write_frame = SceneFileWriter.write_frame

    def record(self, frame, num_frames=1):
        drawn.append((np.asarray(frame)[..., :3].copy(), num_frames))
        write_frame(self, frame, num_frames)

    monkeypatch.setattr(SceneFileWriter, "write_frame", record)
    if fast:
        monkeypatch.delenv(stills.ENV_SWITCH, raising=False)
        monkeypatch.setenv(damage.CHECK_SWITCH, "1")  # every restore and hint verified
    else:
        monkeypatch.setenv(stills.ENV_SWITCH, "0")
    config = {
        "media_dir": str(media),
        "write_to_movie": True,
        "disable_caching": True,
        "progress_bar": "none",
        "quality": "medium_quality",
        "output_file": "quality",
    }
    with tempconfig(config):
        scene = StillsAndUpdaters()
        writer = scene.renderer.file_writer
        assert isinstance(writer, stills.FastStillFileWriter) == fast
        scene.render()
    monkeypatch.undo()
    return next(media.rglob("quality.mp4")), drawn


@pytest.fixture(scope="module")
def quality_bar(tmp_path_factory):
    """StillsAndUpdaters at 720p30 the fast way and Manim's way, with the drawn frames."""
    out = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for way in ("fast", "manim"):
            media = tmp_path_factory.mktemp(f"quality-{way}")
            out[way] = _render_drawn(media, monkeypatch, fast=way == "fast")
    return out


def _stream_facts(path: Path) -> dict:
    """Codec, pixel format, frame rate, frame count, duration and packet timing."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        packets = [p for p in container.demux(stream) if p.size]
        steps = {
            b - a for a, b in zip(*[sorted(p.pts for p in packets)[i:] for i in (0, 1)])
        }
        return {
            "codec": stream.codec_context.name,
            "pix_fmt": stream.codec_context.pix_fmt,
            "rate": stream.average_rate,
            "frames": len(packets),
            "pts steps": steps,
            "durations": {p.duration for p in packets},
            "duration": container.duration,
            "audio": len(container.streams.audio),
        }


def test_quality_bar_frames_rate_duration_and_format(quality_bar):
    """Same frame count, constant rate and duration as Manim's; plain H.264 yuv420p."""
    fast_video, drawn = quality_bar["fast"]
    manim_video, manim_drawn = quality_bar["manim"]
    fast, manim = _stream_facts(fast_video), _stream_facts(manim_video)
    frames_drawn = sum(n for _, n in drawn)
    assert frames_drawn == sum(n for _, n in manim_drawn) > 0
    assert fast["frames"] == manim["frames"] == frames_drawn
    # Ours lasts exactly its frames; Manim's B-frames shift its mp4's end by under a
    # millisecond, so the two agree to well within a frame (1/30 s).
    assert fast["duration"] == round(frames_drawn / 30 * 1_000_000)
    assert abs(fast["duration"] - manim["duration"]) < 1_000_000 / 30 / 10
    assert fast["rate"] == manim["rate"] == 30
    assert len(fast["pts steps"]) == 1 and fast["pts steps"] == manim["pts steps"]
    assert fast["durations"] == manim["durations"] and len(fast["durations"]) == 1
    assert (fast["codec"], fast["pix_fmt"]) == ("h264", "yuv420p")
    assert fast["audio"] == manim["audio"], "the encoding adds or drops no sound"
    for video in (fast_video, manim_video):
        errors = decode_errors(video)
        assert errors == "", errors[-2000:]


def test_quality_bar_every_frame_as_faithful_as_manims(quality_bar):
    """PSNR(fast, drawn) >= PSNR(Manim's, drawn) - 0.5 dB and >= 40 dB, frame by frame."""
    fast_video, drawn = quality_bar["fast"]
    manim_video, _ = quality_bar["manim"]
    expected = (frame for frame, count in drawn for _ in range(count))
    worse, low, margins = [], [], []
    with av.open(str(fast_video)) as fast, av.open(str(manim_video)) as manim:
        pairs = zip(fast.decode(video=0), manim.decode(video=0), strict=True)
        for index, (ours, theirs) in enumerate(pairs):
            frame = next(expected)
            ours_db = _psnr(ours.to_ndarray(format="rgb24"), frame)
            theirs_db = _psnr(theirs.to_ndarray(format="rgb24"), frame)
            margins.append(ours_db - theirs_db)
            if ours_db < theirs_db - PSNR_MARGIN:
                worse.append((index, round(ours_db, 2), round(theirs_db, 2)))
            if ours_db < PSNR_FLOOR:
                low.append((index, round(ours_db, 2)))
    assert next(expected, None) is None, "fewer decoded frames than drawn"
    assert worse == [], f"frames more than {PSNR_MARGIN} dB below Manim's: {worse[:10]}"
    assert low == [], f"frames under {PSNR_FLOOR} dB: {low[:10]}"
    held = sum(n for _, n in drawn if n > 1)
    assert held >= len(margins) // 2, "the stills that are written once are compared"


def test_the_fast_way_draws_manims_frames(quality_bar):
    """Hand-over, rows restored by damage, one-pass families: the same drawn frames."""
    _, fast = quality_bar["fast"]
    _, manim = quality_bar["manim"]
    assert [n for _, n in fast] == [n for _, n in manim]
    for index, ((ours, _), (theirs, _)) in enumerate(zip(fast, manim, strict=True)):
        np.testing.assert_array_equal(ours, theirs, err_msg=f"drawn frame {index}")


def test_a_still_is_written_once_and_decodes_constant(quality_bar):
    """The long stills are not given to x264 frame by frame: tiny repeat pictures."""
    fast_video, drawn = quality_bar["fast"]
    with av.open(str(fast_video)) as container:
        sizes = [p.size for p in container.demux(video=0) if p.size]
    held = max(n for _, n in drawn)
    assert held >= 60
    repeats = sorted(sizes)[: held - 1]
    assert max(repeats) < 200, f"repeat pictures of {max(repeats)} bytes"


def test_the_scene_has_updaters_and_long_stills(both_ways):
    """What is compared is worth comparing: moving frames and a held still of >= 2 s."""
    frames, _ = _frames(both_ways["manim"][1])
    same = [np.array_equal(a, b) for a, b in zip(frames, frames[1:])]
    longest = run = 0
    for s in same:
        run = run + 1 if s else 0
        longest = max(longest, run)
    assert longest >= 2 * 15, f"longest still is {longest + 1} frames"
    assert same.count(False) >= 10, "too few moving frames"


def test_fast_way_is_used_and_manims_way_is_announced(both_ways):
    """The fast render printed no notice; the switched-off one printed one line."""
    fast_proc, _ = both_ways["fast"]
    manim_proc, _ = both_ways["manim"]
    assert "notice:" not in fast_proc.stderr + fast_proc.stdout
    notices = [ln for ln in manim_proc.stderr.splitlines() if ln.startswith("notice:")]
    assert notices == [
        f"notice: fast still frames off ({stills.ENV_SWITCH}=0); Manim's own encoding"
        " is used"
    ]


@pytest.mark.parametrize(
    "switch",
    [handover.ENV_SWITCH, damage.ENV_SWITCH, family.ENV_SWITCH, paths.ENV_SWITCH],
)
def test_each_drawing_speed_up_changes_no_picture(both_ways, tmp_path, switch):
    """With any one of the drawing speed-ups off (the frame handed over without a copy,
    rows restored by damage, one-pass families, cached cairo paths), the video is the
    same, picture for picture."""
    proc = _manim(tmp_path, STILLS, **{switch: "0"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    without = _video_packets(render.output_path(STILLS, "l", tmp_path))
    fast = _video_packets(both_ways["fast"][1])
    assert len(without) == len(fast) > 30
    assert without == fast, f"the encoded pictures differ with {switch}=0"


def test_handed_over_frames_are_reused_once_encoded(tmp_path, monkeypatch):
    """Arrays come back to the pool after the encoder has compared the next frame with
    them, so a render allocates a few arrays per play, not one per frame; every frame
    the scene handed over is still what was drawn when it is encoded (the quality bar's
    frames compare the video with them)."""
    monkeypatch.setattr(handover, "POOL", handover.FramePool())
    drawn: list[int] = []
    write_frame = SceneFileWriter.write_frame

    def count(self, frame, num_frames=1):
        drawn.append(num_frames)
        write_frame(self, frame, num_frames)

    monkeypatch.setattr(SceneFileWriter, "write_frame", count)
    config = {
        "media_dir": str(tmp_path),
        "write_to_movie": True,
        "disable_caching": True,
        "progress_bar": "none",
        "quality": "medium_quality",
    }
    with tempconfig(config):
        scene = StillsAndUpdaters()
        scene.render()
    pool = handover.POOL
    assert len(drawn) > 40, drawn
    assert pool.reused > len(drawn) / 2, (pool.allocated, pool.reused, len(drawn))
    assert pool.allocated < len(drawn) / 2, (pool.allocated, pool.reused, len(drawn))


def test_a_frame_asked_for_twice_without_a_redraw_is_copied():
    """Only one holder gets the camera's own array; a second get_frame before the next
    update_frame is Manim's copy, so no array is both queued and kept elsewhere."""
    camera = SimpleNamespace(
        pixel_array=np.zeros((4, 4, 4), np.uint8), pixel_array_to_cairo_context={}
    )
    drawn = []

    class Renderer:
        skip_animations = False

        def __init__(self):
            self.camera = camera

        def update_frame(self, scene, mobjects=None, include_submobjects=True,
                         ignore_skipping=True):
            camera.pixel_array[...] = len(drawn) + 1  # overwrites every pixel, as Manim
            drawn.append(camera.pixel_array)

    renderer = Renderer()
    assert handover.install(renderer)
    renderer.update_frame(None)
    first = renderer.get_frame()
    assert first is drawn[0]
    again = renderer.get_frame()
    assert again is not first and np.array_equal(again, first)
    renderer.update_frame(None)
    assert camera.pixel_array is not first, "the camera draws into another array"
    assert int(first[0, 0, 0]) == 1, "the handed-over frame is left as drawn"
    handover.release(first)
    handover.release(first)  # a second release is ignored
    assert handover.POOL.take(first) is first


def test_install_swaps_in_the_fast_writer(tmp_path):
    """Under a movie-writing config a lecture scene gets the still-aware file writer."""
    with tempconfig({"media_dir": str(tmp_path), "write_to_movie": True}):
        scene = StillsAndUpdaters()
        # A narrated scene subclasses it once more, for its sound.
        assert isinstance(scene.renderer.file_writer, stills.FastStillFileWriter)


class _BrokenReformatter:
    def reformat(self, *args, **kwargs):
        raise RuntimeError("no converter here")


def _render_fallback(tmp_path: Path) -> tuple[int, int]:
    """Render StillsAndUpdaters at -ql here: frames decoded, frames it should have."""
    config = {
        "media_dir": str(tmp_path),
        "write_to_movie": True,
        "disable_caching": True,
        "progress_bar": "none",
        "quality": "low_quality",
        "output_file": "fallback",
    }
    with tempconfig(config):
        scene = StillsAndUpdaters()
        scene.render()
        expected = round(scene.renderer.time * scene.camera.frame_rate)
    frames, _ = _frames(next(tmp_path.rglob("fallback.mp4")))
    return len(frames), expected


def test_a_failing_still_write_falls_back_with_a_notice(tmp_path, monkeypatch, capfd):
    """If a still cannot be written once, x264 encodes it frame by frame, with a notice."""

    def broken(*args, **kwargs):
        raise RuntimeError("no encoder here")

    monkeypatch.setattr(stills, "_encode_alone", broken)
    monkeypatch.setitem(stills._working, "stills", True)
    monkeypatch.setattr(stills, "_notified", set())
    decoded, expected = _render_fallback(tmp_path)
    notices = [ln for ln in capfd.readouterr().err.splitlines() if "notice:" in ln]
    assert len(notices) == 1 and "could not be written once" in notices[0], notices
    assert decoded == expected


def test_a_failing_conversion_falls_back_with_a_notice(tmp_path, monkeypatch, capfd):
    """If converting a frame fails at render time, x264 converts it, as in Manim."""
    monkeypatch.setattr(av.video.reformatter, "VideoReformatter", _BrokenReformatter)
    monkeypatch.setitem(stills._working, "conversion", True)
    monkeypatch.setitem(stills._working, "stills", False)
    monkeypatch.setattr(stills, "_notified", set())
    decoded, expected = _render_fallback(tmp_path)
    notices = [ln for ln in capfd.readouterr().err.splitlines() if "notice:" in ln]
    assert len(notices) == 1 and "converting a frame failed" in notices[0]
    assert decoded == expected


@pytest.mark.parametrize(
    ("setting", "reason"),
    [
        ({"transparent": True}, "only opaque .mp4"),
        ({"movie_file_extension": ".webm"}, "only opaque .mp4"),
        ({"format": "gif"}, "not a movie"),
    ],
)
def test_where_the_fast_path_cannot_apply_a_notice_says_so(
    tmp_path, monkeypatch, capsys, setting, reason
):
    """Transparent, webm or gif output keeps Manim's writer and prints one notice."""
    monkeypatch.setattr(stills, "_notified", set())
    with tempconfig({"media_dir": str(tmp_path), "write_to_movie": True, **setting}):
        scene = StillsAndUpdaters()
        writer = scene.renderer.file_writer
        assert not isinstance(writer, stills.FastStillFileWriter), type(writer)
    notices = [ln for ln in capsys.readouterr().err.splitlines() if "notice:" in ln]
    assert len(notices) == 1 and reason in notices[0], notices


def test_frames_wait_for_room_in_the_encoder_queue():
    """The drawing blocks while the queue is full and resumes as the encoder takes frames."""
    frames: queue.Queue = queue.Queue()
    for i in range(5):
        frames.put(i)
    taken = []

    def encoder():
        while len(taken) < 4:
            time.sleep(0.02)
            taken.append(frames.get())

    worker = threading.Thread(target=encoder)
    job = SimpleNamespace(queue=frames, failed=False, thread=worker)
    worker.start()
    stills._wait_for_room(job, 2)
    assert frames.qsize() < 2 and len(taken) >= 4
    worker.join()


def test_cache_lock_is_exclusive(tmp_path):
    """While one holder has a cache folder's lock, nobody else can take it."""
    with texlock.cache_lock(tmp_path):
        with (tmp_path / texlock.LOCK_NAME).open("a") as other:
            with pytest.raises(BlockingIOError):
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    with (tmp_path / texlock.LOCK_NAME).open("a") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again


def test_fingerprint_follows_its_inputs(tmp_path, monkeypatch):
    """Quality, slides, an example file's contents and the encoding change it."""
    module = ROOT / STILLS.path

    def digest(quality="l", slides=False):
        return fingerprint.fingerprint(ROOT, module, quality, slides=slides)

    base = digest()
    assert digest() == base
    assert digest(quality="h") != base
    assert digest(slides=True) != base
    example = tmp_path / "chain.toml"
    example.write_text((ROOT / "bpmath/data/example.toml").read_text())
    monkeypatch.setenv("BPMATH_CHAIN", str(example))
    with_file = digest()
    assert with_file != base
    example.write_text(example.read_text().replace("input = 0.5", "input = 0.6"))
    assert digest() != with_file
    monkeypatch.delenv("BPMATH_CHAIN")
    monkeypatch.setenv(stills.ENV_SWITCH, "0")  # Manim's own encoding: other SPS/PPS
    assert digest() != base
    monkeypatch.delenv(stills.ENV_SWITCH)
    assert digest() == base
    inputs = fingerprint.inputs(ROOT, module, "l", slides=False)
    assert "file:scenes/kit/beats.py" in inputs
    assert "file:bpmath/examples.py" in inputs
    assert "file:manim.cfg" in inputs
    assert "file:scenes/perf/stills.py" in inputs
    assert not any(key.startswith("file:scenes/s0") for key in inputs), "other scenes"
    assert not any(key.startswith("file:scenes/publish/") for key in inputs)


def test_runner_renders_in_parallel_then_skips_unchanged_then_rerenders(
    tmp_path, monkeypatch
):
    """Two scenes at once; a re-run renders nothing; a changed input renders again."""
    dirs = {"media_dir": tmp_path / "media"}
    lines: list[str] = []
    first = render.render_scenes([SHORT, STILLS], "l", log=lines.append, jobs=2, **dirs)
    assert [s.rendered for s in first] == [True, True]
    assert [s.entry for s in first] == [SHORT, STILLS]
    # One progress line per scene (forwarded notices and narration lines aside).
    assert len([line for line in lines if "rendered in" in line]) == 2, lines
    stamps = {s.video: s.video.stat().st_mtime_ns for s in first}
    for scene in first:
        frames, seconds = _frames(scene.video)
        assert frames and seconds > 0

    again = render.render_scenes([SHORT, STILLS], "l", log=lines.append, jobs=2, **dirs)
    assert [s.rendered for s in again] == [False, False]
    assert {s.video: s.video.stat().st_mtime_ns for s in again} == stamps

    example = tmp_path / "chain.toml"
    example.write_text((ROOT / "bpmath/data/example.toml").read_text())
    monkeypatch.setenv("BPMATH_CHAIN", str(example))
    changed = render.render_scenes([SHORT], "l", log=lines.append, jobs=1, **dirs)
    assert [s.rendered for s in changed] == [True]
    forced = render.render_scenes([SHORT], "l", log=lines.append, force=True, **dirs)
    assert [s.rendered for s in forced] == [True]
    leftovers = [
        p for p in (tmp_path / "media").iterdir() if p.name.startswith(".rend")
    ]
    assert leftovers == []


def test_a_failed_render_leaves_the_old_video_and_no_temporary(tmp_path):
    """A scene that fails raises SceneRenderError naming it; nothing half-written stays."""
    dirs = {"media_dir": tmp_path / "media"}
    broken = PerfEntry(0, "perf_scene", "NoSuchScene", "a scene that is not there")
    video = render.output_path(broken, "l", dirs["media_dir"])
    video.parent.mkdir(parents=True)
    video.write_bytes(b"the previous video")
    with pytest.raises(render.SceneRenderError, match="NoSuchScene"):
        render.render_scenes([broken], "l", log=lambda _: None, jobs=1, **dirs)
    assert video.read_bytes() == b"the previous video"
    names = [p.name for p in (tmp_path / "media").rglob("*")]
    assert not [n for n in names if n.startswith(render.STAGING_PREFIX)]


def test_a_killed_runs_staging_folder_is_removed_by_the_next_run(tmp_path):
    """Leftovers of a dead runner go; those of a live one stay."""
    media = tmp_path / "media"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    abandoned = media / f"{render.STAGING_PREFIX}{dead.stdout.strip()}-perf_scene-l-x"
    live = media / f"{render.STAGING_PREFIX}{os.getpid()}-perf_scene-l-y"
    for folder in (abandoned, live):
        (folder / "media").mkdir(parents=True)
    render.render_scenes([], "l", log=lambda _: None, media_dir=media)
    assert not abandoned.exists()
    assert live.exists()


def test_jobs_must_be_positive(monkeypatch):
    """A bad JOBS value is an error that names it."""
    monkeypatch.setenv("JOBS", "0")
    with pytest.raises(ValueError, match="JOBS='0'"):
        render.default_jobs()
    monkeypatch.setenv("JOBS", "3")
    assert render.default_jobs() == 3


def test_runner_moves_the_slide_deck_into_place(tmp_path, monkeypatch, both_ways):
    """With manim-slides on, the deck lands in media/slides/<res>, one slide per beat;
    the video and its captions are those plain ``manim`` writes."""
    monkeypatch.delenv("BACKPROP_PLAIN_SCENES", raising=False)
    media = tmp_path / "media"
    (done,) = render.render_scenes([STILLS], "l", log=lambda _: None, media_dir=media)
    deck_path = media / "slides" / "480p15" / f"{STILLS.name}.json"
    deck = json.loads(deck_path.read_text())
    assert len(deck["slides"]) == 2  # StillsAndUpdaters has two beats
    for slide in deck["slides"]:
        path = Path(slide["file"])
        assert path.is_relative_to(deck_path.parent / "files" / STILLS.name), path
        assert path.is_file()
    frames, _ = _frames(done.video)
    slide_frames = sum(len(_frames(Path(s["file"]))[0]) for s in deck["slides"])
    assert slide_frames == len(frames)
    assert not [p for p in media.iterdir() if p.name.startswith(render.STAGING_PREFIX)]
    plain = both_ways["fast"][1]
    assert _video_packets(done.video) == _video_packets(plain)
    captions = plain.with_suffix(".srt")
    assert done.video.with_suffix(".srt").read_text() == captions.read_text() != ""


def test_up_to_date_needs_the_stamped_render_s_own_files(tmp_path):
    """Up to date: same fingerprint, and the video, deck and captions of that render.

    A video newer than its stamp was made since by something else (plain ``manim``)
    and a deleted caption file is missing: both render again, nothing is deleted.
    """
    job = render._Job(SHORT, "l", tmp_path / "media", slides=True)
    job.video.parent.mkdir(parents=True)
    job.slide_deck.parent.mkdir(parents=True)
    for path in (job.video, job.captions, job.slide_deck):
        path.write_text("made by the last render")
    job.stamp.write_text("abc\n1.0\ncaptions\n")
    now = time.time()
    os.utime(job.stamp, (now, now))
    os.utime(job.video, (now - 5, now - 5))
    assert job.up_to_date("abc")
    assert not job.up_to_date("another fingerprint")

    os.utime(job.video, (now + 5, now + 5))  # plain manim wrote it again
    assert not job.up_to_date("abc")
    os.utime(job.video, (now - 5, now - 5))

    job.captions.unlink()
    assert not job.up_to_date("abc")
    job.stamp.write_text("abc\n1.0\n\n")  # a render of a scene without notes
    os.utime(job.stamp, (now, now))
    assert job.up_to_date("abc")
    job.slide_deck.unlink()
    assert not job.up_to_date("abc")
    assert job.video.is_file(), "checking never deletes"
