"""How the lecture writes layer superscripts: ``(L)``, ``(L-1)``, or plain ``(2)``."""

from __future__ import annotations

__all__ = ["layer_tex"]


def layer_tex(layer: int, L: int, symbolic: bool = True) -> str:  # noqa: N803 - the lecture's L
    """The superscript of ``layer`` in a network with ``L`` weighted layers.

    Counted back from the output (``(L)``, ``(L-1)``, ...) when ``symbolic``, else the
    plain layer number.

    >>> layer_tex(3, 3), layer_tex(1, 3), layer_tex(1, 3, symbolic=False)
    ('(L)', '(L-2)', '(1)')
    """
    if not symbolic:
        return f"({layer})"
    return "(L)" if layer == L else f"(L-{L - layer})"
