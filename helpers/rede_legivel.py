"""As funções da rede ``784 → 512 → 10`` escritas no notebook 08, exatamente como lá.

O notebook 08 escreve, célula por célula, a propagação para frente e a retropropagação de uma
rede densa em NumPy (ReLU na camada oculta, softmax na saída, entropia cruzada). O notebook 09
treina essa rede no MNIST e, em vez de copiar as células, importa as funções daqui::

    from helpers.rede_legivel import (entropia_cruzada, iniciar_parametros, propagar,
                                      retropropagar, softmax)

O código de cada função é o mesmo das células ``def`` do notebook 08 (o teste
``tests/test_rede_legivel.py`` confere, para que os dois não se afastem). Para a versão
ajustada para a velocidade, veja ``helpers/rede_numpy.py``.
"""

import numpy as np

__all__ = ["entropia_cruzada", "iniciar_parametros", "propagar", "retropropagar", "softmax"]


def softmax(logits):
    z = logits - logits.max(axis=-1, keepdims=True)  # não muda o resultado; evita exp enorme
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def iniciar_parametros(rng, n_entradas=784, n_ocultos=512, n_saidas=10):
    return {
        "W1": rng.normal(0, np.sqrt(2 / n_entradas), (n_entradas, n_ocultos)).astype(np.float32),
        "b1": np.zeros(n_ocultos, dtype=np.float32),
        "W2": rng.normal(0, np.sqrt(1 / n_ocultos), (n_ocultos, n_saidas)).astype(np.float32),
        "b2": np.zeros(n_saidas, dtype=np.float32),
    }


def propagar(params, x):
    z1 = x @ params["W1"] + params["b1"]
    h = np.maximum(z1, 0)                      # ReLU
    p = softmax(h @ params["W2"] + params["b2"])
    return h, p


def entropia_cruzada(p, y):
    return -np.mean(np.log(p[np.arange(len(y)), y] + 1e-12))


def retropropagar(params, x, y, h, p):
    n = len(x)
    dz2 = p.copy()
    dz2[np.arange(n), y] -= 1                  # P − Y
    dz2 /= n                                   # a perda é a média do lote
    grads = {"W2": h.T @ dz2, "b2": dz2.sum(axis=0)}
    dh = dz2 @ params["W2"].T                  # ∂H = ∂Z₂ W₂ᵀ
    dz1 = dh * (h > 0)                         # h > 0 exatamente onde z1 > 0: a máscara da ReLU
    grads["W1"] = x.T @ dz1
    grads["b1"] = dz1.sum(axis=0)
    return grads
