"""A rede NumPy ajustada (helpers.rede_numpy): aprende e recusa entradas erradas em português."""

import numpy as np
import pytest

from helpers import carregar_mnist
from helpers.rede_numpy import (
    iniciar_parametros,
    nucleos_da_algebra_linear,
    tempo_dos_produtos,
    treinar_epoca,
)


@pytest.fixture(scope="module")
def amostra():
    (x_train, y_train), _ = carregar_mnist()
    x = (x_train[:2048].reshape(-1, 784) / np.float32(255)).astype(np.float32)
    return x, y_train[:2048].astype(np.int64)


def test_aprende_e_e_reprodutivel(amostra):
    x, y = amostra
    resultados = []
    for _ in range(2):
        params = iniciar_parametros(np.random.default_rng(0))
        historico = [treinar_epoca(params, x, y, 128, 0.5, np.random.default_rng(e))
                     for e in range(3)]
        resultados.append((historico, params["W1"].copy()))
    (historico, w1), (historico2, w1_2) = resultados
    assert historico[-1][0] < historico[0][0] and historico[-1][1] > 0.85
    assert historico == historico2 and np.array_equal(w1, w1_2)
    assert tempo_dos_produtos(params_ := iniciar_parametros(), 1024, 128) > 0
    assert params_["W1"].dtype == np.float32


@pytest.mark.parametrize("estragar, erro, trecho", [
    (lambda p, x, y: (p.pop("b2"), (p, x, y))[1], KeyError, "faltam: b2"),
    (lambda p, x, y: (p.update(W1=p["W1"].astype(np.float64)), (p, x, y))[1], TypeError,
     "float32"),
    (lambda p, x, y: (p, x.astype(np.float64), y), ValueError, "float32 de forma"),
    (lambda p, x, y: (p, x[:, :100], y), ValueError, "forma"),
    (lambda p, x, y: (p, x, y[:10]), ValueError, "rótulos"),
])
def test_entradas_erradas(amostra, estragar, erro, trecho):
    x, y = amostra
    params, x, y = estragar(iniciar_parametros(), x[:256], y[:256])
    with pytest.raises(erro, match=trecho):
        treinar_epoca(params, x, y, 128, 0.5)


@pytest.mark.parametrize("lote", [0, 1.5, True])
def test_lote_invalido(amostra, lote):
    x, y = amostra
    with pytest.raises(ValueError, match="lote deve ser um inteiro positivo"):
        treinar_epoca(iniciar_parametros(), x[:256], y[:256], lote, 0.5)


@pytest.mark.parametrize("nucleos", [0, "2", True])
def test_nucleos_invalidos(nucleos):
    with pytest.raises(ValueError, match="nucleos deve ser um inteiro positivo"):
        with nucleos_da_algebra_linear(nucleos):
            pass


def test_mesmas_contas_que_a_versao_legivel_do_notebook_09(amostra):
    """A versão ajustada e a legível (notebooks 08 e 09) chegam aos mesmos pesos."""
    import ast
    from pathlib import Path

    import nbformat

    from helpers import rede_legivel

    nb = nbformat.read(Path(__file__).resolve().parent.parent / "notebooks"
                       / "09_rede_numpy_mnist.ipynb", as_version=4)
    espaco = dict(vars(rede_legivel))
    for celula in nb.cells:
        if celula.cell_type == "code" and "solucao" not in celula.metadata.get("tags", []):
            defs = [no for no in ast.parse(celula.source).body if isinstance(no, ast.FunctionDef)
                    and no.name in ("atualizar", "treinar_epoca")]
            exec(compile(ast.Module(body=defs, type_ignores=[]), "notebook 09", "exec"), espaco)
    x, y = amostra
    legivel = iniciar_parametros(np.random.default_rng(0))
    ajustada = {nome: valor.copy() for nome, valor in legivel.items()}
    espaco["treinar_epoca"](legivel, x[:1024], y[:1024], 128, 0.5, np.random.default_rng(6))
    treinar_epoca(ajustada, x[:1024], y[:1024], 128, 0.5, np.random.default_rng(6))
    for nome in legivel:
        assert np.allclose(legivel[nome], ajustada[nome], rtol=1e-4, atol=1e-6), nome
