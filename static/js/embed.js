/* Pressroom embed script: turns each <div data-pressroom-widget="…"> into an iframe of that
 * widget and keeps the iframe as tall as its content. Dependency-free; text is only ever written
 * with textContent and attributes with properties, never parsed from HTML strings. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var MIN_HEIGHT = 40;
  var MAX_HEIGHT = 1600; // content sized in vh must not grow the frame forever
  var OPTIONS = ["lang", "theme", "accent", "limit", "kind", "seconds", "hours"];
  var frames = [];

  function widgetPath(el) {
    var kind = el.getAttribute("data-pressroom-widget");
    if (kind === "clock" || kind === "latest") return "/widgets/" + kind;
    var id = el.getAttribute("data-id") || "";
    if (kind === "counter" && /^[1-9][0-9]{0,9}$/.test(id)) return "/widgets/counter/" + id;
    return null;
  }

  function build(el) {
    if (el.getAttribute("data-pressroom-ready")) return;
    var path = widgetPath(el);
    if (!path) return;
    el.setAttribute("data-pressroom-ready", "1");
    var params = new URLSearchParams();
    OPTIONS.forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value) params.append(name, value);
    });
    (el.getAttribute("data-tz") || "").split(/[\s,]+/).forEach(function (zone) {
      if (zone) params.append("tz", zone);
    });
    var query = params.toString();
    var frame = document.createElement("iframe");
    frame.src = origin + path + (query ? "?" + query : "");
    frame.title = el.getAttribute("data-title") || "Pressroom";
    frame.loading = "lazy";
    frame.width = "100%";
    frame.height = el.getAttribute("data-height") || "120";
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.width = "100%";
    while (el.firstChild) el.removeChild(el.firstChild);
    el.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "pressroom:height") return;
    var height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.ceil(Number(data.height) || 0)));
    frames.forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = height + "px";
    });
  });

  function scan() {
    document.querySelectorAll("[data-pressroom-widget]").forEach(build);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
