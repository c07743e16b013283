"""A student's own examples (chain, wide, training), drawn from a seed and kept only if they teach well.

The numbers are drawn on a grid of one decimal (weights, biases, inputs), so they read
as the lecture shows them, and a draw is kept only when nothing is wrong with it: no neuron saturated or dead (unless
asked for), a cost worth lowering, derivatives that read at the lecture's decimals,
nudges that move the number lines, step 10's paths pulling both ways, gradient descent
(step 11 and the notebook) lowering the cost at every step. The same seed always gives
the same examples.

>>> mine = personal_examples(7)
>>> mine.chain.network.sizes, mine.wide.network.sizes, mine.training.n_examples
((1, 1, 1, 1), (2, 3, 2), 4)
>>> personal_examples(7).toml("chain") == mine.toml("chain")
True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

import bpmath

__all__ = [
    "DESCENT_RATES",
    "Personal",
    "chain_descent",
    "personal_examples",
    "student_seed",
    "to_toml",
    "step11_rate",
]

ACTIVE = (0.05, 0.95)
"""A neuron is neither saturated nor dead while its activation stays inside this range."""
SATURATED = (0.03, 0.97)
"""A neuron asked to be saturated fires outside this range."""
MIN_COST = 0.05
"""The example's cost C0 must be worth lowering."""
MIN_DERIVATIVE = 0.01
"""Every ∂C0/∂θ shown must read as non-zero at two decimals."""
MAX_DECIMALS = 3
"""Steps 5 and 6 show a chain-rule product and its factors with the fewest decimals at
which the rounded factors give the rounded product (:func:`bpmath.agreeing_decimals`):
at most this many (the built-in chain needs 3)."""
MIN_NUDGE = 0.003
"""Δw = 0.1 of w^(L) (step 4's first nudge) must move C0 by at least this."""
NOTEBOOK_NUDGES = (0.1, 0.01, 0.001, 0.0001)
"""The notebook checks that each of these nudges' ratio is within 0.1 Δw of the slope."""
DESCENT_RATES = (3.0, 1.0, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001)
"""Step 11's learning rates: it uses the first one at which 30 steps all go downhill."""
DESCENT_DROP = 0.9
"""After step 11's 30 steps the mean cost must be at most this share of the start."""
MAX_DRAWS = 20000


def student_seed(student_id: str, class_seed: str = "") -> int:
    """The default seed of a student: a hash of ``CLASS_SEED`` and the id (32 bits).

    >>> student_seed("ada", "2026") == student_seed("ada", "2026")
    True
    >>> student_seed("ada", "2026") != student_seed("ada", "2027")
    True
    """
    digest = hashlib.sha256(f"{class_seed}\x00{student_id}".encode()).hexdigest()
    return int(digest[:8], 16)


@dataclass(frozen=True)
class Personal:
    """One student's three examples and the seed they came from."""

    seed: int
    chain: bpmath.Example
    wide: bpmath.Example
    training: bpmath.Example

    def example(self, role: str) -> bpmath.Example:
        """The example playing ``role`` (``chain``, ``wide`` or ``training``)."""
        return {"chain": self.chain, "wide": self.wide, "training": self.training}[role]

    def toml(self, role: str) -> str:
        """The TOML file of ``role``, as :mod:`bpmath.example_file` reads it."""
        return to_toml(self.example(role), f"seed {self.seed}")


def _grid(rng: np.random.Generator, low: float, high: float, size=None) -> np.ndarray:
    """Numbers of one decimal drawn evenly from [low, high]."""
    return np.round(rng.integers(round(low * 10), round(high * 10) + 1, size) / 10, 1)


def _signed(rng: np.random.Generator, low: float, high: float, size) -> np.ndarray:
    """One-decimal numbers with low ≤ |x| ≤ high and a random sign."""
    return _grid(rng, low, high, size) * rng.choice([-1.0, 1.0], size)


