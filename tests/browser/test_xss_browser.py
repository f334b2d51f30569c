"""Stored XSS in a real browser: every payload of tests/data/xss_payloads.txt, posted to the
staff forms, shown wherever the site shows what staff typed, runs nothing in Chromium.

The payloads go into every text field staff write (statement titles, addresses, leads and
Markdown bodies in both languages; day counter labels and captions; the site title and contact
line), many to a field so that a few dozen page loads show them all. Every page, widget, htmx
fragment, oEmbed snippet and staff page that shows them is then loaded with `alert`, `confirm`,
`prompt` and `print` replaced by a recorder, dialogs, page errors, console errors and requests
for the payloads' marker URLs watched, and the DOM searched for anything a payload could have
planted (event handlers, htmx attributes, script URLs, script, iframe and object elements).

The content security policy is bypassed: it would stop inline script on its own, and this test
is about the escaping and cleaning underneath it.
"""

import re
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Error as PlaywrightError
from sqlalchemy import select

from pressroom.extensions import db
from pressroom.models import KINDS, DayCounter

from ..staff_client import (
    EMAIL,
    PASSWORD,
    hidden,
    html,
    new_statement_form,
    statement_fields,
    statement_id_from,
)

PAYLOADS_FILE = Path(__file__).parent.parent / "data" / "xss_payloads.txt"
CONTROL = {"{TAB}": "\t", "{LF}": "\n", "{CR}": "\r", "{FF}": "\f"}
LANGS = ("en", "ru")
#: Field limits of the forms, in characters.
TITLE, LABEL, CAPTION, SITE_TITLE, CONTACT = 300, 300, 500, 200, 500
#: Any request whose URL matches this comes from a payload. (A slug made from a payload may
#: hold "xss-probe", but never after a slash.)
MARKER = re.compile(r"xss\.test|/xss-probe\b", re.I)
#: Partner pages hold this many oEmbed snippets each.
EMBEDS_PER_PAGE = 60

#: Runs in every frame before its own scripts: record calls of the dialog functions.
HOOKS = """
(() => {
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    const recorder = function (...args) {
      try { window.__xssRecord(name + "(" + String(args[0]) + ") in " + location.href); }
      catch (e) {}
      return name === "confirm" ? false : null;
    };
    try {
      Object.defineProperty(window, name, { value: recorder, configurable: false });
    } catch (e) {}
  }
})();
"""

#: Returns what a payload could have planted in this document (nothing, on a clean page), the
#: document's text, and the text of its link-preview metadata (Open Graph, JSON-LD strings).
INSPECT = r"""
(app) => {
  if (!document.documentElement) return [[], "", ""];  // a frame between two documents
  const found = [];
  const marker = /xss\.test|\/xss-probe\b/i;
  const metadata = [];  // what <meta content> and JSON-LD say, for the coverage count
  const say = (why, el) => found.push(why + ": " + el.outerHTML.slice(0, 160));
  const urlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href",
                         "background", "poster", "ping", "srcset", "codebase", "cite"];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    if (el.hasAttribute("data-test-own")) continue;  // the partner page's own style
    for (const { name, value } of el.attributes) {
      const n = name.toLowerCase();
      if (n.startsWith("on")) say("event handler " + n, el);
      if (/^(data-)?hx-on/.test(n)) say("htmx handler " + n, el);
      const scripted = /alert|confirm|prompt|print|js:|javascript/i.test(value);
      if (/^(data-)?(hx-|ws-|sse-)/.test(n) && (marker.test(value) || scripted))
        say("htmx attribute " + n, el);
      if (n === "srcdoc") say("srcdoc", el);
      if (urlAttributes.includes(n)) {
        // As the browser reads it: "jav ascript:" is a relative path, "jav\tascript:" is not.
        let scheme = null;
        try { scheme = new URL(value, document.baseURI).protocol; } catch (e) {}
        if (["javascript:", "vbscript:"].includes(scheme)) say("script URL in " + n, el);
        if (scheme === "data:" && value !== "data:,") say("data URL in " + n, el);
        // A link may point anywhere (Markdown links are content); nothing else may load it.
        if (marker.test(value) && !(tag === "a" && n === "href")) say("marker URL in " + n, el);
      }
      if (n === "style" && /url\(|expression|javascript|import/i.test(value)) say("style", el);
      if (n === "http-equiv") say("meta http-equiv", el);
    }
    // Scripts: the site's own files, or structured data that is whole JSON (a payload that
    // broke out of it would leave it cut short).
    if (tag === "script" && !(el.src && el.src.startsWith(app + "/static/"))) {
      let data = null;
      if (el.type === "application/ld+json" && !el.src) {
        try { data = JSON.parse(el.textContent); } catch (e) {}
      }
      if (data === null) say("script", el);
      else {
        const walk = (v) => typeof v === "string" ? metadata.push(v)
          : v && typeof v === "object" ? Object.values(v).forEach(walk) : null;
        walk(data);
      }
    }
    if (tag === "meta" && /^og:/.test(el.getAttribute("property") || "")) metadata.push(el.content);
    if (tag === "iframe" && !(el.src && el.src.startsWith(app + "/widgets/"))) say("iframe", el);
    if (["object", "embed", "frame", "frameset", "applet", "form"].includes(tag)) {
      // getAttribute: a field named "action" hides the form's own `action` property.
      const action = new URL(el.getAttribute("action") || location.href, location.href).href;
      const own = tag === "form" && action.startsWith(app + "/");
      if (!own) say(tag, el);
    }
    if (tag === "base" && el.hasAttribute("href")) say("base", el);
    if (tag === "style" || (tag === "link" && !(el.href || "").startsWith(app + "/"))) {
      if (!(tag === "link" && el.rel === "icon" && el.href === "data:,")) say(tag, el);
    }
  }
  return [found, document.documentElement.textContent, metadata.join(" ")];
}
"""


