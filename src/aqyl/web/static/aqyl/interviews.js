// Coding in the page: a passage selected in the transcript fills the form with its place (characters
// from the transcript's start) and its words; the server checks both before it saves the segment.
(function () {
  const box = document.getElementById("transcript");
  const form = document.getElementById("coding-form");
  if (!box || !form) return;
  const shown = document.getElementById("selected"), save = document.getElementById("save-segment");
  const empty = shown.textContent;
  function offset(node, within) {
    const r = document.createRange();
    r.setStart(box, 0);
    r.setEnd(node, within);
    return r.toString().length;
  }
  function update() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    const start = offset(range.startContainer, range.startOffset), end = offset(range.endContainer, range.endOffset);
    const text = range.toString();
    if (!text.trim()) return;
    form.start.value = start;
    form.end.value = end;
    form.quote.value = text;
    shown.textContent = "«" + text.trim() + "»";
    shown.classList.remove("muted");
    save.disabled = false;
  }
  document.addEventListener("selectionchange", update);
  update();  // a selection made before this script ran
  form.addEventListener("submit", (ev) => {
    if (!form.quote.value) { ev.preventDefault(); shown.textContent = empty; }
  });
})();