@dataclass(frozen=True)
class _Chain:
    """A drawn chain: weights and biases of layers 1..3, its input, the training inputs."""

    w: np.ndarray
    b: np.ndarray
    x: float
    xs: np.ndarray  # the four training inputs; targets 1, 0, 1, 0

    def acts(self, x: np.ndarray | float, w: np.ndarray | None = None) -> list:
        """a^(0..L) for input(s) ``x`` (with weights ``w``, default the chain's own)."""
        w = self.w if w is None else w
        out = [np.asarray(x, dtype=float)]
        for w_l, b_l in zip(w, self.b):
            out.append(1.0 / (1.0 + np.exp(-(w_l * out[-1] + b_l))))
        return out

    def cost(self, w: np.ndarray | None = None) -> float:
        return float((self.acts(self.x, w)[-1] - 1.0) ** 2)


def _draw_chain(rng: np.random.Generator) -> _Chain:
    w, b = _signed(rng, 0.5, 3.0, 3), _grid(rng, -2.0, 2.0, 3)
    x = float(_grid(rng, 0.1, 0.9))
    high, low = _grid(rng, 0.6, 0.9, 2), _grid(rng, 0.1, 0.3, 2)
    return _Chain(w, b, x, np.array([high[0], low[0], high[1], low[1]]))


def _draw_wide(rng: np.random.Generator) -> tuple[list, list, list]:
    weights = [_signed(rng, 0.3, 2.0, (3, 2)), _signed(rng, 0.3, 2.0, (2, 3))]
    biases = [_grid(rng, -1.0, 1.0, 3), _grid(rng, -1.0, 1.0, 2)]
    return weights, biases, _grid(rng, 0.1, 0.9, 2)


def _outside(values, bounds: tuple[float, float]) -> bool:
    return bool(np.any((np.asarray(values) < bounds[0]) | (np.asarray(values) > bounds[1])))


TRAINING_TARGETS = np.array([1.0, 0.0, 1.0, 0.0])


def chain_descent(training: bpmath.Example, rate: float, steps: int) -> list[float]:
    """The mean cost before each of ``steps`` gradient-descent steps and after the last.

    The same run as :func:`bpmath.gradient_descent` on a one-neuron-per-layer sigmoid
    chain, written out with numpy over the examples: 60 times faster, which is what lets
    the draw be checked over thousands of seeds (a test compares the two).
    """
    net = training.network
    w = [float(net.weight(l)[0, 0]) for l in range(1, net.L + 1)]
    b = [float(net.bias(l)[0]) for l in range(1, net.L + 1)]
    return _descent(w, b, training.inputs[:, 0], training.targets[:, 0], rate, steps)


def _descent(w, b, x, y, rate: float, steps: int) -> list[float]:
    w, b, costs, n = list(w), list(b), [], len(x)
    for step in range(steps + 1):
        acts = [x]
        for w_l, b_l in zip(w, b):
            acts.append(1.0 / (1.0 + np.exp(-(w_l * acts[-1] + b_l))))
        gap = acts[-1] - y
        costs.append(float(gap @ gap) / n)
        if step == steps:
            break
        delta = 2 * gap * acts[-1] * (1 - acts[-1])
        for l in range(len(w) - 1, -1, -1):
            dw, db = float(delta @ acts[l]) / n, float(delta.sum()) / n
            delta = w[l] * delta * acts[l] * (1 - acts[l])
            w[l] -= rate * dw
            b[l] -= rate * db
    return costs


def step11_rate(training: bpmath.Example, steps: int = 30) -> tuple[float, list[float]]:
    """Step 11's rate (first of :data:`DESCENT_RATES` going downhill) and its costs."""
    costs: list[float] = []
    for rate in DESCENT_RATES:
        with np.errstate(all="ignore"):
            costs = chain_descent(training, rate, steps)
        if all(np.isfinite(costs)) and all(b <= a for a, b in zip(costs, costs[1:])):
            return rate, costs
    return DESCENT_RATES[-1], costs