def load_payloads() -> list[str]:
    """Return the payloads of the data file, control characters put in."""
    payloads = []
    for line in PAYLOADS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for token, char in CONTROL.items():
            line = line.replace(token, char)
        payloads.append(line)
    return payloads


def pack(payloads: list[str], limit: int, rotate: int = 0) -> list[list[str]]:
    """Split the payloads into groups whose text, joined by spaces, fits in `limit` characters.

    `rotate` starts the list elsewhere, so that different fields hold different neighbours.
    """
    ordered = payloads[rotate:] + payloads[:rotate]
    groups, current = [], []
    for payload in ordered:
        if current and len(" ".join([*current, payload])) > limit:
            groups.append(current)
            current = []
        current.append(payload)
    groups.append(current)
    return groups


def squeeze(text: str) -> str:
    """Collapse whitespace, as an HTML parser turns CR into LF and a form trims the ends."""
    return " ".join(text.split())


class Watch:
    """Everything a payload could set off in the browser, recorded."""

    def __init__(self, context, app_url: str):
        self.executions: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.planted: list[str] = []
        self.app_url = app_url
        #: The metadata text of the last inspected page.
        self.metadata = ""
        context.expose_binding("__xssRecord", lambda source, what: self.executions.append(what))
        context.add_init_script(HOOKS)
        # Watched, not routed: routing would turn the browser's cache off. (xss.test does not
        # resolve, so such a request would fail at once anyway.)
        context.on("request", self.request)

    def request(self, request) -> None:
        """Record a request for a payload's marker URL."""
        if MARKER.search(request.url):
            self.requests.append(request.url)

    def page(self, page) -> None:
        """Watch one page's dialogs, errors and console."""
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on(
            "console",
            lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None,
        )

    @contextmanager
    def guard(self, where: str):
        """Run browser steps that a payload could break by navigating the page away: if one
        does, record it as planted markup and go on."""
        try:
            yield
        except PlaywrightError as error:
            self.planted.append(f"{where}: {error.message.splitlines()[0]}")

    def inspect(self, page, where: str) -> dict[str, str]:
        """Search every frame of the page for planted markup; return each frame's text."""
        texts = {}
        self.metadata = ""
        for frame in page.frames[1:]:  # frames swapped in by htmx may still be loading
            with suppress(PlaywrightError):
                frame.wait_for_load_state("load", timeout=5000)
        for frame in page.frames:
            if frame.url in ("about:blank", ""):
                continue
            try:
                findings, text, metadata = frame.evaluate(INSPECT, self.app_url)
            except PlaywrightError as error:  # a payload navigated the frame away
                self.planted.append(f"{where} ({frame.url}): {error.message.splitlines()[0]}")
                continue
            self.planted.extend(f"{where} ({frame.url}): {finding}" for finding in findings)
            texts[frame.url] = squeeze(text)
            self.metadata += " " + squeeze(metadata)
        return texts

    def report(self) -> dict:
        """Return the counts of everything recorded."""
        return {
            "executions": len(self.executions) + len(self.dialogs),
            "marker requests": len(self.requests),
            "planted markup": len(self.planted),
            "errors": len(self.errors),
        }

    def problems(self) -> list[str]:
        """Return the first few recorded problems of each kind."""
        return (
            self.executions[:5] + self.dialogs[:5] + self.requests[:5] + self.planted[:10]
            + self.errors[:5]
        )


