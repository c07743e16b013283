"""The canonical examples worked by hand with math.exp, independently of bpmath.

Every expected value here is computed in the test from the example's literal numbers
with plain Python arithmetic, one line per step of the lecture; bpmath only supplies the
values being checked.
"""

from __future__ import annotations

import math

import pytest

import bpmath

REL = 1e-12  # math.exp and numpy's exp may differ in the last bit; nothing more


def sig(z: float) -> float:
    """σ(z) = 1 / (1 + e^(−z))."""
    return 1.0 / (1.0 + math.exp(-z))


def dsig(z: float) -> float:
    """σ'(z) = σ(z)(1 − σ(z))."""
    return sig(z) * (1.0 - sig(z))


# --- the chain: x = 0.9 → w1, b1 → w2, b2 → w3, b3, y = 1 -------------------------------

W1, W2, W3 = 1.2, 2.4, 2.5
B1, B2, B3 = -0.3, -0.8, -2.0
X, Y = 0.9, 1.0

A0 = X
Z1 = W1 * A0 + B1  # 1.2 · 0.9 − 0.3 = 0.78
A1 = sig(Z1)
Z2 = W2 * A1 + B2
A2 = sig(Z2)
Z3 = W3 * A2 + B3
A3 = sig(Z3)
C0 = (A3 - Y) ** 2  # no ½

# Backwards, one factor at a time.
DC_DA3 = 2 * (A3 - Y)
DC_DZ3 = dsig(Z3) * DC_DA3
DC_DW3 = A2 * DC_DZ3  # ∂z3/∂w3 · ∂a3/∂z3 · ∂C0/∂a3
DC_DB3 = 1.0 * DC_DZ3
DC_DA2 = W3 * DC_DZ3
DC_DZ2 = dsig(Z2) * DC_DA2
DC_DW2 = A1 * DC_DZ2
DC_DB2 = DC_DZ2
DC_DA1 = W2 * DC_DZ2
DC_DZ1 = dsig(Z1) * DC_DA1
DC_DW1 = A0 * DC_DZ1
DC_DB1 = DC_DZ1
DC_DA0 = W1 * DC_DZ1


@pytest.fixture(scope="module")
def chain():
    """The canonical chain example, its forward trace and its gradients."""
    ex = bpmath.examples.chain()
    return ex, bpmath.forward(ex.network, ex.x), bpmath.backward(ex.network, ex.x, ex.y)


def test_chain_example_has_the_documented_values(chain):
    """The chain is w = (1.2, 2.4, 2.5), b = (−0.3, −0.8, −2.0), x = 0.9, y = 1, sigmoid."""
    ex, _, _ = chain
    net = ex.network
    got = (
        [float(net.weight(l)[0, 0]) for l in (1, 2, 3)],
        [float(net.bias(l)[0]) for l in (1, 2, 3)],
        float(ex.x[0]),
        float(ex.y[0]),
        net.activation.name,
    )
    assert got == ([W1, W2, W3], [B1, B2, B3], X, Y, "sigmoid"), (
        f"chain example is {got}"
    )


def test_chain_weighted_sums_by_hand(chain):
    """z^(l) = w^(l) a^(l-1) + b^(l) for l = 1, 2, 3."""
    _, t, _ = chain
    assert Z1 == pytest.approx(0.78, rel=1e-15), "hand arithmetic: 1.2 · 0.9 − 0.3"
    for l, z in ((1, Z1), (2, Z2), (3, Z3)):
        assert t.z(l)[0] == pytest.approx(z, rel=REL), f"z^({l}): {t.z(l)[0]} vs {z}"


def test_chain_activations_by_hand(chain):
    """a^(0) is the input and a^(l) = σ(z^(l)) for l = 1, 2, 3."""
    _, t, _ = chain
    for l, a in ((0, A0), (1, A1), (2, A2), (3, A3)):
        assert t.a(l)[0] == pytest.approx(a, rel=REL), f"a^({l}): {t.a(l)[0]} vs {a}"
    assert t.output[0] == pytest.approx(A3, rel=REL), "output is not a^(3)"


def test_chain_cost_by_hand(chain):
    """C0 = (a^(3) − y)², with no ½ in front."""
    ex, t, g = chain
    assert g.cost == pytest.approx(C0, rel=REL), f"backward cost {g.cost} vs {C0}"
    assert bpmath.cost(t.output, ex.y) == pytest.approx(C0, rel=REL)


def test_chain_rule_factors_of_the_last_weight(chain):
    """∂C0/∂w^(3) = a^(2) · σ'(z^(3)) · 2(a^(3) − y), each factor by hand."""
    ex, _, _ = chain
    rule = bpmath.chain_rule(ex.network, ex.x, ex.y, layer=3)
    by_hand = (A2, dsig(Z3), 2 * (A3 - Y))
    for name, got, want in zip(("∂z/∂w", "∂a/∂z", "∂C0/∂a"), rule.factors, by_hand):
        assert got == pytest.approx(want, rel=REL), f"{name}: {got} vs {want}"
    assert rule.product == pytest.approx(DC_DW3, rel=REL)