def _chain_problem(c: _Chain, saturated: bool) -> str | None:
    """Why the drawn chain does not teach well, or None (numpy; tests mirror it in bpmath)."""
    acts = [float(a) for a in c.acts(c.x)[1:]]
    if saturated:
        if not _outside(acts[0], SATURATED) or _outside(acts[1:], ACTIVE):
            return "asked for a saturated a^(1) and active later neurons"
    elif _outside(acts, ACTIVE):
        return f"a neuron is saturated or dead: a = {np.round(acts, 3).tolist()}"
    cost = (acts[-1] - 1.0) ** 2
    if cost < MIN_COST:
        return "the cost is too small to be worth lowering"
    a = [c.x, *acts]
    delta = 2 * (a[3] - 1.0) * a[3] * (1 - a[3])
    for l in (3, 2, 1):  # dC0/dw^(l) = a^(l-1) δ^(l), dC0/db^(l) = δ^(l)
        if l > saturated and min(abs(a[l - 1] * delta), abs(delta)) < MIN_DERIVATIVE:
            return f"a derivative of layer {l} reads as zero"
        delta = c.w[l - 1] * delta * a[l - 1] * (1 - a[l - 1])
    sp = [None, *(v * (1 - v) for v in a[1:])]
    w3, dC_da3 = float(c.w[2]), 2 * (a[3] - 1.0)
    products = (  # steps 5 and 6's chain-rule products: ∂C0/∂w^(L), ∂C0/∂a^(L-1), ∂C0/∂w^(L-1)
        [a[2], sp[3], dC_da3],
        [w3, sp[3], dC_da3],
        [a[1], sp[2], w3, sp[3], dC_da3],
        [a[1], sp[2], w3 * sp[3] * dC_da3],  # ∂C0/∂w^(L-1) with ∂C0/∂a^(L-1) as one factor
    )
    for factors in products:
        if bpmath.agreeing_decimals(factors, float(np.prod(factors))) > MAX_DECIMALS:
            return "a chain-rule product needs more than 3 decimals to add up on screen"
    slope = a[2] * 2 * (a[3] - 1.0) * a[3] * (1 - a[3])
    for d in NOTEBOOK_NUDGES:
        changed = c.cost(c.w + np.array([0.0, 0.0, d])) - cost
        if d == NOTEBOOK_NUDGES[0] and abs(changed) < MIN_NUDGE:
            return "a nudge of w^(L) by 0.1 barely moves the cost"
        if abs(changed / d - slope) >= 0.1 * d:
            return f"the nudge ratio at {d} is not within 0.1 Δw of the slope"
    later = np.array(c.acts(c.xs)[1 + saturated :])
    if _outside(later, (0.02, 0.98)):
        return "a training input saturates a neuron"
    with np.errstate(all="ignore"):
        costs = _descent(c.w, c.b, c.xs, TRAINING_TARGETS, 1.0, 60)
        if not all(b < a for a, b in zip(costs, costs[1:])):
            return "the notebook's descent (rate 1, 60 steps) does not go down every step"
        for rate in DESCENT_RATES:
            costs = _descent(c.w, c.b, c.xs, TRAINING_TARGETS, rate, 30)
            if all(np.isfinite(costs)) and all(b <= a for a, b in zip(costs, costs[1:])):
                break
    if costs[-1] > DESCENT_DROP * costs[0]:
        return f"step 11's descent (rate {rate}) does not lower the cost enough"
    return None


def _wide_problem(weights: list, biases: list, x: np.ndarray) -> str | None:
    """Why the drawn [2, 3, 2] network does not teach well, or None."""
    y = np.array([0.0, 1.0])
    a1 = 1.0 / (1.0 + np.exp(-(weights[0] @ x + biases[0])))
    a2 = 1.0 / (1.0 + np.exp(-(weights[1] @ a1 + biases[1])))
    if _outside(a1, ACTIVE) or _outside(a2, ACTIVE):
        return "a neuron is saturated or dead"
    if float(np.sum((a2 - y) ** 2)) < MIN_COST:
        return "the cost is too small to be worth lowering"
    delta = 2 * (a2 - y) * a2 * (1 - a2)
    if np.min(np.abs(np.outer(delta, a1))) < MIN_DERIVATIVE:
        return "a dC0/dw_jk^(L) reads as zero"
    paths = weights[1] * delta[:, None]  # paths[j, k] = w_jk σ'(z_j) 2(a_j - y_j)
    for k in range(3):
        if np.all(paths[:, k] > 0) or np.all(paths[:, k] < 0):
            return f"step 10's paths from a_{k}^(L-1) all have one sign"
        if np.min(np.abs(paths[:, k])) < MIN_DERIVATIVE / 2:
            return f"a path from a_{k}^(L-1) reads as zero"
    return None


