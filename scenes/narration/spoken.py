"""A speaker note as a lecturer reads it aloud: notation turned into words.

The notes are written for the eye (``a_k^(L-1)``, ``∂C0/∂w``, ``k=0``); a voice needs
them as words. :func:`spoken_form` rewrites every piece of notation the lecture uses and
leaves the prose alone; the captions keep the written note.

>>> spoken_form("Take a_k^(L-1), here k=0, and w_jk^(L).")
'Take a k of layer L minus one, here k equals zero, and w j k of layer L.'
>>> spoken_form("∂C0/∂w^(L) = a^(L-1) · σ'(z^(L)) · 2(a^(L) − y)")
'the derivative of C zero with respect to w of layer L equals a of layer L minus one times sigma prime of z of layer L times two times a of layer L minus y'
>>> spoken_form("A change of −0.35 moves C_k by 0.087.")
'A change of minus 0.35 moves C k by 0.087.'
"""

from __future__ import annotations

import re

__all__ = ["SPOKEN_CHARACTERS", "spoken_form", "unspoken"]

_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen"
    " fourteen fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_GREEK = {
    "σ": "sigma",
    "η": "eta",
    "Σ": "sum",
    "α": "alpha",
    "β": "beta",
    "δ": "delta",
    "Δ": "delta",
    "λ": "lambda",
    "μ": "mu",
    "ε": "epsilon",
    "θ": "theta",
    "∇": "nabla",
}
_LETTER = r"[A-Za-zσηαβδλμεθ]"
_INDEX = r"[A-Za-z0-9]+"
_SUPER = r"\^\((?P<sup1>[^()]*)\)|\^\{(?P<sup2>[^{}]*)\}|\^(?P<sup3>[A-Za-z0-9])"
_SYMBOL = re.compile(
    rf"(?<![\w'])(?P<name>{_LETTER})(?P<digit>\d)?(?:_\{{?(?P<sub>{_INDEX})\}}?)?"
    rf"(?:{_SUPER})?(?P<prime>'*)(?![A-Za-z])"
)
"""A symbol: a letter, an optional digit (C0), subscript, superscript, primes."""
_DERIVATIVE = re.compile(r"∂\s*(?P<top>[^\s/]+)\s*/\s*∂\s*(?P<bottom>[^\s,.;:!?]+)")
_SUM = re.compile(r"Σ(?:_\{?(?P<index>[A-Za-z0-9]+)\}?)?\s*")
_NUMBER = re.compile(r"(?<![\w.])([−-])?(\d+(?:\.\d+)?)(?![\w.]*\d)")
SPOKEN_CHARACTERS = re.compile(r"^[A-Za-z0-9 .,;:!?'\"-]*$")
"""What a spoken text may hold: words, numbers and plain punctuation."""


def _number_word(text: str) -> str:
    """Small whole numbers as words ("2" -> "two"); others as digits."""
    if text.isdigit() and int(text) < len(_WORDS):
        return _WORDS[int(text)]
    return text


def _script(text: str) -> str:
    """An index or superscript read aloud: ``L-1`` -> ``L minus one``, ``jk`` -> ``j k``."""
    text = text.replace("−", "-").strip()
    parts = re.split(r"\s*([-+])\s*", text)
    words = []
    for part in parts:
        if part == "-":
            words.append("minus")
        elif part == "+":
            words.append("plus")
        elif part.isdigit():
            words.append(_number_word(part))
        elif part:
            # Several letters are several indices (w_jk: "j k"); a digit after a letter
            # is its own number (C_k0 is not used, but read it plainly).
            words.extend(_number_word(p) for p in re.findall(r"\d+|[A-Za-z]", part))
    return " ".join(words)


def _layer(match: re.Match[str]) -> str | None:
    return match["sup1"] or match["sup2"] or match["sup3"]