def test_chain_rule_factors_further_back(chain):
    """∂C0/∂w^(2) and ∂C0/∂w^(1): a^(l-1) · σ'(z^(l)) · ∂C0/∂a^(l), the sensitivity by hand."""
    ex, _, _ = chain
    for l, by_hand in ((2, (A1, dsig(Z2), DC_DA2)), (1, (A0, dsig(Z1), DC_DA1))):
        rule = bpmath.chain_rule(ex.network, ex.x, ex.y, layer=l)
        assert rule.factors == pytest.approx(by_hand, rel=REL), f"w^({l}) factors"


def test_bias_and_previous_activation_factors(chain):
    """∂z/∂b = 1 and ∂z^(3)/∂a^(2) = w^(3) replace the first factor."""
    ex, _, _ = chain
    bias = bpmath.chain_rule(ex.network, ex.x, ex.y, 3, wrt="b")
    prev = bpmath.chain_rule(ex.network, ex.x, ex.y, 3, wrt="a")
    assert bias.factors == pytest.approx((1.0, dsig(Z3), DC_DA3), rel=REL)
    assert prev.factors == pytest.approx((W3, dsig(Z3), DC_DA3), rel=REL)
    assert bias.product == pytest.approx(DC_DB3, rel=REL), "∂C0/∂b^(3)"
    assert prev.product == pytest.approx(DC_DA2, rel=REL), "∂C0/∂a^(2)"


@pytest.mark.parametrize(
    ("layer", "dw", "db", "dz"),
    [
        (1, DC_DW1, DC_DB1, DC_DZ1),
        (2, DC_DW2, DC_DB2, DC_DZ2),
        (3, DC_DW3, DC_DB3, DC_DZ3),
    ],
)
def test_chain_weight_bias_and_z_gradients(chain, layer, dw, db, dz):
    """∂C0/∂w^(l), ∂C0/∂b^(l) and ∂C0/∂z^(l) from backward match the hand chain rule."""
    _, _, g = chain
    assert g.weight(layer)[0, 0] == pytest.approx(dw, rel=REL), f"∂C0/∂w^({layer})"
    assert g.bias(layer)[0] == pytest.approx(db, rel=REL), f"∂C0/∂b^({layer})"
    assert g.z(layer)[0] == pytest.approx(dz, rel=REL), f"∂C0/∂z^({layer})"


@pytest.mark.parametrize(
    ("layer", "da"), [(0, DC_DA0), (1, DC_DA1), (2, DC_DA2), (3, DC_DA3)]
)
def test_chain_activation_gradients(chain, layer, da):
    """∂C0/∂a^(l) for l = 0..3, the input included."""
    _, _, g = chain
    assert g.a(layer)[0] == pytest.approx(da, rel=REL), f"∂C0/∂a^({layer})"


def test_chain_gradient_vector_by_hand(chain):
    """∇C of the chain is (∂w1, ∂b1, ∂w2, ∂b2, ∂w3, ∂b3) in that order."""
    _, _, g = chain
    vec = bpmath.gradient_vector(g)
    want = [DC_DW1, DC_DB1, DC_DW2, DC_DB2, DC_DW3, DC_DB3]
    assert vec.labels == ("w^(1)", "b^(1)", "w^(2)", "b^(2)", "w^(3)", "b^(3)")
    assert list(vec.values) == pytest.approx(want, rel=REL), f"∇C {list(vec.values)}"


# --- the wide [2, 3, 2] example, every index written out ---------------------------------

WIDE_W1 = [[1.5, -0.8], [-1.2, 2.0], [0.7, 1.1]]
WIDE_B1 = [-0.2, 0.1, -0.4]
WIDE_W2 = [[1.3, -0.9, 0.6], [-1.1, 1.6, 0.8]]
WIDE_B2 = [0.3, -0.5]
WIDE_X = [0.8, 0.3]
WIDE_Y = [0.0, 1.0]


@pytest.fixture(scope="module")
def wide():
    """The wide example, its forward trace and its gradients."""
    ex = bpmath.examples.wide()
    return ex, bpmath.forward(ex.network, ex.x), bpmath.backward(ex.network, ex.x, ex.y)


def test_wide_example_has_the_documented_values(wide):
    """The wide example's matrices, biases, input and target are the literal ones."""
    ex, _, _ = wide
    net = ex.network
    assert net.sizes == (2, 3, 2)
    assert net.weight(1).tolist() == WIDE_W1 and net.weight(2).tolist() == WIDE_W2
    assert net.bias(1).tolist() == WIDE_B1 and net.bias(2).tolist() == WIDE_B2
    assert ex.x.tolist() == WIDE_X and ex.y.tolist() == WIDE_Y


