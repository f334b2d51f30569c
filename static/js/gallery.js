/* Widget gallery: copy buttons for the snippets (the textareas work without this too). */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (!button || !navigator.clipboard) return;
    var area = document.querySelector('textarea[aria-labelledby="' + button.dataset.copy + '"]');
    var status = document.querySelector(".copied");
    navigator.clipboard.writeText(area.value).then(function () {
      if (status) status.textContent = button.dataset.done || "✓";
    });
  });
  function reveal() {
    if (!navigator.clipboard) return;
    document.querySelectorAll("button.copy").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", reveal);
  document.addEventListener("htmx:load", reveal);
})();
