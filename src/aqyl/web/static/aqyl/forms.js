// Behaviour the pages ask for with data- attributes, as the Content-Security-Policy allows no
// inline script: data-confirm asks before a button submits, data-autosubmit sends its form on change.
(function () {
  document.addEventListener("click", (ev) => {
    const button = ev.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) ev.preventDefault();
  });
  document.addEventListener("change", (ev) => {
    if (ev.target.matches("[data-autosubmit]")) ev.target.form.submit();
  });
})();
