"""Preparação de um notebook: reprodutível (sementes fixas) e silencioso (sem ruído no stderr)."""

from __future__ import annotations

import contextlib
import importlib.metadata
import locale
import os
import random
import re
import sys

SEMENTE_PADRAO = 42
# Uma variável de ambiente troca a semente de todos os notebooks sem editá-los (os testes
# executam o curso com outras sementes para provar que o texto vale para qualquer uma).
VARIAVEL_DA_SEMENTE = "CURSO_SEMENTE"

# As versões mais antigas com que o curso é testado: as do Colab (dezembro de 2026).
VERSOES_MINIMAS = {"Python": (3, 11), "NumPy": (2, 1), "TensorFlow": (2, 20), "Keras": (3, 13)}


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


def _como_tupla(versao: str) -> tuple[int, ...]:
    """"2.21.0rc1" → (2, 21, 0): os números do começo de cada parte, até o primeiro que falta."""
    import re

    numeros = []
    for parte in versao.split(".")[:3]:
        inicio = re.match(r"\d+", parte)
        if inicio is None:
            break
        numeros.append(int(inicio.group()))
    return tuple(numeros)


def _versao_instalada(*distribuicoes: str) -> str | None:
    for nome in distribuicoes:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            return importlib.metadata.version(nome)
    return None


def mostrar_versoes(keras: bool = False) -> None:
    """Imprime, numa linha, as versões que o notebook vai usar, e avisa se alguma é antiga.

    Não importa o TensorFlow (lê só os metadados dos pacotes instalados), então é instantânea.
    Com ``keras=True`` inclui o TensorFlow e o Keras.
    """
    if not isinstance(keras, bool):
        raise TypeError(f"O parâmetro keras deve ser True ou False; recebi {keras!r}.")
    versoes = {"Python": ".".join(map(str, sys.version_info[:3])),
               "NumPy": _versao_instalada("numpy")}
    if keras:
        versoes["TensorFlow"] = _versao_instalada("tensorflow", "tensorflow-cpu")
        versoes["Keras"] = _versao_instalada("keras")
    print("Versões encontradas: " + " · ".join(
        f"{nome} {versao or 'não instalado'}" for nome, versao in versoes.items()))
    for nome, versao in versoes.items():
        minima = ".".join(map(str, VERSOES_MINIMAS[nome]))
        if versao is None:
            print(f"⚠️ Atenção: o {nome} não está instalado, e este notebook precisa dele "
                  f"(versão {minima} ou mais nova). Veja a seção \"Como usar\" do README.")
        elif _como_tupla(versao) < VERSOES_MINIMAS[nome]:
            print(f"⚠️ Atenção: o {nome} {versao} é mais antigo que o {minima}, a versão mais "
                  "antiga com que o curso foi testado. Se algo falhar, atualize-o ou use o Colab.")


def semente_do_curso(semente: int | None = None) -> int:
    """A semente em uso: a dada; senão a da variável ``CURSO_SEMENTE``; senão 42."""
    if semente is None:
        texto = os.environ.get(VARIAVEL_DA_SEMENTE, "").strip()
        if not texto:
            return SEMENTE_PADRAO
        if not texto.isdigit():
            raise ValueError(f"A variável de ambiente {VARIAVEL_DA_SEMENTE} deve ser um inteiro "
                             f"não negativo (por exemplo 7); vale {texto!r}.")
        return int(texto)
    if isinstance(semente, bool) or not isinstance(semente, int) or semente < 0:
        raise TypeError(f"A semente deve ser um inteiro não negativo; recebi {semente!r}.")
    return semente


def numero_br(valor, casas: int = 2) -> str:
    """O número escrito como no Brasil: vírgula decimal e ponto nos milhares.

    ``numero_br(0.97634, 2)`` dá ``'0,98'``; ``numero_br(60000, 0)`` dá ``'60.000'``. Serve
    para textos, títulos e legendas de gráficos (o ``print`` de números do Python e do NumPy
    continua com o ponto decimal, como em todo código).
    """
    if isinstance(casas, bool) or not isinstance(casas, int) or casas < 0:
        raise TypeError(f"`casas` deve ser um inteiro não negativo; recebi {casas!r}.")
    try:
        numero = float(valor)
    except (TypeError, ValueError):
        raise TypeError(f"numero_br espera um número; recebi {type(valor).__name__}.") from None
    return f"{numero:,.{casas}f}".translate(str.maketrans(",.", ".,"))


class _FormatoBrasileiro:
    """Substitui o módulo ``locale`` dentro de ``matplotlib.ticker``: os números dos eixos
    saem com vírgula decimal sem depender de o computador (ou o Colab) ter o locale pt_BR."""

    @staticmethod
    def format_string(formato, valores, grouping=False, monetary=False):
        texto = formato % valores
        if grouping:  # agrupa só a parte inteira (a primeira sequência de dígitos)
            texto = re.sub(r"\d{4,}", lambda m: f"{int(m.group()):,}", texto, count=1)
        return texto.translate(str.maketrans(",.", ".,"))

    def __getattr__(self, nome):  # o resto do módulo locale, intacto
        return getattr(locale, nome)


def _estilo_dos_graficos():
    import matplotlib as mpl
    import matplotlib.ticker

    mpl.rcParams.update({
        # fundo branco de verdade: no tema escuro do Colab, um fundo transparente esconde os
        # eixos e os textos pretos
        "figure.facecolor": "white",
        "axes.facecolor": "white",
        "savefig.facecolor": "white",
        "savefig.transparent": False,
        "figure.figsize": (6.4, 4.0),
        # nítido na tela do Colab e do JupyterLab sem ficar enorme
        "figure.dpi": 110,
        "savefig.dpi": 110,
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.labelsize": 10,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "axes.grid": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "image.cmap": "gray_r",
        # vírgula decimal nos eixos (veja _FormatoBrasileiro)
        "axes.formatter.use_locale": True,
    })
    matplotlib.ticker.locale = _FormatoBrasileiro()


def configurar_notebook(semente: int | None = None, *, keras: bool = False) -> int:
    """A primeira chamada de todo notebook do curso; devolve a semente usada.

    - fixa a semente do ``random``, do NumPy e, com ``keras=True``, do Keras/TensorFlow
      (``keras.utils.set_random_seed``), para que duas execuções deem os mesmos números.
      Sem ``semente``, usa a da variável de ambiente ``CURSO_SEMENTE`` ou, sem ela, 42.
      Os notebooks guardam a semente devolvida (``SEMENTE = configurar_notebook()``) e as
      células de treino a usam: trocar a semente é mudar um número só;
    - com ``keras=True``, importa o TensorFlow sem deixar avisos no notebook;
    - ajusta o estilo padrão dos gráficos.

    Parâmetros
    ----------
    semente : int ou None
        Semente dos geradores de números aleatórios (inteiro não negativo).
    keras : bool
        ``True`` nos notebooks que usam Keras. Os notebooks só com NumPy não precisam
        pagar os segundos de importação do TensorFlow.
    """
    semente = semente_do_curso(semente)
    if not isinstance(keras, bool):
        raise TypeError(f"O parâmetro keras deve ser True ou False; recebi {keras!r}.")
    import numpy as np

    random.seed(semente)
    np.random.seed(semente)
    if keras:
        importar_keras().utils.set_random_seed(semente)
    _estilo_dos_graficos()
    return semente
