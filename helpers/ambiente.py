"""Preparação de um notebook: reprodutível (sementes fixas) e silencioso (sem ruído no stderr)."""

from __future__ import annotations

import contextlib
import os
import random
import sys

SEMENTE_PADRAO = 42


@contextlib.contextmanager
def _stderr_do_processo_silenciado():
    """Desvia o descritor 2 do processo para /dev/null durante o bloco.

    O TensorFlow imprime avisos em C++ (por exemplo o do oneDNN) antes de o sistema de logs
    existir; nem ``TF_CPP_MIN_LOG_LEVEL`` os cala. Desviamos só durante a importação.
    """
    try:
        sys.stderr.flush()
        copia = os.dup(2)
    except (OSError, ValueError):  # sem descritor 2 de verdade: nada a desviar
        yield
        return
    nulo = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(nulo, 2)
        yield
    finally:
        os.dup2(copia, 2)
        os.close(copia)
        os.close(nulo)


def importar_keras():
    """Importa e devolve o ``keras`` sem deixar avisos do TensorFlow no notebook."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    if "keras" not in sys.modules:
        with _stderr_do_processo_silenciado():
            import tensorflow as tf

            tf.get_logger().setLevel("ERROR")
            import keras  # noqa: F401
    import keras

    return keras


def _estilo_dos_graficos():
    import matplotlib as mpl

    mpl.rcParams.update({
        "figure.figsize": (6.4, 4.0),
        "figure.dpi": 80,
        "savefig.dpi": 80,
        "axes.grid": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": "medium",
        "image.cmap": "gray_r",
        "axes.formatter.use_locale": False,
    })


def configurar_notebook(semente: int = SEMENTE_PADRAO, *, keras: bool = False) -> None:
    """A primeira chamada de todo notebook do curso.

    - fixa a semente do ``random``, do NumPy e, com ``keras=True``, do Keras/TensorFlow
      (``keras.utils.set_random_seed``), para que duas execuções deem os mesmos números;
    - com ``keras=True``, importa o TensorFlow sem deixar avisos no notebook;
    - ajusta o estilo padrão dos gráficos.

    Parâmetros
    ----------
    semente : int
        Semente dos geradores de números aleatórios (inteiro não negativo).
    keras : bool
        ``True`` nos notebooks que usam Keras. Os notebooks só com NumPy não precisam
        pagar os segundos de importação do TensorFlow.
    """
    if isinstance(semente, bool) or not isinstance(semente, int) or semente < 0:
        raise TypeError(f"A semente deve ser um inteiro não negativo; recebi {semente!r}.")
    if not isinstance(keras, bool):
        raise TypeError(f"O parâmetro keras deve ser True ou False; recebi {keras!r}.")
    import numpy as np

    random.seed(semente)
    np.random.seed(semente)
    if keras:
        importar_keras().utils.set_random_seed(semente)
    _estilo_dos_graficos()
