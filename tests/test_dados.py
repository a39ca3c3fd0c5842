"""Os carregadores devolvem os dados originais; a cópia local é verificada e reparável."""

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers import dados
from helpers.dados import ARQUIVOS, ErroDeDados, carregar_fashion_mnist, carregar_mnist

RAIZ = Path(__file__).resolve().parent.parent
PASTA_REAL = dados.pasta_dos_dados()


@pytest.fixture
def copia(tmp_path, monkeypatch):
    """Uma cópia da cópia local numa pasta temporária (CURSO_DADOS), para poder estragá-la."""
    for conjunto in ("mnist", "fashion-mnist"):
        shutil.copytree(PASTA_REAL / conjunto, tmp_path / conjunto)
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path))
    return tmp_path


def test_mnist_formas_tipos_e_valores_originais():
    (x_train, y_train), (x_test, y_test) = carregar_mnist()
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    assert y_train.shape == (60000,) and y_test.shape == (10000,)
    assert {a.dtype for a in (x_train, y_train, x_test, y_test)} == {np.dtype(np.uint8)}
    assert y_train[:8].tolist() == [5, 0, 4, 1, 9, 2, 1, 3]
    assert y_test[:5].tolist() == [7, 2, 1, 0, 4]
    assert np.bincount(y_train).tolist()[:3] == [5923, 6742, 5958]
    # o MD5 publicado do arquivo original de imagens de treino do MNIST
    conteudo = b"\x00\x00\x08\x03" + b"".join(n.to_bytes(4, "big") for n in x_train.shape)
    assert hashlib.md5(conteudo + x_train.tobytes()).hexdigest() == \
        "6bbc9ace898e44ae57da46a324031adb"


def test_fashion_igual_ao_carregador_do_keras(tmp_path):
    """O próprio keras.datasets.fashion_mnist.load_data(), lendo os .gz do Debian."""
    pasta = tmp_path / "keras" / "datasets" / "fashion-mnist"
    pasta.mkdir(parents=True)
    for arquivo in ARQUIVOS:
        shutil.copy(dados.PASTA_DEBIAN_FASHION / f"{arquivo}.gz", pasta)
    codigo = ("import numpy as np, keras\n"
              "(a, b), (c, d) = keras.datasets.fashion_mnist.load_data()\n"
              f"np.savez(r'{tmp_path / 'keras.npz'}', a=a, b=b, c=c, d=d)\n")
    ambiente = {**os.environ, "KERAS_HOME": str(tmp_path / "keras"), "TF_CPP_MIN_LOG_LEVEL": "3"}
    subprocess.run([sys.executable, "-c", codigo], env=ambiente, check=True, capture_output=True)
    do_keras = np.load(tmp_path / "keras.npz")
    (x_train, y_train), (x_test, y_test) = carregar_fashion_mnist()
    for nosso, chave in ((x_train, "a"), (y_train, "b"), (x_test, "c"), (y_test, "d")):
        assert nosso.dtype == do_keras[chave].dtype and nosso.shape == do_keras[chave].shape
        assert np.array_equal(nosso, do_keras[chave])


def test_arrays_devolvidos_sao_graváveis():
    (x_train, _), _ = carregar_mnist()
    x_train[0, 0, 0] = 1  # como os do Keras, podem ser modificados


def test_arquivo_corrompido_falha_com_mensagem_e_preparar_repara(copia):
    alvo = copia / "fashion-mnist" / "train-labels-idx1-ubyte"
    conteudo = bytearray(alvo.read_bytes())
    conteudo[100] ^= 0xFF
    alvo.write_bytes(bytes(conteudo))
    with pytest.raises(ErroDeDados, match="(?s)corrompido.*python -m helpers.dados"):
        carregar_fashion_mnist()
    dados.preparar(["fashion-mnist"], relatar=lambda _: None)
    (_, y_train), _ = carregar_fashion_mnist()
    assert y_train[:3].tolist() == [9, 0, 0]


