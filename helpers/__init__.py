"""Funções de apoio do curso de redes neurais em notebooks (pt-BR).

- ``configurar_notebook``: sementes fixas (``CURSO_SEMENTE`` troca a de todos), TensorFlow
  silencioso, estilo dos gráficos (vírgula decimal nos eixos); ``mostrar_versoes``: as
  versões em uso, numa linha; ``numero_br``: um número escrito com vírgula decimal;
- ``carregar_mnist`` / ``carregar_fashion_mnist``: os dados reais, como o Keras os devolve;
- ``plot_image`` / ``plot_value_array`` (assinatura do tutorial do TensorFlow),
  ``mostrar_previsao``, ``grade_de_imagens``, ``plot_historico``, ``plot_matriz_confusao``;
- ``ler_csv_do_curso``: os dados tabulares (CSV) que acompanham o curso;
- ``conferir`` / ``conferir_funcao``: correção automática dos exercícios.

Os submódulos só são importados quando um nome deles é usado (``python -m helpers.dados``
roda sem importar o resto).
"""

import importlib

_ONDE = {
    "configurar_notebook": "ambiente",
    "importar_keras": "ambiente",
    "mostrar_versoes": "ambiente",
    "numero_br": "ambiente",
    "semente_do_curso": "ambiente",
    "ErroDeDados": "dados",
    "carregar_fashion_mnist": "dados",
    "carregar_mnist": "dados",
    "caminho_do_csv": "dados_tabulares",
    "conferir": "exercicios",
    "conferir_funcao": "exercicios",
    "csvs_disponiveis": "dados_tabulares",
    "ler_csv_do_curso": "dados_tabulares",
    "CLASS_NAMES": "graficos",
    "CLASSES_FASHION": "graficos",
    "CLASSES_MNIST": "graficos",
    "grade_de_imagens": "graficos",
    "matriz_de_confusao": "graficos",
    "mostrar_previsao": "graficos",
    "plot_historico": "graficos",
    "plot_image": "graficos",
    "plot_matriz_confusao": "graficos",
    "plot_value_array": "graficos",
}

__all__ = sorted(_ONDE)


def __getattr__(nome):
    if nome in _ONDE:
        valor = getattr(importlib.import_module(f"helpers.{_ONDE[nome]}"), nome)
        globals()[nome] = valor
        return valor
    raise AttributeError(f"O pacote helpers não tem {nome!r}. Disponíveis: {', '.join(__all__)}.")


def __dir__():
    return __all__
