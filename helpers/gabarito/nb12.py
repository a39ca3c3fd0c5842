"""Gabarito do notebook 12 · Regressão com Keras."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _rmse(y, previsto):
    return np.sqrt(np.mean((np.ravel(y) - np.ravel(previsto)) ** 2))


_Y = np.array([151.0, 75.0, 141.0, 206.0, 135.0])
_PREVISTO = np.array([160.0, 90.0, 120.0, 180.0, 140.0])

EXERCICIOS = {
    1: Valor(lambda y_treino, y_validacao: np.mean(np.abs(y_validacao - np.median(y_treino))),
             dica="calcule a mediana de y_treino e depois a média de |y_validacao − mediana|."),
    2: Valor(169, dica="três camadas densas: 10 → 8, 8 → 8 e 8 → 1; cada uma tem "
                       "entradas × neurônios pesos e um viés por neurônio. A padronização e a "
                       "escala não contam."),
    3: Funcao(casos=[(_Y, _PREVISTO[:, None]), (_Y, _PREVISTO), (_Y[:, None], _PREVISTO)],
              referencia=_rmse,
              dica="np.ravel deixa y e a previsão com a forma (n,) antes da subtração."),
}