class Coverage:
    """Which payloads each render site was seen to show, as text or as cleaned HTML."""

    def __init__(self, payloads: list[str]):
        self.payloads = payloads
        self.shown: dict[str, set[int]] = {}
        self.missing: list[str] = []

    def expect(self, site: str, text: str, groups: list[list[str]]) -> None:
        """Record that `site` shows every payload of `groups` as text; note those it lacks."""
        seen = self.shown.setdefault(site, set())
        for group in groups:
            for payload in group:
                if squeeze(payload) in text:
                    seen.add(self.payloads.index(payload))
                else:
                    self.missing.append(f"{site}: {payload!r}")

    def rendered(self, site: str, groups: list[list[str]]) -> None:
        """Record that `site` rendered these payloads as cleaned HTML (not comparable as text)."""
        seen = self.shown.setdefault(site, set())
        seen.update(self.payloads.index(p) for group in groups for p in group)

    def table(self) -> dict[str, int]:
        """Return how many distinct payloads each site showed."""
        return {site: len(seen) for site, seen in sorted(self.shown.items())}


def post_statement(staff, number: int, group: list[str], body: str, featured: bool) -> int:
    """Create a published statement with `group` in every text field of both languages."""
    joined = " ".join(group)
    fields = {"kind": list(KINDS)[number % len(KINDS)]}
    for lang in LANGS:
        fields[f"{lang}_title"] = joined
        fields[f"{lang}_lead"] = joined
        fields[f"{lang}_body"] = body
        # Every other statement has its address typed as well (it is made into a slug).
        fields[f"{lang}_slug"] = joined[:120] if number % 2 else ""
    minutes = 600 + number  # newer statements later in the morning; all in the past
    response = staff.post(
        "/staff/statements/new",
        data={
            **new_statement_form(staff),
            **statement_fields(
                published_date="2026-01-15",
                published_time=f"{minutes // 60:02d}:{minutes % 60:02d}",
                featured="y" if featured else False,
                **fields,
            ),
        },
    )
    assert response.status_code == 303, html(response)[:2000]
    return statement_id_from(response)


def post_counter(staff, label: list[str], caption: list[str]) -> None:
    """Create a day counter with a payload group as label and another as caption, both languages."""
    page = html(staff.get("/staff/counters/new"))
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "event_date": "2025-06-17",
        "timezone": "Europe/Moscow",
        "position": "0",
    }
    for lang in LANGS:
        data[f"{lang}-label"] = " ".join(label)
        data[f"{lang}-caption"] = " ".join(caption)
    response = staff.post("/staff/counters/new", data=data)
    assert response.status_code == 303, html(response)[:2000]


def post_settings(staff, site_titles: dict, contacts: dict) -> None:
    """Save the site title and contact line of each language (payload groups by language)."""
    page = html(staff.get("/staff/settings"))
    data = {"csrf_token": hidden(page, "csrf_token")}
    for lang in LANGS:
        data[f"{lang}-site_title"] = " ".join(site_titles[lang])
        data[f"{lang}-contact_line"] = " ".join(contacts[lang])
    response = staff.post("/staff/settings", data=data)
    assert response.status_code == 303, html(response)[:2000]


def oembed_html(client, app_url: str, path: str) -> str:
    """Return the `html` of this site's oEmbed answer for one of its own URLs, as the live
    server would give it (same host)."""
    response = client.get(f"/oembed?url={quote(app_url + path, safe='')}", base_url=app_url)
    assert response.status_code == 200, path
    return response.get_json()["html"]


