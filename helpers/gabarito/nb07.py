"""Gabarito do notebook 07 · Momento, minilotes e otimizadores adaptativos."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _passo_momento(w, v, grad, taxa, momento):
    v_novo = momento * v - taxa * grad
    return w + v_novo, v_novo


def _passo_adagrad(w, s, grad, taxa, eps=1e-8):
    s_novo = s + grad**2
    return w - taxa * grad / (np.sqrt(s_novo) + eps), s_novo


def _primeiro_passo_adam(grad=5.0, taxa=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
    m, s = (1 - beta1) * grad, (1 - beta2) * grad**2
    return taxa * (m / (1 - beta1)) / (np.sqrt(s / (1 - beta2)) + eps)


EXERCICIOS = {
    1: Funcao(casos=[(np.array([1.0, -2.0]), np.array([0.5, 0.1]), np.array([2.0, -4.0]), 0.1, 0.9),
                     (np.array([3.0]), np.array([0.0]), np.array([1.0]), 0.5, 0.0)],
              referencia=_passo_momento,
              dica="Primeiro a velocidade nova, v_novo = momento·v − taxa·grad; depois o peso, "
                   "w + v_novo. Devolva (w_novo, v_novo)."),
    2: Valor(3 * int(np.ceil(60000 / 256)),
             dica="60.000 / 256 não é inteiro: o último minilote, incompleto, também é um passo "
                  "(arredonde para cima); depois multiplique pelas épocas."),
    3: Funcao(casos=[(np.array([1.0, -2.0]), np.array([0.0, 0.0]), np.array([2.0, -4.0]), 0.1),
                     (np.array([0.5, 0.5, 3.0]), np.array([4.0, 1.0, 0.0]),
                      np.array([3.0, 0.0, -1.0]), 0.01)],
              referencia=_passo_adagrad,
              dica="s_novo = s + grad²; w_novo = w − taxa·grad / (√s_novo + eps). "
                   "Devolva (w_novo, s_novo)."),
    4: Valor(_primeiro_passo_adam(),
             dica="No passo 1, m = 0,1·g e s = 0,001·g²; corrigidos, m/(1 − 0,9) = g e "
                  "s/(1 − 0,999) = g². O passo é η·g/(√(g²) + ε)."),
}
