"""O curso aguenta a sala de aula: reexecução, determinismo, rede fora do ar, Colab e a
edição do aluno. Estes testes executam notebooks de verdade (alguns minutos no total)."""

import copy
import os
import re
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import nbformat
import pytest

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ / "tools"))
import carimbar  # noqa: E402
import edicao_aluno  # noqa: E402

from notebooks import executar_em_memoria  # noqa: E402

NOTEBOOKS = sorted((RAIZ / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ENDERECO = re.compile(r"0x[0-9a-fA-F]{6,}")
# a linha de versões da célula de preparação depende do computador (o nbval a mascara também)
VERSOES = re.compile(r"Versões encontradas: [^\n]*")
TEMPO = re.compile(r"\d+([.,]\d+)?\s*(ms|us|µs|s)\b(/step)?")


def _textos(celula, mascarar_tempo=False):
    """As saídas de texto de uma célula (as imagens ficam de fora, como no nbval)."""
    partes = []
    for saida in celula.get("outputs", []):
        if saida.output_type == "stream":
            partes.append(saida.text)
        elif saida.output_type in ("execute_result", "display_data"):
            partes.append(saida.data.get("text/plain", ""))
        elif saida.output_type == "error":
            partes.append(saida.ename)
    texto = VERSOES.sub("Versões encontradas: ?", ENDERECO.sub("0x?", "".join(partes)))
    return TEMPO.sub("?", texto) if mascarar_tempo else texto


def _varia(celula):
    return "nbval-ignore-output" in celula.metadata.get("tags", [])


@pytest.mark.parametrize("caminho", NOTEBOOKS, ids=lambda p: p.stem)
def test_cada_celula_executada_duas_vezes_seguidas(caminho):
    """Executar uma célula de novo não quebra nada nem muda o que as seguintes calculam."""
    guardado = nbformat.read(caminho, as_version=4)
    dobrado = copy.deepcopy(guardado)
    celulas = []
    for celula in dobrado.cells:
        celulas.append(celula)
        if celula.cell_type == "code":
            segunda = copy.deepcopy(celula)
            segunda.id = f"{celula.id}-de-novo"
            segunda.metadata["segunda_vez_de"] = celula.id
            celulas.append(segunda)
    dobrado.cells = celulas
    executar_em_memoria(dobrado, caminho.parent)  # falha se alguma verificação (assert) falhar
    originais = {c.id: c for c in guardado.cells}
    for celula in dobrado.cells:
        if "segunda_vez_de" not in celula.metadata:
            continue
        original = originais[celula.metadata["segunda_vez_de"]]
        if not _varia(original):
            assert _textos(celula) == _textos(original), (
                f"{caminho.name}: a célula {original.id} deu outra saída na segunda execução:\n"
                f"{original.source[:300]}")


@pytest.mark.parametrize("nome", ["09_rede_numpy_mnist.ipynb", "10_keras_mnist.ipynb"])
def test_duas_execucoes_do_zero_dao_os_mesmos_resultados(nome):
    """Inclusive as células de treino (perdas, acurácias), tirando os tempos medidos."""
    caminho = RAIZ / "notebooks" / nome
    execucoes = []
    for _ in range(2):
        nb = nbformat.read(caminho, as_version=4)
        executar_em_memoria(nb, caminho.parent)
        execucoes.append([_textos(c, mascarar_tempo=True) for c in nb.cells])
    assert execucoes[0] == execucoes[1]


@pytest.mark.skipif(shutil.which("unshare") is None or shutil.which("ip") is None,
                    reason="precisa de unshare (util-linux) e ip (iproute2)")
def test_o_curso_roda_sem_rede():
    """Com os dados preparados, todos os notebooks passam numa rede só com o loopback."""
    teste_da_rede = ("import socket\n"
                     "try:\n"
                     "    socket.create_connection(('1.1.1.1', 443), timeout=3)\n"
                     "except OSError:\n"
                     "    pass\n"
                     "else:\n"
                     "    raise SystemExit('a rede externa deveria estar fora do ar')\n")
    comando = (f"ip link set lo up && {sys.executable} -c \"{teste_da_rede}\" && "
               f"{sys.executable} -m pytest notebooks -q -p no:cacheprovider")
    resultado = subprocess.run(["unshare", "-rn", "sh", "-c", comando], cwd=RAIZ,
                               capture_output=True, text=True, timeout=1800)
    assert resultado.returncode == 0, resultado.stdout[-3000:] + resultado.stderr[-3000:]
    assert f"{len(NOTEBOOKS)} failed" not in resultado.stdout


def test_celula_de_preparacao_no_colab(tmp_path):
    """O ramo do Colab instala só os helpers (sem dependências) e é inofensivo da 2ª vez."""
    if shutil.which("git") is None:
        pytest.skip("precisa do git")
    # o "GitHub": um clone local do repositório, servido por git+file://
    repositorio = tmp_path / "repositorio"
    subprocess.run(["git", "clone", "-q", str(RAIZ), str(repositorio)], check=True)
    subprocess.run(["git", "-C", str(repositorio), "checkout", "-q", "-B", "main"], check=True)
    # o "Colab": um Python com pip, sem os helpers, com um módulo google.colab de mentira
    ambiente = tmp_path / "colab"
    venv.create(ambiente, with_pip=True)
    python = str(ambiente / "bin" / "python")
    falso = tmp_path / "falso"
    (falso / "google" / "colab").mkdir(parents=True)
    (falso / "google" / "__init__.py").write_text("")
    (falso / "google" / "colab" / "__init__.py").write_text("")
    curso = carimbar.configuracao()
    celula = carimbar.CELULA_DE_PREPARACAO.format(url=curso["url"], ramo=curso["ramo"], keras="")
    celula = celula.replace(f"git+{curso['url']}.git", f"git+file://{repositorio}")
    roteiro = tmp_path / "roteiro.py"
    roteiro.write_text(textwrap.dedent("""\
        import subprocess, sys
        import google.colab  # noqa: F401  (o que o Colab tem e o resto não)
        chamadas = []
        original = subprocess.run
        def espiao(*args, **kwargs):
            chamadas.append(args[0])
            return original(*args, **kwargs)
        subprocess.run = espiao
        celula = open(sys.argv[1]).read()
        exec(celula, {})
        exec(celula, {})  # a mesma célula de novo
        import helpers
        assert helpers.__file__.startswith(sys.prefix), helpers.__file__
        print(len(chamadas))
        """))
    (tmp_path / "celula.py").write_text(celula)
    limpo = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    limpo["PYTHONPATH"] = str(falso)
    antes = subprocess.run([python, "-m", "pip", "freeze"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    saida = subprocess.run([python, str(roteiro), str(tmp_path / "celula.py")], cwd=tmp_path,
                           env=limpo, capture_output=True, text=True)
    assert saida.returncode == 0, saida.stderr[-3000:]
    assert saida.stdout.split()[-1] == "1", "o pip deveria ser chamado só na primeira vez"
    depois = subprocess.run([python, "-m", "pip", "freeze"], capture_output=True, text=True,
                            check=True).stdout.splitlines()
    novos = sorted(set(depois) - set(antes))
    assert len(novos) == 1 and novos[0].startswith("curso-redes-neurais-helpers"), novos
    assert set(antes) <= set(depois), "nada que já estava instalado pode mudar de versão"
    # um kernel novo (reinício do Colab): os helpers já estão lá, e o pip não é chamado
    saida = subprocess.run([python, str(roteiro), str(tmp_path / "celula.py")], cwd=tmp_path,
                           env=limpo, capture_output=True, text=True)
    assert saida.returncode == 0 and saida.stdout.split()[-1] == "0", saida.stderr[-3000:]


def test_edicao_do_aluno(tmp_path):
    destino = edicao_aluno.gerar(tmp_path / "turma")
    for caminho in NOTEBOOKS:
        nb = nbformat.read(destino / "notebooks" / caminho.name, as_version=4)
        nbformat.validate(nb)
        assert not any("solucao" in c.metadata.get("tags", []) for c in nb.cells)
        assert all(not c.outputs for c in nb.cells if c.cell_type == "code")
        assert any(c.source.startswith("## Sua vez") for c in nb.cells)
        assert not any(c.source.startswith("## Soluções") for c in nb.cells)
    assert (destino / "helpers" / "__init__.py").exists()
    # um notebook do aluno roda do começo ao fim, e os corretores esperam a resposta
    nb = nbformat.read(destino / "notebooks" / NOTEBOOKS[0].name, as_version=4)
    executar_em_memoria(nb, destino / "notebooks")
    saidas = "".join(s.get("text", "") for c in nb.cells if c.cell_type == "code"
                     for s in c.outputs)
    assert "⏳" in saidas and "✅" not in saidas
    with pytest.raises(SystemExit, match="não está vazia"):
        edicao_aluno.gerar(destino)
