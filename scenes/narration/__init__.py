"""The lecture's voice: every beat's note spoken, and the scene waiting for it.

* :mod:`scenes.narration.captions`: a note split into caption cues (the written text).
* :mod:`scenes.narration.spoken`: a note as a lecturer reads it aloud.
* :mod:`scenes.narration.voices`: Piper's neural voice, and a fast stand-in for tests.
* :mod:`scenes.narration.audio`: clips, loudness (BS.1770) and a peak limiter.
* :mod:`scenes.narration.cache`: synthesized speech kept on disk, by text.
* :mod:`scenes.narration.recordings`: a teacher's own recordings, beat by beat.
* :mod:`scenes.narration.narrator`: one beat's speech and the caption cues on it.
* :mod:`scenes.narration.soundtrack`: a scene's clips mixed and muxed into its video.
* :mod:`scenes.narration.script`: the recording script (``make voice-script``).

``NARRATION=off`` renders the silent lecture; ``BACKPROP_VOICE=stand-in`` hums instead
of speaking (instant, for drafts and tests); ``VOICE_DIR=folder`` uses a teacher's
recordings where there are any.
"""
