// Drag and drop onto the upload area: the dropped file goes into the form's file input.
(function () {
  const drop = document.getElementById("drop");
  const input = document.getElementById("file");
  const chosen = document.getElementById("chosen");
  if (!drop || !input) return;
  // The browser's own file control speaks the browser's language; ours shows the page's.
  const show = () => { chosen.textContent = input.files.length ? input.files[0].name : chosen.dataset.empty; };
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach((e) => drop.addEventListener(e, (ev) => { ev.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((e) => drop.addEventListener(e, (ev) => { ev.preventDefault(); drop.classList.remove("over"); }));
  drop.addEventListener("drop", (ev) => {
    if (ev.dataTransfer.files.length) { input.files = ev.dataTransfer.files; show(); }
  });
})();