def wait_for_frames(page, count: int, timeout: float = 20.0) -> None:
    """Wait until `count` frames have started loading, then until each has loaded.

    (A frame a payload navigated elsewhere counts too: the inspection reports it.)
    """
    deadline = time.monotonic() + timeout
    while len(frames := [f for f in page.frames[1:] if f.url not in ("", "about:blank")]) < count:
        assert time.monotonic() < deadline, f"{len(frames)} of {count} frames loading"
        page.wait_for_timeout(50)
    for frame in frames:
        with suppress(PlaywrightError):  # detached by a payload
            frame.wait_for_load_state("load", timeout=timeout * 1000)


#: Swaps each URL's htmx fragment (or answer) into the page, one after another.
SWAP_ALL = """
async ([requests, wait]) => {
  const sink = document.createElement("div");
  sink.id = "xss-sink";
  document.body.append(sink);
  for (const [verb, url, values] of requests) {
    const box = document.createElement("div");
    sink.append(box);
    const source = document.querySelector("[hx-post], .staff") || document.body;
    await htmx.ajax(verb, url, { source, target: box, swap: "innerHTML", values: values || {} });
  }
  await new Promise((done) => setTimeout(done, wait));
  return sink.textContent;
}
"""


def test_stored_payloads_run_nowhere(live_server, app, staff, browser, partner_site):
    """Every payload, in every field and every place that shows it: 0 executions."""
    started = last = time.monotonic()
    phases: dict[str, float] = {}

    def lap(name: str) -> None:
        """Note how long the phase that just ended took."""
        nonlocal last
        now = time.monotonic()
        phases[name] = round(now - last, 1)
        last = now

    # Static files may be kept by the browser: each page load then costs one request.
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
    payloads = load_payloads()
    assert len(payloads) >= 150
    app_url = live_server.url

    # Statements: each field holds a group of payloads; the featured one's body holds them all.
    title_groups = pack(payloads, TITLE)
    statements = []  # (id, group), oldest first
    for number, group in enumerate(title_groups):
        featured = number == 0
        body = "\n\n".join(reversed(payloads) if featured else group)
        statements.append((post_statement(staff, number, group, body, featured), group))
    # Day counters: labels and captions grouped differently.
    label_groups = pack(payloads, LABEL, rotate=7)
    caption_groups = pack(payloads, CAPTION, rotate=13)
    for number, group in enumerate(label_groups):
        post_counter(staff, group, caption_groups[number % len(caption_groups)])
    with app.app_context():
        counter_ids = list(db.session.scalars(select(DayCounter.id).order_by(DayCounter.id)))
    counters = list(zip(counter_ids, label_groups, strict=True))
    kind_of = {sid: list(KINDS)[n % len(KINDS)] for n, (sid, _) in enumerate(statements)}
    caption_of = {
        cid: caption_groups[n % len(caption_groups)] for n, cid in enumerate(counter_ids)
    }
    site_groups = pack(payloads, SITE_TITLE, rotate=3)
    contact_groups = pack(payloads, CONTACT, rotate=5)
    lap("store")

    context = browser.new_context(bypass_csp=True)
    watch = Watch(context, app_url)
    page = context.new_page()
    watch.page(page)
    coverage = Coverage(payloads)

    def visit(url: str, where: str) -> str:
        """Load a page, let its scripts run, and return its text after inspecting it."""
        try:
            page.goto(url, wait_until="load")
        except PlaywrightError as error:  # a payload navigated the page away while it loaded
            watch.planted.append(f"{where}: {error.message.splitlines()[0]}")
            return ""
        page.wait_for_timeout(10)  # autofocus and the like fire just after the load event
        return " ".join(watch.inspect(page, where).values())

    # Public pages in pairs (English, Russian). The site settings change before each pair:
    # English and Russian take the site-title and contact-line groups in turns, so every group
    # is shown in at least one language (most in both) without extra page loads.
    newest_first = list(reversed(statements))
    pairs = [(f"/{{lang}}/statements/{sid}/", "detail", [group]) for sid, group in statements]
    pairs += [("/{lang}/", "home", None)]
    pairs += [
        (f"/{{lang}}/statements/?page={n}", "listing", [g for _, g in newest_first[i : i + 20]])
        for n, i in enumerate(range(0, len(statements), 20), start=1)
    ]
    while len(LANGS) * len(pairs) < len(site_groups):  # show some pages again
        sid, group = statements[len(pairs) % len(statements)]
        pairs.append((f"/{{lang}}/statements/{sid}/", "detail", [group]))
    for number, (path, site, groups) in enumerate(pairs):
        turn = {lang: len(LANGS) * number + n for n, lang in enumerate(LANGS)}
        site_titles = {lang: site_groups[k % len(site_groups)] for lang, k in turn.items()}
        contacts = {lang: contact_groups[k % len(contact_groups)] for lang, k in turn.items()}
        post_settings(staff, site_titles, contacts)
        for lang in LANGS:
            text = visit(app_url + path.format(lang=lang), f"{site} {lang}")
            coverage.expect(
                "site title and contact line", text, [site_titles[lang], contacts[lang]]
            )
            if site == "detail":
                coverage.expect(f"statement page ({lang})", text, groups)
                coverage.rendered(f"statement page ({lang})", groups)
                if watch.metadata.strip():  # link previews and structured data, where given
                    coverage.expect("statement page metadata", watch.metadata, groups)
            elif site == "listing":
                coverage.expect("listing", text, groups)
            else:
                latest = [g for _, g in newest_first[:10]]
                coverage.expect("home: latest and featured", text, [*latest, title_groups[0]])
                coverage.rendered("home: featured body", [payloads])
                coverage.expect("home: day counters", text, label_groups + caption_groups)

    lap("site pages")

    # Widgets as partners embed them: the oEmbed snippet of each statement card, day counter
    # and latest-statements list, many to a partner page.
    embeds = []  # (path, groups shown as text)
    for lang in LANGS:
        embeds += [(f"/widgets/statement/{sid}?lang={lang}", "statement card widget", [g])
                   for sid, g in statements]
        embeds += [(f"/widgets/counter/{cid}?lang={lang}", "counter widget",
                    [g, caption_of[cid]]) for cid, g in counters]
        for kind in KINDS:
            shown = [g for sid, g in newest_first if kind_of[sid] == kind][:20]
            embeds.append((f"/widgets/latest?lang={lang}&kind={kind}&limit=20",
                           "latest widget", shown))
    snippets = [(oembed_html(staff, app_url, path), site, groups) for path, site, groups in embeds]
    for start in range(0, len(snippets), EMBEDS_PER_PAGE):
        batch = snippets[start : start + EMBEDS_PER_PAGE]
        partner_site.html = (
            "<!doctype html><meta charset=utf-8><title>Partner</title>"
            "<style data-test-own>iframe{width:40px!important;height:30px!important}</style>"
            + "".join(f'<div class="embed">{snippet}</div>' for snippet, _, _ in batch)
        )
        page.goto(partner_site.url, wait_until="load")
        wait_for_frames(page, len(batch))
        page.wait_for_timeout(10)
        texts = watch.inspect(page, "partner page")
        for snippet, site, groups in batch:
            src = re.search(r'src="([^"]+)"', snippet).group(1).replace("&amp;", "&")
            coverage.expect(site, texts.get(src, ""), groups)
        # The snippet itself: its iframe's title attribute carries the title or event as text.
        titles = ""
        with watch.guard("partner page"):
            titles = squeeze(" ".join(page.eval_on_selector_all(
                ".embed > iframe", "els => els.map(e => e.title)"
            )))
        coverage.expect(
            "oEmbed html", titles, [g[0] for _, site, g in batch if site != "latest widget"]
        )

    lap("partner pages")

    # The htmx fragments of the widgets, swapped into a page by htmx itself.
    fragments = []
    for lang in LANGS:
        fragments += [("GET", f"/widgets/statement/{sid}?lang={lang}", None)
                      for sid, _ in statements]
        fragments += [("GET", f"/widgets/counter/{cid}?lang={lang}", None)
                      for cid, _ in counters]
        fragments += [("GET", f"/widgets/latest?lang={lang}&limit=20&kind={kind}", None)
                      for kind in KINDS]
    visit(app_url + "/en/", "fragment host")
    text = ""
    with watch.guard("htmx fragments"):
        text = squeeze(page.evaluate(SWAP_ALL, [fragments, 300]))
        watch.inspect(page, "htmx fragments")
    coverage.expect("htmx fragments", text, [g for _, g in counters] + list(caption_of.values()))
    coverage.expect("htmx fragments", text, [g for _, g in statements])

    lap("htmx fragments")

    # The gallery: every counter's label in the list, and each chosen in turn (htmx swaps the
    # preview and the snippets in), half of them in each language.
    for number, lang in enumerate(LANGS):
        text = visit(f"{app_url}/widgets/?lang={lang}&widget=counter", f"gallery {lang}")
        coverage.expect("gallery", text, label_groups)
        for cid, group in counters[number :: len(LANGS)]:
            text = ""
            with watch.guard(f"gallery {lang} counter {cid}"):
                if page.input_value("#gallery-counter", timeout=5000) != str(cid):
                    with page.expect_response(re.compile(r"/widgets/\?")):
                        page.select_option("#gallery-counter", str(cid))
                page.wait_for_selector(f'#gallery-counter option[value="{cid}"][selected]',
                                       state="attached", timeout=5000)
                text = " ".join(watch.inspect(page, f"gallery {lang} counter {cid}").values())
            coverage.expect("gallery: chosen counter", text, [group])

    lap("gallery")

    # The staff area: the dashboard, the forms filled with the payloads, and the htmx preview
    # of each payload alone (title, lead and Markdown body) swapped in by htmx.
    staff_context = browser.new_context(bypass_csp=True)
    staff_watch = Watch(staff_context, app_url)
    staff_page = staff_context.new_page()
    staff_watch.page(staff_page)
    staff_page.goto(f"{app_url}/staff/sign-in")
    staff_page.get_by_label("Email").fill(EMAIL)
    staff_page.get_by_label("Password").fill(PASSWORD)
    staff_page.get_by_role("button", name="Sign in").click()
    staff_page.wait_for_url(re.compile(r"/staff/"))
    staff_page.goto(f"{app_url}/staff/?lang=ru")
    text = " ".join(staff_watch.inspect(staff_page, "dashboard").values())
    coverage.expect("staff dashboard", text, [g for _, g in statements])
    forms = (
        f"/staff/statements/{statements[0][0]}/edit",
        f"/staff/counters/{counter_ids[0]}/edit",
        "/staff/settings",
    )
    for path in forms:
        values = ""
        with staff_watch.guard(path):
            staff_page.goto(app_url + path)
            staff_watch.inspect(staff_page, path)
            values = squeeze(" ".join(staff_page.eval_on_selector_all(
                "input[type=text], input:not([type]), textarea", "els => els.map(e => e.value)"
            )))
        coverage.expect("staff forms", values, {
            "statements": [title_groups[0]], "counters": [label_groups[0]],
            "settings": list(site_titles.values()),
        }[path.split("/")[2].split("?")[0]])
    # The history: the payloads as revision 1, compared with itself and on its restore page.
    for path in (f"/staff/statements/{statements[0][0]}/history?a=1&b=1",
                 f"/staff/statements/{statements[0][0]}/history/1/restore"):
        with staff_watch.guard(path):
            staff_page.goto(app_url + path)
            text = squeeze(" ".join(staff_watch.inspect(staff_page, path).values()))
        coverage.expect("staff history", text, [title_groups[0]])
    previews = [
        ("POST", "/staff/statements/preview",
         {f"{lang}-{name}": payload for lang in LANGS for name in ("title", "lead", "body")})
        for payload in payloads
    ]
    text = ""
    with staff_watch.guard("preview"):
        staff_page.goto(f"{app_url}/staff/statements/{statements[0][0]}/edit")
        text = squeeze(staff_page.evaluate(SWAP_ALL, [previews, 300]))
        staff_watch.inspect(staff_page, "preview")
    coverage.expect("staff preview", text, [[p] for p in payloads if len(p.strip()) <= TITLE])
    coverage.rendered("staff preview", [payloads])
    staff_context.close()
    context.close()
    lap("staff area")

    seconds = time.monotonic() - started
    figures = {**watch.report(), **{f"staff {k}": v for k, v in staff_watch.report().items()}}
    print(
        f"\n{len(payloads)} payloads; {len(statements)} statements, {len(counters)} counters, "
        f"{len(pairs)} settings; {seconds:.1f}s: {phases}\n"
        f"distinct payloads shown per render site: {coverage.table()}\n{figures}"
    )
    problems = watch.problems() + staff_watch.problems()
    assert not problems, (figures, problems)
    assert not coverage.missing, coverage.missing[:10]
    everywhere = {
        "statement page (en)", "statement page (ru)", "listing", "statement card widget",
        "counter widget", "latest widget", "htmx fragments", "oEmbed html", "gallery",
        "site title and contact line", "home: featured body", "home: day counters",
        "staff dashboard", "staff preview",
    }
    table = coverage.table()
    assert all(table[site] == len(payloads) for site in everywhere), table
