#!/usr/bin/env bash
# Make sure the Debian packages Manim needs are present; install the missing ones.
#
# Needed: cairo and pango headers plus pkg-config (pycairo and ManimPango build from
# source here), a TeX Live set that Manim's default MathTex template compiles with
# (standalone, preview, babel-english, amsmath/amssymb), dvisvgm (LaTeX → SVG), and
# python3-venv. Fast when everything is there: it only asks dpkg.
#
# For `make lecture` and its tests: ffmpeg (joins the scene videos, reads durations,
# chapters and subtitle tracks), chromium (the slide deck is tested in a real headless
# browser) and node + npm (install the pinned reveal.js of tools/revealjs with `npm ci`;
# only when no node/npm is on PATH already).
set -euo pipefail

packages=(
  pkg-config
  libcairo2-dev
  libpango1.0-dev
  texlive-latex-base
  texlive-latex-recommended
  texlive-latex-extra
  texlive-fonts-recommended
  dvisvgm
  ffmpeg
  chromium
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  ver=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  missing+=("python${ver}-venv")
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    cmd="sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  else
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Install them as root, then run make again:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
bash -c "$cmd" >/tmp/backprop-apt.log 2>&1 || {
  echo "apt-get failed; the last lines of /tmp/backprop-apt.log:" >&2
  tail -20 /tmp/backprop-apt.log >&2
  exit 1
}