def test_arquivo_truncado_falha_com_mensagem(copia):
    alvo = copia / "mnist" / "t10k-images-idx3-ubyte"
    alvo.write_bytes(alvo.read_bytes()[:1000])
    with pytest.raises(ErroDeDados, match="corrompido ou incompleto"):
        carregar_mnist()


def test_arquivo_faltando_diz_quais_faltam(copia):
    (copia / "mnist" / "t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(ErroDeDados, match="(?s)incompleta.*t10k-labels-idx1-ubyte"):
        carregar_mnist()


def test_sem_copia_local_usa_o_keras_e_explica_a_falha(tmp_path, monkeypatch):
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path / "vazia"))
    keras = pytest.importorskip("keras")

    def sem_rede():
        raise Exception("URL fetch failure on https://exemplo: None -- [Errno -3]")

    monkeypatch.setattr(keras.datasets.mnist, "load_data", sem_rede)
    with pytest.raises(ErroDeDados, match="(?s)download pelo Keras falhou.*helpers.dados"):
        carregar_mnist()
    monkeypatch.setattr(keras.datasets.mnist, "load_data", lambda: "do keras")
    assert carregar_mnist() == "do keras"


def test_preparar_nao_deixa_arquivo_parcial_quando_a_gravacao_falha(tmp_path, monkeypatch):
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path))

    def disco_cheio(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dados.os, "fsync", disco_cheio)
    with pytest.raises(ErroDeDados, match="Não há espaço livre"):
        dados.preparar(["fashion-mnist"], relatar=lambda _: None)
    assert list((tmp_path / "fashion-mnist").iterdir()) == []


def test_preparar_interrompido_nao_deixa_arquivo_confiavel(tmp_path, monkeypatch):
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path))

    def interrompido(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(dados.os, "replace", interrompido)
    with pytest.raises(KeyboardInterrupt):
        dados.preparar(["fashion-mnist"], relatar=lambda _: None)
    assert list((tmp_path / "fashion-mnist").iterdir()) == []
    assert not dados.verificar(["fashion-mnist"])


@pytest.mark.skipif(os.geteuid() == 0, reason="o root grava mesmo em pasta sem permissão")
def test_pasta_somente_leitura(tmp_path, monkeypatch):
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path))
    try:
        with pytest.raises(ErroDeDados, match="permissão"):
            dados.preparar(["fashion-mnist"], relatar=lambda _: None)
    finally:
        tmp_path.chmod(stat.S_IRWXU)


def test_pasta_somente_leitura_simulada(tmp_path, monkeypatch):
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path))

    def somente_leitura(*_, **__):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(dados.tempfile, "NamedTemporaryFile", somente_leitura)
    with pytest.raises(ErroDeDados, match="somente leitura.*CURSO_DADOS"):
        dados.preparar(["fashion-mnist"], relatar=lambda _: None)


def test_fonte_corrompida_nao_e_gravada(tmp_path, monkeypatch):
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path))
    monkeypatch.setitem(dados.FONTES, "fashion-mnist", (
        ("debian", lambda: dict.fromkeys(ARQUIVOS, b"lixo")),))
    with pytest.raises(ErroDeDados, match="debian: .*não é o original"):
        dados.preparar(["fashion-mnist"], relatar=lambda _: None)
    assert not (tmp_path / "fashion-mnist" / ARQUIVOS[0]).exists()


def test_sem_npm_nem_internet(tmp_path, monkeypatch):
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path))
    monkeypatch.setattr(dados.shutil, "which", lambda _: None)

    def sem_rede(conjunto):
        raise ErroDeDados("download pelo Keras falhou (sem rede)")

    monkeypatch.setattr(dados, "_carregar_pelo_keras", sem_rede)
    with pytest.raises(ErroDeDados, match=r"(?s)npm: O comando `npm` não foi encontrado.*keras:"):
        dados.preparar(["mnist"], relatar=lambda _: None)


def test_sem_o_pacote_debian(tmp_path, monkeypatch):
    monkeypatch.setattr(dados, "PASTA_DEBIAN_FASHION", tmp_path / "nao-existe")
    with pytest.raises(ErroDeDados, match="apt-get install dataset-fashion-mnist"):
        dados._fonte_debian_fashion()


