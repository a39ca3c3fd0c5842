"""configurar_notebook e os corretores dos exercícios."""

from pathlib import Path

import numpy as np
import pytest

from helpers import configurar_notebook
from helpers.exercicios import Funcao, Valor
from helpers.exercicios import avaliar as conferir
from helpers.exercicios import avaliar_funcao as conferir_funcao
from helpers.exercicios import conferir as conferir_sem_retorno

RAIZ = Path(__file__).resolve().parent.parent


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


def _v(esperado, **kw):
    return Valor(esperado, **kw)


def test_conferir(capsys):
    assert conferir("99.1", None, gabarito=_v(1.0)) is False
    assert "⏳ Exercício 1: ainda sem resposta" in capsys.readouterr().out
    assert conferir("99.1", 1.0 + 1e-9, gabarito=_v(1.0)) is True
    assert "✅ Exercício 1: correto!" in capsys.readouterr().out
    assert conferir("99.1", np.zeros(3), gabarito=_v(np.zeros(2), dica="veja a forma")) is False
    saida = capsys.readouterr().out
    assert "esperava (2,), recebi (3,)" in saida and "Dica: veja a forma" in saida
    assert conferir("99.1", 2.0, gabarito=_v(1.0)) is False
    assert "o valor 2 não confere" in capsys.readouterr().out
    assert conferir("99.1", "abc", gabarito=_v(1.0)) is False
    assert "número ou array" in capsys.readouterr().out
    assert conferir("99.1", (60000, 28, 28), gabarito=_v((60000, 28, 28))) is True
    # o esperado pode depender de dados do notebook
    assert conferir("99.1", 6.0, np.arange(4.0), gabarito=_v(lambda x: x.sum())) is True


def test_precisao_prometida_e_quase(capsys):
    # "duas casas decimais": meia unidade na segunda casa, nem mais nem menos
    duas_casas = _v(2.1972, atol=0.005)
    assert conferir("99.4", 2.20, gabarito=duas_casas) is True
    assert conferir("99.4", 2.21, gabarito=duas_casas) is False
    capsys.readouterr()
    # sem precisão prometida, a tolerância é relativa e não há atol escondido
    assert conferir("99.1", 1e-3, gabarito=_v(2e-3)) is False
    assert conferir("99.1", 1.0 + 1e-4, gabarito=_v(1.0)) is False
    saida = capsys.readouterr().out
    assert "🤏 Exercício 1: quase" in saida and "0,01%" in saida
    assert conferir("99.1", 1.02, gabarito=_v(1.0)) is False
    assert "quase" not in capsys.readouterr().out


def test_conferir_funcao(capsys):
    def nao_feita(x):
        raise NotImplementedError

    exp = Funcao([(1.0,), (np.arange(3.0),)], np.exp)
    assert conferir_funcao("99.2", nao_feita, gabarito=exp) is False
    assert "⏳ Exercício 2: ainda sem resposta. Escreva a sua função" in capsys.readouterr().out
    assert conferir_funcao("99.2", np.exp, gabarito=exp) is True
    assert "correto nos 2 casos" in capsys.readouterr().out
    assert conferir_funcao("99.2", np.exp, gabarito=Funcao([(1.0,)], np.exp)) is True
    assert "correto no caso de teste!" in capsys.readouterr().out
    assert conferir_funcao("99.2", lambda x: None, gabarito=exp) is False
    assert "faltou o `return`" in capsys.readouterr().out
    assert conferir_funcao("99.2", lambda x: 1 / 0, gabarito=exp) is False
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert conferir_funcao("99.2", np.sin, gabarito=Funcao([(np.arange(3.0),)], np.exp)) is False
    assert "com a entrada forma (3,)" in capsys.readouterr().out
    assert conferir_funcao("99.2", 3, gabarito=exp) is False


def test_funcao_que_altera_a_entrada_e_avisada_e_nao_muda_o_esperado(capsys):
    def dobra_no_lugar(x):
        x *= 2
        return x

    dobro = Funcao([(np.arange(3.0),)], lambda x: 2 * x)
    assert conferir_funcao("99.3", dobra_no_lugar, gabarito=dobro) is True
    saida = capsys.readouterr().out
    assert "✅" in saida and "alterou a entrada" in saida
    assert conferir_funcao("99.3", lambda x: 2 * x, gabarito=dobro) is True
    assert "alterou" not in capsys.readouterr().out


def test_conferir_nao_devolve_nada_para_o_notebook_nao_mostrar_true_false(capsys):
    assert conferir_sem_retorno("01.1", 0.8175744761936437) is None
    assert "✅ Exercício 1" in capsys.readouterr().out


def test_codigo_desconhecido_da_erro_claro():
    with pytest.raises(ValueError, match="Não conheço o exercício"):
        conferir("1", 1.0)
    with pytest.raises(ValueError, match="use `conferir_funcao`"):
        conferir("01.2", 1.0)


@pytest.mark.parametrize("modulo", sorted(
    p.stem for p in (RAIZ / "helpers" / "gabarito").glob("nb*.py")))
def test_todo_exercicio_do_notebook_esta_no_gabarito_e_vice_versa(modulo):
    """Os códigos "NN.k" chamados nas células são exatamente os do gabarito do notebook."""
    import importlib
    import re

    numero = modulo.removeprefix("nb")
    [caminho] = (RAIZ / "notebooks").glob(f"{numero}_*.ipynb")
    padrao = rf'conferir(?:_funcao)?\(\\?"{numero}\.(\d+)'
    chamados = set(re.findall(padrao, caminho.read_text()))
    no_gabarito = importlib.import_module(f"helpers.gabarito.{modulo}").EXERCICIOS
    assert {int(k) for k in chamados} == set(no_gabarito), caminho.name


def test_numero_br_e_eixos_com_virgula():
    from helpers import numero_br

    assert numero_br(0.97634) == "0,98"
    assert numero_br(60000, 0) == "60.000"
    assert numero_br(-1234.5, 1) == "-1.234,5"
    with pytest.raises(TypeError, match="número"):
        numero_br("dez")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    configurar_notebook()
    fig, ax = plt.subplots()
    ax.plot([0, 0.5, 1.5], [1000, 2500, 12000])
    fig.canvas.draw()
    rotulos = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    plt.close(fig)
    assert "0,4" in rotulos and "12.000" in rotulos, rotulos
