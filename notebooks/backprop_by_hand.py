# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Backpropagation by hand, checked by bpmath
#
# The lecture shows every number it uses. This notebook lets you produce those numbers
# yourself: each step is first worked out with plain arithmetic, then compared with what
# `bpmath` computes. If the two ever disagreed, the cell would stop with an error.
#
# **Notation** (the lecture's). Layer 0 is the input and layer $L$ the output. For
# every layer $l = 1, \dots, L$:
#
# $$z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}, \qquad a^{(l)} = \sigma\big(z^{(l)}\big),$$
#
# and one example costs $C_0 = \sum_j \big(a_j^{(L)} - y_j\big)^2$, with no ½ in front.
# Superscripts in brackets count layers; they are not powers.
#
# **What you need.** `bpmath` and numpy (`pip install .` in a checkout of this project);
# matplotlib for the one plot (without it you get a table); the last section draws a
# picture and needs the `scenes` extra, and skips itself without it.

# %%
import math

import numpy as np

import bpmath

np.set_printoptions(precision=4, suppress=True)


def check(exercise, yours, expected, tolerance=1e-3):
    """Compare your answer with bpmath's; stop with an error if they differ.

    Answers count as right within ``tolerance``, so numbers typed in with four
    decimals pass, while a missing factor or a wrong sign does not.
    """
    yours = np.asarray(yours, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if yours.shape != expected.shape or not np.allclose(
        yours, expected, rtol=0, atol=tolerance
    ):
        raise AssertionError(
            f"{exercise}: your answer {yours} is not bpmath's {expected}; try again"
        )
    print(f"{exercise}: right ({np.round(expected, 4)})")


# %% [markdown]
# ## 1. The chain: four neurons in a row
#
# The first example of the lecture has one neuron per layer and three weighted layers,
# so $L = 3$: three weights $w^{(1)}, w^{(2)}, w^{(3)}$ and three biases. With a single
# neuron per layer each $W^{(l)}$ is a 1×1 matrix, and we read its only entry.

# %%
chain = bpmath.examples.chain()
net, x, y = chain.network, chain.x, chain.y
print(net)
print("input a^(0) =", x, "  target y =", y, "  L =", net.L)

# %% [markdown]
# ### The forward pass by hand
#
# Start from $a^{(0)}$ and apply the two formulas once per layer. The sigmoid is
# $\sigma(z) = 1 / (1 + e^{-z})$; we write it ourselves rather than borrow bpmath's.


# %%
def sigma(z):
    """The logistic sigmoid, 1 / (1 + e^(-z))."""
    return 1.0 / (1.0 + math.exp(-z))


a_hand = [float(x[0])]  # a^(0) is the input
z_hand = [None]  # there is no z^(0)
for l in range(1, net.L + 1):
    w_l = float(net.weight(l)[0, 0])
    b_l = float(net.bias(l)[0])
    z_l = w_l * a_hand[l - 1] + b_l
    z_hand.append(z_l)
    a_hand.append(sigma(z_l))
    print(f"z^({l}) = {w_l} * {a_hand[l - 1]:.4f} + ({b_l}) = {z_l:.4f}", end="   ")
    print(f"a^({l}) = sigma({z_l:.4f}) = {a_hand[l]:.4f}")

# %% [markdown]
# bpmath's `forward` returns a trace of the same pass, addressed by layer number:
# `trace.a(l)` and `trace.z(l)`. They must match ours.

# %%
trace = bpmath.forward(net, x)
for l in range(net.L + 1):
    assert math.isclose(a_hand[l], float(trace.a(l)[0]), rel_tol=1e-12), l
print(
    "a^(0..L) from bpmath:", [round(float(trace.a(l)[0]), 4) for l in range(net.L + 1)]
)

# %% [markdown]
# ### The cost of this example
#
# The network says $a^{(3)} \approx 0.44$ where we wanted $y = 1$. Squaring the gap
# gives $C_0$:

# %%
a3, z3, a2 = a_hand[3], z_hand[3], a_hand[2]
C0_hand = (a3 - float(y[0])) ** 2
print(f"C0 = ({a3:.4f} - {float(y[0])})^2 = {C0_hand:.4f}")
assert math.isclose(C0_hand, bpmath.cost(trace.output, y), rel_tol=1e-12)

# %% [markdown]
# ## 2. The chain rule, one factor at a time
#
# A change in $w^{(3)}$ reaches the cost only through $z^{(3)}$ and then $a^{(3)}$, so
#
# $$\frac{\partial C_0}{\partial w^{(3)}} =
#   \frac{\partial z^{(3)}}{\partial w^{(3)}}\,
#   \frac{\partial a^{(3)}}{\partial z^{(3)}}\,
#   \frac{\partial C_0}{\partial a^{(3)}}
#   = a^{(2)} \cdot \sigma'\big(z^{(3)}\big) \cdot 2\big(a^{(3)} - y\big).$$
#
# * $a^{(2)}$: how strongly the previous neuron fires decides how much the weight
#   matters;
# * $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$: how steep the sigmoid is where we are;
# * $2(a^{(3)} - y)$: how far off the output is, and in which direction.

# %%
dz_dw3 = a2
sigma_prime_z3 = sigma(z3) * (1 - sigma(z3))
dC_da3 = 2 * (a3 - float(y[0]))
dC_dw3 = dz_dw3 * sigma_prime_z3 * dC_da3
print(f"{dz_dw3:.4f} * {sigma_prime_z3:.4f} * {dC_da3:.4f} = {dC_dw3:.4f}")

# %% [markdown]
# bpmath gives the same three factors with `chain_rule`, and the whole gradient with
# `backward` (backpropagation proper: every derivative at once, layer by layer).

# %%
rule = bpmath.chain_rule(net, x, y, layer=3)
grads = bpmath.backward(net, x, y)
print("factors from bpmath:", [round(f, 4) for f in rule.factors])
print("dC0/dw^(3) from backward:", grads.weight(3))
assert np.allclose(rule.factors, (dz_dw3, sigma_prime_z3, dC_da3), rtol=1e-12)
assert math.isclose(dC_dw3, float(grads.weight(3)[0, 0]), rel_tol=1e-12)

# %% [markdown]
# ## 3. A nudge is close to the derivative, not equal to it
#
# Change $w^{(3)}$ by a small $\Delta w$, run the network again and divide the change
# of the cost by $\Delta w$. The smaller the nudge, the closer the ratio gets to
# $\partial C_0 / \partial w^{(3)}$: the error shrinks roughly in step with $\Delta w$.

# %%
for delta in (0.1, 0.01, 0.001, 0.0001):
    n = bpmath.nudge(net, x, y, "w3", delta)
    gap = n.ratio - dC_dw3
    print(f"dw = {delta:<7} dC = {n.delta_cost:+.7f}  dC/dw = {n.ratio:+.6f}", end="  ")
    print(f"off by {gap:+.1e}")
    assert abs(gap) < 0.1 * delta  # the gap shrinks with the nudge

# %% [markdown]
# ### Exercise 1: the bias
#
# Write $\partial C_0 / \partial b^{(3)}$ as a product of three factors and evaluate it.
# Hint: $z^{(3)} = w^{(3)} a^{(2)} + b^{(3)}$, so what is $\partial z^{(3)} / \partial b^{(3)}$?
#
# The cell below holds one worked answer. Replace it with your own (a number you
# worked out, or an expression in the variables above), then run the check after it.

# %% tags=["exercise-1"]
answer_1 = 1.0 * sigma_prime_z3 * dC_da3

# %% tags=["check-1"]
check("Exercise 1", answer_1, bpmath.backward(net, x, y).bias(3)[0])

# %% [markdown]
# ### Exercise 2: the previous activation
#
# The network cannot change $a^{(2)}$ directly, but how sensitive the cost is to it
# tells us how to change the layer before. Evaluate $\partial C_0 / \partial a^{(2)}$.
# Hint: $\partial z^{(3)} / \partial a^{(2)}$ is a weight.

# %% tags=["exercise-2"]
answer_2 = float(net.weight(3)[0, 0]) * sigma_prime_z3 * dC_da3

# %% tags=["check-2"]
check("Exercise 2", answer_2, bpmath.backward(net, x, y).a(2)[0])

# %% [markdown]
# Going one layer further back reuses that number: $\partial C_0 / \partial w^{(2)} =
# a^{(1)}\,\sigma'(z^{(2)})\,\partial C_0 / \partial a^{(2)}$. This reuse, layer after
# layer from the output back to the input, is what makes backpropagation cheap.

# %%
z2, a1 = z_hand[2], a_hand[1]
dC_da2 = float(net.weight(3)[0, 0]) * sigma_prime_z3 * dC_da3
dC_dw2 = a1 * sigma(z2) * (1 - sigma(z2)) * dC_da2
print(f"dC0/dw^(2) = {dC_dw2:.4f}")
assert math.isclose(dC_dw2, float(grads.weight(2)[0, 0]), rel_tol=1e-12)

# %% [markdown]
# ## 4. More neurons per layer
#
# The second example has layer sizes 2, 3, 2. Neurons of the last layer are counted by
# $j$, those of the layer before by $k$, and $w_{jk}^{(L)}$ joins neuron $k$ of layer
# $L-1$ to neuron $j$ of layer $L$. The order "$jk$" looks backwards, but it is the
# row $j$ and column $k$ of the matrix $W^{(L)}$, so $z^{(L)} = W^{(L)} a^{(L-1)} + b^{(L)}$
# reads as a matrix product. In numpy: `W[j, k]`.

# %%
wide = bpmath.examples.wide()
wnet, wx, wy = wide.network, wide.x, wide.y
wtrace = bpmath.forward(wnet, wx)
L = wnet.L
W_L, a_prev = wnet.weight(L), wtrace.a(L - 1)
print("sizes:", wnet.sizes, "  y =", wy)
print("W^(L) =\n", W_L)
print("a^(L-1) =", a_prev)

# %% [markdown]
# One neuron's weighted sum, written out: $z_j^{(L)} = \sum_k w_{jk}^{(L)} a_k^{(L-1)} + b_j^{(L)}$.

# %%
j = 0
terms = [float(W_L[j, k] * a_prev[k]) for k in range(len(a_prev))]
z_j = sum(terms) + float(wnet.bias(L)[j])
print(
    " ".join(f"{t:+.4f}" for t in terms), f"{float(wnet.bias(L)[j]):+.4f} = {z_j:.4f}"
)
assert math.isclose(z_j, float(wtrace.z(L)[j]), rel_tol=1e-12)

# %% [markdown]
# ### One activation, several paths to the cost
#
# $a_k^{(L-1)}$ feeds every neuron of layer $L$, and each of them changes the cost. Its
# influence is the sum of one chain-rule product per path:
#
# $$\frac{\partial C_0}{\partial a_k^{(L-1)}} = \sum_j w_{jk}^{(L)}\,
#   \sigma'\big(z_j^{(L)}\big)\, 2\big(a_j^{(L)} - y_j\big).$$

# %%
k = 0
a_L, z_L = wtrace.a(L), wtrace.z(L)
paths = []
for j in range(len(a_L)):
    s_prime = sigma(float(z_L[j])) * (1 - sigma(float(z_L[j])))
    term = float(W_L[j, k]) * s_prime * 2 * float(a_L[j] - wy[j])
    paths.append(term)
    print(f"path through a_{j}^(L): {float(W_L[j, k]):.1f} * {s_prime:.4f}", end=" * ")
    print(f"{2 * float(a_L[j] - wy[j]):+.4f} = {term:+.4f}")
print(f"sum = {sum(paths):.4f}")

# %% [markdown]
# bpmath's `path_terms` splits the same derivative into the same terms, and `backward`
# gets the total without splitting it. A nudge of $a_k^{(L-1)}$ agrees too.

# %%
split = bpmath.path_terms(wnet, wx, wy, layer=L, k=k)
print("terms:", split.values, " total:", round(split.total, 4))
print("backward:", round(float(bpmath.backward(wnet, wx, wy).a(L - 1)[k]), 4))
print(
    "nudge ratio:", round(bpmath.nudge(wnet, wx, wy, bpmath.a(L - 1, k), 1e-6).ratio, 4)
)
assert np.allclose(split.values, paths, rtol=1e-12)
assert math.isclose(sum(paths), float(bpmath.backward(wnet, wx, wy).a(L - 1)[k]))

# %% [markdown]
# ### Exercise 3: one weight of the wide network
#
# Evaluate $\partial C_0 / \partial w_{12}^{(L)}$: the weight from neuron $k = 2$ of
# layer $L-1$ to neuron $j = 1$ of layer $L$. Three factors again; only the indices are
# new.

# %% tags=["exercise-3"]
s_prime_1 = sigma(float(z_L[1])) * (1 - sigma(float(z_L[1])))
answer_3 = float(a_prev[2]) * s_prime_1 * 2 * float(a_L[1] - wy[1])

# %% tags=["check-3"]
check("Exercise 3", answer_3, bpmath.backward(wnet, wx, wy).weight(L)[1, 2])

# %% [markdown]
# ## 5. Many training examples
#
# The real cost is the mean over the training examples, $C = \frac1n \sum_k C_k$, so its
# derivative is the mean of the per-example derivatives. The training set runs the chain
# network on four inputs: those near 1 should give 1, those near 0 should give 0.

# %%
training = bpmath.examples.training()
tnet, X, Y = training.network, training.inputs, training.targets
per_example = []
for x_k, y_k in zip(X, Y, strict=True):
    g_k = float(bpmath.backward(tnet, x_k, y_k).weight(3)[0, 0])
    per_example.append(g_k)
    print(f"x = {float(x_k[0])}, y = {float(y_k[0])}:  dC_k/dw^(3) = {g_k:+.4f}")
mean_hand = sum(per_example) / len(per_example)
print(f"mean: {mean_hand:+.4f}")

avg = bpmath.average_gradient(tnet, X, Y)
assert math.isclose(mean_hand, float(avg.mean.weight(3)[0, 0]), rel_tol=1e-12)

# %% [markdown]
# Some examples pull $w^{(3)}$ up, others down; the mean is the compromise. The full
# gradient $\nabla C$ lists that mean for every weight and bias:

# %%
grad = bpmath.gradient_vector(avg.mean)
for label, value in zip(grad.labels, grad.values, strict=True):
    print(f"dC/d{label:6} = {value:+.4f}")

# %% [markdown]
# ## 6. Stepping downhill
#
# Gradient descent moves every parameter a little against its derivative,
# $\theta \leftarrow \theta - \eta\, \partial C / \partial \theta$, with a learning rate
# $\eta$, and repeats.

# %%
rate = 1.0
run = bpmath.gradient_descent(tnet, X, Y, rate=rate, steps=60)
print(f"mean cost: {run.costs[0]:.4f} at the start, {run.costs[-1]:.4f} after 60 steps")
assert all(b < a for a, b in zip(run.costs, run.costs[1:]))  # downhill at every step

# %%
try:
    import matplotlib.pyplot as plt
except ModuleNotFoundError:  # bpmath alone: a table instead of a plot
    plt = None

if plt is not None:
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot(range(len(run.costs)), run.costs, marker="o", markersize=3)
    ax.set_xlabel("step")
    ax.set_ylabel("mean cost C")
    ax.set_title(f"Gradient descent on the training set, rate {rate}")
    ax.grid(alpha=0.3)
    plt.show()
else:
    print("(pip install matplotlib for a plot)")
    for step in range(0, len(run.costs), 10):
        print(f"step {step:3}: C = {run.costs[step]:.4f}")

# %% [markdown]
# ### Exercise 4: one step by hand
#
# What is $w^{(3)}$ after the first step? Use the mean derivative of section 5 and
# $\eta = 1$.

# %% tags=["exercise-4"]
answer_4 = float(tnet.weight(3)[0, 0]) - rate * mean_hand

# %% tags=["check-4"]
check("Exercise 4", answer_4, run.networks[1].weight(3)[0, 0])

# %% [markdown]
# ## 7. See it drawn (needs the `scenes` extra)
#
# The lecture's pictures come from the same numbers. With the scenes installed
# (`pip install ".[scenes]"` in a checkout, which needs Manim's system libraries), the
# next cells draw the chain and its chain-rule product with Manim's `%%manim` cell
# magic. Without Manim they only say so.

# %% tags=["scenes"]
import importlib.util

if importlib.util.find_spec("manim") is not None:
    import manim  # importing it registers the %%manim cell magic
    from manim import DOWN, Scene, VGroup

    from scenes.kit import ChainRuleProduct, ExampleValues, NetworkDiagram
    from scenes.kit.style import BACKGROUND
else:
    from IPython.core.magic import register_cell_magic

    @register_cell_magic("manim")
    def skip_manim(line, cell):
        """Stand in for Manim's magic when Manim is not installed."""
        print('Skipped: drawing needs the scenes extra: pip install ".[scenes]"')


# %% tags=["scenes"]
# %%manim -ql -s -v WARNING ChainRuleAtAGlance
class ChainRuleAtAGlance(Scene):
    """The chain network and the three factors of dC0/dw^(3), from bpmath."""

    def construct(self):
        self.camera.background_color = BACKGROUND
        values = ExampleValues(chain)
        diagram = NetworkDiagram(values)
        product = ChainRuleProduct.for_parameter(values, layer=3, wrt="w")
        self.add(VGroup(diagram, product).arrange(DOWN, buff=1.0))