def personal_examples(seed: int, *, saturated: bool = False, name: str = "") -> Personal:
    """The student's examples for ``seed``: the first draws that pass every check.

    ``saturated=True`` asks for a chain whose first neuron is saturated (the others not).
    """
    rng = np.random.default_rng(seed)
    label = name or f"seed {seed}"
    for _ in range(MAX_DRAWS):
        c = _draw_chain(rng)
        if _chain_problem(c, saturated) is None:
            break
    else:
        raise RuntimeError(f"no good chain example in {MAX_DRAWS} draws (seed {seed})")
    for _ in range(MAX_DRAWS):
        weights, biases, x = _draw_wide(rng)
        if _wide_problem(weights, biases, x) is None:
            break
    else:
        raise RuntimeError(f"no good wide example in {MAX_DRAWS} draws (seed {seed})")
    net = bpmath.Network.chain(c.w.tolist(), c.b.tolist())
    return Personal(
        seed,
        bpmath.Example(f"{label} chain", net, [c.x], [1.0]),
        bpmath.Example(
            f"{label} wide",
            bpmath.Network([w.tolist() for w in weights], [b.tolist() for b in biases]),
            [x.tolist()],
            [[0.0, 1.0]],
        ),
        bpmath.Example(f"{label} training", net, c.xs.tolist(), TRAINING_TARGETS.tolist()),
    )


def _number(value: float) -> str:
    return repr(round(float(value), 6))


def _vector(values) -> str:
    return "[" + ", ".join(_number(v) for v in values) + "]"


def to_toml(example: bpmath.Example, comment: str = "") -> str:
    """``example`` as a TOML example file (the format of ``bpmath/data/example.toml``).

    >>> text = to_toml(bpmath.examples.chain())
    >>> bpmath.example_file.parse_example(__import__("tomllib").loads(text)).network.sizes
    (1, 1, 1, 1)
    """
    net = example.network
    lines = [f"# {comment}"] if comment else []
    lines.append(f"name = {example.name!r}".replace("'", '"'))
    lines.append(f'activation = "{net.activation.name}"')
    if net.is_chain:
        lines.append(f"weights = {_vector(net.weight(l)[0, 0] for l in range(1, net.L + 1))}")
        lines.append(f"biases = {_vector(net.bias(l)[0] for l in range(1, net.L + 1))}")
        ins = [float(v[0]) for v in example.inputs]
        outs = [float(v[0]) for v in example.targets]
    else:
        mats = ", ".join(
            "[" + ", ".join(_vector(row) for row in net.weight(l)) + "]"
            for l in range(1, net.L + 1)
        )
        lines.append(f"weights = [{mats}]")
        lines.append(
            f"biases = [{', '.join(_vector(net.bias(l)) for l in range(1, net.L + 1))}]"
        )
        ins = [_vector(v) for v in example.inputs]
        outs = [_vector(v) for v in example.targets]
    if example.n_examples == 1:
        one = (lambda v: v) if not net.is_chain else _number
        lines += [f"input = {one(ins[0])}", f"target = {one(outs[0])}"]
    else:
        fmt = (lambda vs: "[" + ", ".join(vs) + "]") if not net.is_chain else _vector
        lines += [f"inputs = {fmt(ins)}", f"targets = {fmt(outs)}"]
    return "\n".join(lines) + "\n"
