"""Marks timed by the real voice: Piper's clips aligned with their words, and a recording.

The note is step 4's last beat (its nudges shrinking while the ratio settles). What the
alignment says is checked against what a listener hears: pocketsphinx *recognizes* the
speech on its own (its language model, no text given), and each marked word must be heard
starting where the mark says. A "teacher's recording" is the same speech saved as one
file, which must drive the marks to within 0.15 s of the synthetic voice's; a recording
of something else cannot be aligned and falls back to the words' share, with a line.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from scenes.narration.audio import Clip, write_wav
from scenes.narration.cache import SpeechCache
from scenes.narration.marks import parse_note
from scenes.narration.narrator import Narrator
from scenes.narration.recordings import Recordings
from scenes.narration.voices import PiperVoice, StandInVoice

NOTE = (
    "Make the nudge ten times smaller, then [again] ten times smaller again. Every"
    " [change] change shrinks with it, but their [ratio] ratio settles onto the"
    " derivative. Bars too short to see are drawn [magnified] magnified, with the factor"
    " written beside them."
)
"""Step 4's last beat, marked at words the recognizer makes out on its own."""
HEARD_WITHIN = 0.25
"""Seconds between a mark and the recognizer's start of its word (the two disagree a
little on where a word begins; a frame at 60 fps is 0.017 s, a word about 0.3 s)."""
RECORDING_WITHIN = 0.15


@pytest.fixture(scope="module")
def piper():
    return PiperVoice()


@pytest.fixture(scope="module")
def spoken(piper, tmp_path_factory):
    """The beat spoken by Piper: its speech, and the whole of it as one clip."""
    folder = tmp_path_factory.mktemp("real-marks")
    narrator = Narrator(piper, SpeechCache(folder / "cache"), log=lambda line: None)
    note = parse_note(NOTE)
    speech = narrator.speak("sample_scene-00", note.text, None, note.marks)
    rate = speech.clips[0][1].rate
    whole = np.zeros(int((speech.duration + 0.5) * rate), np.float32)
    for start, clip in speech.clips:
        at = round(start * rate)
        whole[at : at + len(clip.samples)] += clip.samples
    return narrator, note, speech, Clip(whole, rate), folder


def recognized_words(clip: Clip) -> list[tuple[str, float]]:
    """What pocketsphinx hears, word by word, with each word's start (no text given)."""
    from pocketsphinx import Decoder
    from scipy.signal import resample_poly

    audio = resample_poly(clip.samples.astype(np.float64), 16_000, clip.rate)
    decoder = Decoder(samprate=16_000, logfn=os.devnull)
    decoder.start_utt()
    decoder.process_raw((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes(), full_utt=True)
    decoder.end_utt()
    return [
        (seg.word.split("(")[0], seg.start_frame / 100)
        for seg in decoder.seg()
        if not seg.word.startswith(("<", "["))
    ]


def test_every_mark_is_timed_by_the_alignment(spoken):
    """Each mark has a time inside the speech, in the order of the note."""
    narrator, note, speech, _, _ = spoken
    assert narrator.aligned > 0, "the clips were aligned, not shared out"
    times = [speech.marks[name] for name in note.marks]
    assert times == sorted(times)
    assert 0 < times[0] and times[-1] < speech.duration


def test_marked_words_are_heard_where_the_marks_say(spoken):
    """The recognizer, not told the text, hears each marked word start at its mark."""
    _, note, speech, whole, _ = spoken
    heard = recognized_words(whole)
    words = note.text.split()
    for name, index in note.marks.items():
        word = words[index].strip(".,").lower()
        starts = [t for w, t in heard if w == word]
        assert starts, f"[{name}]: {word!r} not recognized in {[w for w, _ in heard]}"
        gap = min(abs(t - speech.marks[name]) for t in starts)
        assert gap <= HEARD_WITHIN, (
            f"[{name}] at {speech.marks[name]:.2f} s, {word!r} heard at {starts}"
        )


def test_a_rerun_aligns_nothing(spoken, piper):
    """Alignments are cached beside the speech: the same beat again aligns nothing."""
    _, note, speech, _, folder = spoken
    again = Narrator(piper, SpeechCache(folder / "cache"), log=lambda line: None)
    repeat = again.speak("sample_scene-00", note.text, None, note.marks)
    assert again.aligned == 0 and again.synthesized == 0
    assert repeat.marks == speech.marks


def test_a_recording_drives_the_marks(spoken, piper, tmp_path):
    """The synthetic speech saved as a teacher's file: its marks within 0.15 s."""
    _, note, speech, whole, _ = spoken
    folder = tmp_path / "voice"
    folder.mkdir()
    write_wav(whole, folder / "sample_scene-00.wav")
    lines: list[str] = []
    narrator = Narrator(
        piper, SpeechCache(tmp_path / "cache"), Recordings.scan(folder), log=lines.append
    )
    recorded = narrator.speak("sample_scene-00", note.text, None, note.marks)
    assert recorded.source == "recording"
    for name in note.marks:
        assert abs(recorded.marks[name] - speech.marks[name]) <= RECORDING_WITHIN, (
            f"[{name}]: recording {recorded.marks[name]:.2f} s,"
            f" voice {speech.marks[name]:.2f} s"
        )
    assert not any("could not align" in line for line in lines)


def test_an_unalignable_recording_falls_back_with_a_line(piper, tmp_path):
    """A recording that is not its note's words: marks at their share, and a line says so."""
    note = parse_note(NOTE)
    folder = tmp_path / "voice"
    folder.mkdir()
    hum = StandInVoice().synthesize("something else entirely, hummed and not spoken at all")
    write_wav(hum, folder / "sample_scene-00.wav")
    lines: list[str] = []
    narrator = Narrator(
        piper, SpeechCache(tmp_path / "cache"), Recordings.scan(folder), log=lines.append
    )
    recorded = narrator.speak("sample_scene-00", note.text, None, note.marks)
    assert any(
        "sample_scene-00.wav: could not align the recording with its note" in line
        for line in lines
    ), lines
    times = [recorded.marks[name] for name in note.marks]
    assert times == sorted(times) and times[-1] <= recorded.duration
