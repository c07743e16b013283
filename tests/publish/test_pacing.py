"""The pacing report on made-up videos whose stills and cues are known exactly.

Frames are drawn with numpy at the report's own sampling (15 fps, 192x108 grey) and
encoded losslessly (x264 ``-qp 0``, grey, full range: a limited-range video is
stretched to 0-255 when ffmpeg turns it grey, which would scale the differences), so
every decoded frame is the drawn one and the figures can be compared exactly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scenes.narration.captions import Cue
from scenes.publish import pacing
from scenes.publish.pacing import FPS, HEIGHT, WIDTH, SceneSpan, measure, still_frames
from scenes.publish.subtitles import to_srt
from scenes.publish.video import Chapter, chapters_metadata

ROOT = Path(__file__).resolve().parents[2]
RNG = np.random.default_rng(19)


def noise(count: int) -> np.ndarray:
    """``count`` frames of random grey: every one differs from the one before."""
    return RNG.integers(0, 256, (count, HEIGHT, WIDTH), dtype=np.uint8)


def held(level: int, count: int) -> np.ndarray:
    """``count`` copies of one picture (a grey field with a darker square)."""
    frame = np.full((HEIGHT, WIDTH), level, np.uint8)
    frame[30:60, 40:100] = level // 2
    return np.repeat(frame[None], count, axis=0)


def encode(frames: np.ndarray, dest: Path, chapters: list[Chapter] = ()) -> Path:
    """Write ``frames`` (15 fps) to ``dest`` as lossless grey H.264, with ``chapters``."""
    cmd = [
        "ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "rawvideo", "-pix_fmt", "gray",
        "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FPS), "-i", "-",
    ]  # fmt: skip
    if chapters:
        meta = dest.with_suffix(".chapters.txt")
        meta.write_text(chapters_metadata(chapters, "made up"), encoding="utf-8")
        cmd += ["-i", str(meta), "-map", "0:v", "-map_chapters", "1"]
    cmd += ["-c:v", "libx264", "-qp", "0", "-preset", "ultrafast", "-pix_fmt", "gray",
            "-color_range", "pc"]  # fmt: skip
    subprocess.run([*cmd, str(dest)], input=frames.tobytes(), check=True)
    return dest


def write_srt(path: Path, spans: list[tuple[float, float]]) -> Path:
    path.write_text(to_srt([Cue(s, e, f"cue {i}") for i, (s, e) in enumerate(spans)]))
    return path


# Two chapters. First [0, 12): 29 moving frames, then one picture from frame 29: the
# frames after its first are still, 2.0-12.0 s. Second [12, 30): 14 moving frames, a
# picture still 13.0-22.0 s, 14 moving frames, a picture still 23.0-30.0 s.
FRAMES = np.concatenate(
    [noise(29), held(200, 151), noise(14), held(120, 136), noise(14), held(60, 106)]
)
CHAPTERS = [Chapter("1. First", 0.0, 12.0), Chapter("2. Second", 12.0, 30.0)]
# Touching cues (20.0) and a cue inside another (25-26) count once.
CUES = [(1.0, 11.0), (12.5, 20.0), (20.0, 21.5), (24.0, 29.5), (25.0, 26.0)]
BEATS = {
    "scenes": [
        {"beats": [{"start": 0.0, "end": 6.0}, {"start": 6.0, "end": 12.0}]},
        {"beats": [{"start": 12.0, "end": 22.5}, {"start": 22.5, "end": 30.0}]},
    ]
}


@pytest.fixture(scope="module")
def made_up(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pacing")
    video = encode(FRAMES, folder / "talk.mp4", CHAPTERS)
    write_srt(folder / "talk.srt", CUES)
    return video


def test_the_rule_at_its_thresholds():
    """3 pixels changed may be still, 4 not; 8 grey levels is no change, 9 is."""
    base = np.full((HEIGHT, WIDTH), 100, np.uint8)

    def changed(pixels: int, levels: int) -> np.ndarray:
        frame = base.astype(np.int16).copy()
        frame.flat[:pixels] += levels
        return np.stack([base, frame.astype(np.uint8)])

    assert still_frames(changed(3, 9))[1]
    assert not still_frames(changed(4, 9))[1]
    assert still_frames(changed(4, 8))[1]
    assert still_frames(changed(1000, 8))[1]
    assert not still_frames(changed(4, -9))[1]  # darker counts as much as brighter
    assert not still_frames(changed(0, 0))[0]  # the first frame has none before it


def test_the_thresholds_hold_through_encoding_and_decoding(tmp_path):
    """The same rule on frames that went through an mp4 and ffmpeg's sampling."""
    frames = [np.full((HEIGHT, WIDTH), 100, np.int16)]
    for pixels, levels in [(3, 9), (4, 8), (4, 9), (4, -9), (0, 0)]:
        nxt = frames[-1].copy()
        nxt.flat[:pixels] += levels
        frames.append(nxt)
    video = encode(np.stack(frames).astype(np.uint8), tmp_path / "t.mp4")
    flags = pacing.decode_still_frames(video, chunk=2)  # chunks cut between frames
    assert flags.tolist() == [False, True, True, False, False, True]


