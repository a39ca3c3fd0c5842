// Site do curso: ao chegar por um link para dentro das soluções (#...), abre a dobra.
document.addEventListener("DOMContentLoaded", () => {
  const abrirSeDentro = () => {
    if (!location.hash) return;
    const alvo = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const dobra = alvo && alvo.closest("details.solucoes-do-curso");
    if (dobra) dobra.open = true;
  };
  abrirSeDentro();
  window.addEventListener("hashchange", abrirSeDentro);
});
