"""A rede ``784 → ocultos → 10`` dos notebooks 08 e 09, escrita para a velocidade.

Os notebooks 08 e 09 escrevem a rede do jeito mais legível (``propagar``, ``retropropagar``
em ``helpers/rede_legivel.py``; ``atualizar``, ``treinar_epoca`` no 09). Este módulo faz
**as mesmas contas**, com quatro truques que deixariam a lição mais difícil de ler:

1. nenhum array novo dentro do laço: os lotes, as ativações e os gradientes moram em
   memória reservada uma vez por época (``out=`` nas operações da NumPy);
2. a taxa de aprendizado entra no gradiente da saída, ``(p − y) · taxa / n``; assim os
   gradientes de todas as camadas já saem multiplicados pela taxa, e a atualização é só
   ``W -= g`` (uma passada a menos pela memória em cada matriz de pesos);
3. a maior matriz, ``W1``, nem tem o gradiente guardado: uma única chamada à BLAS
   (``sgemm`` do SciPy, que calcula ``C ← α·A·B + β·C``) faz ``W1 ← W1 − xᵀ·∂h`` direto
   na memória de ``W1``. Sem o SciPy, ou com ``W1`` fora da ordem C, faz o produto e a
   subtração separados;
4. a álgebra linear (BLAS) usa um número fixo de núcleos, por padrão 1. Com matrizes do
   tamanho destas (128 × 784 por 784 × 512), cada produto é pequeno; nas nossas medidas,
   numa máquina de 2 núcleos, dividir cada produto entre os dois deixou a época uns 30% mais
   rápida com a máquina livre, mas várias vezes mais lenta quando outros programas
   disputavam a CPU (um núcleo fica esperando o outro a cada produto). Meça na sua máquina
   com ``nucleos=None``.

Parâmetros da rede: um dicionário com ``W1`` (entradas × ocultos), ``b1`` (ocultos),
``W2`` (ocultos × 10) e ``b2`` (10), todos ``float32``; ReLU na camada oculta, softmax na
saída, perda de entropia cruzada, gradiente descendente estocástico (SGD) com minilotes.

Funções:

- ``iniciar_parametros(rng)``: pesos aleatórios (inicialização de He na camada oculta, de
  LeCun na de saída) e vieses zerados, como no notebook;
- ``treinar_epoca(params, x, y, lote, taxa, rng)``: uma época de treino, no lugar;
- ``tempo_dos_produtos(params, n_exemplos, lote)``: segundos que só os produtos de matrizes
  de uma época levam (um piso aproximado para qualquer implementação da mesma rede que use
  a mesma biblioteca de álgebra linear com os mesmos núcleos);
- ``nucleos_da_algebra_linear(n)``: bloco ``with`` em que a BLAS usa ``n`` núcleos.
"""

from __future__ import annotations

import contextlib
import time

import numpy as np

__all__ = ["iniciar_parametros", "nucleos_da_algebra_linear", "tempo_dos_produtos",
           "treinar_epoca"]

_NOMES = ("W1", "b1", "W2", "b2")


@contextlib.contextmanager
def nucleos_da_algebra_linear(nucleos: int | None = 1):
    """Bloco ``with`` em que os produtos de matrizes da NumPy usam ``nucleos`` núcleos.

    ``None`` não muda nada. Usa o pacote ``threadpoolctl`` (que vem com o scikit-learn, no
    Colab inclusive); sem ele, o bloco roda com o padrão da BLAS.
    """
    if nucleos is None:
        yield
        return
    if isinstance(nucleos, bool) or not isinstance(nucleos, int) or nucleos < 1:
        raise ValueError(f"nucleos deve ser um inteiro positivo ou None; recebi {nucleos!r}.")
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # sem threadpoolctl: fica o padrão
        yield
        return
    with threadpool_limits(limits=nucleos, user_api="blas"):
        yield


