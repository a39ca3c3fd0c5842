"""O gabarito dos exercícios "Sua vez": um módulo ``nbNN.py`` por notebook.

Cada módulo define ``EXERCICIOS = {número: Valor(...) ou Funcao(...)}`` (veja
``helpers/exercicios.py``). A célula do aluno só chama ``conferir("NN.k", resposta)``: as
respostas ficam aqui, fora do notebook, e a solução só aparece no fim, na seção "Soluções".
"""