def test_wide_first_layer_weighted_sums_written_out(wide):
    """z_j^(1) = w_j0 x_0 + w_j1 x_1 + b_j, with the numbers."""
    _, t, _ = wide
    by_hand = [
        1.5 * 0.8 + (-0.8) * 0.3 + (-0.2),  # 1.2 − 0.24 − 0.2 = 0.76
        (-1.2) * 0.8 + 2.0 * 0.3 + 0.1,  # −0.96 + 0.6 + 0.1 = −0.26
        0.7 * 0.8 + 1.1 * 0.3 + (-0.4),  # 0.56 + 0.33 − 0.4 = 0.49
    ]
    assert by_hand == pytest.approx([0.76, -0.26, 0.49], rel=1e-14)
    for j in range(3):
        assert t.z(1)[j] == pytest.approx(by_hand[j], rel=REL), f"z_{j}^(1)"
        assert t.a(1)[j] == pytest.approx(sig(by_hand[j]), rel=REL), f"a_{j}^(1)"


def _wide_by_hand():
    """The whole wide forward and backward pass with explicit sums over j and k."""
    x, y = WIDE_X, WIDE_Y
    z1 = [sum(WIDE_W1[j][k] * x[k] for k in range(2)) + WIDE_B1[j] for j in range(3)]
    a1 = [sig(z) for z in z1]
    z2 = [sum(WIDE_W2[j][k] * a1[k] for k in range(3)) + WIDE_B2[j] for j in range(2)]
    a2 = [sig(z) for z in z2]
    cost = sum((a2[j] - y[j]) ** 2 for j in range(2))
    da2 = [2 * (a2[j] - y[j]) for j in range(2)]
    dz2 = [dsig(z2[j]) * da2[j] for j in range(2)]
    dw2 = [[a1[k] * dz2[j] for k in range(3)] for j in range(2)]
    da1 = [sum(WIDE_W2[j][k] * dz2[j] for j in range(2)) for k in range(3)]
    dz1 = [dsig(z1[j]) * da1[j] for j in range(3)]
    dw1 = [[x[k] * dz1[j] for k in range(2)] for j in range(3)]
    da0 = [sum(WIDE_W1[j][k] * dz1[j] for j in range(3)) for k in range(2)]
    return dict(z1=z1, a1=a1, z2=z2, a2=a2, cost=cost, da2=da2, dz2=dz2, dw2=dw2,
                da1=da1, dz1=dz1, dw1=dw1, da0=da0)  # fmt: skip


def test_wide_forward_and_cost_by_hand(wide):
    """z_j^(2) = Σ_k w_jk a_k^(1) + b_j, a_j^(2) = σ(z_j^(2)), C0 = Σ_j (a_j − y_j)²."""
    _, t, g = wide
    h = _wide_by_hand()
    assert list(t.z(2)) == pytest.approx(h["z2"], rel=REL), "z^(2)"
    assert list(t.a(2)) == pytest.approx(h["a2"], rel=REL), "a^(2)"
    assert g.cost == pytest.approx(h["cost"], rel=REL), f"C0 {g.cost} vs {h['cost']}"


def test_wide_every_gradient_entry_by_hand(wide):
    """Every ∂C0/∂w_jk, ∂C0/∂b_j, ∂C0/∂z_j and ∂C0/∂a_k of the wide example."""
    _, _, g = wide
    h = _wide_by_hand()
    for layer, dw, dz in ((1, h["dw1"], h["dz1"]), (2, h["dw2"], h["dz2"])):
        for j, row in enumerate(dw):
            for k, want in enumerate(row):
                got = g.weight(layer)[j, k]
                assert got == pytest.approx(want, rel=REL), f"∂C0/∂w_{j}{k}^({layer})"
        assert list(g.bias(layer)) == pytest.approx(dz, rel=REL), f"∂C0/∂b^({layer})"
        assert list(g.z(layer)) == pytest.approx(dz, rel=REL), f"∂C0/∂z^({layer})"
    for layer, da in ((0, h["da0"]), (1, h["da1"]), (2, h["da2"])):
        assert list(g.a(layer)) == pytest.approx(da, rel=REL), f"∂C0/∂a^({layer})"


def test_wide_indexed_chain_rule_by_hand(wide):
    """∂C0/∂w_jk^(2) = a_k^(1) · σ'(z_j^(2)) · 2(a_j^(2) − y_j) for every j, k."""
    ex, _, _ = wide
    h = _wide_by_hand()
    for j in range(2):
        for k in range(3):
            rule = bpmath.chain_rule(ex.network, ex.x, ex.y, 2, j=j, k=k)
            want = (h["a1"][k], dsig(h["z2"][j]), 2 * (h["a2"][j] - WIDE_Y[j]))
            assert rule.factors == pytest.approx(want, rel=REL), f"w_{j}{k}^(2) factors"


def test_wide_path_terms_by_hand(wide):
    """a_k^(1) reaches C0 through both output neurons: w_jk σ'(z_j) 2(a_j − y_j) each."""
    ex, _, _ = wide
    h = _wide_by_hand()
    for k in range(3):
        paths = bpmath.path_terms(ex.network, ex.x, ex.y, layer=2, k=k)
        want = [WIDE_W2[j][k] * dsig(h["z2"][j]) * h["da2"][j] for j in range(2)]
        assert list(paths.values) == pytest.approx(want, rel=REL), (
            f"paths into a_{k}^(1)"
        )
        assert paths.total == pytest.approx(h["da1"][k], rel=REL), f"Σ_j for k = {k}"
