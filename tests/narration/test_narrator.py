"""Timing follows the voice: beats, speech and captions, with the instant stand-in voice.

The harness's two-beat sample scene is built without a movie; the stand-in voice makes
real (hummed) clips whose length follows from the text, so every duration is real.
"""

from __future__ import annotations

import numpy as np
import pytest

from scenes.narration.audio import Clip, write_wav
from scenes.narration.captions import LINE_WIDTH, MAX_LINES, MAX_SECONDS, MIN_SECONDS
from scenes.narration.narrator import BREATH
from scenes.narration.recordings import RecordingError, longest_allowed
from scenes.narration.voices import StandInVoice
from tests.scenes.harness import build_scene
from tests.scenes.sample_scene import SAMPLE, SampleScene

EPS = 1e-6


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh speech cache for this test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BACKPROP_NARRATION_CACHE", str(folder))
    return folder


def build(scene_class=SampleScene):
    scene, run = build_scene(SAMPLE, scene_class)
    starts = [0.0, *[s.time for s in run.snapshots[:-1]]]
    beats = list(zip(starts, [s.time for s in run.snapshots]))
    return scene, run, beats


def clips_in(scene, start, end):
    return [(t, c) for t, c in scene.soundtrack.clips if start - EPS <= t < end]


def test_every_beat_lasts_its_speech_and_a_breath(cache):
    """No speech crosses a beat's end; a breath follows the last word of each beat."""
    scene, run, beats = build()
    assert scene.narrator.synthesized > 0
    for start, end in beats:
        mine = clips_in(scene, start, end)
        assert mine, f"beat [{start:.2f}, {end:.2f}] is silent"
        assert mine[0][0] == pytest.approx(start), "speech starts with the beat"
        last = max(t + c.duration for t, c in mine)
        assert last + BREATH <= end + EPS, f"speech ends at {last:.3f}, beat at {end:.3f}"


def test_captions_sit_on_their_speech(cache):
    """Each cue is on screen exactly while its clip plays (at least MIN_SECONDS)."""
    scene, run, _ = build()
    clips = sorted(scene.soundtrack.clips, key=lambda tc: tc[0])
    assert len(run.captions) == len(clips)
    for cue, (t, clip) in zip(run.captions, clips):
        assert cue.start == pytest.approx(t, abs=EPS)
        assert cue.end == pytest.approx(t + max(clip.duration, MIN_SECONDS), abs=EPS)


def test_the_caption_rules_hold(cache):
    """Lines, lengths, order, no overlap, every word of every note."""
    scene, run, beats = build()
    cues = list(run.captions)
    for a, b in zip(cues, cues[1:]):
        assert a.end <= b.start + EPS, f"{a} overlaps {b}"
    for cue in cues:
        lines = cue.text.split("\n")
        assert len(lines) <= MAX_LINES and all(len(x) <= LINE_WIDTH for x in lines)
        assert MIN_SECONDS - EPS <= cue.duration <= MAX_SECONDS + EPS
    words = " ".join(c.text.replace("\n", " ") for c in cues).split()
    assert words == " ".join(scene.notes).split()


def test_a_rerun_synthesizes_nothing_and_a_changed_note_only_itself(cache):
    """The cache: a second build makes no clip; a changed note makes only its own."""
    first, _, _ = build()
    made = first.narrator.synthesized
    assert made > 0
    again, _, _ = build()
    assert again.narrator.synthesized == 0

    class Changed(SampleScene):
        def construct(self):
            with self.beat("First the output activation and the cost of this one example."):
                self.wait(0.5)
            with self.beat("A new second note."):
                self.wait(0.5)

    Changed.construct.__module__ = SampleScene.construct.__module__
    changed, _, _ = build(Changed)
    assert changed.narrator.synthesized == 1, "only the new note's one cue is spoken"


def write_recording(folder, name, seconds, text="hum " * 40):
    clip = StandInVoice().synthesize(text)
    reps = int(np.ceil(seconds / clip.duration))
    samples = np.tile(clip.samples, reps)[: int(seconds * clip.rate)]
    folder.mkdir(exist_ok=True)
    write_wav(Clip(samples), folder / name)


def test_recordings_replace_two_beats_and_set_their_length(cache, tmp_path, monkeypatch):
    """Both beats use the teacher's files; a long one lengthens its beat."""
    folder = tmp_path / "voice"
    write_recording(folder, "sample_scene-00.wav", 9.0)
    write_recording(folder, "sample_scene-01.wav", 3.0)
    monkeypatch.setenv("VOICE_DIR", str(folder))
    scene, run, beats = build()
    assert scene.narrator.synthesized == 0, "no beat used the synthetic voice"
    (s0, e0), (s1, e1) = beats
    assert e0 - s0 >= 8.9 + BREATH, "the 9 s recording outlasts the beat's animations"
    assert [len(clips_in(scene, s, e)) for s, e in beats] == [1, 1]
    for cue in run.captions:
        assert any(s - EPS <= cue.start and cue.end <= e + EPS for s, e in beats)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("sample_scene-00.wav", lambda p: p.write_bytes(b""), "empty \\(0 bytes\\)"),
        ("sample_scene-00.wav", lambda p: p.write_bytes(b"RIFF nonsense"), "cannot be read"),
        (
            "sample_scene-00.wav",
            lambda p: write_wav(Clip(np.zeros(48_000, np.float32)), p),
            "only silence",
        ),
        ("sampel_scene-00.wav", None, "matches no beat"),
        ("sample_scene-0.wav", None, "matches no beat"),
        ("sample_scene-00.ogg", None, "not a recording"),
        ("sample_scene-07.wav", None, "no beat has that number"),
        ("sample_scene-01.wav", "long", "far longer than its note"),
    ],
)
def test_a_bad_recording_is_named(cache, tmp_path, monkeypatch, name, make, message):
    """Each kind of bad recording stops the scene with a message naming the file."""
    folder = tmp_path / "voice"
    folder.mkdir()
    path = folder / name
    if make == "long":
        note_seconds = len(second_note().split()) / 2.5
        write_recording(folder, name, longest_allowed(note_seconds) + 2)
    elif make is None:
        write_recording(folder, name, 2.0)
    else:
        make(path)
    monkeypatch.setenv("VOICE_DIR", str(folder))
    modules = {"sample_scene"}
    with pytest.raises(RecordingError, match=message) as info:
        from scenes.narration.recordings import Recordings

        Recordings.scan(folder, modules)
        build()
    assert name in str(info.value)


def second_note() -> str:
    return "Then how sensitive that cost is to the last weight, as one number."


def test_the_length_limit_is_said():
    """The limit is three times the note's speaking time plus 10 s."""
    assert longest_allowed(4.0) == pytest.approx(22.0)


def test_a_beat_without_a_recording_is_spoken_quietly(cache, tmp_path, monkeypatch, capsys):
    """With one recording, the other beat is spoken by the voice, with no line per beat."""
    folder = tmp_path / "voice"
    write_recording(folder, "sample_scene-00.wav", 4.0)
    monkeypatch.setenv("VOICE_DIR", str(folder))
    scene, _, beats = build()
    err = capsys.readouterr().err
    assert "no recording" not in err
    assert scene.narrator.synthesized > 0
