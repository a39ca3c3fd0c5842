"""Desenha os diagramas estáticos do curso em ``media/`` (PNG), sempre com os mesmos bytes.

Um diagrama estático é uma figura que não depende de dados nem de treino: o desenho de um
neurônio, de uma camada, de um grafo. As figuras calculadas a partir dos dados (imagens do
MNIST, curvas de perda de um treino) continuam sendo código nos notebooks: são a lição.

Cada diagrama é uma função deste arquivo, listada em ``DIAGRAMAS`` com o notebook que o usa e
o texto alternativo sugerido. Os números que aparecem nos desenhos são calculados aqui, com
as mesmas contas dos notebooks, e conferidos com ``assert`` (por exemplo, a regra da cadeia no
grafo da retropropagação). O programa também escreve ``media/README.md`` a partir dessa lista.

Os notebooks não leem ``media/`` pelo caminho (no Colab não funcionaria): ``python
tools/carimbar.py`` copia cada imagem para a célula de texto que a cita como
``![texto alternativo](attachment:NOME.png)``.

Uso::

    .venv/bin/python tools/desenhar_diagramas.py                  # redesenha tudo em media/
    .venv/bin/python tools/desenhar_diagramas.py neuronio.png     # só este
    .venv/bin/python tools/desenhar_diagramas.py --destino /tmp/m # noutra pasta (testes)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import matplotlib.ticker

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle  # noqa: E402

RAIZ = Path(__file__).resolve().parent.parent
MIDIA = RAIZ / "media"
DPI = 120  # 8 polegadas → 960 px: no Colab (~800 px de largura) o texto de 12 pt fica com ~17 px

# Paleta de Okabe e Ito: distinguível por quem tem daltonismo.
LARANJA, AZUL_CLARO, VERDE = "#E69F00", "#56B4E9", "#009E73"
AMARELO, AZUL, VERMELHAO, ROXO = "#F0E442", "#0072B2", "#D55E00", "#CC79A7"
TINTA, CINZA, CINZA_CLARO = "#222222", "#666666", "#C8C8C8"


def clarear(cor: str, quanto: float = 0.7) -> tuple[float, float, float]:
    """A cor misturada com branco (quanto = 0: a cor; 1: branco), para fundos de caixas."""
    r, g, b = matplotlib.colors.to_rgb(cor)
    return (r + (1 - r) * quanto, g + (1 - g) * quanto, b + (1 - b) * quanto)


def virgula(numero: float, casas: int) -> str:
    """Número como no texto dos notebooks: vírgula decimal e o sinal de menos tipográfico."""
    return f"{numero:.{casas}f}".replace(".", ",").replace("-", "−")


def milhar(numero: int) -> str:
    """Inteiro com ponto de milhar, como no notebook 08 (48.000)."""
    return f"{numero:,}".replace(",", ".")


def eixos_com_virgula(eixo) -> None:
    """Os números dos eixos com vírgula decimal, como no texto."""
    formato = matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}".replace(".", ",")
                                              .replace("-", "−"))
    eixo.xaxis.set_major_formatter(formato)
    eixo.yaxis.set_major_formatter(formato)


def estilo() -> None:
    """O estilo de todos os diagramas (independe do matplotlibrc de quem executa)."""
    plt.rcdefaults()
    plt.rcParams.update({
        "font.family": "DejaVu Sans",
        "mathtext.fontset": "dejavusans",
        "font.size": 13,
        "axes.titlesize": 14,
        "axes.labelsize": 13,
        "xtick.labelsize": 12,
        "ytick.labelsize": 12,
        "legend.fontsize": 12,
        "figure.facecolor": "white",
        "axes.facecolor": "white",
        "savefig.facecolor": "white",
        "savefig.transparent": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.formatter.use_locale": False,
        "text.color": TINTA,
        "axes.labelcolor": TINTA,
    })


def tela(largura: float, altura: float) -> tuple[plt.Figure, plt.Axes]:
    """Uma figura cujo eixo ocupa tudo, em polegadas: (0, 0) no canto de baixo à esquerda."""
    figura = plt.figure(figsize=(largura, altura))
    eixo = figura.add_axes((0, 0, 1, 1))
    eixo.set_xlim(0, largura)
    eixo.set_ylim(0, altura)
    eixo.set_aspect("equal")
    eixo.axis("off")
    return figura, eixo


def seta(eixo, de, ate, cor=CINZA, largura=1.6, estilo_seta="-|>", **kwargs):
    eixo.add_patch(FancyArrowPatch(de, ate, arrowstyle=estilo_seta, mutation_scale=16,
                                   color=cor, lw=largura, shrinkA=0, shrinkB=0, **kwargs))


def circulo(eixo, centro, raio, cor, texto="", tamanho=15, **kwargs):
    eixo.add_patch(Circle(centro, raio, facecolor=clarear(cor), edgecolor=cor, lw=1.8,
                          zorder=3))
    if texto:
        eixo.text(*centro, texto, ha="center", va="center", fontsize=tamanho, zorder=4,
                  **kwargs)


def ponta_na_borda(de, ate, raio):
    """O ponto a ``raio`` de ``ate`` na direção de ``de`` (para a seta parar na borda)."""
    de, ate = np.asarray(de, float), np.asarray(ate, float)
    direcao = (ate - de) / np.linalg.norm(ate - de)
    return tuple(ate - raio * direcao)


# ------------------------------------------------------------------------------------------
# 01 · O neurônio
# ------------------------------------------------------------------------------------------

def desenhar_neuronio() -> plt.Figure:
    figura, eixo = tela(8.6, 4.3)
    eixo.text(4.3, 4.0, "Um neurônio artificial", ha="center", va="center", fontsize=15,
              weight="bold")
    soma, raio_soma = (4.3, 2.05), 0.5
    entradas = [((0.9, 3.2), "$x_1$", "$w_1$"), ((0.9, 2.35), "$x_2$", "$w_2$"),
                ((0.9, 1.12), "$x_n$", "$w_n$")]
    for centro, nome, peso in entradas:
        circulo(eixo, centro, 0.32, AZUL, nome, tamanho=16)
        inicio = ponta_na_borda(soma, centro, 0.34)
        fim = ponta_na_borda(centro, soma, raio_soma + 0.04)
        seta(eixo, inicio, fim)
        meio = (0.45 * np.array(inicio) + 0.55 * np.array(fim))
        eixo.text(meio[0], meio[1] + 0.2, peso, ha="center", va="center", fontsize=16,
                  color=VERMELHAO)
    eixo.text(0.9, 1.75, "⋮", ha="center", va="center", fontsize=20)
    circulo(eixo, soma, raio_soma, LARANJA, "$\\Sigma$", tamanho=24)
    # o viés entra por cima
    eixo.text(soma[0], 3.45, "$b$", ha="center", va="center", fontsize=16, color=ROXO)
    seta(eixo, (soma[0], 3.25), (soma[0], soma[1] + raio_soma + 0.04), cor=ROXO)
    eixo.text(soma[0] + 0.12, 3.0, "viés", ha="left", va="center", fontsize=12, color=ROXO)
    # soma → ativação → saída
    caixa = Rectangle((5.85, 1.65), 0.8, 0.8, facecolor=clarear(VERDE), edgecolor=VERDE,
                      lw=1.8, zorder=3)
    eixo.add_patch(caixa)
    eixo.text(6.25, 2.05, "$f$", ha="center", va="center", fontsize=20, zorder=4)
    seta(eixo, (soma[0] + raio_soma + 0.04, 2.05), (5.83, 2.05))
    eixo.text(5.3, 2.3, "$z$", ha="center", va="center", fontsize=16)
    seta(eixo, (6.67, 2.05), (7.3, 2.05))
    eixo.text(7.38, 2.05, "$y = f(z)$", ha="left", va="center", fontsize=16)
    # legendas de baixo
    legendas = [(0.9, "entradas", TINTA), (2.55, "pesos", VERMELHAO),
                (4.3, "soma ponderada\nmais o viés", TINTA),
                (6.25, "função de\nativação", TINTA), (7.85, "saída\n(ativação)", TINTA)]
    for x, texto, cor in legendas:
        eixo.text(x, 0.62, texto, ha="center", va="top", fontsize=12, color=cor,
                  linespacing=1.15)
    eixo.text(4.3, 1.0, "$z = w_1 x_1 + w_2 x_2 + \\cdots + w_n x_n + b$", ha="center",
              va="center", fontsize=13)
    return figura


# ------------------------------------------------------------------------------------------
# 02 · A camada como matriz, a rede de duas camadas, rasa × profunda
# ------------------------------------------------------------------------------------------

DESTAQUE = clarear(VERMELHAO, 0.15)  # o que é do neurônio 3, na camada como matriz


def _vetor(eixo, x, y, n, largura_celula, altura, cor, destaque=None):
    """Um vetor deitado de ``n`` células; a célula ``destaque`` sai em vermelhão."""
    for k in range(n):
        fundo = DESTAQUE if k == destaque else clarear(cor, 0.55)
        eixo.add_patch(Rectangle((x + k * largura_celula, y), largura_celula, altura,
                                 facecolor=fundo, edgecolor="white", lw=0.6, zorder=2))
    eixo.add_patch(Rectangle((x, y), n * largura_celula, altura, facecolor="none",
                             edgecolor=cor, lw=1.6, zorder=3))


def desenhar_camada_como_matriz() -> plt.Figure:
    figura, eixo = tela(9.6, 5.0)
    eixo.text(4.8, 4.7, "Uma camada densa de 10 neurônios: $a = \\sigma(xW + b)$",
              ha="center", va="center", fontsize=15, weight="bold")
    topo, lado, celula, espessura = 3.85, 2.2, 0.11, 0.2  # o lado de 784 mede 2,2 polegadas
    y_vetor = topo - espessura                              # os vetores ficam no topo de W
    meio_y = y_vetor + espessura / 2
    # x: (784,), deitado
    x_x = 0.3
    _vetor(eixo, x_x, y_vetor, 28, lado / 28, espessura, AZUL_CLARO)
    eixo.text(x_x + lado / 2, topo + 0.2, "$x$", ha="center", va="bottom", fontsize=17)
    eixo.annotate("", (x_x, y_vetor - 0.12), (x_x + lado, y_vetor - 0.12),
                  arrowprops={"arrowstyle": "<->", "color": CINZA, "lw": 1.2})
    eixo.text(x_x + lado / 2, y_vetor - 0.2, "784", ha="center", va="top", fontsize=12,
              color=CINZA)
    eixo.text(x_x + lado / 2, y_vetor - 0.6, "(784,)\nos 784 pixels", ha="center", va="top",
              fontsize=12, linespacing=1.2)
    eixo.text(x_x + lado + 0.22, meio_y, "@", ha="center", va="center", fontsize=20)
    # W: (784, 10), em pé; a coluna 3 em destaque
    x_w = x_x + lado + 0.6
    for j in range(10):
        fundo = DESTAQUE if j == 3 else clarear(AZUL, 0.7)
        eixo.add_patch(Rectangle((x_w + j * celula, topo - lado), celula, lado, facecolor=fundo,
                                 edgecolor="white", lw=0.6, zorder=2))
    eixo.add_patch(Rectangle((x_w, topo - lado), 10 * celula, lado, facecolor="none",
                             edgecolor=AZUL, lw=1.6, zorder=3))
    eixo.text(x_w + 5 * celula, topo + 0.2, "$W$", ha="center", va="bottom", fontsize=17)
    eixo.text(x_w + 5 * celula, topo - lado - 0.1, "(784, 10)", ha="center", va="top",
              fontsize=12)
    eixo.annotate("", (x_w - 0.12, topo), (x_w - 0.12, topo - lado),
                  arrowprops={"arrowstyle": "<->", "color": CINZA, "lw": 1.2})
    eixo.text(x_w - 0.2, topo - lado / 2, "784", ha="right", va="center", fontsize=12,
              color=CINZA, rotation=90)
    # + b = z → σ → a
    elementos = [("+", "$b$", "(10,)\num viés por\nneurônio", AMARELO),
                 ("=", "$z$", "(10,)\nas 10 somas\nponderadas", AZUL_CLARO),
                 ("$\\sigma$", "$a$", "(10,)\nas 10\nativações", VERDE)]
    x_atual = x_w + 10 * celula
    for operador, nome, legenda, cor in elementos:
        if operador == "$\\sigma$":
            seta(eixo, (x_atual + 0.12, meio_y), (x_atual + 0.62, meio_y), cor=TINTA)
            eixo.text(x_atual + 0.37, meio_y + 0.12, operador, ha="center", va="bottom",
                      fontsize=16)
            x_atual += 0.75
        else:
            eixo.text(x_atual + 0.25, meio_y, operador, ha="center", va="center", fontsize=20)
            x_atual += 0.5
        _vetor(eixo, x_atual, y_vetor, 10, celula, espessura, cor, destaque=3)
        eixo.text(x_atual + 5 * celula, topo + 0.2, nome, ha="center", va="bottom", fontsize=17)
        eixo.text(x_atual + 5 * celula, y_vetor - 0.15, legenda, ha="center", va="top",
                  fontsize=12, linespacing=1.2)
        x_atual += 10 * celula
    assert x_atual < 9.4, "O vetor a não cabe na figura."
    eixo.annotate("em destaque, o que é do neurônio 3:\na coluna 3 de $W$ (os seus 784 pesos)"
                  "\ne a posição 3 de $b$, $z$ e $a$",
                  (x_w + 3.5 * celula, topo - lado * 0.6), (x_w + 1.55, 1.95),
                  ha="left", va="center", fontsize=12, linespacing=1.25,
                  arrowprops={"arrowstyle": "-|>", "color": VERMELHAO, "lw": 1.3,
                              "connectionstyle": "arc3,rad=-0.2"})
    eixo.text(4.8, 0.72, "$z_3 = x_0 w_{0,3} + x_1 w_{1,3} + \\cdots + x_{783} w_{783,3} + b_3$",
              ha="center", va="center", fontsize=13)
    eixo.text(4.8, 0.27, "Com um lote de $n$ imagens: (n, 784) @ (784, 10) + (10,) → (n, 10)",
              ha="center", va="center", fontsize=12, color=CINZA)
    return figura


def _alturas(n: int, meia_altura: float, maximo: int = 10) -> tuple[np.ndarray, bool]:
    """Onde desenhar os neurônios de uma camada de ``n``: todos, ou 4 + "⋮" + 4."""
    if n <= maximo:
        passo = 2 * meia_altura / (maximo - 1)
        return (np.arange(n) - (n - 1) / 2)[::-1] * passo, False
    parte = np.linspace(meia_altura, 0.45 * meia_altura, 4)
    return np.r_[parte, -parte[::-1]], True


def desenhar_rede_duas_camadas() -> plt.Figure:
    figura, eixo = tela(9.6, 5.9)
    eixo.text(4.8, 5.6, "A rede de duas camadas: 784 → 16 → 10", ha="center",
              va="center", fontsize=15, weight="bold")
    centro_y, meia = 3.0, 1.4
    colunas = [1.5, 4.8, 8.1]
    entrada, reticencias = _alturas(784, meia)
    oculta = (np.arange(16) - 7.5)[::-1] * (2 * meia / 15)
    saida = (np.arange(10) - 4.5)[::-1] * (2 * meia / 13)
    camadas = [entrada + centro_y, oculta + centro_y, saida + centro_y]
    for k in range(2):
        for y1 in camadas[k]:
            for y2 in camadas[k + 1]:
                eixo.plot([colunas[k], colunas[k + 1]], [y1, y2], color=CINZA_CLARO, lw=0.5,
                          zorder=1)
    lado = 0.17  # a entrada: quadradinhos (pixels), não neurônios
    for y in camadas[0]:
        eixo.add_patch(Rectangle((colunas[0] - lado / 2, y - lado / 2), lado, lado,
                                 facecolor="#DDDDDD", edgecolor=CINZA, lw=1.2, zorder=3))
    if reticencias:
        eixo.text(colunas[0], centro_y, "⋮", ha="center", va="center", fontsize=18)
    eixo.text(colunas[0] - 0.22, camadas[0][0], "$x_0$", ha="right", va="center", fontsize=13)
    eixo.text(colunas[0] - 0.22, camadas[0][-1], "$x_{783}$", ha="right", va="center",
              fontsize=13)
    for y in camadas[1]:
        eixo.add_patch(Circle((colunas[1], y), 0.075, facecolor=clarear(AZUL, 0.35),
                              edgecolor=AZUL, lw=1.2, zorder=3))
    for digito, y in enumerate(camadas[2]):
        eixo.add_patch(Circle((colunas[2], y), 0.09, facecolor=clarear(LARANJA, 0.35),
                              edgecolor=LARANJA, lw=1.2, zorder=3))
        eixo.text(colunas[2] + 0.18, y, str(digito), ha="left", va="center", fontsize=11)
    cabecalhos = ["camada de entrada\n784 pixels", "camada oculta\n16 neurônios, ReLU",
                  "camada de saída\n10 neurônios, sigmoide"]
    formas = ["$X$: (n, 784)", "$H$: (n, 16)", "$S$: (n, 10)"]
    baixo = centro_y - meia - 0.25
    for x, cabecalho, forma in zip(colunas, cabecalhos, formas):
        eixo.text(x, centro_y + meia + 0.25, cabecalho, ha="center", va="bottom", fontsize=13,
                  linespacing=1.25)
        eixo.text(x, baixo, forma, ha="center", va="top", fontsize=12)
    for k, (texto, cor) in enumerate([("$W_1$: (784, 16)\n$b_1$: (16,)", AZUL),
                                      ("$W_2$: (16, 10)\n$b_2$: (10,)", VERMELHAO)]):
        eixo.text((colunas[k] + colunas[k + 1]) / 2, baixo, texto, ha="center", va="top",
                  fontsize=12, color=cor, linespacing=1.3)
    eixo.text(colunas[0], 0.4, "sem neurônios e sem pesos:\né só a imagem achatada",
              ha="center", va="center", fontsize=12, color=CINZA, linespacing=1.2)
    parametros = 784 * 16 + 16 + 16 * 10 + 10
    assert parametros == 12730, "A conta dos parâmetros do notebook 02 deveria dar 12 730."
    eixo.text(6.45, 0.4, "12 730 parâmetros = 784·16 + 16 + 16·10 + 10", ha="center",
              va="center", fontsize=12, color=CINZA)
    return figura


def _rede(eixo, tamanhos, x0, largura, titulo):
    nomes = ["entrada"] + [f"oculta {k}" for k in range(1, len(tamanhos) - 1)] + ["saída"]
    cores = [CINZA] + [AZUL] * (len(tamanhos) - 2) + [LARANJA]
    xs = x0 + np.linspace(0, largura, len(tamanhos))
    alturas = [_alturas(n, 1.1)[0] + 2.1 for n in tamanhos]
    for k in range(len(tamanhos) - 1):
        for y1 in alturas[k]:
            for y2 in alturas[k + 1]:
                eixo.plot([xs[k], xs[k + 1]], [y1, y2], color=CINZA_CLARO, lw=0.4, zorder=1)
    for k, (n, ys) in enumerate(zip(tamanhos, alturas)):
        for y in ys:
            if k == 0:  # a entrada são os pixels (quadradinhos), não neurônios
                eixo.add_patch(Rectangle((xs[k] - 0.07, y - 0.07), 0.14, 0.14,
                                         facecolor="#DDDDDD", edgecolor=CINZA, lw=1.1, zorder=3))
            else:
                eixo.add_patch(Circle((xs[k], y), 0.075, facecolor=clarear(cores[k], 0.35),
                                      edgecolor=cores[k], lw=1.1, zorder=3))
        if n > 10:
            eixo.text(xs[k], 2.1, "⋮", ha="center", va="center", fontsize=16)
        eixo.text(xs[k], 0.75, f"{nomes[k]}\n{n}", ha="center", va="top", fontsize=12,
                  linespacing=1.2)
    eixo.text(x0 + largura / 2, 3.65, titulo, ha="center", va="center", fontsize=13)


def desenhar_rede_rasa_e_profunda() -> plt.Figure:
    figura, eixo = tela(9.6, 4.4)
    eixo.text(4.8, 4.15, "Da rede rasa à profunda: mais camadas ocultas entre a entrada e a saída",
              ha="center", va="center", fontsize=14, weight="bold")
    _rede(eixo, [784, 16, 10], 0.55, 2.3, "Rede rasa (a desta aula):\n1 camada oculta")
    _rede(eixo, [784, 128, 64, 32, 10], 4.25, 4.8, "Rede profunda:\n3 camadas ocultas")
    return figura


# ------------------------------------------------------------------------------------------
# 05 · A soma de vetores
# ------------------------------------------------------------------------------------------

def desenhar_soma_de_vetores() -> plt.Figure:
    vet_a, vet_b = np.array([0.5, 1.5]), np.array([2.0, 0.5])  # os do notebook 04
    soma = vet_a + vet_b
    assert np.allclose(soma, [2.5, 2.0])
    figura, eixo = plt.subplots(figsize=(6.4, 4.8), layout="constrained")
    setas_ = [((0, 0), vet_a, AZUL, "$a$"),
              (vet_a, vet_b, LARANJA, "$b$ (a partir da ponta de $a$)"),
              ((0, 0), soma, VERDE, "$a + b$")]
    for origem, vetor, cor, nome in setas_:
        eixo.annotate("", np.add(origem, vetor), origem,
                      arrowprops={"arrowstyle": "-|>", "color": cor, "lw": 2.6,
                                  "mutation_scale": 22, "shrinkA": 0, "shrinkB": 0})
        eixo.plot([], [], color=cor, lw=2.6, label=nome)
    eixo.text(0.1, 0.95, "$a$", color=AZUL, fontsize=17, ha="right")
    eixo.text(1.5, 1.95, "$b$", color=LARANJA, fontsize=17, ha="center")
    eixo.text(1.45, 0.95, "$a + b$", color=VERDE, fontsize=17, ha="left")
    eixo.plot(*vet_a, "o", color=AZUL, ms=5)
    eixo.text(vet_a[0] - 0.08, vet_a[1] + 0.12, "(0,5; 1,5)", ha="center", fontsize=12,
              color=AZUL)
    eixo.text(soma[0] + 0.05, soma[1] + 0.12, "(2,5; 2)", ha="center", fontsize=12, color=VERDE)
    eixo.plot(0, 0, "o", color=TINTA, ms=4)
    eixo.set(xlim=(-0.3, 3.0), ylim=(-0.3, 2.5), aspect="equal", xlabel="$x_1$",
             ylabel="$x_2$", title="Soma de vetores: encadear as setas")
    eixos_com_virgula(eixo)
    eixo.legend(loc="lower right")
    return figura


# ------------------------------------------------------------------------------------------
# 05 · Reduções ao longo de um eixo
# ------------------------------------------------------------------------------------------

MATRIZ_REDUCOES = np.array([[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 8]])  # a M do notebook 05


def _matriz(eixo, x, y, valores, lado=0.5, cor=AZUL, destaque=None, tamanho=13):
    """Uma matriz de células com os valores; (x, y) é o canto de cima à esquerda."""
    valores = np.atleast_2d(valores)
    for (i, j), valor in np.ndenumerate(valores):
        fundo = clarear(VERMELHAO, 0.55) if destaque is not None and destaque[i, j] else \
            clarear(cor, 0.8)
        eixo.add_patch(Rectangle((x + j * lado, y - (i + 1) * lado), lado, lado,
                                 facecolor=fundo, edgecolor=cor, lw=1.2, zorder=2))
        eixo.text(x + (j + 0.5) * lado, y - (i + 0.5) * lado, str(valor).replace("-", "−"),
                  ha="center", va="center", fontsize=tamanho, zorder=3)


def desenhar_reducoes_por_eixo() -> plt.Figure:
    M = MATRIZ_REDUCOES
    por_coluna, por_linha = M.sum(axis=0), M.sum(axis=1)
    maximo = M.max(axis=1, keepdims=True)
    assert por_coluna.tolist() == [13, 13, 11, 15] and por_linha.tolist() == [9, 22, 21]
    assert maximo.shape == (3, 1) and (M - maximo).max(axis=1).tolist() == [0, 0, 0]
    figura, eixo = tela(9.6, 7.4)
    lado, topo = 0.5, 6.55
    eixo.text(4.8, 7.1, "Reduzir ao longo de um eixo: o eixo escolhido some",
              ha="center", va="center", fontsize=15, weight="bold")
    # axis=0: desce pelas linhas, uma soma por coluna
    x0 = 0.55
    eixo.text(x0 + 1.0, topo + 0.12, "M.sum(axis=0)", ha="center", va="bottom", fontsize=14,
              family="DejaVu Sans Mono")
    _matriz(eixo, x0, topo - 0.1, M)
    for j in range(4):
        xc = x0 + (j + 0.5) * lado
        seta(eixo, (xc, topo - 0.2), (xc, topo - 3 * lado - 0.25), cor=VERMELHAO, largura=1.4)
    _matriz(eixo, x0, topo - 3 * lado - 0.3, por_coluna, cor=VERDE)
    eixo.text(x0 + 1.0, topo - 4 * lado - 0.45, "desce pelas linhas (eixo 0):\numa soma por "
              "coluna, forma (4,)", ha="center", va="top", fontsize=12, linespacing=1.25)
    # axis=1: percorre cada linha, uma soma por linha
    x1 = 5.0
    eixo.text(x1 + 1.25, topo + 0.12, "M.sum(axis=1)", ha="center", va="bottom", fontsize=14,
              family="DejaVu Sans Mono")
    _matriz(eixo, x1, topo - 0.1, M)
    for i in range(3):
        yc = topo - 0.1 - (i + 0.5) * lado
        seta(eixo, (x1 + 0.1, yc), (x1 + 4 * lado + 0.45, yc), cor=VERMELHAO, largura=1.4)
    _matriz(eixo, x1 + 4 * lado + 0.5, topo - 0.1, por_linha[:, None], cor=VERDE)
    eixo.text(x1 + 1.5, topo - 4 * lado - 0.45, "percorre cada linha (eixo 1):\numa soma por "
              "linha, forma (3,)", ha="center", va="top", fontsize=12, linespacing=1.25)
    # keepdims: o máximo de cada linha, com forma (3, 1), volta pelo broadcasting
    y2 = 3.05
    eixo.plot([0.4, 9.2], [y2 + 0.55, y2 + 0.55], color=CINZA_CLARO, lw=1)
    eixo.text(4.8, y2 + 0.25, "keepdims=True guarda o eixo com tamanho 1, e o resultado volta "
              "pelo broadcasting", ha="center", va="center", fontsize=13)
    topo2 = y2 - 0.15
    _matriz(eixo, 0.55, topo2, M, destaque=(M == maximo))
    eixo.text(0.55 + 2 * lado, topo2 - 3 * lado - 0.15, "M  (3, 4)", ha="center", va="top",
              fontsize=13)
    eixo.text(2.9, topo2 - 1.5 * lado, "−", ha="center", va="center", fontsize=22)
    _matriz(eixo, 3.25, topo2, maximo, cor=ROXO)
    eixo.text(3.25 + lado / 2, topo2 - 3 * lado - 0.15, "M.max(axis=1,\nkeepdims=True)\n(3, 1)",
              ha="center", va="top", fontsize=12, linespacing=1.2)
    eixo.text(4.3, topo2 - 1.5 * lado, "=", ha="center", va="center", fontsize=22)
    _matriz(eixo, 4.75, topo2, M - maximo, cor=VERDE)
    eixo.text(4.75 + 2 * lado, topo2 - 3 * lado - 0.15, "(3, 4)", ha="center", va="top",
              fontsize=13)
    eixo.text(7.0, topo2 - 0.55, "cada linha perde o seu\nmáximo (destacado):\no maior "
              "vira 0, e os\noutros ficam negativos", ha="left", va="top", fontsize=12,
              linespacing=1.25)
    eixo.text(4.8, 0.22, "Sem keepdims, M.max(axis=1) tem forma (3,), e M − (3,) não faz "
              "broadcasting com (3, 4)", ha="center", va="center", fontsize=12, color=CINZA)
    return figura


# ------------------------------------------------------------------------------------------
# 06 · A superfície de perda e o gradiente descendente
# ------------------------------------------------------------------------------------------

def perda_tigela(w):
    """A "tigela" do notebook 05: L(w₁, w₂) = ½·w₁² + 10·w₂²."""
    w = np.asarray(w, float)
    return 0.5 * w[..., 0] ** 2 + 10 * w[..., 1] ** 2


def gradiente_tigela(w):
    return np.array([w[0], 20 * w[1]])


def caminho_tigela(w0=(-4.0, 1.5), taxa=0.09, passos=40) -> np.ndarray:
    w = np.array(w0, float)
    caminho = [w.copy()]
    for _ in range(passos):
        w = w - taxa * gradiente_tigela(w)
        caminho.append(w.copy())
    return np.array(caminho)


def desenhar_superficie_de_perda() -> plt.Figure:
    caminho = caminho_tigela()
    inicial, final = perda_tigela(caminho[0]), perda_tigela(caminho[-1])
    # os mesmos números do notebook 05 (taxa boa: 30,5 → 0,004231)
    assert np.isclose(inicial, 30.5) and abs(final - 0.004231) < 5e-7, (inicial, final)
    w1, w2 = np.meshgrid(np.linspace(-5, 5, 401), np.linspace(-2.5, 2.5, 201))
    grade = perda_tigela(np.stack([w1, w2], axis=-1))
    figura, eixo = plt.subplots(figsize=(8.6, 5.6), layout="constrained")
    niveis = [0.5, 1, 2, 4, 8, 16, 32, 64]
    cores = [matplotlib.colormaps["viridis"](v) for v in np.linspace(0, 0.8, len(niveis))]
    contornos = eixo.contour(w1, w2, grade, levels=niveis, colors=cores, linewidths=1.3)
    # os rótulos das curvas embaixo à direita, onde o caminho não passa
    angulo = np.radians(-55)
    lugares = [(np.sqrt(2 * v) * np.cos(angulo), np.sqrt(v / 10) * np.sin(angulo))
               for v in niveis]
    lugares = [(x, y) for x, y in lugares if abs(x) < 4.8 and abs(y) < 2.4]
    eixo.clabel(contornos, fontsize=11, fmt=lambda v: f"{v:g}".replace(".", ","),
                manual=lugares)
    eixo.plot(caminho[:, 0], caminho[:, 1], "o-", color=VERMELHAO, ms=4, lw=1.4,
              label=f"caminho: 40 passos com $\\eta$ = 0,09\n(perda de {virgula(inicial, 1)} "
                    f"a {virgula(final, 4)})")
    eixo.plot(*caminho[0], "s", color=VERMELHAO, ms=9, label="início (−4; 1,5)")
    eixo.plot(0, 0, "*", color=TINTA, ms=16, label="mínimo (0; 0)")
    descida = -gradiente_tigela(caminho[0])
    descida = 1.1 * descida / np.linalg.norm(descida)
    eixo.annotate("", caminho[0] + descida, caminho[0],
                  arrowprops={"arrowstyle": "-|>", "color": AZUL, "lw": 2.4,
                              "mutation_scale": 18})
    eixo.text(caminho[0][0] - 0.2, caminho[0][1] - 0.55, "$-\\nabla L$", color=AZUL,
              fontsize=14, ha="right", va="center")
    eixo.plot([], [], color=AZUL, lw=2.4, label="$-\\nabla L$ no início: a direção\n"
                                                "de descida mais íngreme")
    eixo.set(aspect="equal", xlim=(-5, 5), ylim=(-2.5, 2.5), xlabel="$w_1$", ylabel="$w_2$")
    eixos_com_virgula(eixo)
    figura.suptitle("Gradiente descendente na superfície de perda "
                    "$L(w_1, w_2) = \\frac{1}{2}w_1^2 + 10\\,w_2^2$", fontsize=14)
    figura.legend(loc="outside lower center", ncols=2, fontsize=11, frameon=False)
    return figura


# ------------------------------------------------------------------------------------------
# 08 · O grafo computacional da retropropagação
# ------------------------------------------------------------------------------------------

def sigmoide(s):
    return 1 / (1 + np.exp(-s))


def grafo_do_neuronio() -> dict:
    """Os valores e as derivadas do grafo do notebook 06, conferidos pela regra da cadeia."""
    x, w, b, y = 3.0, -0.5, 2.0, 1.0
    u = w * x
    s = u + b
    a = sigmoide(s)
    L = (a - y) ** 2
    d = {"a": 2 * (a - y)}
    d["s"] = d["a"] * a * (1 - a)
    d["u"] = d["s"] * 1
    d["b"] = d["s"] * 1
    d["w"] = d["u"] * x
    d["x"] = d["u"] * w  # a resposta do exercício 1: não aparece no desenho
    perda_de = {  # a perda como função só do nó, com o resto parado
        "a": lambda t: (t - y) ** 2, "s": lambda t: (sigmoide(t) - y) ** 2,
        "u": lambda t: (sigmoide(t + b) - y) ** 2, "b": lambda t: (sigmoide(u + t) - y) ** 2,
        "w": lambda t: (sigmoide(t * x + b) - y) ** 2,
        "x": lambda t: (sigmoide(w * t + b) - y) ** 2}
    valores = {"x": x, "w": w, "b": b, "u": u, "s": s, "a": a}
    h = 1e-6
    for no, perda in perda_de.items():
        medida = (perda(valores[no] + h) - perda(valores[no] - h)) / (2 * h)
        assert np.isclose(d[no], medida, atol=1e-8), f"∂L/∂{no} não confere com a medida."
    # os números que o notebook 06 imprime
    assert (u, s, round(a, 4), round(L, 4)) == (-1.5, 0.5, 0.6225, 0.1425)
    assert [round(d[k], 4) for k in "asubw"] == [-0.7551, -0.1774, -0.1774, -0.1774, -0.5323]
    return {"x": x, "w": w, "b": b, "y": y, "u": u, "s": s, "a": a, "L": L, "d": d}


def desenhar_grafo_retropropagacao() -> plt.Figure:
    g = grafo_do_neuronio()
    d = g["d"]
    figura, eixo = tela(10.0, 4.6)
    eixo.text(5.0, 4.35, "Grafo do neurônio: valores na ida (preto) e derivadas na volta "
              "(laranja)", ha="center", va="center", fontsize=14, weight="bold")
    nos = {  # nome: (posição, valor na ida, derivada na volta)
        "x": ((1.2, 3.0), f"x = {virgula(g['x'], 0)}", "?\n(exercício 1)"),
        "w": ((1.2, 1.45), f"w = {virgula(g['w'], 1)}", virgula(d["w"], 4)),
        "u": ((3.15, 2.3), f"u = w·x = {virgula(g['u'], 1)}", virgula(d["u"], 4)),
        "b": ((3.15, 0.9), f"b = {virgula(g['b'], 0)}", virgula(d["b"], 4)),
        "s": ((5.1, 1.6), f"s = u + b = {virgula(g['s'], 1)}", virgula(d["s"], 4)),
        "a": ((7.05, 1.6), f"a = σ(s) = {virgula(g['a'], 4)}", virgula(d["a"], 4)),
        "y": ((7.05, 0.45), f"y = {virgula(g['y'], 0)}", None),
        "L": ((8.9, 1.6), f"L = (a − y)²\n= {virgula(g['L'], 4)}", "1"),
    }
    arestas = [("x", "u"), ("w", "u"), ("u", "s"), ("b", "s"), ("s", "a"), ("a", "L"), ("y", "L")]
    raio = 0.22
    for origem, destino in arestas:
        p, q = nos[origem][0], nos[destino][0]
        seta(eixo, ponta_na_borda(q, p, raio + 0.03), ponta_na_borda(p, q, raio + 0.03))
    for nome, ((px, py), valor, derivada) in nos.items():
        circulo(eixo, (px, py), raio, AZUL, nome, tamanho=15)
        if nome == "y":
            eixo.text(px + 0.32, py, valor + " (o rótulo)", ha="left", va="center", fontsize=12)
            continue
        eixo.text(px, py + 0.32, valor, ha="center", va="bottom", fontsize=12,
                  linespacing=1.2)
        if derivada is not None:
            eixo.text(px, py - 0.32, f"∂L/∂{nome} = {derivada}", ha="center", va="top",
                      fontsize=12, color=VERMELHAO, linespacing=1.2)
    # as duas direções
    seta(eixo, (0.5, 3.85), (9.5, 3.85), cor=CINZA_CLARO, largura=1.2)
    eixo.text(5.0, 3.97, "ida: propagação para frente (valores)", ha="center", va="bottom",
              fontsize=11, color=CINZA)
    seta(eixo, (9.5, 0.12), (3.7, 0.12), cor=clarear(VERMELHAO, 0.35), largura=1.2)
    eixo.text(3.55, 0.12, "volta: retropropagação (derivadas)", ha="right", va="center",
              fontsize=11, color=VERMELHAO)
    return figura


# ------------------------------------------------------------------------------------------
# 11 · Treino, validação e teste
# ------------------------------------------------------------------------------------------

def desenhar_divisao_treino_validacao_teste() -> plt.Figure:
    n_treino_total, n_teste, n_ajuste = 60000, 10000, 48000
    n_validacao = n_treino_total - n_ajuste
    assert (n_ajuste, n_validacao) == (48000, 12000)
    figura, eixo = tela(9.6, 3.7)
    eixo.text(4.8, 3.45, "Treino, validação e teste no Fashion-MNIST",
              ha="center", va="center", fontsize=14, weight="bold")
    x0, escala, altura = 1.75, 7.4 / n_treino_total, 0.72
    y_treino, y_teste = 1.95, 0.35
    partes = [(0, n_ajuste, AZUL, f"treino: {milhar(n_ajuste)} imagens",
               "x_treino: ajusta os pesos, época após época"),
              (n_ajuste, n_validacao, LARANJA, "validação", milhar(n_validacao))]
    for inicio, n, cor, titulo, detalhe in partes:
        eixo.add_patch(Rectangle((x0 + inicio * escala, y_treino), n * escala, altura,
                                 facecolor=clarear(cor, 0.55), edgecolor=cor, lw=1.8))
        meio = x0 + (inicio + n / 2) * escala
        eixo.text(meio, y_treino + altura / 2 + 0.14, titulo, ha="center", va="center",
                  fontsize=13, weight="bold")
        eixo.text(meio, y_treino + altura / 2 - 0.16, detalhe, ha="center", va="center",
                  fontsize=12)
    eixo.add_patch(Rectangle((x0, y_teste), n_teste * escala, altura,
                             facecolor=clarear(VERDE, 0.55), edgecolor=VERDE, lw=1.8))
    eixo.text(x0 + n_teste * escala / 2, y_teste + altura / 2 + 0.14, "teste", ha="center",
              va="center", fontsize=13, weight="bold")
    eixo.text(x0 + n_teste * escala / 2, y_teste + altura / 2 - 0.16, milhar(n_teste),
              ha="center", va="center", fontsize=12)
    eixo.text(x0 + n_teste * escala + 0.2, y_teste + altura / 2,
              "só para a avaliação final: o modelo não as vê durante o treino",
              ha="left", va="center", fontsize=12)
    for y, nome, n in [(y_treino, "train_images", n_treino_total),
                       (y_teste, "test_images", n_teste)]:
        eixo.text(x0 - 0.15, y + altura / 2, f"{nome}\n{milhar(n)}", ha="right", va="center",
                  fontsize=12, family="DejaVu Sans Mono", linespacing=1.3)
    # onde fica o corte
    for indice, texto, alinhamento in [(0, "imagem 0", "left"),
                                       (n_ajuste, f"{milhar(n_ajuste)}", "center"),
                                       (n_treino_total, f"{milhar(n_treino_total - 1)}",
                                        "right")]:
        x = x0 + indice * escala
        eixo.plot([x, x], [y_treino - 0.08, y_treino], color=CINZA, lw=1.2)
        eixo.text(x, y_treino - 0.12, texto, ha=alinhamento, va="top", fontsize=11,
                  color=CINZA)
    eixo.text(x0 + n_treino_total * escala, y_treino + altura + 0.1,
              f"x_validacao: as últimas {milhar(n_validacao)} (20%), sem sortear; o fit mede "
              "nelas a perda a cada época", ha="right", va="bottom", fontsize=11, color=CINZA)
    return figura


# ------------------------------------------------------------------------------------------
# O banner do README
# ------------------------------------------------------------------------------------------

def desenhar_banner() -> plt.Figure:
    figura = plt.figure(figsize=(16, 4))  # 1600 × 400 px a 100 dpi
    eixo = figura.add_axes((0, 0, 1, 1))
    eixo.set_xlim(0, 16)
    eixo.set_ylim(0, 4)
    eixo.set_aspect("equal")
    eixo.axis("off")
    cores = [AZUL, AZUL_CLARO, VERDE, AMARELO, LARANJA, VERMELHAO, ROXO]
    for k, cor in enumerate(cores):  # uma faixa com as cores da paleta, embaixo
        eixo.add_patch(Rectangle((k * 16 / len(cores), 0), 16 / len(cores), 0.12, color=cor,
                                 lw=0))
    eixo.text(0.8, 2.55, "Redes neurais em notebooks", fontsize=44, weight="bold",
              va="center", ha="left", color=TINTA)
    eixo.text(0.82, 1.5, "Um curso introdutório, em português: do neurônio em NumPy\n"
              "ao Keras com o MNIST e o Fashion-MNIST", fontsize=21, va="center", ha="left",
              color=CINZA, linespacing=1.35)
    # uma rede pequena à direita
    tamanhos, xs = [4, 6, 6, 3], np.linspace(12.2, 15.2, 4)
    cores_camadas = [CINZA, AZUL, AZUL, LARANJA]
    alturas = [(np.arange(n) - (n - 1) / 2) * 0.52 + 2.05 for n in tamanhos]
    for k in range(len(tamanhos) - 1):
        for y1 in alturas[k]:
            for y2 in alturas[k + 1]:
                eixo.plot([xs[k], xs[k + 1]], [y1, y2], color=CINZA_CLARO, lw=1.0, zorder=1)
    for x, ys, cor in zip(xs, alturas, cores_camadas):
        for y in ys:
            eixo.add_patch(Circle((x, y), 0.16, facecolor=clarear(cor, 0.35), edgecolor=cor,
                                  lw=2, zorder=3))
    return figura


# ------------------------------------------------------------------------------------------
# A lista dos diagramas
# ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Diagrama:
    arquivo: str
    desenhar: Callable[[], plt.Figure]
    notebook: str | None   # o notebook que o usa (None: só o README do repositório)
    o_que_mostra: str
    texto_alternativo: str
    dpi: int = DPI


DIAGRAMAS = [
    Diagrama("neuronio.png", desenhar_neuronio, "01_neuronio.ipynb",
             "um neurônio: as entradas $x_1, \\dots, x_n$, cada uma com o seu peso, a soma "
             "ponderada mais o viés, a função de ativação e a saída $y = f(z)$",
             "Diagrama de um neurônio: as entradas x1, x2 até xn entram, cada uma multiplicada "
             "pelo seu peso w1, w2 até wn, num nó de soma que também recebe o viés b; a soma z "
             "passa pela função de ativação f e sai y = f(z)"),
    Diagrama("camada_como_matriz.png", desenhar_camada_como_matriz, "02_camadas_e_redes.ipynb",
             "uma camada densa de 10 neurônios como $a = \\sigma(xW + b)$, com as formas: "
             "$x$ (784,), $W$ (784, 10), $b$, $z$ e $a$ (10,); a coluna 3 de $W$ é o neurônio 3",
             "Diagrama de uma camada densa como produto de matriz: o vetor x de 784 pixels vezes "
             "a matriz W de forma (784, 10), mais o vetor de vieses b de 10 números, dá as 10 "
             "somas z, e a sigmoide dá as 10 ativações a; a coluna 3 de W, destacada, tem os 784 "
             "pesos do neurônio 3"),
    Diagrama("rede_duas_camadas.png", desenhar_rede_duas_camadas, "02_camadas_e_redes.ipynb",
             "a rede 784 → 16 → 10: camada de entrada (só os pixels, sem neurônios nem pesos), "
             "camada oculta com ReLU e camada de saída com sigmoide, as formas de $W_1$, $b_1$, "
             "$W_2$, $b_2$ e os 12 730 parâmetros",
             "Diagrama da rede de duas camadas: a camada de entrada com os 784 pixels, ligada a "
             "uma camada oculta de 16 neurônios com ReLU, ligada a uma camada de saída de 10 "
             "neurônios, um por dígito; W1 tem forma (784, 16) e W2 tem forma (16, 10), 12 730 "
             "parâmetros ao todo"),
    Diagrama("rede_rasa_e_profunda.png", desenhar_rede_rasa_e_profunda, "02_camadas_e_redes.ipynb",
             "lado a lado, a rede rasa 784 → 16 → 10 e a profunda 784 → 128 → 64 → 32 → 10",
             "Duas redes lado a lado: a rasa, com entrada de 784, uma camada oculta de 16 e "
             "saída de 10; e a profunda, com entrada de 784, camadas ocultas de 128, 64 e 32 "
             "e saída de 10"),
    Diagrama("soma_de_vetores.png", desenhar_soma_de_vetores,
             "05_operacoes_com_tensores.ipynb",
             "a soma de vetores como setas encadeadas: $a = (0{,}5; 1{,}5)$, $b = (2; 0{,}5)$ a "
             "partir da ponta de $a$, e $a + b = (2{,}5; 2)$",
             "A seta a vai da origem até (0,5; 1,5); a seta b parte da ponta de a; a seta a + b "
             "vai da origem direto até (2,5; 2), onde b termina"),
    Diagrama("reducoes_por_eixo.png", desenhar_reducoes_por_eixo,
             "05_operacoes_com_tensores.ipynb",
             "a soma de uma matriz (3, 4) ao longo do eixo 0 (uma soma por coluna, forma (4,)) "
             "e do eixo 1 (uma soma por linha, forma (3,)), e o máximo de cada linha com "
             "`keepdims=True`, forma (3, 1), subtraído de volta pelo broadcasting",
             "Uma matriz de 3 linhas e 4 colunas somada de dois jeitos: descendo pelas linhas, "
             "o eixo 0, dá uma soma por coluna, 13, 13, 11 e 15; percorrendo cada linha, o eixo "
             "1, dá uma soma por linha, 9, 22 e 21. Embaixo, o máximo de cada linha, guardado "
             "com keepdims numa coluna de forma (3, 1), é subtraído da matriz: o maior número "
             "de cada linha vira 0"),
    Diagrama("superficie_de_perda.png", desenhar_superficie_de_perda,
             "06_gradiente_descendente.ipynb",
             "as curvas de nível da tigela $L(w_1, w_2) = \\frac{1}{2}w_1^2 + 10\\,w_2^2$ e o "
             "caminho do gradiente descendente saindo de (−4; 1,5), 40 passos com "
             "$\\eta = 0{,}09$ (perda de 30,5 a 0,0042)",
             "Curvas de nível de uma superfície de perda em forma de tigela alongada, com o "
             "mínimo no centro; o caminho do gradiente descendente sai de (−4; 1,5), desce "
             "oscilando na direção mais curva e chega perto do mínimo em 40 passos"),
    Diagrama("grafo_retropropagacao.png", desenhar_grafo_retropropagacao,
             "08_retropropagacao.ipynb",
             "o grafo computacional do neurônio ($u = wx$, $s = u + b$, $a = \\sigma(s)$, "
             "$L = (a - y)^2$) com os valores da ida e as derivadas da volta; "
             "$\\partial L/\\partial x$ fica como exercício",
             "Grafo computacional do neurônio com x = 3, w = −0,5, b = 2 e y = 1: u = w·x = "
             "−1,5, s = u + b = 0,5, a = σ(s) = 0,6225 e L = (a − y)² = 0,1425; na volta, "
             "∂L/∂a = −0,7551, ∂L/∂s = ∂L/∂u = ∂L/∂b = −0,1774 e ∂L/∂w = −0,5323; a "
             "derivada em relação a x fica para o exercício 1"),
    Diagrama("divisao_treino_validacao_teste.png", desenhar_divisao_treino_validacao_teste,
             "11_keras_fashion_mnist.ipynb",
             "as 60.000 imagens de treino divididas em 48.000 de treino e as últimas 12.000 "
             "de validação, e as 10.000 de teste à parte",
             "Uma barra com as 60.000 imagens de treino: as primeiras 48.000 ajustam os pesos "
             "e as últimas 12.000 são a validação; abaixo, uma barra separada com as 10.000 "
             "imagens de teste, guardadas para a avaliação final"),
    Diagrama("banner.png", desenhar_banner, None,
             "a imagem de abertura do curso, no topo do README do repositório (1600 × 400 pixels)",
             "Redes neurais em notebooks: um curso introdutório, em português", dpi=100),
]


def readme_da_midia() -> str:
    linhas = [
        "# Os diagramas do curso",
        "",
        "Esta pasta guarda os diagramas estáticos do curso: desenhos que não dependem de dados "
        "nem de treino. Todos são desenhados pelo programa `tools/desenhar_diagramas.py`, com "
        "o Matplotlib e com os mesmos números dos notebooks, calculados e conferidos no "
        "próprio programa (o grafo da retropropagação, por exemplo, confere a regra da cadeia "
        "com derivadas numéricas). As figuras feitas a partir dos dados (imagens do MNIST, "
        "curvas de um treino) continuam sendo código nos notebooks, porque são a lição.",
        "",
        "Este arquivo também é escrito pelo programa, a partir da lista `DIAGRAMAS`: para "
        "mudá-lo, mude a lista.",
        "",
        "## Os arquivos",
        "",
        "| Arquivo | O que mostra | Onde aparece |",
        "|---|---|---|",
    ]
    for d in DIAGRAMAS:
        onde = (f"[`{d.notebook}`](../notebooks/{d.notebook})" if d.notebook
                else "[README](../README.md) do repositório")
        linhas.append(f"| [`{d.arquivo}`]({d.arquivo}) | {d.o_que_mostra} | {onde} |")
    linhas += [
        "",
        "## Como as imagens chegam aos notebooks",
        "",
        "Caminhos relativos não funcionam no Colab. Por isso cada notebook leva as suas imagens "
        "dentro de si, como anexos das células de texto. Uma célula cita a imagem assim:",
        "",
        "```markdown",
        "![Diagrama de um neurônio: as entradas x1, x2 até xn entram...](attachment:neuronio.png)",
        "```",
        "",
        "e `python tools/carimbar.py` copia para essa célula, em base64, o arquivo "
        "`media/neuronio.png`. Assim, uma mudança aqui chega a todos os notebooks que usam a "
        "imagem. O texto entre colchetes é o texto alternativo, lido por quem não vê a imagem: "
        "é obrigatório e deve dizer o que a imagem ensina (a lista `DIAGRAMAS` sugere um para "
        "cada arquivo).",
        "",
        "## Como mudar um diagrama",
        "",
        "1. Mude a função dele em `tools/desenhar_diagramas.py`.",
        "2. Desenhe de novo: `.venv/bin/python tools/desenhar_diagramas.py` (ou só um: "
        "`.venv/bin/python tools/desenhar_diagramas.py neuronio.png`).",
        "3. Abra a imagem e olhe: nada cortado, nada sobreposto, texto legível.",
        "4. Leve a imagem aos notebooks: `.venv/bin/python tools/carimbar.py`.",
        "5. Confira: `.venv/bin/python -m pytest tests/test_media.py`. O teste falha se um "
        "anexo estiver diferente do arquivo desta pasta, se uma imagem não tiver texto "
        "alternativo, se faltar um arquivo citado, se um diagrama não for usado pelo seu "
        "notebook ou se o programa não reproduzir os arquivos desta pasta.",
        "",
        "O programa é determinístico: executado de novo, grava os mesmos bytes (as imagens não "
        "guardam data nem a versão do Matplotlib). Noutra máquina, com outra versão do "
        "Matplotlib ou das fontes, pode haver diferenças mínimas de pixels; o teste as tolera.",
        "",
        "## Estilo",
        "",
        "- Fundo branco (no tema escuro do Colab, um fundo transparente esconde o texto).",
        "- Cores da paleta de Okabe e Ito, que quem tem daltonismo distingue.",
        f"- {DPI} pontos por polegada e de 770 a 1200 pixels de largura: na largura do Colab "
        "(cerca de 800 pixels), o menor texto fica com mais de 11 pixels de altura.",
        "- Todo texto em português, com os termos do guia de autoria "
        "(`tools/GUIA_DE_AUTORIA.md`) e a vírgula decimal do texto dos notebooks.",
        "",
        "## Créditos e licença",
        "",
        "Todos os diagramas foram desenhados aqui, pelo programa, sem nenhuma imagem de fora. "
        "Valem para eles os mesmos termos do resto do curso.",
        "",
    ]
    return "\n".join(linhas)


def desenhar(diagrama: Diagrama, pasta: Path) -> Path:
    estilo()
    figura = diagrama.desenhar()
    caminho = pasta / diagrama.arquivo
    # Sem "Software" (a versão do Matplotlib) nos metadados: os bytes só dependem do desenho.
    figura.savefig(caminho, dpi=diagrama.dpi, facecolor="white", metadata={"Software": None})
    plt.close(figura)
    return caminho


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("arquivos", nargs="*", help="só estes (padrão: todos)")
    parser.add_argument("--destino", type=Path, default=MIDIA,
                        help="a pasta onde gravar (padrão: media/)")
    argumentos = parser.parse_args(argv)
    conhecidos = {d.arquivo: d for d in DIAGRAMAS}
    desconhecidos = [a for a in argumentos.arquivos if a not in conhecidos]
    if desconhecidos:
        print(f"Diagramas desconhecidos: {', '.join(desconhecidos)}. Os que existem: "
              f"{', '.join(conhecidos)}.", file=sys.stderr)
        return 2
    argumentos.destino.mkdir(parents=True, exist_ok=True)
    for d in DIAGRAMAS:
        if not argumentos.arquivos or d.arquivo in argumentos.arquivos:
            print(desenhar(d, argumentos.destino))
    readme = argumentos.destino / "README.md"
    readme.write_text(readme_da_midia(), "utf-8")
    print(readme)
    return 0


if __name__ == "__main__":
    sys.exit(main())
