"""make lecture on two real (sample) scenes: captions, joined video, deck in a browser, PPTX."""

from __future__ import annotations

import json
import re
import subprocess
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from pptx import Presentation

from scenes.narration.captions import MAX_SECONDS, MIN_SECONDS
from scenes.publish import build, video
from scenes.publish.build import ScenePart, publish
from scenes.publish.cli import make_lecture
from scenes.publish.subtitles import read_srt
from scenes.publish.video import probe
from scenes.render import SceneRenderError
from tests.media import ffprobe
from tests.publish.browser import open_deck
from tests.publish.conftest import ENTRIES, HARNESS_KEYS
from tests.scenes.harness import build_cached

pytestmark = [pytest.mark.xdist_group("publish"), pytest.mark.render]


def frames(path: Path) -> tuple[int, Fraction]:
    """The frame count and frame rate of a video's first video stream."""
    info = probe(path)
    return info.frames, info.rate


def beat_notes() -> list[str]:
    """Every beat's note of the sample lecture, in order, from the scenes themselves."""
    return [
        s.beat.note
        for key in HARNESS_KEYS
        for s in build_cached(key, "default").snapshots
    ]


def test_every_output_is_written(lecture):
    """Video, captions, deck and PPTX exist, with a progress line for each step."""
    names = {o.path.relative_to(lecture.folder).as_posix() for o in lecture.outputs}
    assert names == {
        "lecture.mp4",
        "lecture.srt",
        "lecture.vtt",
        "deck/index.html",
        "lecture.pptx",
        "lecture.beats.json",
        "lecture.pacing.json",
    }
    for prefix in ("captions:", "joined video:", "slide deck:", "PowerPoint:", "pacing:"):
        assert any(line.startswith(prefix) for line in lecture.log), lecture.log
    assert not list(lecture.folder.glob(".*tmp*")), "a temporary file was left behind"


def test_each_scene_writes_its_own_srt_from_its_beats(lecture):
    """Manim's subcaptions give each scene an .srt whose text is its notes, in order."""
    for part, key in zip(lecture.parts, HARNESS_KEYS):
        cues = read_srt(part.captions)
        notes = [s.beat.note for s in build_cached(key, "default").snapshots]
        assert " ".join(" ".join(c.text.split()) for c in cues) == " ".join(notes)
        for cue in cues:
            assert MIN_SECONDS - 0.002 <= cue.end - cue.start <= MAX_SECONDS + 0.002


def test_scene_captions_keep_to_the_beats_to_the_frame(lecture):
    """Each beat's cues lie within its slide's frames; the last cue ends near the video's end."""
    for part, key in zip(lecture.parts, HARNESS_KEYS):
        cues = read_srt(part.captions)
        notes = [s.beat.note for s in build_cached(key, "default").snapshots]
        slides = json.loads(part.slides.read_text())["slides"]
        assert len(slides) == len(notes), f"{part.entry.name}: a slide per beat"
        start = 0.0
        for note, slide in zip(notes, slides):
            n, rate = frames(Path(slide["file"]))
            end = start + float(n / rate)
            words = len(note.split())
            mine = []
            while sum(len(c.text.split()) for c in mine) < words:
                mine.append(cues.pop(0))
            assert mine[0].start >= start - 0.0011 and mine[-1].end <= end + 0.0011, (
                f"{part.entry.name}: beat [{start:.3f}, {end:.3f}] has cues {mine}"
            )
            start = end
        n, rate = frames(part.video)
        assert start == pytest.approx(float(n / rate), abs=1e-6)
        # Spoken, the last cue ends with the last word, a breath before the video ends
        # (later, if the last animations outlast the speech).
        assert start - 3.0 < mine[-1].end <= start + 0.0011, "captions end off the video"


def test_lecture_cues_are_scene_cues_shifted_by_the_scenes_before(lecture):
    """Each lecture cue = the scene's cue + the durations of the scenes before it."""
    expected, offset = [], 0.0
    for part in lecture.parts:
        n, rate = frames(part.video)
        expected += [
            (c.start + offset, c.end + offset, c.text) for c in read_srt(part.captions)
        ]
        offset += float(n / rate)
    for name in ("lecture.srt", "lecture.vtt"):
        got = (
            read_vtt(lecture.folder / name)
            if name.endswith("vtt")
            else read_srt(lecture.folder / name)
        )
        assert [c.text for c in got] == [e[2] for e in expected], name
        for cue, (start, end, _) in zip(got, expected):
            assert cue.start == pytest.approx(start, abs=0.0011), (name, cue)
            assert cue.end == pytest.approx(end, abs=0.0011), (name, cue)