def _symbol(match: re.Match[str]) -> str:
    name = _GREEK.get(match["name"], match["name"])
    words = [name]
    if match["digit"]:
        words.append(_number_word(match["digit"]))
    if match["sub"]:
        words.append(_script(match["sub"]))
    words.extend(["prime"] * len(match["prime"]))
    if match["sup3"]:  # x^2: a power; a layer is always bracketed, a^(L)
        power = match["sup3"]
        words.append("squared" if power == "2" else f"to the power {_script(power)}")
    elif _layer(match):
        words.append(f"of layer {_script(_layer(match))}")
    return " ".join(words)


def _has_notation(match: re.Match[str]) -> bool:
    """A bare letter in prose ("a", "I") is left alone; decorated ones are notation."""
    return bool(
        match["digit"]
        or match["sub"]
        or match["prime"]
        or _layer(match)
        or match["name"] in _GREEK
    )


def _symbols(text: str) -> str:
    return _SYMBOL.sub(lambda m: _symbol(m) if _has_notation(m) else m[0], text)


def _derivative(match: re.Match[str]) -> str:
    top, bottom = _symbols(match["top"]), _symbols(match["bottom"])
    return f"the derivative of {top} with respect to {bottom}"


def _number(match: re.Match[str]) -> str:
    sign = "minus " if match.group(1) else ""
    return sign + _number_word(match.group(2))


_OPERATORS = [
    (r"\s*[—–]\s*", ", "),  # a dash is a pause
    (r"\)\s*\(", ") times ("),
    (r"\s*[·×*]\s*", " times "),
    (r"\s*=\s*", " equals "),
    (r"\s*≈\s*", " is about "),
    (r"\s*\+\s*", " plus "),
    (r"²", " squared"),
    # A minus sign: the Unicode one always; a hyphen unless it joins two words.
    (r"\s*−\s*", " minus "),
    (r"(?<![A-Za-z]{2})\s*-\s*(?=[A-Za-z(]|\s)", " minus "),
    (r"(?<=[A-Za-z\d)])\s+-\s*(?=[A-Za-z\d(])", " minus "),
    (r"\s*/\s*", " over "),
    (r"%", " percent"),
    # Brackets group for the eye; the voice reads straight through them.
    (r"\s*[()\[\]{}]\s*", " "),
]
"""Signs between terms and how they are said, applied in this order."""


def _operators(text: str) -> str:
    """Signs between terms read as words; prose hyphens and dashes stay."""
    for pattern, said in _OPERATORS:
        text = re.sub(pattern, said, text)
    return text


def spoken_form(note: str) -> str:
    """``note`` with its notation read aloud, as plain words, numbers and punctuation.

    Symbols keep their letter and read their decorations: a subscript index by index
    (``w_jk`` -> "w j k"), a layer superscript as "of layer ..." (``a^(L-1)`` -> "a of
    layer L minus one"), a digit after a letter as a number (``C0`` -> "C zero"), primes
    as "prime". ``∂X/∂Y`` is "the derivative of X with respect to Y", ``Σ_j`` "the sum
    over j of", Greek letters are named, and ``=``, ``+``, ``−``, ``·``, ``/`` become
    "equals", "plus", "minus", "times", "over". Negative numbers read "minus ...";
    whole numbers up to twenty are words. Prose, including its hyphenated words, is kept.
    """
    text = " ".join(note.split())
    text = _DERIVATIVE.sub(_derivative, text)
    text = _SUM.sub(
        lambda m: f"the sum over {_script(m['index'])} of " if m["index"] else "the sum of ",
        text,
    )
    text = re.sub(r"∇\s*", "the gradient of ", text)
    text = re.sub(r"Δ\s*", "delta ", text)
    text = re.sub(r"(\d)\s*\(", r"\1 times (", text)  # 2(a - y)
    # A function applied: σ'(z) is "sigma prime of z".
    text = re.sub(r"([σ][']*)\(", r"\1 of (", text)
    text = _symbols(text)
    text = _NUMBER.sub(_number, text)
    text = _operators(text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return " ".join(text.split())


def unspoken(text: str) -> list[str]:
    """The characters of ``text`` a voice would stumble on (none in a spoken form)."""
    return sorted({c for c in text if not SPOKEN_CHARACTERS.match(c)})