def test_chunks_do_not_change_the_flags(made_up):
    """Comparing across chunk boundaries gives the flags of one pass."""
    whole = still_frames(FRAMES)
    assert pacing.decode_still_frames(made_up, chunk=7).tolist() == whole.tolist()


def test_made_up_video_gives_exactly_its_figures(made_up):
    """Per chapter and in all: speech, speech over stills, share, stills, beats."""
    (made_up.with_suffix(".beats.json")).write_text(json.dumps(BEATS))
    try:
        rep = pacing.report(made_up)
    finally:
        made_up.with_suffix(".beats.json").unlink()
    assert rep.duration == 30.0
    first, second = rep.scenes
    assert (first.title, first.start, first.end) == ("1. First", 0.0, 12.0)
    assert (second.title, second.start, second.end) == ("2. Second", 12.0, 30.0)
    # First: speech 1-11; the picture holds from 2 s to 12 s.
    assert first.speech == pytest.approx(10.0)
    assert first.still_speech == pytest.approx(9.0)
    assert first.share == pytest.approx(0.9)
    assert [(s.start, s.end, s.under_speech, s.beat) for s in first.stills] == [
        (2.0, 12.0, 9.0, "00-01")
    ]
    # Second: speech 12.5-21.5 and 24-29.5; pictures hold 13-22 and 23-30.
    assert second.speech == pytest.approx(14.5)
    assert second.still_speech == pytest.approx(8.5 + 5.5)
    assert [(s.start, s.end, s.under_speech, s.beat) for s in second.stills] == [
        (13.0, 22.0, 8.5, "00"),
        (23.0, 30.0, 5.5, "01"),
    ]
    assert [s.under_speech for s in second.long_stills] == [8.5]
    total = rep.total
    assert total.speech == pytest.approx(24.5)
    assert total.still_speech == pytest.approx(23.0)
    assert total.share == pytest.approx(23.0 / 24.5)
    assert len(total.long_stills) == 2
    assert (total.longest.under_speech, total.longest.scene) == (9.0, "1. First")
    text = pacing.format_report(rep)
    assert "2. Second  [0:12.0-0:30.0]" in text
    assert "Whole: 94 % of speech over a still picture (23 s of 24 s);" in text
    assert (
        "2 still(s) under speech > 8 s; longest 9.0 s at 0:02.0 (1. First, beat 00-01)"
        in text
    )


def test_without_chapters_or_beats_one_scene_and_no_beat(made_up, tmp_path):
    """A video without chapters is one scene; without beat information a beat is '-'."""
    video = encode(FRAMES, tmp_path / "plain.mp4")
    rep = pacing.report(video, made_up.with_suffix(".srt"))
    assert [s.title for s in rep.scenes] == ["plain"]
    assert rep.total.still_speech == pytest.approx(23.0)
    assert {s.beat for s in rep.total.stills} == {"-"}


def test_exactly_eight_seconds_is_not_listed():
    """Listed means longer than 8 s under speech: 120 frames is 8.0 s, 121 is more."""
    for frames, listed in ((120, 0), (121, 1)):
        flags = np.array([False] + [True] * frames + [False])
        rep = measure(flags, [(0.0, 100.0)], [SceneSpan("s", 0.0, 100.0)])
        assert len(rep.total.long_stills) == listed
        assert rep.total.longest.under_speech == round(frames / FPS, 3)


