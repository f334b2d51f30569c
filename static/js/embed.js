/* Pressroom embed script: turns each <div data-pressroom-widget="…"> into an iframe of that
 * widget, and keeps every frame of our widgets on the page (these and plain iframe code) as tall
 * as its content. Pressroom.load() looks again for placeholders added later. Dependency-free;
 * text is only ever written with textContent and attributes with properties, never parsed from
 * HTML strings. */
(function () {
  "use strict";

  // Pasted twice (two snippets on one page): one copy listens, the second only looks again.
  if (window.Pressroom && window.Pressroom.load) {
    window.Pressroom.load();
    return;
  }
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var MIN_HEIGHT = 40;
  // A frame follows its content, but never past this: content sized by its frame (vh units in
  // a partner's style, say) would otherwise grow it in a loop. A limit=20 box on a phone is
  // about 2,500 px.
  var MAX_HEIGHT = 8000;
  var OPTIONS = ["lang", "theme", "accent", "limit", "kind", "seconds", "hours"];

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
  }

  // Only a frame of this page showing one of our widgets may be resized, and only by its own
  // window speaking from our origin.
  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== source) continue;
      var url = new URL(frames[i].src, location.href);
      return url.origin === origin && url.pathname.indexOf("/widgets/") === 0 ? frames[i] : null;
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !event.source || !data || data.type !== "pressroom:height") {
      return;
    }
    var frame = frameOf(event.source);
    if (!frame) return;
    var height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.ceil(Number(data.height) || 0)));
    frame.style.height = height + "px";
  });

  function load() {
    document.querySelectorAll("[data-pressroom-widget]").forEach(build);
    // Frames that told their height before this script listened are asked again.
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow && frameOf(frames[i].contentWindow)) {
        frames[i].contentWindow.postMessage({ type: "pressroom:measure" }, origin);
      }
    }
  }
  window.Pressroom = { load: load };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
})();
