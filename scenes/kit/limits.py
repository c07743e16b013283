"""How big an example the scenes can draw legibly, and the check that refuses the rest.

A diagram with six neurons in a column, or a table of twenty rows, would either overlap
or shrink to unreadable text. Rather than draw that, a scene refuses the example before
anything renders, with a message that states the limit and what was given. The limits
are also written in the sample TOML file (``bpmath/data/example.toml``).

>>> import bpmath
>>> check_drawable(bpmath.examples.wide(), "wide")
>>> big = bpmath.Example("big", bpmath.Network.random([2, 6, 2], seed=0),
...                      inputs=[[0.1, 0.2]], targets=[[0.0, 1.0]])
>>> check_drawable(big, "wide")
Traceback (most recent call last):
...
ValueError: the wide example has 6 neurons in layer 1; the scenes draw at most 4 neurons per layer legibly
"""

from __future__ import annotations

import bpmath

__all__ = [
    "MAX_CHAIN_LAYERS",
    "MAX_NEURONS_PER_LAYER",
    "MAX_TRAINING_ROWS",
    "MAX_WIDE_LAYERS",
    "check_drawable",
]

MAX_NEURONS_PER_LAYER = 4
"""Most neurons in one layer (input included) a multi-neuron diagram draws."""
MAX_WIDE_LAYERS = 3
"""Most weighted layers (L) of the ``wide`` example."""
MAX_CHAIN_LAYERS = 5
"""Most weighted layers (L) of the one-neuron-per-layer ``chain`` and ``training``."""
MAX_TRAINING_ROWS = 8
"""Most examples (rows) of the ``training`` set a table shows."""


def check_drawable(example: bpmath.Example, role: str) -> None:
    """Raise ``ValueError`` if ``example`` is too big for the scenes of ``role``.

    The message states the limit and what was given.
    """
    net = example.network
    if role == "wide":
        for layer, size in enumerate(net.sizes):
            if size > MAX_NEURONS_PER_LAYER:
                raise ValueError(
                    f"the {role} example has {size} neurons in layer {layer}; the scenes"
                    f" draw at most {MAX_NEURONS_PER_LAYER} neurons per layer legibly"
                )
        if net.L > MAX_WIDE_LAYERS:
            raise ValueError(
                f"the {role} example has {net.L} weighted layers; the scenes draw at"
                f" most {MAX_WIDE_LAYERS} legibly"
            )
    elif net.L > MAX_CHAIN_LAYERS:
        raise ValueError(
            f"the {role} example has {net.L} weighted layers; the scenes draw a chain"
            f" of at most {MAX_CHAIN_LAYERS} legibly"
        )
    if role == "training" and example.n_examples > MAX_TRAINING_ROWS:
        raise ValueError(
            f"the {role} example has {example.n_examples} examples; the tables show at"
            f" most {MAX_TRAINING_ROWS} rows"
        )
