// Behaviour the pages ask for with data- attributes, as the Content-Security-Policy allows no
// inline script: data-confirm asks before a button submits, data-autosubmit sends its form on change;
// a file control inside a label with a .chosen text shows the chosen file's name there.
(function () {
  document.addEventListener("click", (ev) => {
    const button = ev.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) ev.preventDefault();
  });
  document.addEventListener("change", (ev) => {
    if (ev.target.matches("[data-autosubmit]")) ev.target.form.submit();
    // A file control of ours (the browser's own speaks the browser's language): show the name chosen.
    const chosen = ev.target.matches("input[type=file]") && ev.target.closest("label")?.querySelector(".chosen");
    if (chosen) chosen.textContent = ev.target.files.length ? ev.target.files[0].name : chosen.dataset.empty;
  });
})();
