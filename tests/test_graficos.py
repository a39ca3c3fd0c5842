"""Os gráficos funcionam com as chamadas do tutorial e recusam entradas erradas em português."""

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import (
    CLASSES_FASHION,
    CLASSES_MNIST,
    grade_de_imagens,
    matriz_de_confusao,
    mostrar_previsao,
    plot_historico,
    plot_image,
    plot_matriz_confusao,
    plot_value_array,
)

rng = np.random.default_rng(0)
IMAGENS = rng.integers(0, 256, size=(6, 28, 28), dtype=np.uint8)
ROTULOS = np.array([9, 2, 1, 1, 6, 1], dtype=np.uint8)
PREVISOES = rng.dirichlet(np.ones(10), size=6)
PREVISOES[0] = np.eye(10)[9] * 0.9 + 0.01  # a imagem 0 é prevista certa (classe 9)


@pytest.fixture(autouse=True)
def fechar_figuras():
    yield
    plt.close("all")


def _cor(artista):
    return mcolors.to_hex(artista.get_facecolor() if hasattr(artista, "get_facecolor")
                          else artista.get_color())


def test_plot_image_como_no_tutorial():
    plt.figure()
    plot_image(0, PREVISOES[0], ROTULOS, IMAGENS)
    rotulo = plt.gca().xaxis.label
    assert rotulo.get_text() == "Bota 91% (Bota)"
    assert mcolors.to_hex(rotulo.get_color()) == mcolors.to_hex("tab:blue")


def test_plot_image_erro_em_vermelho_e_nomes_proprios():
    previsao = np.eye(10)[3]
    plt.figure()
    plot_image(1, previsao, ROTULOS, IMAGENS, class_names=CLASSES_MNIST)
    rotulo = plt.gca().xaxis.label
    assert rotulo.get_text() == "3 100% (2)"
    assert mcolors.to_hex(rotulo.get_color()) == mcolors.to_hex("tab:red")


def test_plot_value_array_cores():
    previsao = np.eye(10)[3] * 0.7 + 0.03
    plt.figure()
    plot_value_array(1, previsao, ROTULOS)
    barras = plt.gca().patches
    assert len(barras) == 10
    assert _cor(barras[3]) == mcolors.to_hex("tab:red")   # prevista
    assert _cor(barras[2]) == mcolors.to_hex("tab:blue")  # verdadeira


def test_chamadas_do_tutorial_com_o_array_de_previsoes_inteiro():
    """O código do tutorial (seed 002) passa `predictions` inteiro e a função tira a linha i;
    e `plot_value_array(0, predictions_single, test_labels)` com forma (1, 10)."""
    predictions, test_labels, test_images = PREVISOES, ROTULOS, IMAGENS
    num_rows, num_cols = 2, 3
    plt.figure(figsize=(2 * 2 * num_cols, 2 * num_rows))
    for i in range(num_rows * num_cols):
        plt.subplot(num_rows, 2 * num_cols, 2 * i + 1)
        plot_image(i, predictions, test_labels, test_images)
        plt.subplot(num_rows, 2 * num_cols, 2 * i + 2)
        plot_value_array(i, predictions, test_labels)
    rotulos = [eixo.xaxis.label.get_text() for eixo in plt.gcf().axes[::2]]
    esperados = []
    for i in range(6):
        plt.figure()
        plot_image(i, predictions[i], test_labels, test_images)
        esperados.append(plt.gca().xaxis.label.get_text())
    assert rotulos == esperados, "predictions inteiro e predictions[i] devem dar a mesma figura"
    predictions_single = predictions[:1]
    plt.figure()
    plot_value_array(0, predictions_single, test_labels)
    _ = plt.xticks(range(10), CLASSES_FASHION, rotation=45)
    assert _cor(plt.gca().patches[9]) == mcolors.to_hex("tab:blue")


def test_fundo_branco_no_tema_escuro():
    from helpers import configurar_notebook

    configurar_notebook()
    figura = plt.figure()
    assert mcolors.to_hex(figura.get_facecolor()) == "#ffffff"
    assert mcolors.to_hex(figura.add_subplot().get_facecolor()) == "#ffffff"
    assert plt.rcParams["savefig.transparent"] is False


def test_tensores_do_tensorflow_tambem_servem():
    class Tensor:  # imita um tf.Tensor: tem .numpy()
        def __init__(self, valor):
            self.valor = valor

        def numpy(self):
            return self.valor

    plt.figure()
    plot_value_array(0, Tensor(PREVISOES[0]), ROTULOS)


