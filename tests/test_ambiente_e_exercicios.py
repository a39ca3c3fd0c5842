"""configurar_notebook e os corretores dos exercícios."""

import numpy as np
import pytest

from helpers import configurar_notebook
from helpers.exercicios import avaliar as conferir
from helpers.exercicios import avaliar_funcao as conferir_funcao
from helpers.exercicios import conferir as conferir_sem_retorno


@pytest.mark.parametrize("semente", [-1, 1.5, "42", True])
def test_semente_invalida(semente):
    with pytest.raises(TypeError, match="inteiro não negativo"):
        configurar_notebook(semente)


def test_keras_deve_ser_booleano():
    with pytest.raises(TypeError, match="True ou False"):
        configurar_notebook(keras="sim")


def test_semente_da_variavel_de_ambiente(monkeypatch):
    monkeypatch.delenv("CURSO_SEMENTE", raising=False)
    assert configurar_notebook() == 42
    monkeypatch.setenv("CURSO_SEMENTE", "7")
    assert configurar_notebook() == 7
    a = np.random.rand(3)
    assert configurar_notebook(7) == 7 and np.array_equal(a, np.random.rand(3))
    assert configurar_notebook(3) == 3, "a semente dada tem preferência sobre a variável"
    monkeypatch.setenv("CURSO_SEMENTE", "sete")
    with pytest.raises(ValueError, match="CURSO_SEMENTE deve ser um inteiro"):
        configurar_notebook()


def test_mostrar_versoes(capsys, monkeypatch):
    from helpers import ambiente, mostrar_versoes

    mostrar_versoes(keras=True)
    linhas = capsys.readouterr().out.splitlines()
    assert len(linhas) == 1 and linhas[0].startswith("Versões encontradas: Python 3.")
    assert all(nome in linhas[0] for nome in ("NumPy", "TensorFlow", "Keras"))
    mostrar_versoes()
    assert "Keras" not in capsys.readouterr().out
    monkeypatch.setitem(ambiente.VERSOES_MINIMAS, "NumPy", (99, 0))
    mostrar_versoes()
    aviso = capsys.readouterr().out.splitlines()[1]
    assert aviso.startswith("⚠️ Atenção: o NumPy") and "mais antigo que o 99.0" in aviso
    monkeypatch.setattr(ambiente, "_versao_instalada", lambda *nomes: None)
    mostrar_versoes(keras=True)
    assert "o Keras não está instalado" in capsys.readouterr().out
    with pytest.raises(TypeError, match="True ou False"):
        mostrar_versoes(keras=1)
    assert ambiente._como_tupla("2.21.0rc1") == (2, 21, 0)
    assert ambiente._como_tupla("3.13.2.dev20250101") == (3, 13, 2)


def test_sementes_tornam_o_numpy_reprodutivel():
    configurar_notebook(7)
    a = np.random.rand(3)
    configurar_notebook(7)
    assert np.array_equal(a, np.random.rand(3))


def test_conferir(capsys):
    assert conferir("Ex", None, 1.0) is False
    assert "⏳ Ex: ainda sem resposta" in capsys.readouterr().out
    assert conferir("Ex", 1.0 + 1e-9, 1.0) is True
    assert "✅ Ex: correto!" in capsys.readouterr().out
    assert conferir("Ex", np.zeros(3), np.zeros(2), dica="veja a forma") is False
    saida = capsys.readouterr().out
    assert "esperava (2,), recebi (3,)" in saida and "Dica: veja a forma" in saida
    assert conferir("Ex", 2.0, 1.0) is False
    assert "o valor 2 não confere" in capsys.readouterr().out
    assert conferir("Ex", "abc", 1.0) is False
    assert "número ou array" in capsys.readouterr().out
    assert conferir("Ex", (60000, 28, 28), (60000, 28, 28)) is True


def test_conferir_funcao(capsys):
    def nao_feita(x):
        raise NotImplementedError

    assert conferir_funcao("Ex", nao_feita, [(1.0,)], np.exp) is False
    assert "⏳ Ex: ainda sem resposta. Escreva a sua função" in capsys.readouterr().out
    assert conferir_funcao("Ex", np.exp, [(1.0,), (np.arange(3.0),)], np.exp) is True
    assert "correto nos 2 casos" in capsys.readouterr().out
    assert conferir_funcao("Ex", np.exp, [(1.0,)], np.exp) is True
    assert "correto no caso de teste!" in capsys.readouterr().out
    assert conferir_funcao("Ex", lambda x: None, [(1.0,)], np.exp) is False
    assert "faltou o `return`" in capsys.readouterr().out
    assert conferir_funcao("Ex", lambda x: 1 / 0, [(1.0,)], np.exp) is False
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert conferir_funcao("Ex", np.sin, [(np.arange(3.0),)], np.exp) is False
    assert "com a entrada (forma (3,))" in capsys.readouterr().out
    assert conferir_funcao("Ex", 3, [(1.0,)], np.exp) is False


def test_conferir_nao_devolve_nada_para_o_notebook_nao_mostrar_true_false(capsys):
    assert conferir_sem_retorno("Ex", 1.0, 1.0) is None
    assert "✅" in capsys.readouterr().out
