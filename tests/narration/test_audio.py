"""Loudness, true peak and the limiter, checked against ffmpeg's own EBU R128 meter."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.narration.audio import (
    PEAK_CEILING,
    RATE,
    Clip,
    integrated_loudness,
    limit_peaks,
    normalize,
    read_audio,
    true_peak,
    voiced_spans,
    write_wav,
)
from scenes.narration.voices import StandInVoice
from tests.media import loudness


def sine(freq: float, amplitude: float, seconds: float) -> Clip:
    t = np.arange(int(seconds * RATE)) / RATE
    return Clip((amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32))


def test_a_1khz_sine_has_the_loudness_the_standard_gives():
    """BS.1770: a 997 Hz sine at amplitude 0.1 (mono) measures -23.0 LUFS."""
    assert integrated_loudness(sine(997, 0.1, 3.0)) == pytest.approx(-23.01, abs=0.05)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_loudness_and_peak_agree_with_ffmpeg(tmp_path, seed):
    """Our meter and ffmpeg's ebur128 read the same speech-like clip alike (0.1 LU)."""
    rng = np.random.default_rng(seed)
    text = " ".join(rng.choice(["one", "sigma", "derivative", "cost", "a."], 25))
    clip = StandInVoice().synthesize(text)
    clip = Clip((clip.samples * rng.uniform(0.3, 1.0)).astype(np.float32))
    write_wav(clip, tmp_path / "c.wav")
    lufs, peak = loudness(tmp_path / "c.wav")
    assert integrated_loudness(clip) == pytest.approx(lufs, abs=0.15)
    assert true_peak(clip) == pytest.approx(peak, abs=0.3)


def test_normalize_reaches_the_level_under_the_ceiling(tmp_path):
    """A loud, peaky clip comes out at -16 LUFS with its true peak under the ceiling."""
    rng = np.random.default_rng(5)
    clip = StandInVoice().synthesize("a quick test of the level " * 4)
    spikes = clip.samples.copy()
    spikes[rng.integers(0, len(spikes), 20)] = 0.99
    out = normalize(Clip(spikes))
    write_wav(out, tmp_path / "n.wav")
    lufs, peak = loudness(tmp_path / "n.wav")
    assert lufs == pytest.approx(-16.0, abs=0.3)
    assert peak <= -1.0
    assert true_peak(out) <= PEAK_CEILING + 0.05


def test_the_limiter_leaves_quiet_sound_untouched():
    """Nothing above the ceiling: the samples are returned as they were."""
    clip = sine(440, 0.2, 1.0)
    assert np.array_equal(limit_peaks(clip).samples, clip.samples)


def test_voiced_spans_find_speech_and_pauses():
    """Two bursts with a second of silence between are two spans."""
    burst = sine(200, 0.3, 0.5).samples
    quiet = np.zeros(RATE, np.float32)
    spans = voiced_spans(Clip(np.concatenate([quiet, burst, quiet, burst, quiet])))
    assert len(spans) == 2
    assert spans[0][0] == pytest.approx(1.0, abs=0.03)
    assert spans[1][0] == pytest.approx(2.5, abs=0.03)


def test_unreadable_and_empty_files_are_named(tmp_path):
    """A file that is not audio, or holds none, gets a message naming it."""
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"this is not a wave file")
    with pytest.raises(ValueError, match="junk.wav: cannot be read as audio"):
        read_audio(junk)
    empty = tmp_path / "empty.wav"
    write_wav(Clip(np.zeros(0, np.float32)), empty)
    with pytest.raises(ValueError, match="empty.wav: .*(empty|no audio|cannot be read)"):
        read_audio(empty)
