/* Widget gallery: copy buttons for the snippets, and the city chooser's search and chips. The
 * form works without this script: the textareas can be copied by hand and the city list is a
 * plain list of checkboxes. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (button && navigator.clipboard) {
      var area = document.getElementById(button.dataset.copy);
      var status = document.querySelector(".copied");
      navigator.clipboard.writeText(area.value).then(function () {
        if (status) status.textContent = button.dataset.done || "✓";
      });
      return;
    }
    var remove = event.target.closest("button.chip-remove");
    if (remove) {
      var box = document.querySelector('.city-list input[value="' + CSS.escape(remove.dataset.zone) + '"]');
      if (!box) return;
      box.checked = false;
      // The chip goes with the swap: the search field (kept across swaps) takes the focus.
      var search = document.getElementById("gallery-city-search");
      if (search) search.focus();
      box.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });

  function filter() {
    var search = document.getElementById("gallery-city-search");
    if (!search) return;
    var words = search.value.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    var found = 0;
    document.querySelectorAll(".city-list li").forEach(function (item) {
      var text = item.dataset.search;
      item.hidden = !words.every(function (word) { return text.indexOf(word) >= 0; });
      if (!item.hidden) found += 1;
    });
    // Told to screen readers as the list narrows; nothing while the field is empty.
    var count = document.getElementById("gallery-city-count");
    if (count) count.textContent = words.length ? count.dataset.found.replace("{n}", found) : "";
  }

  document.addEventListener("input", function (event) {
    if (event.target.id === "gallery-city-search") filter();
  });
  // Typing in the search field is not an option of the widget: no request for it.
  document.addEventListener("change", function (event) {
    if (event.target.id === "gallery-city-search") event.stopPropagation();
  }, true);
  // Enter in the search field ticks the first city found instead of sending the form.
  document.addEventListener("keydown", function (event) {
    if (event.target.id !== "gallery-city-search" || event.key !== "Enter") return;
    event.preventDefault();
    var first = document.querySelector(".city-list li:not([hidden]) input:not(:checked)");
    if (!first) return;
    first.checked = true;
    first.dispatchEvent(new Event("change", { bubbles: true }));
  });

  function enhance() {
    document.querySelectorAll(".city-search, .chip-remove").forEach(function (el) {
      el.hidden = false;
    });
    filter();
    if (!navigator.clipboard) return;
    document.querySelectorAll("button.copy").forEach(function (b) { b.hidden = false; });
  }
  // A swap replaces the form (and moves the kept search field): the focus returns to the
  // field of the same id, so typing or ticking by keyboard goes on where it was.
  var focused = null;
  document.addEventListener("htmx:beforeSwap", function () {
    focused = document.activeElement && document.activeElement.id;
  });
  document.addEventListener("htmx:afterSettle", function () {
    var target = focused && document.getElementById(focused);
    if (target && document.activeElement !== target) target.focus();
    focused = null;
  });
  document.addEventListener("DOMContentLoaded", enhance);
  document.addEventListener("htmx:load", enhance);
})();
