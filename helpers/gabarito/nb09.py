"""Gabarito do notebook 09 · Uma rede NumPy que aprende o MNIST."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _acuracia_por_classe(previstos, rotulos):
    return np.array([np.mean(previstos[rotulos == k] == k) for k in range(10)])


def _casos_por_classe(previstos, rotulos):
    # os dados do notebook e um caso pequeno, feito à mão, com todas as classes
    pequeno = (np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1]),
               np.array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 7, 1]))
    return [(previstos, rotulos), pequeno]


EXERCICIOS = {
    1: Valor(10 * int(np.ceil(60000 / 256)), dica="cada época tem ceil(60000 / 256) passos."),
    2: Valor(784 * 128 + 128 + 128 * 10 + 10,
             dica="W1 tem 784 × 128 pesos, b1 tem 128; some os de W2 (128 × 10) e b2 (10)."),
    3: Funcao(casos=_casos_por_classe, referencia=_acuracia_por_classe,
              dica="para cada k, np.mean(previstos[rotulos == k] == k)."),
}
