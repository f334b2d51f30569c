// Staff forms: a second click on a submit button while the first submit is on its way is
// ignored, so a double-click sends one request (the server copes with two anyway).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) return;
  if (form.dataset.submitting === "true") {
    event.preventDefault();
    return;
  }
  form.dataset.submitting = "true";
  // A page restored from the back/forward cache must be usable again.
  window.addEventListener("pageshow", () => { delete form.dataset.submitting; }, { once: true });
});

// Text limits: beside each limited field, how many characters it holds now, marked when over
// the limit (the server refuses such text and gives it back; nothing is cut here).
const numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);

function showCount(field) {
  const count = document.getElementById(`${field.id}-limit`)?.querySelector(".count");
  if (!count) return;
  // Characters as the server counts them: code points, not UTF-16 units, and each line break
  // as the two characters (CR LF) a form sends.
  const length = [...field.value.replace(/\r?\n/g, "\r\n")].length;
  count.textContent = length ? " " + count.dataset.template.replace("{count}", numberFormat.format(length)) : "";
  count.parentElement.classList.toggle("over", length > Number(field.dataset.limit));
}

document.addEventListener("input", (event) => {
  if (event.target instanceof HTMLElement && event.target.hasAttribute("data-limit")) showCount(event.target);
});
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-limit]").forEach(showCount);
});