def read_vtt(path: Path):
    """Read a WebVTT file as cues (same format as SRT but for '.' and the header)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n"), "a VTT file starts with its header"
    srt = re.sub(r"(\d\d:\d\d:\d\d)\.(\d\d\d)", r"\1,\2", text.split("\n", 2)[2])
    tmp = path.with_suffix(".as.srt")
    tmp.write_text(srt, encoding="utf-8")
    try:
        return read_srt(tmp)
    finally:
        tmp.unlink()


def test_joined_video_lasts_exactly_as_long_as_its_scenes(lecture):
    """The joined video's frame count and duration are the scenes' sum (to one frame)."""
    joined = lecture.folder / "lecture.mp4"
    counts = [frames(p.video) for p in lecture.parts]
    n, rate = frames(joined)
    assert n == sum(c for c, _ in counts), (n, counts)
    assert {r for _, r in counts} == {rate}
    duration = float(
        ffprobe(joined, "-show_entries", "format=duration")["format"]["duration"]
    )
    assert duration == pytest.approx(float(n / rate), abs=float(1 / rate))


def test_joined_video_was_not_re_encoded(lecture):
    """Stream copy: the joined video's packets are the scenes' packets, byte for byte."""

    def packet_sizes(path: Path) -> list[int]:
        out = ffprobe(path, "-select_streams", "v:0", "-show_entries", "packet=size")
        return [int(p["size"]) for p in out["packets"]]

    scenes = [s for part in lecture.parts for s in packet_sizes(part.video)]
    assert packet_sizes(lecture.folder / "lecture.mp4") == scenes


def test_joined_video_has_a_chapter_per_scene(lecture):
    """One chapter per scene, titled 'step. title', starting where the scene starts."""
    chapters = ffprobe(lecture.folder / "lecture.mp4", "-show_chapters")["chapters"]
    assert len(chapters) == len(ENTRIES)
    start = 0.0
    for chapter, part in zip(chapters, lecture.parts):
        n, rate = frames(part.video)
        assert chapter["tags"]["title"] == f"{part.entry.step}. {part.entry.title}"
        assert float(chapter["start_time"]) == pytest.approx(
            start, abs=float(1 / rate) / 2
        )
        start += float(n / rate)
        assert float(chapter["end_time"]) == pytest.approx(
            start, abs=float(1 / rate) / 2
        )


def test_joined_video_carries_the_captions_as_a_subtitle_track(lecture, tmp_path):
    """A mov_text track in English whose cues are the lecture's cues."""
    joined = lecture.folder / "lecture.mp4"
    streams = ffprobe(
        joined, "-show_entries", "stream=codec_type,codec_name:stream_tags=language"
    )
    subs = [s for s in streams["streams"] if s["codec_type"] == "subtitle"]
    assert [(s["codec_name"], s["tags"]["language"]) for s in subs] == [
        ("mov_text", "eng")
    ]
    extracted = tmp_path / "track.srt"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(joined), "-map", "0:s:0", str(extracted)],
        check=True,
    )
    track, expected = read_srt(extracted), read_srt(lecture.folder / "lecture.srt")
    assert [c.text for c in track] == [c.text for c in expected]
    for got, want in zip(track, expected):
        assert got.start == pytest.approx(want.start, abs=0.002)
        assert got.end == pytest.approx(want.end, abs=0.002)


def test_a_second_run_with_nothing_changed_rebuilds_nothing(lecture):
    """Every step finds its stamp unchanged and leaves its output alone."""
    before = {o.path: o.path.stat().st_mtime_ns for o in lecture.outputs}
    log: list[str] = []
    again = publish(lecture.parts, lecture.folder, log=log.append)
    assert [o.rebuilt for o in again] == [False] * len(again), log
    assert {o.path: o.path.stat().st_mtime_ns for o in again} == before


def test_an_interrupted_write_keeps_the_previous_outputs(
    lecture, monkeypatch, tmp_path
):
    """A join interrupted half-way leaves the previous video whole and no temp file."""
    folder = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(lecture.folder), str(folder)], check=True)
    previous = (folder / "lecture.mp4").read_bytes()

    def interrupted(videos, chapters, captions, dest, title, infos=None):
        dest.write_bytes(b"half a video")
        raise KeyboardInterrupt

    monkeypatch.setattr(build.video, "join_videos", interrupted)
    retitled = [
        ScenePart(
            type(p.entry)(p.entry.step, p.entry.module, p.entry.name, "New"), p.video
        )
        for p in lecture.parts
    ]
    with pytest.raises(KeyboardInterrupt):
        publish(retitled, folder, log=lambda line: None)
    assert (folder / "lecture.mp4").read_bytes() == previous
    assert sorted(p.name for p in folder.iterdir() if "tmp" in p.name) == []


