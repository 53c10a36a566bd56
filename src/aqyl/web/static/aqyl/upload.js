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

// An upload being checked or stored in the background: poll its state, then show the result.
(function () {
  const box = document.getElementById("progress");
  if (!box) return;
  const text = document.getElementById("progress-text");
  const bar = document.getElementById("progress-bar");
  const poll = () => fetch(box.dataset.stateUrl, { credentials: "same-origin" })
    .then((r) => r.json())
    .then((s) => {
      if (s.finished) { window.location.reload(); return; }
      text.textContent = s.text;
      if (s.total) { bar.max = s.total; bar.value = s.done; }
      setTimeout(poll, 1000);
    })
    .catch(() => setTimeout(poll, 3000));
  setTimeout(poll, 500);
})();
