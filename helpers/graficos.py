"""Gráficos do curso: imagens, previsões, histórico de treino e matriz de confusão.

``plot_image`` e ``plot_value_array`` têm exatamente a assinatura das funções do tutorial
clássico de classificação de roupas do TensorFlow, para que código escrito para ele rode
sem mudanças. As demais funções têm nomes em português.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = [
    "CLASSES_FASHION",
    "CLASS_NAMES",
    "CLASSES_MNIST",
    "grade_de_imagens",
    "mostrar_previsao",
    "plot_historico",
    "plot_image",
    "plot_matriz_confusao",
    "plot_value_array",
]

# As dez classes do Fashion-MNIST, na ordem dos rótulos 0 a 9.
CLASSES_FASHION = ("Camiseta/top", "Calça", "Pulôver", "Vestido", "Casaco",
                   "Sandália", "Camisa", "Tênis", "Bolsa", "Bota")
# Os nomes originais, em inglês, como aparecem no tutorial do TensorFlow.
CLASS_NAMES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")
# No MNIST a classe é o próprio dígito.
CLASSES_MNIST = tuple(str(d) for d in range(10))

AZUL, VERMELHO, CINZA = "tab:blue", "tab:red", "#888888"


# ----------------------------------------------------------------------------------------
# Validação das entradas (mensagens em português)
# ----------------------------------------------------------------------------------------

def _como_array(valor, nome: str) -> np.ndarray:
    if hasattr(valor, "numpy") and not isinstance(valor, np.ndarray):
        valor = valor.numpy()  # tensores do TensorFlow
    try:
        array = np.asarray(valor)
    except Exception as erro:
        raise TypeError(f"{nome} deveria ser um array NumPy; recebi {type(valor).__name__}.") \
            from erro
    if array.dtype == object:
        raise TypeError(f"{nome} deveria ser um array de números; recebi {type(valor).__name__}.")
    return array


def _indice(i, n: int, nome_do_conjunto: str) -> int:
    if isinstance(i, bool) or not isinstance(i, numbers.Integral):
        raise TypeError(f"O índice i deve ser um número inteiro; recebi {i!r}.")
    if not -n <= i < n:
        raise ValueError(f"O índice i={i} está fora do intervalo: {nome_do_conjunto} tem {n} "
                         f"elementos (índices de 0 a {n - 1}).")
    return int(i)


def _rotulo_inteiro(rotulo, n_classes: int, nome: str = "O rótulo verdadeiro") -> int:
    rotulo = _como_array(rotulo, nome)
    if rotulo.ndim != 0:
        raise ValueError(f"{nome} deve ser um único número; recebi um array de forma "
                         f"{rotulo.shape}. Se os rótulos estão em one-hot, use np.argmax.")
    if not np.issubdtype(rotulo.dtype, np.integer):
        if np.issubdtype(rotulo.dtype, np.floating) and float(rotulo).is_integer():
            rotulo = rotulo.astype(int)
        else:
            raise TypeError(f"{nome} deve ser um inteiro de 0 a {n_classes - 1}; "
                            f"recebi {rotulo.item()!r}.")
    valor = int(rotulo)
    if not 0 <= valor < n_classes:
        raise ValueError(f"{nome} vale {valor}, mas as classes vão de 0 a {n_classes - 1}.")
    return valor


def _vetor_de_previsoes(previsoes, nome: str = "predictions_array") -> np.ndarray:
    previsoes = _como_array(previsoes, nome)
    if previsoes.ndim == 2 and previsoes.shape[0] == 1:
        previsoes = previsoes[0]
    if previsoes.ndim != 1:
        raise ValueError(
            f"{nome} deve ter as previsões de uma imagem (forma (n_classes,)) ou de todas "
            f"(forma (n_imagens, n_classes)); recebi forma {previsoes.shape}. Passe, por "
            "exemplo, predictions[i] ou predictions."
        )
    if previsoes.size < 2 or not np.issubdtype(previsoes.dtype, np.number):
        raise ValueError(f"{nome} deve ter um número por classe; recebi {previsoes!r}.")
    return previsoes.astype(float)


def _linha_de_previsoes(previsoes, i) -> np.ndarray:
    """Aceita as duas chamadas do tutorial: ``predictions[i]`` ou o array ``predictions``
    inteiro (forma ``(n_imagens, n_classes)``), do qual a função tira a linha ``i``.
    Uma matriz de uma linha só, como ``model.predict`` de uma imagem, vale por essa linha."""
    array = _como_array(previsoes, "predictions_array")
    if array.ndim == 2 and array.shape[0] > 1:
        array = array[_indice(i, array.shape[0], "predictions_array")]
    return _vetor_de_previsoes(array)


def _imagem(imagem, nome: str = "A imagem") -> np.ndarray:
    imagem = _como_array(imagem, nome)
    if imagem.ndim == 3 and imagem.shape[-1] == 1:
        imagem = imagem[..., 0]
    if imagem.ndim == 1 and int(np.sqrt(imagem.size)) ** 2 == imagem.size:
        lado = int(np.sqrt(imagem.size))
        imagem = imagem.reshape(lado, lado)  # por exemplo, um vetor de 784 pixels
    if imagem.ndim != 2:
        raise ValueError(f"{nome} deve ser 2D (altura, largura); recebi forma {imagem.shape}.")
    return imagem


def _nomes(class_names, n_classes: int, padrao_fashion: bool = False) -> tuple:
    """Os nomes das classes. Sem ``class_names``: as classes do Fashion-MNIST em português nas
    duas funções do tutorial do TensorFlow (que é sobre roupas); o número da classe nas demais.
    """
    if class_names is None:
        if padrao_fashion and n_classes == 10:
            return CLASSES_FASHION
        return tuple(str(k) for k in range(n_classes))
    nomes = tuple(class_names)
    if len(nomes) != n_classes:
        raise ValueError(f"Recebi {len(nomes)} nomes de classes, mas as previsões têm "
                         f"{n_classes} classes.")
    return nomes


def _plt():
    import matplotlib.pyplot as plt

    return plt


# ----------------------------------------------------------------------------------------
# As duas funções do tutorial do TensorFlow (mesma assinatura)
# ----------------------------------------------------------------------------------------

def plot_image(i, predictions_array, true_label, img, class_names=None):
    """Mostra a imagem ``img[i]`` com a classe prevista, a confiança e a classe verdadeira.

    Mesma chamada do tutorial do TensorFlow: ``plot_image(i, predictions[i], test_labels,
    test_images)``; também aceita o array ``predictions`` inteiro no lugar de
    ``predictions[i]``. A legenda fica azul quando a previsão acerta e vermelha quando erra.
    ``class_names`` (opcional) troca os nomes das classes; o padrão são as classes do
    Fashion-MNIST em português.
    """
    plt = _plt()
    previsoes = _linha_de_previsoes(predictions_array, i)
    rotulos = _como_array(true_label, "true_label")
    imagens = _como_array(img, "img")
    if rotulos.ndim != 1:
        raise ValueError(f"true_label deve ser o array com todos os rótulos (1D); recebi forma "
                         f"{rotulos.shape}.")
    if imagens.ndim not in (3, 4):
        raise ValueError(f"img deve ser o array com todas as imagens, forma (n, altura, "
                         f"largura); recebi forma {imagens.shape}.")
    if len(rotulos) != len(imagens):
        raise ValueError(f"true_label tem {len(rotulos)} rótulos, mas img tem {len(imagens)} "
                         "imagens: devem ser do mesmo conjunto.")
    i = _indice(i, len(imagens), "img")
    nomes = _nomes(class_names, previsoes.size, padrao_fashion=True)
    verdadeiro = _rotulo_inteiro(rotulos[i], previsoes.size)
    previsto = int(np.argmax(previsoes))
    plt.grid(False)
    plt.xticks([])
    plt.yticks([])
    plt.imshow(_imagem(imagens[i]), cmap="binary")
    cor = AZUL if previsto == verdadeiro else VERMELHO
    plt.xlabel(f"{nomes[previsto]} {100 * np.max(previsoes):2.0f}% ({nomes[verdadeiro]})",
               color=cor)


def plot_value_array(i, predictions_array, true_label):
    """Barras com a probabilidade de cada classe: vermelha a prevista, azul a verdadeira.

    Mesma chamada do tutorial do TensorFlow: ``plot_value_array(i, predictions[i],
    test_labels)``; também aceita o array ``predictions`` inteiro no lugar de
    ``predictions[i]``. Quando a previsão acerta, a barra prevista fica azul.
    """
    plt = _plt()
    previsoes = _linha_de_previsoes(predictions_array, i)
    rotulos = _como_array(true_label, "true_label")
    if rotulos.ndim != 1:
        raise ValueError(f"true_label deve ser o array com todos os rótulos (1D); recebi forma "
                         f"{rotulos.shape}.")
    i = _indice(i, len(rotulos), "true_label")
    verdadeiro = _rotulo_inteiro(rotulos[i], previsoes.size)
    n = previsoes.size
    plt.grid(False)
    plt.xticks(range(n))
    plt.yticks([])
    barras = plt.bar(range(n), previsoes, color=CINZA)
    plt.ylim([0, 1])
    barras[int(np.argmax(previsoes))].set_color(VERMELHO)
    barras[verdadeiro].set_color(AZUL)


# ----------------------------------------------------------------------------------------
# Versões mais simples e figuras prontas
# ----------------------------------------------------------------------------------------

def mostrar_previsao(imagem, probabilidades, rotulo=None, class_names=None, titulo=None):
    """Uma figura com a imagem e o gráfico de barras das probabilidades de UMA previsão.

    Sem índice ``i``: passe a própria imagem (28×28), o vetor de probabilidades (forma
    ``(10,)`` ou ``(1, 10)``, como sai de ``model.predict`` para uma imagem só) e, se
    souber, o rótulo verdadeiro. ``class_names``: nomes das classes (padrão: o número).
    """
    plt = _plt()
    imagem = _imagem(imagem)
    previsoes = _vetor_de_previsoes(probabilidades, "probabilidades")
    if np.any(previsoes < -1e-6) or not np.isclose(previsoes.sum(), 1.0, atol=1e-3):
        raise ValueError("As probabilidades devem ser não negativas e somar 1. Se o modelo "
                         "devolve logits, aplique um softmax antes (por exemplo uma camada "
                         "keras.layers.Softmax).")
    nomes = _nomes(class_names, previsoes.size)
    previsto = int(np.argmax(previsoes))
    verdadeiro = None if rotulo is None else _rotulo_inteiro(rotulo, previsoes.size)
    figura, (eixo_img, eixo_barras) = plt.subplots(
        1, 2, figsize=(8, 3), gridspec_kw={"width_ratios": [1, 2]})
    eixo_img.imshow(imagem, cmap="binary")
    eixo_img.set_xticks([])
    eixo_img.set_yticks([])
    cor = "black" if verdadeiro is None else (AZUL if verdadeiro == previsto else VERMELHO)
    legenda = f"previsto: {nomes[previsto]} ({100 * previsoes[previsto]:.0f}%)"
    if verdadeiro is not None:
        legenda += f"\nverdadeiro: {nomes[verdadeiro]}"
    eixo_img.set_xlabel(legenda, color=cor)
    cores = [CINZA] * previsoes.size
    cores[previsto] = VERMELHO
    if verdadeiro is not None:
        cores[verdadeiro] = AZUL
    eixo_barras.bar(range(previsoes.size), previsoes, color=cores)
    eixo_barras.set_xticks(range(previsoes.size), nomes, rotation=45, ha="right")
    eixo_barras.set_ylim(0, 1)
    eixo_barras.set_ylabel("probabilidade")
    eixo_barras.set_title("Probabilidade de cada classe")
    if titulo:
        figura.suptitle(titulo)
    figura.tight_layout()
    plt.show()


def grade_de_imagens(imagens, rotulos=None, previsoes=None, class_names=None, colunas=5,
                     titulo=None, tamanho=1.6):
    """Uma grade de imagens com legendas.

    - só ``imagens``: a grade sem legendas;
    - com ``rotulos``: o nome da classe embaixo de cada imagem;
    - com ``rotulos`` e ``previsoes`` (classes previstas, inteiras): "previsto (real)",
      em azul os acertos e em vermelho os erros.

    ``class_names`` dá os nomes das classes (por exemplo ``CLASSES_FASHION``); sem ele,
    aparece o número da classe (que no MNIST é o próprio dígito).
    """
    plt = _plt()
    imagens = _como_array(imagens, "imagens")
    if imagens.ndim == 4 and imagens.shape[-1] == 1:
        imagens = imagens[..., 0]
    if imagens.ndim == 2 and int(np.sqrt(imagens.shape[1])) ** 2 == imagens.shape[1]:
        lado = int(np.sqrt(imagens.shape[1]))
        imagens = imagens.reshape(-1, lado, lado)
    if imagens.ndim != 3 or len(imagens) == 0:
        raise ValueError(f"imagens deve ter forma (n, altura, largura) com n ≥ 1; recebi forma "
                         f"{imagens.shape}.")
    if isinstance(colunas, bool) or not isinstance(colunas, numbers.Integral) or colunas < 1:
        raise ValueError(f"colunas deve ser um inteiro positivo; recebi {colunas!r}.")
    n = len(imagens)
    n_classes = 10 if class_names is None else len(class_names)
    nomes = _nomes(class_names, n_classes)
    rotulos_ok = None
    if rotulos is not None:
        rotulos = _como_array(rotulos, "rotulos")
        if rotulos.shape != (n,):
            raise ValueError(f"rotulos deve ter um rótulo por imagem (forma ({n},)); recebi "
                             f"forma {rotulos.shape}.")
        rotulos_ok = [_rotulo_inteiro(r, n_classes, "Cada rótulo") for r in rotulos]
    previstos = None
    if previsoes is not None:
        if rotulos_ok is None:
            raise ValueError("Para mostrar previsões, passe também os rótulos verdadeiros.")
        previsoes = _como_array(previsoes, "previsoes")
        if previsoes.shape != (n,):
            raise ValueError(f"previsoes deve ter uma classe prevista por imagem (forma ({n},)); "
                             f"recebi forma {previsoes.shape}. Se tem probabilidades, use "
                             "np.argmax(..., axis=1).")
        previstos = [_rotulo_inteiro(p, n_classes, "Cada previsão") for p in previsoes]
    linhas = int(np.ceil(n / colunas))
    figura, eixos = plt.subplots(linhas, colunas, figsize=(tamanho * colunas,
                                                           (tamanho + 0.35) * linhas),
                                 squeeze=False, layout="constrained")
    for k, eixo in enumerate(eixos.flat):
        eixo.set_xticks([])
        eixo.set_yticks([])
        if k >= n:
            eixo.axis("off")
            continue
        eixo.imshow(imagens[k], cmap="binary")
        if previstos is not None:
            acertou = previstos[k] == rotulos_ok[k]
            eixo.set_xlabel(f"{nomes[previstos[k]]}\n({nomes[rotulos_ok[k]]})", fontsize=9,
                            color=AZUL if acertou else VERMELHO)
        elif rotulos_ok is not None:
            eixo.set_xlabel(nomes[rotulos_ok[k]], fontsize=9)
    if titulo:
        figura.suptitle(titulo)
    plt.show()


def plot_historico(historico, metrica: str = "accuracy", titulo=None):
    """Curvas de treino: a perda e uma métrica, em treino e em validação, por época.

    ``historico`` é o que ``model.fit`` devolve (um ``History``) ou o dicionário
    ``history.history``. ``metrica`` é o nome da métrica no histórico (``"accuracy"``,
    ``"mae"``…).
    """
    plt = _plt()
    dados = getattr(historico, "history", historico)
    if not isinstance(dados, dict) or "loss" not in dados:
        raise TypeError("historico deve ser o resultado de model.fit (ou history.history), "
                        "com a chave 'loss'.")
    if metrica is not None and metrica not in dados:
        disponiveis = ", ".join(k for k in dados if not k.startswith("val_"))
        raise ValueError(f"A métrica {metrica!r} não está no histórico. Disponíveis: "
                         f"{disponiveis}.")
    nomes_pt = {"loss": "perda", "accuracy": "acurácia", "mae": "erro absoluto médio (MAE)",
                "mse": "erro quadrático médio (MSE)"}
    chaves = ["loss"] + ([metrica] if metrica else [])
    figura, eixos = plt.subplots(1, len(chaves), figsize=(5 * len(chaves), 3.4), squeeze=False)
    for eixo, chave in zip(eixos.flat, chaves):
        epocas = np.arange(1, len(dados[chave]) + 1)
        eixo.plot(epocas, dados[chave], "o-", label="treino")
        if f"val_{chave}" in dados:
            eixo.plot(epocas, dados[f"val_{chave}"], "s--", label="validação")
        eixo.set_xlabel("época")
        eixo.set_ylabel(nomes_pt.get(chave, chave))
        nome = nomes_pt.get(chave, chave)
        eixo.set_title(nome[:1].upper() + nome[1:] + " por época")
        eixo.xaxis.get_major_locator().set_params(integer=True)
        eixo.legend()
    if titulo:
        figura.suptitle(titulo)
    figura.tight_layout()
    plt.show()


def matriz_de_confusao(rotulos, previstos, n_classes: int = 10) -> np.ndarray:
    """Conta quantas vezes cada classe verdadeira (linha) foi prevista como cada classe
    (coluna)."""
    rotulos = _como_array(rotulos, "rotulos").ravel()
    previstos = _como_array(previstos, "previstos").ravel()
    if rotulos.shape != previstos.shape:
        raise ValueError(f"rotulos e previstos devem ter o mesmo tamanho; recebi {rotulos.size} "
                         f"e {previstos.size}.")
    for nome, arr in (("rotulos", rotulos), ("previstos", previstos)):
        if not np.issubdtype(arr.dtype, np.integer):
            raise TypeError(f"{nome} devem ser classes inteiras; recebi dtype {arr.dtype}. "
                            "Se tem probabilidades, use np.argmax(..., axis=1).")
        if arr.size and (arr.min() < 0 or arr.max() >= n_classes):
            raise ValueError(f"{nome} têm valores fora de 0 a {n_classes - 1}.")
    matriz = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matriz, (rotulos, previstos), 1)
    return matriz


def plot_matriz_confusao(rotulos, previstos, class_names=None, titulo="Matriz de confusão"):
    """Desenha a matriz de confusão e devolve-a (linhas: classe real; colunas: prevista)."""
    plt = _plt()
    from matplotlib.ticker import MaxNLocator
    n_classes = 10 if class_names is None else len(class_names)
    nomes = _nomes(class_names, n_classes)
    matriz = matriz_de_confusao(rotulos, previstos, n_classes)
    figura, eixo = plt.subplots(figsize=(7, 6))
    fora_da_diagonal = matriz - np.diag(np.diag(matriz))
    imagem = eixo.imshow(fora_da_diagonal, cmap="Reds")
    for (lin, col), valor in np.ndenumerate(matriz):
        cor = "tab:blue" if lin == col else ("white" if valor > fora_da_diagonal.max() / 2
                                             else "black")
        eixo.text(col, lin, str(valor), ha="center", va="center", fontsize=9, color=cor)
    eixo.set_xticks(range(n_classes), nomes, rotation=45, ha="right")
    eixo.set_yticks(range(n_classes), nomes)
    eixo.set_xlabel("classe prevista")
    eixo.set_ylabel("classe real")
    eixo.set_title(titulo)
    barra = figura.colorbar(imagem, ax=eixo, label="erros (fora da diagonal)")
    barra.locator = MaxNLocator(integer=True)  # contagens: só marcas inteiras
    barra.update_ticks()
    figura.tight_layout()
    plt.show()
    return matriz