@pytest.mark.skipif(shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None,
                    reason="precisa do apt-get e do dpkg-deb (Debian/Ubuntu)")
def test_fashion_sem_o_pacote_instalado_vem_do_deb_baixado(tmp_path, monkeypatch):
    """Sem o pacote instalado, `python -m helpers.dados` baixa o .deb e o abre sozinho."""
    monkeypatch.setattr(dados, "PASTA_DEBIAN_FASHION", tmp_path / "nao-instalado")
    monkeypatch.setenv("CURSO_DADOS", str(tmp_path / "dados"))
    relatos = []
    dados.preparar(["fashion-mnist"], relatar=relatos.append)
    assert "'debian (apt-get download)'" in relatos[-1], relatos
    assert dados.verificar(["fashion-mnist"])
    assert not list(Path(dados.tempfile.gettempdir()).glob("curso-fashion-*")), \
        "a pasta temporária do .deb deveria ter sido apagada"


def test_deb_que_nao_baixa_da_mensagem_clara(monkeypatch):
    monkeypatch.setattr(dados, "PACOTE_DEBIAN_FASHION", "pacote-que-nao-existe-no-curso")
    if shutil.which("apt-get") is None:
        pytest.skip("precisa do apt-get")
    esperado = r"apt-get download pacote-que-nao-existe.*apt-get update"
    with pytest.raises(ErroDeDados, match=esperado):
        dados._fonte_debian_baixada()


def test_conjunto_desconhecido():
    with pytest.raises(ValueError, match="Conjunto desconhecido"):
        dados.preparar(["cifar"])


def test_linha_de_comando(copia, capsys):
    assert dados.main(["--verificar"]) == 0
    (copia / "mnist" / ARQUIVOS[1]).write_bytes(b"")
    assert dados.main(["--verificar"]) == 1
    assert "execute `python -m helpers.dados`" in capsys.readouterr().out


def test_idx_ida_e_volta():
    array = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    assert np.array_equal(dados._ler_idx(dados._escrever_idx(array), "x"), array)
    with pytest.raises(ErroDeDados, match="formato IDX"):
        dados._ler_idx(b"\x01\x02", "x")


def _em_disco_de_verdade(tmp_path, opcoes: str):
    """Executa `python -m helpers.dados` com CURSO_DADOS num tmpfs montado com ``opcoes``,
    num espaço de montagem só deste teste (unshare): um disco cheio ou somente leitura real."""
    if shutil.which("unshare") is None:
        pytest.skip("precisa do unshare (util-linux)")
    sonda = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if sonda.returncode != 0:
        pytest.skip("este sistema não permite espaços de montagem próprios")
    pasta = tmp_path / "disco"
    pasta.mkdir()
    comando = (f"mount -t tmpfs -o {opcoes} tmpfs {pasta} && "
               f"CURSO_DADOS={pasta} {sys.executable} -m helpers.dados; echo \"saida=$?\"; "
               f"find {pasta} -type f")
    resultado = subprocess.run(["unshare", "-rm", "sh", "-c", comando], cwd=RAIZ,
                               capture_output=True, text=True, timeout=300)
    return resultado.stdout, resultado.stderr


def test_disco_cheio_de_verdade(tmp_path):
    saida, erro = _em_disco_de_verdade(tmp_path, "size=4m")  # 4 MB: não cabe o MNIST
    assert "saida=1" in saida, saida + erro
    assert "Não há espaço livre" in erro and "CURSO_DADOS" in erro
    restos = saida.split("saida=1", 1)[1].split()
    # só arquivos inteiros e verificados podem ficar: nenhum temporário ".parcial"
    assert not any(nome.endswith(".parcial") for nome in restos), restos
    assert all(Path(nome).name in ARQUIVOS for nome in restos), restos


def test_disco_somente_leitura_de_verdade(tmp_path):
    saida, erro = _em_disco_de_verdade(tmp_path, "ro,size=1m")
    assert "saida=1" in saida, saida + erro
    assert "somente leitura" in erro and "CURSO_DADOS" in erro
