"""Normaliza e executa os notebooks do curso (eles são guardados já executados).

Uso::

    python tools/notebooks.py executar notebooks/01_neuronio.ipynb [...]   # executa e grava
    python tools/notebooks.py executar --todos                             # todos, em ordem
    python tools/notebooks.py normalizar notebooks/*.ipynb                 # só normaliza

Normalizar quer dizer: metadados do notebook iguais em todos (kernel Python 3), metadados das
células reduzidos às etiquetas (``tags``), sem células vazias, sem espaços no fim das linhas,
pedaços seguidos de uma mesma saída de texto juntados num só,
saídas de erro proibidas (um erro de propósito se mostra com try/except: no Colab, uma
célula que levanta erro para o "Executar tudo").
Assim os notebooks têm diffs limpos e a revisão é sobre o conteúdo.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat

RAIZ = Path(__file__).resolve().parent.parent
PASTA = RAIZ / "notebooks"

METADADOS = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                   "name": "python3"},
    "language_info": {"name": "python"},
}


def normalizar(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.metadata = nbformat.from_dict(METADADOS)
    nb.nbformat, nb.nbformat_minor = 4, 5
    celulas = []
    for celula in nb.cells:
        celula.source = "\n".join(linha.rstrip() for linha in celula.source.strip().split("\n"))
        if not celula.source:
            continue
        etiquetas = sorted(set(celula.metadata.get("tags", [])))
        celula.metadata = nbformat.from_dict({"tags": etiquetas} if etiquetas else {})
        if celula.cell_type == "code":
            celula.outputs = _juntar_fluxos(celula.outputs)
        else:
            celula.pop("outputs", None)
            celula.pop("execution_count", None)
        celulas.append(celula)
    nb.cells = celulas
    return nb


def _juntar_fluxos(saidas):
    """Junta pedaços seguidos do mesmo fluxo (stdout) e tira os vazios.

    O kernel às vezes entrega um mesmo texto em dois pedaços, dependendo do tempo; juntos,
    duas execuções iguais gravam exatamente o mesmo arquivo.
    """
    juntas = []
    for saida in saidas:
        if saida.output_type == "stream":
            if not saida.text:
                continue
            anterior = juntas[-1] if juntas else None
            if anterior is not None and anterior.output_type == "stream" \
                    and anterior.name == saida.name:
                anterior.text += saida.text
                continue
        juntas.append(saida)
    return juntas


def salvar(nb: nbformat.NotebookNode, caminho: Path) -> None:
    nbformat.validate(nb)
    temporario = caminho.with_suffix(".ipynb.tmp")
    nbformat.write(nb, temporario)
    temporario.replace(caminho)


def executar_em_memoria(nb: nbformat.NotebookNode, pasta: Path = PASTA,
                       tempo_maximo: int = 600) -> float:
    """Executa ``nb`` num kernel novo (com ``pasta`` como diretório atual), sem gravar.

    Levanta ``nbclient.exceptions.CellExecutionError`` se uma célula der erro. Devolve os
    segundos gastos.
    """
    from nbclient import NotebookClient

    inicio = time.perf_counter()
    NotebookClient(nb, timeout=tempo_maximo, kernel_name="python3",
                   resources={"metadata": {"path": str(pasta)}}).execute()
    return time.perf_counter() - inicio


LIMITE_SEM_PROGRESSO = 10.0  # segundos que uma célula pode levar sem mostrar progresso


def celulas_lentas(nb: nbformat.NotebookNode) -> list[tuple[int, float, int]]:
    """As células executadas que levaram mais de ``LIMITE_SEM_PROGRESSO`` segundos, como
    (índice, segundos, linhas de texto impressas), pelos horários que o nbclient anota."""
    from datetime import datetime

    lentas = []
    for k, celula in enumerate(nb.cells):
        horarios = celula.get("metadata", {}).get("execution", {})
        inicio, fim = horarios.get("iopub.execute_input"), horarios.get("shell.execute_reply")
        if celula.cell_type != "code" or not (inicio and fim):
            continue
        segundos = (datetime.fromisoformat(fim.replace("Z", "+00:00"))
                    - datetime.fromisoformat(inicio.replace("Z", "+00:00"))).total_seconds()
        if segundos > LIMITE_SEM_PROGRESSO:
            linhas = sum(s.text.count("\n") for s in celula.outputs
                         if s.output_type == "stream")
            lentas.append((k, segundos, linhas))
    return lentas


def executar(caminho: Path, tempo_maximo: int = 600) -> float:
    """Executa o notebook do zero, num kernel novo, e grava-o com as saídas. Devolve segundos."""
    nb = nbformat.read(caminho, as_version=4)
    segundos = executar_em_memoria(nb, caminho.parent, tempo_maximo)
    for celula in nb.cells:
        if celula.cell_type != "code":
            continue
        erros = [s for s in celula.outputs if s.output_type == "error"]
        if erros:
            raise RuntimeError(f"{caminho.name}: erro não esperado: {erros[0].ename}")
        if any(s.get("name") == "stderr" for s in celula.outputs):
            texto = "".join(s.text for s in celula.outputs if s.get("name") == "stderr")
            raise RuntimeError(f"{caminho.name}: a célula escreveu no stderr:\n{texto}")
    for k, segundos, linhas in celulas_lentas(nb):
        aviso = "" if linhas >= 3 else " e SEM progresso visível (mostre uma linha por época)"
        print(f"  aviso: a célula {k} levou {segundos:.1f} s{aviso}", flush=True)
    salvar(normalizar(nb), caminho)
    return segundos


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("acao", choices=["executar", "normalizar"])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--todos", action="store_true", help="todos os notebooks do curso")
    argumentos = parser.parse_args(argv)
    caminhos = sorted(PASTA.glob("[0-9][0-9]_*.ipynb")) if argumentos.todos else \
        argumentos.notebooks
    if not caminhos:
        parser.error("diga quais notebooks (ou use --todos)")
    for caminho in caminhos:
        if argumentos.acao == "executar":
            print(f"{caminho.name}: {executar(caminho):.1f} s", flush=True)
        else:
            salvar(normalizar(nbformat.read(caminho, as_version=4)), caminho)
    return 0


if __name__ == "__main__":
    sys.exit(main())
