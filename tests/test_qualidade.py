"""Qualidade do texto e do código: ruff e a ortografia em português."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ / "tools"))
import ortografia  # noqa: E402


def test_ruff_sem_avisos():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "O ruff não está instalado (pip install -r requirements.txt)."
    resultado = subprocess.run([ruff, "check", "helpers", "tests", "tools", "notebooks"],
                               cwd=RAIZ, capture_output=True, text=True)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr


@pytest.mark.parametrize("arquivo", ortografia.arquivos_padrao(), ids=lambda p: p.name)
def test_ortografia(arquivo):
    desconhecidas = ortografia.palavras_desconhecidas(ortografia.textos(arquivo))
    assert not desconhecidas, (
        f"Palavras que o hunspell pt_BR não conhece em {arquivo.name}: {desconhecidas}. "
        "Corrija-as ou, se forem termos técnicos, acrescente-as a tests/palavras_do_projeto.txt."
    )


def test_lista_de_palavras_sem_repeticao_nem_lixo():
    linhas = [p.strip() for p in ortografia.LISTA.read_text("utf-8").splitlines()
              if p.strip() and not p.startswith("#")]
    assert len(linhas) == len(set(linhas)), "Há palavras repetidas na lista do projeto."
    assert all(" " not in p for p in linhas)
