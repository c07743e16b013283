# Two commands do everything on a fresh Debian machine (see README.md):
#   make test    install what is missing, then run the whole test suite
#   make video   install what is missing, then render the lecture at high quality
# Set-up is idempotent: system packages are only installed when missing, and the virtual
# environment is rebuilt only when pyproject.toml changes (stamp file in .stamps/).

PYTHON  ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := .stamps/venv-installed
JOBS    ?= 2
QUALITY ?= h

REVEAL   := tools/revealjs/node_modules/.package-lock.json

# Narration (scenes/narration): NARRATION=off renders the silent lecture; VOICE_DIR=folder
# uses a teacher's recordings (one file per beat, names from `make voice-script`).
NARRATION ?= on
export NARRATION
ifdef VOICE_DIR
export VOICE_DIR
endif

.PHONY: help setup system test test-fast video preview lecture pacing voice-script bench bench-render bench-class lint golden class clean

help:
	@echo "make test     install what is missing, run every test"
	@echo "make video    install what is missing, render the lecture (QUALITY=h)"
	@echo "make preview  the same at low quality, fast"
	@echo "make lecture  the whole lecture: one video with chapters and captions, .srt/.vtt,"
	@echo "              an offline slide deck and a PPTX, in media/lecture/ (QUALITY=l|m|h)"
	@echo "make pacing   how long the voice speaks over a still picture, per scene, in the"
	@echo "              lecture of QUALITY (VIDEO=any.mp4 with its .srt beside it, or CAPTIONS=)"
	@echo "make class ROSTER=roster.csv  a lecture, notebook and examples per student,"
	@echo "              rendered on Dask (SCHEDULER=tcp://host:8786 for a cluster)"
	@echo "make voice-script  the recording script for your own voice (VOICE_DIR=...)"
	@echo "              NARRATION=off renders any of these silent"
	@echo "make bench    benchmarks (bpmath and scene construction)"
	@echo "make bench-render  render the whole lecture from scratch and time it (QUALITY=h|l)"
	@echo "make bench-class   time make class: 4 students at -ql, stand-in voice, on 1 and 2"
	@echo "              Dask workers and through make video's runner (STUDENTS= WORKERS=1,2"
	@echo "              ONLY= SKIP_RUNNER=1 JSON=report.json; QUALITY= only if given)"
	@echo "make golden   re-create the golden frames after an intended visual change"
	@echo "make lint     ruff"

system:
	@tools/install-system-deps.sh

$(STAMP): pyproject.toml tools/install-system-deps.sh
	@tools/install-system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing the project into $(VENV) ..."
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e ".[scenes,slides,voice,dev,class]"
	@mkdir -p $(dir $@) && touch $@

# reveal.js for the offline slide deck, exactly as pinned by the lockfile.
$(REVEAL): tools/revealjs/package.json tools/revealjs/package-lock.json
	@echo "Installing reveal.js (tools/revealjs) ..."
	@cd tools/revealjs && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: system $(STAMP) $(REVEAL)

test: setup
	$(PY) -m pytest -n $(JOBS) --dist loadgroup

test-fast: setup
	$(PY) -m pytest -n $(JOBS) --dist loadgroup -m "not render and not golden and not install"

video: setup
	$(PY) -m scenes.render --quality $(QUALITY)

preview: setup
	$(PY) -m scenes.render --quality l

lecture: setup
	$(PY) -m scenes.publish --quality $(QUALITY)

# The pacing report (scenes/publish/pacing.py) of the lecture made by `make lecture
# QUALITY=...`, or of VIDEO=any.mp4 (a scene's video, a teacher's lecture) against its
# .srt (CAPTIONS=, default beside the video). JSON=1 prints it as JSON.
LECTURE_DIR = $(or $(word 2,$(subst :, ,$(filter $(QUALITY):%,l:480p15 m:720p30 h:1080p60 p:1440p60 k:2160p60))),$(QUALITY))
pacing: setup
	$(PY) -m scenes.publish.pacing $(or $(VIDEO),media/lecture/$(LECTURE_DIR)/lecture.mp4) $(CAPTIONS) $(if $(JSON),--json)

# A lecture for every student (scenes/classroom): ROSTER=roster.csv (id,name[,seed]),
# on a local Dask cluster (one worker per core) or SCHEDULER=tcp://host:8786.
class: setup
	@test -n "$(ROSTER)" || { echo "usage: make class ROSTER=roster.csv [QUALITY=l|m|h] [SCHEDULER=tcp://host:8786]"; exit 2; }
	$(PY) -m scenes.classroom "$(ROSTER)" --quality $(QUALITY) $(if $(SCHEDULER),--scheduler $(SCHEDULER))

voice-script: setup
	$(PY) -m scenes.narration.script

bench: setup
	$(PY) -m pytest benchmarks --benchmark-only -p no:xdist --benchmark-columns=min,median,mean,rounds

# Per scene and in total: render wall time, video length, ratio, CPU, peak memory; then the
# nothing-changed re-run. BASELINE=1 also renders the old way first, in the same run.
bench-render: setup
	$(PY) tools/bench_render.py --quality $(QUALITY) $(if $(BASELINE),--baseline)

# Issue 21's benchmark of make class (tools/bench_class.py): a class of STUDENTS (4) at -ql
# (QUALITY= only when given here: the Makefile's own default is h) with the stand-in voice,
# from empty output, on local Dask clusters of WORKERS (1,2) workers, then the same renders
# through make video's runner; wall time, CPU, peak memory per worker, speed-up, overhead.
bench-class: setup
	$(PY) tools/bench_class.py $(if $(filter command line environment,$(origin QUALITY)),--quality $(QUALITY)) \
	  $(if $(STUDENTS),--students $(STUDENTS)) $(if $(WORKERS),--workers $(WORKERS)) \
	  $(if $(ONLY),--only $(ONLY)) $(if $(SKIP_RUNNER),--skip-runner) $(if $(JSON),--json $(JSON))

golden: setup
	$(PY) -m pytest tests/scenes/test_golden_frames.py -p no:xdist --set_test

lint: setup
	$(PY) -m ruff check bpmath scenes tests notebooks

clean:
	rm -rf $(VENV) .stamps media/videos media/images media/Tex media/texts .pytest_cache
