"""Correção automática dos exercícios "Sua vez": comparam a resposta e explicam o que falta.

As funções imprimem uma mensagem (✅ certo, ❌ ainda não, ⏳ sem resposta) e não devolvem
nada (assim o notebook não mostra um ``True``/``False`` solto embaixo da mensagem); nunca
levantam erro por resposta errada, para o aluno poder tentar de novo. Quem precisar do
resultado (os testes) usa ``avaliar`` e ``avaliar_funcao``, que devolvem ``True``/``False``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["avaliar", "avaliar_funcao", "conferir", "conferir_funcao"]


def _comparar(resposta, esperado, tolerancia: float) -> str | None:
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
    if not np.allclose(r, e, rtol=tolerancia, atol=tolerancia, equal_nan=True):
        if r.ndim == 0:
            return f"o valor {r.item():.6g} não confere"
        return f"{int(np.sum(~np.isclose(r, e, rtol=tolerancia, atol=tolerancia)))} " \
               f"de {r.size} valores não conferem"
    return None


def conferir(nome: str, resposta, esperado, *, dica: str = "", tolerancia: float = 1e-6) -> None:
    """Compara ``resposta`` com ``esperado`` e imprime o resultado em português.

    ``resposta`` igual a ``None`` (ou ``...``) quer dizer "ainda não respondido".
    Números e arrays são comparados com tolerância; formas diferentes são apontadas.
    """
    avaliar(nome, resposta, esperado, dica=dica, tolerancia=tolerancia)


def avaliar(nome: str, resposta, esperado, *, dica: str = "", tolerancia: float = 1e-6) -> bool:
    """Como ``conferir``, mas devolve ``True`` se a resposta confere."""
    if resposta is None or resposta is Ellipsis:
        print(f"⏳ {nome}: ainda sem resposta. Escreva a sua no lugar de `None` e execute "
              "a célula de novo.")
        return False
    return _comparar_e_relatar(nome, resposta, esperado, dica, tolerancia)


def _sem_funcao(nome: str) -> bool:
    print(f"⏳ {nome}: ainda sem resposta. Escreva a sua função no lugar do "
          "`raise NotImplementedError` e execute a célula de novo.")
    return False


def _comparar_e_relatar(nome, resposta, esperado, dica, tolerancia) -> bool:
    problema = _comparar(resposta, esperado, tolerancia)
    if problema is None:
        print(f"✅ {nome}: correto!")
        return True
    print(f"❌ {nome}: ainda não — {problema}." + (f" Dica: {dica}" if dica else ""))
    return False


def conferir_funcao(nome: str, funcao, casos, referencia, *, dica: str = "",
                    tolerancia: float = 1e-6) -> None:
    """Chama ``funcao`` do aluno em cada caso de teste e compara com ``referencia``.

    ``casos`` é uma lista de tuplas de argumentos. Um erro dentro da função do aluno é
    mostrado como dica, sem interromper o notebook.
    """
    avaliar_funcao(nome, funcao, casos, referencia, dica=dica, tolerancia=tolerancia)


def avaliar_funcao(nome: str, funcao, casos, referencia, *, dica: str = "",
                   tolerancia: float = 1e-6) -> bool:
    """Como ``conferir_funcao``, mas devolve ``True`` se a função passa em todos os casos."""
    if funcao is None or funcao is Ellipsis:
        return _sem_funcao(nome)
    if not callable(funcao):
        print(f"❌ {nome}: esperava uma função, mas recebi {type(funcao).__name__}.")
        return False
    for argumentos in casos:
        argumentos = argumentos if isinstance(argumentos, tuple) else (argumentos,)
        try:
            obtido = funcao(*argumentos)
        except NotImplementedError:
            return _sem_funcao(nome)
        except Exception as erro:
            print(f"❌ {nome}: a função levantou {type(erro).__name__}: {erro}")
            return False
        if obtido is None:
            print(f"❌ {nome}: a função não devolveu nada (faltou o `return`?).")
            return False
        problema = _comparar(obtido, referencia(*argumentos), tolerancia)
        if problema is not None:
            descricao = ", ".join(f"forma {np.shape(a)}" if np.ndim(a) else repr(a)
                                  for a in argumentos)
            print(f"❌ {nome}: com a entrada ({descricao}), {problema}."
                  + (f" Dica: {dica}" if dica else ""))
            return False
    casos_de_teste = "no caso de teste" if len(casos) == 1 else f"nos {len(casos)} casos de teste"
    print(f"✅ {nome}: correto {casos_de_teste}!")
    return True
