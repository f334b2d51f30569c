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
