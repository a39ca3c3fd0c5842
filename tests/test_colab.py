"""O curso inteiro na pilha do Colab, como um aluno o executa lá.

- Um segundo ambiente, ``.venv-colab``, com o Python 3.13 e as versões do Colab
  (``tests/pilha_do_colab.txt``: TensorFlow 2.20, Keras 3.13.2, NumPy 2.1.3…), criado na
  primeira vez e reaproveitado enquanto aquele arquivo não mudar.
- Os helpers instalados exatamente como a célula de preparação os instala no Colab: a própria
  célula roda com um ``google.colab`` de mentira no kernel e faz o ``pip install --no-deps``
  (do repositório servido por ``git+file://``, no lugar do GitHub).
- Cada notebook executado de uma pasta fora do repositório, num kernel novo: nenhuma célula pode
  dar erro, e nada pode ir para o stderr.

Sem um Python 3.13 nesta máquina, o teste é pulado com uma mensagem que diz o que falta.
"""

import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ / "tools"))
import carimbar  # noqa: E402

PILHA = RAIZ / "tests" / "pilha_do_colab.txt"
AMBIENTE = Path(os.environ.get("CURSO_VENV_COLAB", RAIZ / ".venv-colab"))
NOTEBOOKS = [RAIZ / "notebooks" / item["arquivo"] for item in carimbar.configuracao()["notebooks"]]


def _python_313():
    candidatos = [os.environ.get("CURSO_PYTHON_313"), shutil.which("python3.13"),
                  *sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.13*/bin/python")))]
    for candidato in filter(None, candidatos):
        versao = subprocess.run([candidato, "-c", "import sys; print(sys.version_info[:2])"],
                                capture_output=True, text=True)
        if versao.returncode == 0 and versao.stdout.strip() == "(3, 13)":
            return candidato
    return None


def _preparar_ambiente(python):
    """Cria (ou reaproveita) o ambiente com a pilha do Colab; devolve o seu python."""
    assinatura = hashlib.sha256(PILHA.read_bytes()).hexdigest()
    marca, executavel = AMBIENTE / ".pilha-instalada", AMBIENTE / "bin" / "python"
    if executavel.exists() and marca.exists() and marca.read_text() == assinatura:
        return executavel
    shutil.rmtree(AMBIENTE, ignore_errors=True)
    subprocess.run([python, "-m", "venv", str(AMBIENTE)], check=True)
    instalar = subprocess.run([str(executavel), "-m", "pip", "install", "-q", "-r", str(PILHA)],
                              capture_output=True, text=True)
    assert instalar.returncode == 0, "Não consegui instalar a pilha do Colab:\n" + \
        instalar.stderr[-3000:]
    marca.write_text(assinatura)
    return executavel


EXECUTOR = textwrap.dedent('''\
    import json, sys
    import nbformat
    from nbclient import NotebookClient
    caminho, pasta = sys.argv[1], sys.argv[2]
    nb = nbformat.read(caminho, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": pasta}}).execute()
    problemas = []
    for celula in nb.cells:
        if celula.cell_type != "code":
            continue
        for saida in celula.outputs:
            if saida.output_type == "error":
                problemas.append(f"célula {celula.id}: {saida.ename}: {saida.evalue[:500]}")
            elif saida.get("name") == "stderr":
                problemas.append(f"célula {celula.id} escreveu no stderr: {saida.text[:500]}")
    print(json.dumps(problemas))
''')

# No Colab, o módulo google.colab já está carregado quando o kernel começa.
COLAB_DE_MENTIRA = textwrap.dedent('''\
    import sys, types
    sys.modules.setdefault("google.colab", types.ModuleType("google.colab"))
''')


@pytest.fixture(scope="module")
def colab(tmp_path_factory):
    python = _python_313()
    if python is None:
        pytest.skip("Não há um Python 3.13 nesta máquina (o do Colab): instale-o, ou indique-o "
                    "em CURSO_PYTHON_313, para executar o curso na pilha do Colab.")
    executavel = _preparar_ambiente(python)
    pasta = tmp_path_factory.mktemp("colab")
    # o "GitHub": o repositório como está agora (helpers e pyproject do diretório de trabalho)
    repositorio = pasta / "repositorio"
    subprocess.run(["git", "clone", "-q", str(RAIZ), str(repositorio)], check=True)
    for nome in ("helpers", "pyproject.toml", "README.md"):
        origem, destino = RAIZ / nome, repositorio / nome
        if origem.is_dir():
            shutil.rmtree(destino)
            shutil.copytree(origem, destino, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(origem, destino)
    git = ["git", "-C", str(repositorio), "-c", "user.name=teste", "-c", "user.email=t@t"]
    subprocess.run([*git, "checkout", "-q", "-B", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "como está agora"], check=True)
    (pasta / "falso").mkdir()
    (pasta / "falso" / "sitecustomize.py").write_text(COLAB_DE_MENTIRA)
    (pasta / "executor.py").write_text(EXECUTOR)
    ambiente = {k: v for k, v in os.environ.items()
                if k not in ("PYTHONPATH", "VIRTUAL_ENV", "CURSO_SEMENTE")}
    ambiente.update(PYTHONPATH=str(pasta / "falso"), PATH=f"{executavel.parent}:{ambiente['PATH']}")
    return executavel, pasta, repositorio, ambiente


@pytest.mark.parametrize("caminho", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_na_pilha_do_colab(colab, caminho):
    executavel, pasta, repositorio, ambiente = colab
    # um runtime novo do Colab não tem os helpers: a célula de preparação os instala
    subprocess.run([str(executavel), "-m", "pip", "uninstall", "-q", "-y",
                    "curso-redes-neurais-helpers"], capture_output=True)
    curso = carimbar.configuracao()
    texto = caminho.read_text("utf-8").replace(f"git+{curso['url']}.git",
                                                f"git+file://{repositorio}")
    assert f"git+file://{repositorio}" in texto, "a célula de preparação mudou de forma?"
    conteudo = pasta / "conteudo"  # fora do repositório, como o /content do Colab
    conteudo.mkdir(exist_ok=True)
    (conteudo / caminho.name).write_text(texto, "utf-8")
    resultado = subprocess.run([str(executavel), str(pasta / "executor.py"),
                                str(conteudo / caminho.name), str(conteudo)],
                               cwd=conteudo, env=ambiente, capture_output=True, text=True,
                               timeout=1200)
    assert resultado.returncode == 0, resultado.stderr[-3000:]
    problemas = json.loads(resultado.stdout.strip().splitlines()[-1])
    assert not problemas, f"{caminho.name} na pilha do Colab:\n" + "\n".join(problemas)
    instalado = subprocess.run([str(executavel), "-c",
                                "import helpers, sys; print(helpers.__file__)"],
                               capture_output=True, text=True, env=ambiente, cwd=conteudo)
    assert str(AMBIENTE) in instalado.stdout, "os helpers deveriam vir do pip, não do repositório"
