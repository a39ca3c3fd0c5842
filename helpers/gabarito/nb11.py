"""Gabarito do notebook 11 · Roupas com Keras."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _perda_de_logits(logits, rotulos):
    """Entropia cruzada média a partir de logits, em float64 (log-soma-exp estável)."""
    z = np.asarray(logits, dtype="float64")
    m = z.max(axis=1, keepdims=True)
    log_soma = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    return float(np.mean(log_soma - z[np.arange(len(z)), np.asarray(rotulos)]))


def _casos_da_perda(logits, rotulos):
    return [(np.array([[2.0, 1.0, 0.1]]), np.array([0])),
            (np.array([[100.0, 0.0, -100.0]]), np.array([2])),
            (np.asarray(logits, dtype="float64"), np.asarray(rotulos))]


def _perda_do_keras(saidas, rotulos, from_logits):
    """A perda como o Keras a calcula (é o que o aluno chama), para comparar sem ruído."""
    from helpers import importar_keras

    keras = importar_keras()
    perda = keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits)
    return float(perda(np.asarray(rotulos), np.asarray(saidas)))


EXERCICIOS = {
    1: Funcao(casos=_casos_da_perda, referencia=_perda_de_logits,
              dica="para cada linha: m + log(soma de exp(z − m)) − z[rótulo]; depois a média."),
    2: Valor(lambda logits, rotulos: _perda_do_keras(logits, rotulos, from_logits=False),
             dica="chame keras.losses.SparseCategoricalCrossentropy() (sem from_logits) com "
                  "(y_lote_val, logits_treinado)."),
    3: Valor(lambda probs, rotulos: _perda_do_keras(probs, rotulos, from_logits=True),
             dica="chame keras.losses.SparseCategoricalCrossentropy(from_logits=True) com "
                  "(y_lote_val, probs_treinado)."),
}