def test_speech_is_only_counted_inside_the_video():
    """A cue past the end and before 0 is cut to the video; no speech gives no share."""
    flags = np.array([False] + [True] * 29)  # 2 s
    rep = measure(flags, [(-1.0, 0.5), (1.5, 9.0)], [])
    assert rep.total.speech == pytest.approx(1.0)
    assert measure(flags, [], []).total.share is None


def test_beats_from_a_scene_slides(tmp_path):
    """Slides' durations in order give the beats; a slide without notes is no beat."""
    files = []
    for i, count in enumerate((15, 30, 45)):
        files.append(encode(noise(count), tmp_path / f"slide{i}.mp4"))
    deck = tmp_path / "Scene.json"
    deck.write_text(
        json.dumps(
            {
                "slides": [
                    {"file": str(files[0]), "notes": ""},
                    {"file": files[1].name, "notes": "First beat."},
                    {"file": str(files[2]), "notes": "Second beat."},
                ]
            }
        )
    )
    assert pacing.beats_from_slides(deck) == [(1.0, 3.0), (3.0, 6.0)]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scenes.publish.pacing", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_command_prints_text_and_json(made_up):
    text = run_cli(str(made_up))
    assert text.returncode == 0, text.stderr
    assert "1. First" in text.stdout and "Whole: 94 %" in text.stdout
    data = json.loads(run_cli(str(made_up), "--json").stdout)
    assert data["total"]["share"] == round(23.0 / 24.5, 4)
    assert [s["under_speech"] for s in data["total"]["long_stills"]] == [9.0, 8.5]


@pytest.mark.parametrize(
    "case, message",
    [
        ("missing video", "error: no video at "),
        ("no srt", "error: no captions at "),
        ("not a video", "error: ffprobe cannot read it: "),
        ("bad srt", "is not a valid .srt file"),
    ],
)
def test_bad_input_is_one_line_without_traceback(made_up, tmp_path, case, message):
    video, srt = tmp_path / "v.mp4", tmp_path / "v.srt"
    if case == "no srt":
        video.write_bytes(made_up.read_bytes())
    elif case == "not a video":
        video.write_text("not a video")
        write_srt(srt, [(0.0, 1.0)])
    elif case == "bad srt":
        video.write_bytes(made_up.read_bytes())
        srt.write_text("1\nnot a time\nhello\n")
    result = run_cli(str(video))
    assert result.returncode == 1
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_make_lecture_writes_beat_times_and_the_report(lecture):
    """The published lecture's beats follow its slides and tile each chapter; its report
    names them, and make lecture's index shows the saved summary line."""
    beats = json.loads((lecture.folder / "lecture.beats.json").read_text())
    chapters = pacing._chapters(lecture.folder / "lecture.mp4")[0]
    assert [s["title"] for s in beats["scenes"]] == [c.title for c in chapters]
    for scene, chapter in zip(beats["scenes"], chapters):
        spans = [(b["start"], b["end"]) for b in scene["beats"]]
        assert len(spans) == 2  # the sample scenes' two beats
        assert spans[0][0] == pytest.approx(chapter.start, abs=1e-3)
        assert spans[-1][1] == pytest.approx(chapter.end, abs=1e-3)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    saved = json.loads((lecture.folder / "lecture.pacing.json").read_text())
    rep = pacing.report(lecture.folder / "lecture.mp4")
    assert saved["summary"] == pacing.summary_line(rep)
    assert any(line == f"pacing: {saved['summary']}" for line in lecture.log)
    assert all(s.beat != "-" for s in rep.total.stills)


def test_a_still_is_named_with_the_beats_it_covers():
    """The beat holding most of it, and others only when covered for 1 s or more."""
    beats = [(0.0, 10.0), (10.0, 20.0), (20.0, 30.0)]
    label = pacing._beat_label
    assert label(beats, 2.0, 10.0000001) == "00"  # rounding at the boundary
    assert label(beats, 2.0, 10.5) == "00"  # half a second into the next
    assert label(beats, 2.0, 11.0) == "00-01"
    assert label(beats, 9.5, 21.0) == "01-02"  # 0.5 s of beat 00 is not named
    assert label(beats, 8.0, 22.0) == "00-02"
    assert label(beats, 9.8, 10.5) == "01"  # most of a short still
    assert label([], 2.0, 5.0) == label(beats, 31.0, 40.0) == "-"
