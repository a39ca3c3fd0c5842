"""Gabarito do notebook 03 · O custo: quanto a rede errou."""

import numpy as np

from helpers.exercicios import Funcao, Valor

_PREVISTO = np.array([0.32, 0.51, 0.45, 0.21, 0.67, 0.13, 0.04, 0.89, 0.83, 0.28])


def _probabilidades(n, classes, semente):
    """Linhas de probabilidades (positivas, somando 1), como as de uma softmax."""
    e = np.exp(np.random.default_rng(semente).normal(size=(n, classes)))
    return e / e.sum(axis=1, keepdims=True)


def _imagens_e_rotulos(semente):
    rng = np.random.default_rng(semente)
    return rng.random((40, 784)), rng.integers(0, 10, size=40)


def _casos_imagem_media():
    x, rotulos = _imagens_e_rotulos(0)
    return [(x, rotulos, 3), (x, rotulos, 7)]


EXERCICIOS = {
    1: Funcao(casos=[(_PREVISTO, 2), (np.full(10, 0.1), 0), (np.eye(10)[3], 3)],
              referencia=lambda p, r: float(sum((p[j] - (j == r)) ** 2 for j in range(10))),
              dica="monte o one-hot com np.eye(10)[rotulo] e some os quadrados das diferenças."),
    2: Funcao(casos=[(np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]), np.array([0, 2])),
                     (_probabilidades(100, 10, 0), np.random.default_rng(1).integers(0, 10, 100))],
              referencia=lambda P, r: -np.mean([np.log(P[k, r[k]]) for k in range(len(r))]),
              dica="P[np.arange(n), rotulos] dá a probabilidade da classe certa de cada imagem."),
    3: Funcao(casos=_casos_imagem_media(),
              referencia=lambda x, r, d: sum(x[k] for k in range(len(r)) if r[k] == d)
              / np.sum(r == d),
              dica="x[rotulos == digito] seleciona as linhas do dígito; depois .mean(axis=0)."),
    # o enunciado pede duas casas decimais: meia unidade na segunda casa
    4: Valor(np.log(4), atol=0.005, dica="a entropia cruzada é −ln p; calcule −np.log(0.25)."),
}
