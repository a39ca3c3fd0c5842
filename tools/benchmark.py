"""Mede o curso: o tempo de cada notebook e a rede NumPy dos notebooks 08–09 contra o Keras.

Uso::

    python tools/benchmark.py                # medição completa (alguns minutos)
    python tools/benchmark.py --readme       # idem, e grava a tabela no README
    python tools/benchmark.py --curto        # modo rápido (o da CI): 1 repetição, pouco dado

Imprime uma tabela em Markdown:

1. cada notebook executado do zero, num kernel novo (mediana e faixa de N execuções), e o total;
2. segundos por época da rede NumPy dos notebooks 08 e 09 e do Keras com a mesma arquitetura, os
   mesmos dados e o mesmo tamanho de lote, medidos lado a lado, e a razão entre eles;
3. o "piso" das multiplicações de matrizes: o tempo que só os produtos de matrizes de uma
   época levam, e quantas vezes esse piso cada treinador gasta;
4. a máquina (processador, núcleos, versões das bibliotecas).

Tempos em máquinas compartilhadas variam: por isso medianas e faixas, e nenhum teste
automático compara tempos.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(RAIZ / "tools"))

MARCA_INICIO, MARCA_FIM = "<!-- desempenho:início -->", "<!-- desempenho:fim -->"
# A rede dos notebooks 08 e 09: 784 → 512 → 10, lotes de 128, SGD com taxa 0,5. A NumPy é
# medida com um núcleo na BLAS (como no notebook 09) e com todos; o Keras, com o padrão do
# TensorFlow.
OCULTA, LOTE, TAXA, NUCLEOS_NUMPY = 512, 128, 0.5, 1


def _mediana_faixa(valores):
    return statistics.median(valores), min(valores), max(valores)


def _fmt(valores, casas=1):
    mediana, menor, maior = _mediana_faixa(valores)
    if len(valores) == 1:
        return f"{mediana:.{casas}f}"
    return f"{mediana:.{casas}f} ({menor:.{casas}f}–{maior:.{casas}f})"


# ----------------------------------------------------------------------------------------
# 1. Notebooks
# ----------------------------------------------------------------------------------------

def medir_notebooks(repeticoes: int, so_estes=None) -> dict[str, list[float]]:
    import nbformat

    from notebooks import PASTA, executar_em_memoria

    tempos = {}
    for caminho in sorted(PASTA.glob("[0-9][0-9]_*.ipynb")):
        if so_estes and caminho.name not in so_estes:
            continue
        tempos[caminho.name] = []
        for _ in range(repeticoes):
            nb = nbformat.read(caminho, as_version=4)
            tempos[caminho.name].append(executar_em_memoria(nb, caminho.parent))
        print(f"  {caminho.name}: {_fmt(tempos[caminho.name])} s", file=sys.stderr, flush=True)
    return tempos


# ----------------------------------------------------------------------------------------
# 2 e 3. NumPy × Keras × piso das multiplicações de matrizes
# ----------------------------------------------------------------------------------------

def _dados(n_exemplos: int):
    import numpy as np

    from helpers import carregar_mnist

    (x_train, y_train), _ = carregar_mnist()
    x = (x_train[:n_exemplos].reshape(-1, 784) / np.float32(255)).astype(np.float32)
    return x, y_train[:n_exemplos].astype(np.int64)


def _funcoes_legiveis() -> dict:
    """As funções legíveis da rede: as do notebook 08 (``helpers/rede_legivel.py``, conferidas
    contra as células pelo teste ``tests/test_rede_legivel.py``) e ``atualizar`` e
    ``treinar_epoca``, tiradas das próprias células ``def`` do notebook 09."""
    import nbformat

    from helpers import rede_legivel

    nb = nbformat.read(RAIZ / "notebooks" / "09_rede_numpy_mnist.ipynb", as_version=4)
    espaco = dict(vars(rede_legivel))
    for celula in nb.cells:
        if celula.cell_type != "code" or "solucao" in celula.metadata.get("tags", []):
            continue
        # só as definições de funções (def) do treino, sem o resto das células
        defs = [no for no in ast.parse(celula.source).body
                if isinstance(no, ast.FunctionDef) and no.name in ("atualizar", "treinar_epoca")]
        exec(compile(ast.Module(body=defs, type_ignores=[]), "notebook 09", "exec"), espaco)
    faltando = {"iniciar_parametros", "treinar_epoca"} - set(espaco)
    if faltando:
        raise SystemExit(f"Os notebooks 08/09 não definem mais {faltando}: atualize "
                         "tools/benchmark.py.")
    return espaco


def _epoca_numpy(treinar, x, y, repeticoes: int, semente: int,
                 nucleos=NUCLEOS_NUMPY) -> list[float]:
    import numpy as np

    from helpers import rede_numpy

    params = rede_numpy.iniciar_parametros(np.random.default_rng(0))
    tempos = []
    with rede_numpy.nucleos_da_algebra_linear(nucleos):
        for r in range(repeticoes):
            inicio = time.perf_counter()
            treinar(params, x, y, LOTE, TAXA, np.random.default_rng(semente + r))
            tempos.append(time.perf_counter() - inicio)
    return tempos


def _epoca_keras(x, y, repeticoes: int) -> list[float]:
    from helpers import importar_keras

    keras = importar_keras()
    keras.utils.set_random_seed(0)
    modelo = keras.Sequential([keras.Input((784,)),
                               keras.layers.Dense(OCULTA, activation="relu"),
                               keras.layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer=keras.optimizers.SGD(TAXA), loss="sparse_categorical_crossentropy")
    tempos = []

    class Cronometro(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.inicio = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            tempos.append(time.perf_counter() - self.inicio)

    # a 1ª época inclui a compilação do grafo: fica de fora, como o aquecimento do NumPy
    modelo.fit(x, y, batch_size=LOTE, epochs=repeticoes + 1, verbose=0,
               callbacks=[Cronometro()])
    return tempos[1:]


def medir_treino(n_exemplos: int, repeticoes: int) -> dict:
    import numpy as np

    from helpers import rede_numpy

    x, y = _dados(n_exemplos)
    legivel = _funcoes_legiveis()["treinar_epoca"]
    params = rede_numpy.iniciar_parametros(np.random.default_rng(0))
    resultado = {"legivel_padrao": [], "legivel": [], "ajustada": [], "keras": [], "piso": [],
                 "piso_keras": []}
    # lado a lado: alterna os treinadores em cada rodada, para que os ruídos da máquina
    # afetem todos; a 1ª época de cada um é aquecimento e fica de fora
    for rodada in range(repeticoes):
        # helpers/rede_legivel.py fixa 1 núcleo ao ser importado: aqui, todos de novo
        resultado["legivel_padrao"] += _epoca_numpy(legivel, x, y, 2, 10 * rodada,
                                                    os.cpu_count())[1:]
        resultado["legivel"] += _epoca_numpy(legivel, x, y, 2, 10 * rodada)[1:]
        resultado["ajustada"] += _epoca_numpy(rede_numpy.treinar_epoca, x, y, 2, 10 * rodada)[1:]
        resultado["keras"] += _epoca_keras(x, y, 1)
        resultado["piso"].append(rede_numpy.tempo_dos_produtos(
            params, n_exemplos, LOTE, nucleos=NUCLEOS_NUMPY))
        resultado["piso_keras"].append(rede_numpy.tempo_dos_produtos(
            params, n_exemplos, LOTE, nucleos=os.cpu_count()))
    resultado["n_exemplos"] = n_exemplos
    return resultado


# ----------------------------------------------------------------------------------------
# 4. A máquina
# ----------------------------------------------------------------------------------------

def maquina() -> str:
    processador = platform.processor() or platform.machine()
    try:
        for linha in Path("/proc/cpuinfo").read_text().splitlines():
            if linha.startswith("model name"):
                processador = linha.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import numpy as np

    versoes = [f"Python {platform.python_version()}", f"NumPy {np.__version__}"]
    try:
        from helpers import importar_keras

        keras = importar_keras()
        import tensorflow as tf

        versoes += [f"TensorFlow {tf.__version__}", f"Keras {keras.__version__}"]
    except ImportError:
        pass
    try:
        from threadpoolctl import threadpool_info

        blas = {f"{i['internal_api']} {i['version']}" for i in threadpool_info()
                if i.get("user_api") == "blas"}
        versoes += sorted(blas)
    except ImportError:
        pass
    return f"{processador}, {os.cpu_count()} núcleos; " + ", ".join(versoes)


# ----------------------------------------------------------------------------------------
# Tabela
# ----------------------------------------------------------------------------------------

def tabela(notebooks: dict, treino: dict, repeticoes: int, curto: bool) -> str:
    hoje = datetime.date.today().isoformat()
    linhas = [f"Medido em {hoje} · `{maquina()}` · "
              f"{'modo curto' if curto else f'mediana (faixa) de {repeticoes} execuções'}.",
              "", "| Notebook | segundos |", "|---|---:|"]
    for nome, tempos in notebooks.items():
        linhas.append(f"| `{nome}` | {_fmt(tempos)} |")
    total = [sum(t[k] for t in notebooks.values()) for k in range(repeticoes)]
    linhas.append(f"| **total** | **{_fmt(total)}** |")
    med = {k: statistics.median(v) for k, v in treino.items() if isinstance(v, list)}
    keras_ = med["keras"]
    linhas += [
        "",
        f"Uma época de treino da rede 784 → {OCULTA} → 10 dos notebooks 08 e 09 (lotes de {LOTE}, "
        f"{treino['n_exemplos']} imagens do MNIST). O piso é o tempo só dos produtos de "
        "matrizes da mesma época, com a mesma configuração de núcleos de quem é comparado:",
        "",
        "| Treinador | s por época | ÷ Keras | ÷ piso |",
        "|---|---:|---:|---:|",
        f"| NumPy, versão legível do notebook 09 (todos os núcleos) | "
        f"{_fmt(treino['legivel_padrao'], 2)} | {med['legivel_padrao'] / keras_:.2f} "
        f"| {med['legivel_padrao'] / med['piso_keras']:.2f} |",
        f"| NumPy, versão legível do notebook 09 (1 núcleo) | {_fmt(treino['legivel'], 2)} "
        f"| {med['legivel'] / keras_:.2f} | {med['legivel'] / med['piso']:.2f} |",
        f"| NumPy, versão ajustada (`helpers.rede_numpy`, 1 núcleo) | "
        f"{_fmt(treino['ajustada'], 2)} | {med['ajustada'] / keras_:.2f} "
        f"| {med['ajustada'] / med['piso']:.2f} |",
        f"| Keras (TensorFlow, núcleos padrão) | {_fmt(treino['keras'], 2)} | 1.00 "
        f"| {keras_ / med['piso_keras']:.2f} |",
        f"| piso, 1 núcleo | {_fmt(treino['piso'], 2)} | {med['piso'] / keras_:.2f} | 1.00 |",
        f"| piso, todos os núcleos | {_fmt(treino['piso_keras'], 2)} "
        f"| {med['piso_keras'] / keras_:.2f} | 1.00 |",
    ]
    return "\n".join(linhas)


def gravar_no_readme(texto: str) -> None:
    caminho = RAIZ / "README.md"
    conteudo = caminho.read_text("utf-8")
    padrao = re.compile(re.escape(MARCA_INICIO) + ".*?" + re.escape(MARCA_FIM), re.S)
    if not padrao.search(conteudo):
        raise SystemExit(f"O README não tem os marcadores {MARCA_INICIO} … {MARCA_FIM}.")
    caminho.write_text(padrao.sub(f"{MARCA_INICIO}\n{texto}\n{MARCA_FIM}", conteudo), "utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--curto", action="store_true",
                        help="rápido, para a CI: 1 repetição, 1 notebook, 1/10 do MNIST")
    parser.add_argument("--repeticoes", type=int, default=3)
    parser.add_argument("--readme", action="store_true", help="grava a tabela no README")
    argumentos = parser.parse_args(argv)
    repeticoes = 1 if argumentos.curto else argumentos.repeticoes
    if repeticoes < 1:
        parser.error("--repeticoes deve ser pelo menos 1")
    print("Executando os notebooks…", file=sys.stderr)
    notebooks = medir_notebooks(repeticoes, ["01_neuronio.ipynb"] if argumentos.curto else None)
    print("Treino: NumPy × Keras × piso…", file=sys.stderr)
    treino = medir_treino(6000 if argumentos.curto else 60000, repeticoes)
    texto = tabela(notebooks, treino, repeticoes, argumentos.curto)
    print(texto)
    if argumentos.readme:
        gravar_no_readme(texto)
    return 0


if __name__ == "__main__":
    sys.exit(main())
