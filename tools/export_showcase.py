"""Export committed golden frames as the README's showcase stills.

    .venv/bin/python tools/export_showcase.py s04_nudges s09_more_neurons ...

Each still is the scene's real last frame (854x480), as the golden-frame test compares
it, written to ``media/showcase/<module>.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
CONTROL = ROOT / "tests" / "scenes" / "control_data" / "lecture"
SHOWCASE = ROOT / "media" / "showcase"


def export(module: str) -> Path:
    """Write the golden last frame of ``module`` as a PNG; return its path."""
    source = CONTROL / f"{module}.npz"
    if not source.is_file():
        raise SystemExit(f"error: no golden frame {source}; run make golden first")
    with np.load(source) as data:
        frame = data["frame_data"][-1][..., :3]
    SHOWCASE.mkdir(parents=True, exist_ok=True)
    target = SHOWCASE / f"{module}.png"
    partial = target.with_suffix(".png.part")
    Image.fromarray(frame).save(partial, format="PNG", optimize=True)
    partial.replace(target)
    return target


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    for name in sys.argv[1:]:
        print(export(name).relative_to(ROOT))
