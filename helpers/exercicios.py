"""Correção automática dos exercícios "Sua vez": comparam a resposta e explicam o que falta.

Na célula do aluno fica só a chamada, com o código do exercício (notebook.exercício):

    conferir("01.1", resposta_1)                  # um valor
    conferir_funcao("01.2", neuronio_relu)        # uma função, testada em vários casos
    conferir("11.2", resposta_2, test_labels)     # dados do notebook de que a resposta depende

A resposta esperada, os casos de teste e as dicas ficam no gabarito, fora do notebook
(``helpers/gabarito/nbNN.py``): a solução não aparece na célula do aluno.

As funções imprimem uma mensagem (✅ certo, ❌ ainda não, 🤏 quase, ⏳ sem resposta) e não
devolvem nada (assim o notebook não mostra um ``True``/``False`` solto embaixo da
mensagem); nunca levantam erro por resposta errada, para o aluno poder tentar de novo. Quem
precisar do resultado (os testes) usa ``avaliar`` e ``avaliar_funcao``, que devolvem
``True``/``False``.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Funcao", "Valor", "avaliar", "avaliar_funcao", "conferir", "conferir_funcao"]

# Abaixo disto, dois números são "o mesmo" (só protege contra o ruído de ponto flutuante
# em torno de zero, como 1e-17 contra 0; não afrouxa precisão nenhuma prometida no texto).
_PISO = 1e-12
_QUASE = 0.01  # erro relativo abaixo de 1%: "quase"


@dataclass(frozen=True)
class Valor:
    """Um exercício cuja resposta é um valor (número, array, forma, texto).

    ``esperado`` é o valor ou uma função que o calcula a partir dos ``dados`` passados pelo
    notebook. ``atol`` é a precisão absoluta que o enunciado promete (por exemplo 0,005 para
    "duas casas decimais"); sem ela vale ``rtol`` (relativa).
    """

    esperado: Any
    dica: str = ""
    atol: float | None = None
    rtol: float = 1e-6


@dataclass(frozen=True)
class Funcao:
    """Um exercício cuja resposta é uma função, chamada em ``casos`` e comparada com
    ``referencia``. ``casos`` é uma lista de tuplas de argumentos, ou uma função que a
    monta a partir dos ``dados`` passados pelo notebook."""

    casos: Any
    referencia: Callable
    dica: str = ""
    atol: float | None = None
    rtol: float = 1e-6


def _do_gabarito(exercicio: str, tipo: type):
    """Busca o exercício "NN.k" em ``helpers/gabarito/nbNN.py``."""
    try:
        notebook, numero = exercicio.split(".")
        modulo = importlib.import_module(f"helpers.gabarito.nb{int(notebook):02d}")
        item = modulo.EXERCICIOS[int(numero)]
    except (ValueError, ModuleNotFoundError, KeyError, AttributeError):
        raise ValueError(
            f"Não conheço o exercício {exercicio!r}. Use o código escrito na célula, no "
            "formato \"notebook.exercício\" (por exemplo \"01.2\"), sem mudá-lo.") from None
    if not isinstance(item, tipo):
        outra = "conferir_funcao" if tipo is Valor else "conferir"
        raise ValueError(f"O exercício {exercicio} não se confere assim: use `{outra}`.")
    return item


def _titulo(exercicio: str) -> str:
    return f"Exercício {exercicio.split('.')[-1]}"


def _comparar(resposta, esperado, item) -> str | None:
    """None se a resposta confere; senão, uma explicação curta do que está diferente."""
    if hasattr(resposta, "numpy") and not isinstance(resposta, np.ndarray):
        resposta = resposta.numpy()
    if isinstance(esperado, str):
        return None if resposta == esperado else f"esperava o texto {esperado!r}"
    if isinstance(esperado, (tuple, list)) and not np.issubdtype(
            np.asarray(esperado).dtype, np.number):
        return None if tuple(resposta) == tuple(esperado) else f"esperava {tuple(esperado)}"
    try:
        r = np.asarray(resposta, dtype=float)
    except (TypeError, ValueError):
        return f"esperava um número ou array, mas recebi {type(resposta).__name__}"
    e = np.asarray(esperado, dtype=float)
    if r.shape != e.shape:
        return f"a forma está diferente: esperava {e.shape}, recebi {r.shape}"
    atol = _PISO if item.atol is None else item.atol
    rtol = 0.0 if item.atol is not None else item.rtol
    perto = np.isclose(r, e, rtol=rtol, atol=atol, equal_nan=True)
    if perto.all():
        return None
    escala = float(np.max(np.abs(e))) if e.size else 0.0
    desvio = float(np.nanmax(np.abs(r - e))) if e.size else 0.0
    if escala > 0 and np.isfinite(desvio) and desvio / escala < _QUASE:
        return (f"quase: a diferença é de {100 * desvio / escala:.2g}%".replace(".", ",")
                + ", confira os arredondamentos e a fórmula")
    if r.ndim == 0:
        return f"o valor {r.item():.6g} não confere"
    return f"{int(np.sum(~perto))} de {r.size} valores não conferem"


def _relatar(titulo: str, problema: str | None, dica: str, sucesso: str = "correto!") -> bool:
    if problema is None:
        print(f"✅ {titulo}: {sucesso}")
        return True
    simbolo = "🤏" if problema.startswith("quase") else "❌"
    texto = problema if problema.startswith("quase") else f"ainda não — {problema}"
    print(f"{simbolo} {titulo}: {texto}." + (f" Dica: {dica}" if dica else ""))
    return False


def conferir(exercicio: str, resposta, *dados) -> None:
    """Compara ``resposta`` com o gabarito do ``exercicio`` e imprime o resultado.

    ``resposta`` igual a ``None`` (ou ``...``) quer dizer "ainda não respondido".
    """
    avaliar(exercicio, resposta, *dados)


def avaliar(exercicio: str, resposta, *dados, gabarito: Valor | None = None) -> bool:
    """Como ``conferir``, mas devolve ``True`` se a resposta confere."""
    item = gabarito or _do_gabarito(exercicio, Valor)
    titulo = _titulo(exercicio)
    if resposta is None or resposta is Ellipsis:
        print(f"⏳ {titulo}: ainda sem resposta. Escreva a sua no lugar de `None` e execute "
              "a célula de novo.")
        return False
    esperado = item.esperado(*dados) if callable(item.esperado) else item.esperado
    return _relatar(titulo, _comparar(resposta, esperado, item), item.dica)


def _sem_funcao(titulo: str) -> bool:
    print(f"⏳ {titulo}: ainda sem resposta. Escreva a sua função no lugar do "
          "`raise NotImplementedError` e execute a célula de novo.")
    return False


def _iguais(a, b) -> bool:
    try:
        return bool(np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True))
    except (TypeError, ValueError):
        return a == b


def conferir_funcao(exercicio: str, funcao, *dados) -> None:
    """Chama a ``funcao`` do aluno em cada caso de teste do gabarito e compara.

    Um erro dentro da função do aluno é mostrado como dica, sem interromper o notebook.
    """
    avaliar_funcao(exercicio, funcao, *dados)


def avaliar_funcao(exercicio: str, funcao, *dados, gabarito: Funcao | None = None) -> bool:
    """Como ``conferir_funcao``, mas devolve ``True`` se a função passa em todos os casos."""
    item = gabarito or _do_gabarito(exercicio, Funcao)
    titulo = _titulo(exercicio)
    if funcao is None or funcao is Ellipsis:
        return _sem_funcao(titulo)
    if not callable(funcao):
        print(f"❌ {titulo}: esperava uma função, mas recebi {type(funcao).__name__}.")
        return False
    casos = item.casos(*dados) if callable(item.casos) else item.casos
    alterou = False
    for argumentos in casos:
        argumentos = argumentos if isinstance(argumentos, tuple) else (argumentos,)
        # a referência primeiro, numa cópia: nada do que o aluno fizer muda o esperado
        esperado = item.referencia(*copy.deepcopy(argumentos))
        do_aluno = copy.deepcopy(argumentos)
        try:
            obtido = funcao(*do_aluno)
        except NotImplementedError:
            return _sem_funcao(titulo)
        except Exception as erro:
            print(f"❌ {titulo}: a função levantou {type(erro).__name__}: {erro}")
            return False
        alterou = alterou or not all(_iguais(a, b) for a, b in zip(do_aluno, argumentos))
        if obtido is None:
            print(f"❌ {titulo}: a função não devolveu nada (faltou o `return`?).")
            return False
        problema = _comparar(obtido, esperado, item)
        if problema is not None:
            descricao = ", ".join(f"forma {np.shape(a)}" if np.ndim(a) else repr(a)
                                  for a in argumentos)
            return _relatar(titulo, f"{problema} (com a entrada {descricao})", item.dica)
    casos_de_teste = "no caso de teste" if len(casos) == 1 else f"nos {len(casos)} casos de teste"
    _relatar(titulo, None, "", f"correto {casos_de_teste}!")
    if alterou:
        print("   ⚠️ Mas a sua função alterou a entrada que recebeu (um array mudou de valor). "
              "Quem a chamar perde os dados originais: trabalhe numa cópia (`x = x.copy()`) "
              "ou crie um array novo.")
    return True
