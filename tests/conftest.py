"""Configuração comum dos testes: gráficos sem janela e a raiz do repositório no caminho."""

import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