def iniciar_parametros(rng=None, n_entradas=784, n_ocultos=512, n_saidas=10):
    """Os parâmetros iniciais da rede, em ``float32``, como ``iniciar_parametros`` do notebook.

    Pesos normais com desvio ``sqrt(2 / entradas)`` na camada com ReLU (He) e
    ``sqrt(1 / ocultos)`` na de saída (LeCun); vieses zerados. Sem ``rng``,
    ``np.random.default_rng(0)``.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    return {
        "W1": rng.normal(0, np.sqrt(2 / n_entradas), (n_entradas, n_ocultos)).astype(np.float32),
        "b1": np.zeros(n_ocultos, dtype=np.float32),
        "W2": rng.normal(0, np.sqrt(1 / n_ocultos), (n_ocultos, n_saidas)).astype(np.float32),
        "b2": np.zeros(n_saidas, dtype=np.float32),
    }


def _sgemm():
    """A ``sgemm`` da BLAS pelo SciPy, ou None se o SciPy não estiver instalado."""
    try:
        from scipy.linalg.blas import sgemm
    except ImportError:
        return None
    return sgemm


def _conferir(params, x, y, lote):
    faltando = [nome for nome in _NOMES if nome not in params]
    if faltando:
        raise KeyError(f"params deve ter as chaves W1, b1, W2 e b2; faltam: {', '.join(faltando)}.")
    for nome in _NOMES:
        if params[nome].dtype != np.float32:
            raise TypeError(f"params[{nome!r}] deve ser float32; é {params[nome].dtype}.")
    if x.dtype != np.float32 or x.ndim != 2 or x.shape[1] != params["W1"].shape[0]:
        raise ValueError(f"x deve ser float32 de forma (n, {params['W1'].shape[0]}); recebi "
                         f"{x.dtype} de forma {x.shape}.")
    if len(y) != len(x):
        raise ValueError(f"x tem {len(x)} exemplos e y tem {len(y)} rótulos.")
    if isinstance(lote, bool) or not isinstance(lote, (int, np.integer)) or lote < 1:
        raise ValueError(f"lote deve ser um inteiro positivo; recebi {lote!r}.")


def treinar_epoca(params, x, y, lote=128, taxa=0.5, rng=None, *, nucleos=1):
    """Uma época de SGD com minilotes: atualiza ``params`` no lugar.

    As mesmas contas de ``treinar_epoca`` do notebook 09 (mesma ordem dos exemplos para o
    mesmo ``rng``, mesmos passos), só que mais depressa.

    Parâmetros
    ----------
    params : dict
        ``W1``, ``b1``, ``W2``, ``b2`` em ``float32``; são modificados no lugar.
    x : array float32, forma (n, entradas)
        As imagens achatadas e normalizadas. Com ``x`` contíguo na memória, nenhum dado é
        copiado além do lote da vez.
    y : array de inteiros, forma (n,)
        Os rótulos (0 a 9).
    lote : int
        Exemplos por passo de atualização (o último lote pode ser menor).
    taxa : float
        Taxa de aprendizado.
    rng : numpy.random.Generator
        Sorteia a ordem dos exemplos. Sem ele, ``np.random.default_rng(0)``.
    nucleos : int ou None
        Núcleos da álgebra linear durante a época (``None``: o padrão da BLAS).

    Devolve
    -------
    (perda_media, acuracia)
        Médias sobre os lotes da época, calculadas antes de cada atualização (como o
        ``model.fit`` do Keras relata).
    """
    _conferir(params, x, y, lote)
    rng = np.random.default_rng(0) if rng is None else rng
    W1, b1, W2, b2 = (params[nome] for nome in _NOMES)
    n_total = len(x)
    n_ocultos, n_saidas = W2.shape
    # Memória reservada uma vez: o laço só escreve dentro destes arrays.
    x_lote = np.empty((lote, x.shape[1]), np.float32)
    h_lote = np.empty((lote, n_ocultos), np.float32)
    s_lote = np.empty((lote, n_saidas), np.float32)
    d_lote = np.empty((lote, n_ocultos), np.float32)
    gb1, gW2, gb2 = np.empty_like(b1), np.empty_like(W2), np.empty_like(b2)
    sgemm = _sgemm() if W1.flags.c_contiguous else None
    gW1 = None if sgemm is not None else np.empty_like(W1)
    linhas_todas = np.arange(lote)
    ordem = rng.permutation(n_total)
    soma_perdas = 0.0
    acertos = 0
    with nucleos_da_algebra_linear(nucleos):
        for inicio in range(0, n_total, lote):
            indices = ordem[inicio:inicio + lote]
            m = len(indices)
            linhas = linhas_todas[:m]
            xb, h, s, d = x_lote[:m], h_lote[:m], s_lote[:m], d_lote[:m]
            np.take(x, indices, axis=0, out=xb, mode="clip")  # índices sempre válidos
            yb = y[indices]
            # Propagação para frente: h = ReLU(x W1 + b1); s = logits = h W2 + b2.
            np.matmul(xb, W1, out=h)
            h += b1
            np.maximum(h, 0, out=h)
            np.matmul(h, W2, out=s)
            s += b2
            acertos += int(np.count_nonzero(s.argmax(axis=1) == yb))
            # Softmax estável e perda: −log p[y] = log Σ exp(s − máx) − (s[y] − máx).
            s -= s.max(axis=1, keepdims=True)
            logit_certo = s[linhas, yb]
            np.exp(s, out=s)
            soma = s.sum(axis=1, keepdims=True)
            soma_perdas += float(np.log(soma).sum() - logit_certo.sum())
            s /= soma
            # Gradiente da saída já multiplicado pela taxa: (p − y) · taxa / m.
            s[linhas, yb] -= 1
            s *= np.float32(taxa / m)
            # Retropropagação, com os gradientes já escalados pela taxa.
            np.matmul(h.T, s, out=gW2)
            np.sum(s, axis=0, out=gb2)
            np.matmul(s, W2.T, out=d)
            np.multiply(d, h > 0, out=d)
            np.sum(d, axis=0, out=gb1)
            # Atualização no lugar: W ← W − taxa · ∇W.
            if sgemm is not None:  # W1ᵀ ← W1ᵀ − ∂hᵀ·x, um gemm só, escrevendo em W1
                novo = sgemm(alpha=-1.0, a=d.T, b=xb.T, beta=1.0, c=W1.T, trans_b=1,
                             overwrite_c=1)
                if not np.may_share_memory(novo, W1):  # a BLAS devolveu uma cópia: sem atalho
                    W1[...] = novo.T
                    sgemm, gW1 = None, np.empty_like(W1)
            else:
                np.matmul(xb.T, d, out=gW1)
                W1 -= gW1
            b1 -= gb1
            W2 -= gW2
            b2 -= gb2
    return soma_perdas / n_total, acertos / n_total


def tempo_dos_produtos(params, n_exemplos=60000, lote=128, *, nucleos=1, repeticoes=1):
    """Segundos que os cinco produtos de matrizes de uma época levam sozinhos.

    Por passo: ``x W1`` e ``h W2`` (para frente), ``hᵀ ∂s``, ``∂s W2ᵀ`` e ``xᵀ ∂h`` (para
    trás), com as formas de um lote de ``lote`` exemplos, ``ceil(n_exemplos / lote)`` vezes.
    Com a mesma biblioteca de álgebra linear e os mesmos ``nucleos``, praticamente nenhuma
    implementação da mesma rede faz a época em menos tempo que isso: é um piso aproximado
    para comparar (aproximado porque aqui todos os lotes são cheios, enquanto numa época de
    verdade o último lote pode ser menor, e porque o tempo medido varia um pouco de uma vez
    para outra). Com ``repeticoes > 1``, devolve o menor tempo medido.
    """
    W1, W2 = params["W1"], params["W2"]
    n_entradas, n_ocultos = W1.shape
    n_saidas = W2.shape[1]
    rng = np.random.default_rng(0)
    x = rng.random((lote, n_entradas), dtype=np.float32)
    h = rng.random((lote, n_ocultos), dtype=np.float32)
    s = rng.random((lote, n_saidas), dtype=np.float32)
    saidas = [np.empty((lote, n_ocultos), np.float32), np.empty((lote, n_saidas), np.float32),
              np.empty_like(W2), np.empty((lote, n_ocultos), np.float32), np.empty_like(W1)]
    passos = -(-n_exemplos // lote)
    melhor = float("inf")
    with nucleos_da_algebra_linear(nucleos):
        for _ in range(max(1, repeticoes)):
            inicio = time.perf_counter()
            for _ in range(passos):
                np.matmul(x, W1, out=saidas[0])
                np.matmul(h, W2, out=saidas[1])
                np.matmul(h.T, s, out=saidas[2])
                np.matmul(s, W2.T, out=saidas[3])
                np.matmul(x.T, h, out=saidas[4])
            melhor = min(melhor, time.perf_counter() - inicio)
    return melhor