@pytest.mark.parametrize("chamada, erro, trecho", [
    (lambda: plot_image(6, PREVISOES[0], ROTULOS, IMAGENS), ValueError, "fora do intervalo"),
    (lambda: plot_image(1.0, PREVISOES[0], ROTULOS, IMAGENS), TypeError, "inteiro"),
    (lambda: plot_image(0, PREVISOES[None], ROTULOS, IMAGENS), ValueError, "de uma imagem"),
    (lambda: plot_image(0, PREVISOES[0], ROTULOS[:3], IMAGENS), ValueError, "mesmo conjunto"),
    (lambda: plot_image(0, PREVISOES[0], ROTULOS, IMAGENS[0]), ValueError, "todas as imagens"),
    (lambda: plot_image(0, PREVISOES[0], ROTULOS, IMAGENS, class_names=["a"]), ValueError,
     "nomes de classes"),
    (lambda: plot_image(0, PREVISOES[0], ROTULOS + 0.5, IMAGENS), TypeError, "inteiro"),
    (lambda: plot_image(0, PREVISOES[0], ROTULOS.reshape(2, 3), IMAGENS), ValueError, "1D"),
    (lambda: plot_image(0, PREVISOES[0], ROTULOS * 2, IMAGENS), ValueError, "classes vão"),
    (lambda: plot_image(0, "abc", ROTULOS, IMAGENS), ValueError, "de uma imagem"),
    (lambda: plot_image(0, np.array([1.0]), ROTULOS, IMAGENS), ValueError, "um número por classe"),
    (lambda: plot_value_array(-7, PREVISOES[0], ROTULOS), ValueError, "fora do intervalo"),
    (lambda: plot_value_array(5, PREVISOES[:2], ROTULOS), ValueError, "predictions_array tem 2"),
    (lambda: plot_image(2.0, PREVISOES, ROTULOS, IMAGENS), TypeError, "inteiro"),
    (lambda: plot_value_array(0, PREVISOES[0], np.eye(10)[ROTULOS]), ValueError, "1D"),
    (lambda: plot_value_array(True, PREVISOES[0], ROTULOS), TypeError, "inteiro"),
    (lambda: mostrar_previsao(IMAGENS[0], np.arange(10.0)), ValueError, "softmax"),
    (lambda: mostrar_previsao(IMAGENS, PREVISOES[0]), ValueError, "2D"),
    (lambda: mostrar_previsao(IMAGENS[0], PREVISOES[0], rotulo=[1, 2]), ValueError, "único"),
    (lambda: grade_de_imagens(IMAGENS[0]), ValueError, "forma"),
    (lambda: grade_de_imagens(IMAGENS, rotulos=ROTULOS[:2]), ValueError, "um rótulo por imagem"),
    (lambda: grade_de_imagens(IMAGENS, previsoes=ROTULOS), ValueError, "rótulos verdadeiros"),
    (lambda: grade_de_imagens(IMAGENS, ROTULOS, PREVISOES), ValueError, "argmax"),
    (lambda: grade_de_imagens(IMAGENS, colunas=0), ValueError, "colunas"),
    (lambda: plot_historico({"acc": [1]}), TypeError, "model.fit"),
    (lambda: plot_historico({"loss": [1.0]}, "accuracy"), ValueError, "Disponíveis: loss"),
    (lambda: matriz_de_confusao([1, 2], [1]), ValueError, "mesmo tamanho"),
    (lambda: matriz_de_confusao([1.0], [1.0]), TypeError, "argmax"),
    (lambda: matriz_de_confusao([10], [1]), ValueError, "fora de 0 a 9"),
    (lambda: plot_image(0, PREVISOES[0], ROTULOS, [[object()]]), TypeError, "números"),
])
def test_entradas_erradas_dao_mensagem_em_portugues(chamada, erro, trecho):
    with pytest.raises(erro, match=trecho):
        chamada()


def test_mostrar_previsao_aceita_uma_linha_do_predict():
    mostrar_previsao(IMAGENS[0].reshape(784), PREVISOES[:1], rotulo=np.uint8(9))
    figura = plt.gcf()
    assert "previsto: " in figura.axes[0].xaxis.label.get_text()


def test_grade_de_imagens_com_previsoes():
    previstos = np.array([9, 2, 0, 1, 6, 3])
    grade_de_imagens(IMAGENS, ROTULOS, previstos, class_names=CLASSES_FASHION, colunas=4,
                     titulo="Teste")
    eixos = plt.gcf().axes
    assert len(eixos) == 8 and not eixos[7].axison
    assert mcolors.to_hex(eixos[2].xaxis.label.get_color()) == mcolors.to_hex("tab:red")
    assert eixos[0].xaxis.label.get_text() == f"{CLASSES_FASHION[9]}\n({CLASSES_FASHION[9]})"


def test_grade_de_imagens_legendas_de_duas_linhas_cabem():
    """As legendas "previsto (real)" não ficam cortadas nem embaixo da linha seguinte."""
    grade_de_imagens(IMAGENS, ROTULOS, np.array([9, 2, 0, 1, 6, 3]), colunas=3, titulo="T")
    figura = plt.gcf()
    figura.canvas.draw()
    render = figura.canvas.get_renderer()
    rotulos = [e.xaxis.label.get_window_extent(render) for e in figura.axes]
    assert min(r.y0 for r in rotulos) >= 0, "a legenda da última linha saiu da figura"
    imagens_de_baixo = [e.get_window_extent(render) for e in figura.axes[3:]]
    assert min(r.y0 for r in rotulos[:3]) > max(r.y1 for r in imagens_de_baixo), \
        "a legenda da primeira linha ficou embaixo das imagens da segunda"


def test_historico_com_validacao():
    plot_historico({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "mae": [3, 2], "val_mae": [3, 3]},
                   metrica="mae")
    eixos = plt.gcf().axes
    assert [e.get_ylabel() for e in eixos] == ["perda", "erro absoluto médio (MAE)"]
    assert eixos[1].get_title() == "Erro absoluto médio (MAE) por época"
    assert len(eixos[1].lines) == 2


def test_matriz_de_confusao_conta_certo():
    matriz = plot_matriz_confusao([0, 1, 1, 2], [0, 2, 1, 2], class_names=["a", "b", "c"])
    assert matriz.tolist() == [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
    barra = plt.gcf().axes[1]  # a barra de cores: contagens, só marcas inteiras
    assert all(float(t).is_integer() for t in barra.get_yticks())


def test_sem_nomes_as_funcoes_do_curso_mostram_o_numero_da_classe():
    grade_de_imagens(IMAGENS[:2], ROTULOS[:2], colunas=2)
    assert [e.xaxis.label.get_text() for e in plt.gcf().axes] == ["9", "2"]