def test_deck_runs_offline_in_chromium_with_one_slide_per_beat(lecture):
    """reveal.js starts with no network; a slide per beat; each slide's notes = its note."""
    notes = beat_notes()
    with open_deck(lecture.folder / "deck" / "index.html") as visit:
        page = visit.page
        page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=20_000)
        assert page.evaluate("Reveal.getTotalSlides()") == len(notes)
        shown = page.evaluate(
            "Reveal.getSlides().map(s => s.querySelector('aside.notes').textContent)"
        )
        assert shown == notes
        speaker = page.evaluate("Reveal.getSlides().map(s => Reveal.getSlideNotes(s))")
        assert len(speaker) == len(notes) and all(speaker), (
            "the notes plugin sees no notes"
        )
        page.evaluate("Reveal.slide(1)")
        page.wait_for_selector(".slide-background.present video", timeout=10_000)
        page.wait_for_function(
            "document.querySelector('.slide-background.present video').readyState >= 2",
            timeout=10_000,
        )
        src = page.evaluate(
            "document.querySelector('.slide-background.present video').currentSrc"
        )
        assert "/deck/assets/" in src, f"the beat's video did not load: {src}"
    assert visit.blocked == [], f"the deck asked for outside resources: {visit.blocked}"
    assert any(u.endswith("/lib/reveal.js") for u in visit.allowed), visit.allowed


def test_deck_html_references_nothing_outside_its_folder(lecture):
    """Every src/href/data-background-* in index.html is a file inside the deck folder."""
    deck = (lecture.folder / "deck").resolve()
    html = (deck / "index.html").read_text(encoding="utf-8")
    refs = re.findall(
        r'(?:src|href|data-background-(?:video|image))=["\']([^"\']+)', html
    )
    assert len(refs) >= len(beat_notes()) + 3, refs
    for ref in refs:
        assert "://" not in ref and not ref.startswith("//"), ref
        target = (deck / ref).resolve()
        assert target.is_relative_to(deck) and target.is_file(), ref


def test_pptx_has_one_slide_per_beat_with_its_note(lecture):
    """python-pptx reads back a slide per beat, each with its note on the notes page."""
    deck = Presentation(str(lecture.folder / "lecture.pptx"))
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides]
    assert notes == beat_notes()


def test_slides_are_read_from_the_rendered_quality(lecture):
    """Slides live per quality: a -ql lecture reads media/slides/480p15, never 1080p60."""
    for part in lecture.parts:
        assert part.slides.parent.name == part.video.parent.name == "480p15"
        assert part.slides.is_file()
        assert part.stale() == []


def test_a_scene_that_really_fails_is_named_and_nothing_is_touched(
    lecture, tmp_path, monkeypatch
):
    """manim failing on a scene stops make_lecture with its name; outputs stay as they were."""
    monkeypatch.delenv("BACKPROP_PLAIN_SCENES", raising=False)  # as make lecture runs
    folder = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(lecture.folder), str(folder)], check=True)
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    broken = type(ENTRIES[0])(
        3, "sample_scene", "NoSuchScene", "A scene that is not there"
    )
    with pytest.raises(SceneRenderError, match=r"step 3 \(NoSuchScene"):
        make_lecture([ENTRIES[0], broken], "l", folder, log=lambda line: None)
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == before


def _tiny_video(path: Path, preset: str) -> Path:
    """Ten frames of 64x48 H.264 from x264 at ``preset``."""
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=15, options={"preset": preset})
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for i in range(10):
            rgb = np.full((48, 64, 3), 20 * i, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def test_scenes_encoded_differently_are_refused_by_name_before_joining(tmp_path):
    """Stream copy keeps the first file's SPS/PPS: another encoding would not decode."""
    ours = _tiny_video(tmp_path / "ours.mp4", "ultrafast")
    again = _tiny_video(tmp_path / "again.mp4", "ultrafast")
    manims = _tiny_video(tmp_path / "manims.mp4", "medium")
    video.check_joinable([ours, again])
    with pytest.raises(ValueError, match=r"manims\.mp4 cannot be joined to ours\.mp4"):
        video.check_joinable([ours, again, manims])
    dest = tmp_path / "lecture.mp4"
    with pytest.raises(ValueError, match="--force"):
        video.join_videos([ours, manims], [], tmp_path / "none.srt", dest, "t")
    assert not dest.exists()
