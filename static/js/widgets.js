/* Pressroom widgets: tick clocks every second without asking the server, refresh fragments with
 * htmx only while the tab is visible, and tell an embedding page our height. No dependencies
 * beyond htmx; no eval (the content security policy forbids it). */
(function () {
  "use strict";

  var skew = 0; // the server's clock minus this computer's, in milliseconds
  var skewFromClock = false; // whether a clock fragment has set `skew`

  function serverNow() {
    return Date.now() + skew;
  }

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  /* Adopt the server time written into new widgets, and schedule their refreshes.
   * A stamp is only as fresh as the cache that served it. Clocks are cached for a second, so
   * theirs sets the offset. A counter may have been cached for minutes: it says for how long at
   * most (data-stamp-age), so the server's time now lies between its stamp and the stamp plus
   * that age. On a page without clocks, where counters are the only word from the server, the
   * offset is moved only as far as it takes to bring this computer's idea of the server's time
   * into that range: a right clock is left alone, a clock off by more is corrected that far. */
  function adopt(root) {
    var stamped = root.querySelectorAll ? root.querySelectorAll("[data-server-now]") : [];
    var all = Array.prototype.slice.call(stamped);
    if (root.matches && root.matches("[data-server-now]")) all.push(root);
    all.forEach(function (el) {
      if (el._prAdopted) return;
      el._prAdopted = true;
      var stamp = Number(el.dataset.serverNow);
      if (el.classList.contains("pr-clocks")) {
        skewFromClock = true;
        skew = stamp - Date.now();
        return;
      }
      if (skewFromClock) return;
      var now = serverNow();
      var newest = stamp + Number(el.dataset.stampAge || 0) * 1000;
      if (now < stamp) skew += stamp - now;
      else if (now > newest) skew -= now - newest;
    });
    var refreshing = Array.prototype.slice.call(
      root.querySelectorAll ? root.querySelectorAll("[data-refresh-every], [data-refresh-at]") : []
    );
    if (root.matches && root.matches("[data-refresh-every], [data-refresh-at]")) refreshing.push(root);
    refreshing.forEach(schedule);
  }

  function schedule(el) {
    if (el.dataset.refreshEvery) {
      el._prDue = serverNow() + Number(el.dataset.refreshEvery) * 1000;
    } else {
      // Spread the requests of many open pages over a few seconds after midnight.
      el._prDue = Number(el.dataset.refreshAt) + 500 + Math.random() * 4000;
    }
  }

  /* The name of the part of the day a 12-hour clock shows ("pm", "вечера"): the last period
   * of the server's table (pressroom/i18n.py, day_periods) that has started. */
  function dayPeriod(el, local) {
    if (!el._prPeriods) el._prPeriods = JSON.parse(el.dataset.periods);
    var since = local.getUTCHours() * 3600 + local.getUTCMinutes() * 60 + local.getUTCSeconds();
    var name = "";
    el._prPeriods.forEach(function (period) {
      if (since >= period[0]) name = period[1];
    });
    return name;
  }

  function tickClock(el, now) {
    var switchAt = Number(el.dataset.switchAt || 0);
    var after = switchAt > 0 && now >= switchAt;
    var offset = Number(after ? el.dataset.nextOffset : el.dataset.offset);
    var local = new Date(now + offset * 1000);
    var h = local.getUTCHours();
    var text;
    if (el.dataset.hour24 === "true") {
      text = pad(h) + ":" + pad(local.getUTCMinutes());
    } else {
      text = (h % 12 || 12) + ":" + pad(local.getUTCMinutes());
    }
    if (el.dataset.seconds === "true") text += ":" + pad(local.getUTCSeconds());
    if (el.dataset.hour24 !== "true") text += " " + dayPeriod(el, local);
    var time = el.querySelector(".pr-clock-time");
    if (time && time.textContent !== text) time.textContent = text;
    var zone = el.querySelector(".pr-clock-zone");
    var abbr = after ? el.dataset.nextAbbr : el.dataset.abbr;
    if (zone && zone.textContent !== abbr) zone.textContent = abbr;
  }

  function refreshDue(now) {
    if (document.visibilityState !== "visible" || !window.htmx) return;
    document.querySelectorAll("[data-refresh-every], [data-refresh-at]").forEach(function (el) {
      if (el._prDue === undefined) schedule(el);
      if (now < el._prDue) return;
      // Retry later if this refresh fails; a successful one replaces the element.
      el._prDue = now + (el.dataset.refreshEvery ? Number(el.dataset.refreshEvery) * 1000 : 30000);
      window.htmx.trigger(el, "widget:refresh");
    });
  }

  function tick() {
    var now = serverNow();
    document.querySelectorAll(".pr-clock").forEach(function (el) {
      tickClock(el, now);
    });
    refreshDue(now);
    setTimeout(tick, 1000 - (serverNow() % 1000) + 5);
  }

  function reportHeight() {
    if (window.parent === window) return;
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    window.parent.postMessage({ type: "pressroom:height", height: height }, "*");
  }

  document.addEventListener("DOMContentLoaded", function () {
    adopt(document);
    tick();
    if (window.parent !== window && window.ResizeObserver) {
      new ResizeObserver(reportHeight).observe(document.body);
    }
    reportHeight();
  });
  // An embedding page whose script started after we told our height asks for it again.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source === window.parent && data && data.type === "pressroom:measure") reportHeight();
  });
  window.addEventListener("load", reportHeight); // web fonts may change the height
  document.addEventListener("htmx:load", function (event) {
    adopt(event.target);
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") refreshDue(serverNow());
  });
})();
