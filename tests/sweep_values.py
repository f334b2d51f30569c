"""Bad input values for the sweep: curated classics first, then values Hypothesis generates.

Every value is bytes and reaches the app as a real client would send it: raw in the path (as a
WSGI server decodes it), percent-encoded in query strings and form bodies, as latin-1 in headers.
So invalid UTF-8 (%FF) and lone surrogates (%ED%A0%80) arrive undecoded. Generation is
derandomised and uses no example database: the same values on every run and every machine.
"""

from datetime import date
from functools import cache

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from pressroom.timekeeping import known_zones

#: Distinct values each input slot receives at least.
PER_SLOT = 300

#: Where a next-like parameter must not lead: 40 ways of writing another site.
OPEN_REDIRECTS = [
    "https://evil.example/",
    "http://evil.example",
    "//evil.example",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "http:/\\/evil.example",
    "http:\\\\evil.example",
    "https:evil.example",
    "http:/evil.example",
    "HTTPS://EVIL.EXAMPLE",
    " //evil.example",
    "\t//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\x00//evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "//evil.example/%2F..",
    "//evil.example@pressroom.test",
    "https://pressroom.test@evil.example/",
    "https://pressroom.test.evil.example/",
    "https://evil.example#pressroom.test",
    "https://evil.example?pressroom.test",
    "//evil%E3%80%82example",
    "//evil。example",
    "/／evil.example",
    "／／evil.example",
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//[::ffff:7f00:1]",
    "//0x7f.1",
    "/staff/\r\nLocation: https://evil.example/",
]

#: Classics every input slot receives.
CURATED: list[bytes] = [
    b"",
    b"\x00",
    b"a\x00b",
    b"1\x00",
    b"\x00" * 64,
    b"\xed\xa0\x80",  # a lone high surrogate, as UTF-8 would write it
    b"\xed\xbf\xbf",  # a lone low surrogate
    b"a\xed\xa0\x80b",
    b"\xff",
    b"\xfe\xff",
    b"\xc0\xaf",  # an overlong "/"
    b"\xe0\x80\xaf",
    b"\x80",
    b"\xc3",
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    b"a" * 10_000,
    "я".encode() * 5_000,
    b"1" * 10_000,
    b"/" * 2_000,
    b"%" * 3_000,
    str(2**31 - 1).encode(),
    str(2**31).encode(),
    str(2**32).encode(),
    str(2**63 - 1).encode(),
    str(2**63).encode(),
    str(2**64).encode(),
    str(-(2**31) - 1).encode(),
    str(-(2**63) - 1).encode(),
    b"9" * 10,
    b"1" + b"0" * 5_000,  # 10**5000
    b"-1",
    b"-0",
    b"0",
    b"00",
    b"007",
    b"+1",
    b" 1",
    b"1 ",
    b"1.0",
    b"1e3",
    b"1e309",
    b"0x1F",
    b"1_000",
    "٣".encode(),
    "١٢".encode(),
    "³".encode(),
    "①".encode(),
    "１２".encode(),
    "߁".encode(),
    "Ⅳ".encode(),
    b"NaN",
    b"Infinity",
    b"-inf",
    b" ",
    b"\t",
    b"\n",
    b"\r\n",
    "\u00a0".encode(),
    "\u2028".encode(),
    "\u3000".encode(),
    "\ufeff".encode(),
    "\u200b".encode(),
    "\u202e".encode(),
    "\u200f".encode(),
    "abc\u202edcba".encode(),
    "\u0301".encode(),
    "\ufffd".encode(),
    "\uffff".encode(),
    "\U0010ffff".encode(),
    "😀".encode(),
    "👨‍👩‍👧‍👦".encode(),
    "🏳️‍🌈".encode(),
    b"../",
    b"../../../../etc/passwd",
    b"..%2f..%2fetc%2fpasswd",
    b"..\\..\\windows\\win.ini",
    b"/etc/passwd",
    b"....//",
    b".",
    b"..",
    b"~",
    b"C:\\",
    b"file:///etc/passwd",
    b"a\r\nSet-Cookie: injected=1",
    b"\r\nLocation: https://evil.example/",
    b"%0d%0aX-Injected: 1",
    b"\n\n<script>alert(1)</script>",
    b"' OR '1'='1",
    b"1; DROP TABLE statement;--",
    b"1' --",
    b"') UNION SELECT NULL, NULL--",
    b"1 OR 1=1",
    b'"',
    b"'",
    b"\\",
    b"%",
    b"_",
    b"%_%",
    b"NEAR(a b)",
    b"a* OR b",
    b'"unterminated',
    b"title:x",
    b"-a",
    b"a AND NOT b",
    b"&|!():*<->",
    b"<script>alert(1)</script>",
    b'"><img src=x onerror=alert(1)>',
    b"javascript:alert(1)",
    b"{{7*7}}",
    b"{% raw %}",
    b"${7*7}",
    b"<!--",
    b"]]>",
    b"&amp;",
    b"&#0;",
    b'{"a": 1}',
    b"[]",
    b"null",
    b'{"__proto__": {}}',
    b"%s%s%s%s",
    b"%(x)s",
    b"{0}",
    b"{}",
    b"true",
    b"None",
    b"a=b&c=d",
    b"#fragment",
    b"?x=1",
]

#: Classics of each kind of input, sent after the common ones.
BY_KIND: dict[str, list[bytes]] = {
    "number": [
        b"99999",
        b"100000",
        b"9" * 11,
        b"9" * 19,
        b"9" * 20,
        b"0b1",
        b"0o7",
        b"1,000",
        b"1\xa01",
        "١٢٣".encode(),
        "〇".encode(),
    ],
    "date": [
        b"2026-02-30",
        b"2026-02-29",
        b"2024-02-29",
        b"0000-00-00",
        b"0001-01-01",
        b"1899-12-31",
        b"1900-01-01",
        b"2999-12-31",
        b"3000-01-01",
        b"9999-12-31",
        b"10000-01-01",
        b"-2026-01-01",
        b"2026-13-01",
        b"2026-00-10",
        b"2026-1-1",
        b"26-03-15",
        b"15.03.2026",
        b"2026/03/15",
        b"2026-03-15T10:00",
        b" 2026-03-15 ",
        "２０２６-０３-１５".encode(),
        "٢٠٢٦-٠٣-١٥".encode(),
        b"2026-03-15\x00",
    ],
    "time": [
        b"24:00",
        b"23:60",
        b"23:59:60",
        b"25:00",
        b"-1:00",
        b"12",
        b"12:",
        b":30",
        b"12:00:00.5",
        b"12:00:00:00",
        b"1:2",
        b"noon",
        "１２:００".encode(),
        b"12:00 PM",
        b"00:00",
        b"23:59:59",
    ],
    "zone": [
        b"Factory",  # known to the tz database, but no city: Babel cannot name it
        b"localtime",
        b"UTC",
        b"utc",
        b"Etc/GMT+14",
        b"Etc/GMT-14",
        b"Etc/GMT+15",
        b"posix/Europe/Moscow",
        b"right/UTC",
        b"posixrules",
        b"Europe/Moscow/",
        b"/Europe/Moscow",
        b"Europe//Moscow",
        b"europe/moscow",
        b"Europe\\Moscow",
        b"Europe/Moscow\x00",
        b"Europe/../Europe/Moscow",
        b"../../../etc/localtime",
        b"/usr/share/zoneinfo/UTC",
        b"Europe/Kiev",
        b"US/Pacific",
        b"EST5EDT",
        b"GMT0",
        b"Zulu",
        b"Pacific/Chatham",
        b"Antarctica/Troll",
        b"America/Argentina/ComodRivadavia",
        b"Australia/Lord_Howe",
        b"MSK",
        b"+03:00",
        b"UTC+3",
    ],
    "colour": [
        b"#",
        b"#0",
        b"#00",
        b"#000",
        b"000",
        b"#0000",
        b"#00000",
        b"#0000000",
        b"ggg",
        b"#ggg",
        b"#0B4F8A",
        b"red",
        b"rgb(0,0,0)",
        b"#0b4f8a;}body{display:none",
        b"0b4f8a</style><script>alert(1)</script>",
        "#٠٠٠".encode(),
        b"var(--x)",
        b"#0b4f8a\n",
    ],
    "url": [
        b"http://pressroom.test/widgets/clock?tz=Europe/Moscow",
        b"http://pressroom.test/widgets/clock?tz=Nowhere/Land",
        b"http://pressroom.test/widgets/clock?tz=" + b"&tz=UTC" * 50,
        b"http://pressroom.test/widgets/latest?limit=99",
        b"http://pressroom.test/widgets/counter/999",
        b"http://pressroom.test/widgets/counter/9999999999",
        b"http://pressroom.test/widgets/statement/2147483648",
        b"http://pressroom.test/en/statements/1/x",
        b"http://pressroom.test/en/statements/2147483648/",
        b"https://pressroom.test/widgets/latest",
        b"http://evil.example/widgets/clock",
        b"//pressroom.test/widgets/clock",
        b"http://pressroom.test:99999/widgets/clock",
        b"http://[::1/widgets/clock",
        b"http://pressroom.test/widgets/clock?accent=%ZZ",
        b"http://pressroom.test/../widgets/clock",
        b"http://pressroom.test/widgets/clock?lang=xx&lang=yy",
        b"http://pressroom.test/static/css/site.css",
        b"http://pressroom.test/oembed?url=http://pressroom.test/widgets/clock",
        b"http://pressroom.test/staff/",
        b"http://pressroom.test/widgets/" + b"a" * 3_000,
        b"/widgets/clock",
        *(value.encode() for value in OPEN_REDIRECTS),
    ],
    "path": [
        b"../pressroom/config.py",
        b"css/../css/site.css",
        b"css/site.css/",
        b"css/site.css\x00.png",
        b"css\\site.css",
        b"css/./site.css",
        b"css//site.css",
        b"css",
        b"css/",
        b"vendor/htmx-2.0.11.min.js",
        b"js/embed.js",
        b".git/config",
        b"CSS/SITE.CSS",
        b"css/site.css.map",
    ],
    "accept-language": [
        b"ru-RU,ru;q=0.9,en;q=0.8",
        b"*",
        b"ru;q=2",
        b"ru;q=-1",
        b"ru;q=abc",
        b"ru;q=NaN",
        b"ru;q=1e309",
        b",,,",
        b";",
        b"q=1",
        b"ru-",
        b"-ru",
        b"ru;q=0.5," * 1_000,
        b"ru;;;q=1;q=0",
    ],
    "host": [
        b"evil.example",
        b"pressroom.test:99999",
        b"pressroom.test:-1",
        b"pressroom.test:abc",
        b"[::1]",
        b"[::1",
        b"pressroom.test@evil.example",
        b"evil.example/pressroom.test",
        b"pressroom.test\r\nX-Injected: 1",
        b"pressroom.test, evil.example",
        b"localhost",
        b"127.0.0.1",
        b"PRESSROOM.TEST",
        b"pressroom.test.",
        "пресса.рф".encode(),
        b"xn--80aaxgrpt.xn--p1ai",
        b"a." * 200,
    ],
    "cookie": [
        b"session=",
        b"session=garbage",
        b"session=.eJyrVkrOz0nNS0_NS1WyUkpKSbJS0lFKSUxRsqpWMlSqBQBxNwkR.ZZZZ.abcdef",
        b"session=a; session=b",
        b"=; =;",
        b";;;;",
        b'session="unterminated',
        b"session=" + b"a" * 4_000,
        b"__Host-session=x",
        b"remember_token=1|abc",
        b"session=\x00",
    ],
    "etag": [
        b"*",
        b'""',
        b'"x"',
        b'W/"x"',
        b"W/",
        b"W/*",
        b'*, "x"',
        b", , ,",
        b'W/"' + b"a" * 10_000 + b'"',
    ],
    "hx": [b"false", b"TRUE", b"True", b"1", b" true", b"true\x00", b"#main", b"body"],
}

ZONES = sorted(known_zones())


def _encoded(strategy):
    """Return `strategy` with text encoded as UTF-8 (bytes pass through)."""
    return strategy.map(lambda v: v.encode() if isinstance(v, str) else v)


#: How Hypothesis writes values of each kind: shapes close to valid ones, then anything.
STRATEGIES = {
    "text": st.one_of(st.text(), st.binary()),
    "word": st.one_of(
        st.text(max_size=12),
        st.from_regex(r"[a-zA-Z]{1,10}", fullmatch=True),
        st.binary(max_size=8),
    ),
    "number": st.one_of(
        st.integers().map(str),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.from_regex(r"[-+ ]?[0-9٠-٩０-９]{1,24}", fullmatch=True),
        st.floats().map(repr),
    ),
    "date": st.one_of(
        st.dates().map(date.isoformat),
        st.from_regex(r"-?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}", fullmatch=True),
        st.datetimes().map(str),
        st.text(max_size=12),
    ),
    "time": st.one_of(
        st.times().map(str),
        st.from_regex(r"-?[0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3})?", fullmatch=True),
        st.text(max_size=10),
    ),
    "zone": st.one_of(
        st.sampled_from(ZONES),
        st.from_regex(r"[A-Za-z_]{1,12}(/[A-Za-z_+0-9-]{1,14}){0,3}", fullmatch=True),
        st.text(max_size=20),
    ),
    "colour": st.one_of(
        st.from_regex(r"#?[0-9a-zA-Z]{0,8}", fullmatch=True), st.text(max_size=10)
    ),
    "url": st.one_of(
        st.builds(
            "{}://{}{}?{}".format,
            st.sampled_from(["http", "https", "HTTP", "ftp", ""]),
            st.sampled_from(["pressroom.test", "evil.example", "pressroom.test:80", ""]),
            st.sampled_from(
                ["/widgets/clock", "/widgets/latest", "/widgets/counter/1", "/widgets/statement/1",
                 "/en/statements/1/x", "/en/", "/staff/", "", "/"]
            ),
            st.text(max_size=30),
        ),
        st.text(),
    ),
    "path": st.one_of(
        st.lists(
            st.sampled_from(["css", "js", "vendor", "site.css", "..", ".", "", "%2e", "\\", "~"]),
            max_size=6,
        ).map("/".join),
        st.text(max_size=30),
    ),
    "token": st.one_of(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.="),
        st.binary(max_size=40),
    ),
    "accept-language": st.one_of(
        st.lists(
            st.tuples(st.from_regex(r"[a-zA-Z*-]{0,10}", fullmatch=True), st.floats()),
            max_size=6,
        ).map(lambda pairs: ",".join(f"{tag};q={q}" for tag, q in pairs)),
        st.text(max_size=40),
    ),
    "host": st.one_of(
        st.from_regex(r"[a-zA-Z0-9.:\[\]@-]{0,40}", fullmatch=True),
        st.text(max_size=30),
        st.binary(max_size=20),
    ),
    "cookie": st.one_of(
        st.dictionaries(st.text(max_size=10), st.text(max_size=20), max_size=4).map(
            lambda d: "; ".join(f"{k}={v}" for k, v in d.items())
        ),
        st.text(max_size=20).map(lambda v: f"session={v}"),
        st.binary(max_size=30),
    ),
    "etag": st.one_of(
        st.lists(st.tuples(st.booleans(), st.text(max_size=20)), max_size=4).map(
            lambda tags: ", ".join(f'{"W/" if weak else ""}"{tag}"' for weak, tag in tags)
        ),
        st.text(max_size=30),
    ),
    "hx": st.one_of(st.text(max_size=20), st.binary(max_size=8)),
}

#: Hypothesis draws lists of values, EXAMPLES lists of DRAWN each: far quicker than one value
#: per example, and still a few hundred distinct values of each kind.
EXAMPLES, DRAWN = 10, 60


@cache
def generated(kind: str) -> tuple[bytes, ...]:
    """Return distinct values Hypothesis generates for `kind`, the same on every run."""
    found: dict[bytes, None] = {}

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(_encoded(STRATEGIES[kind]), min_size=DRAWN, max_size=DRAWN))
    def collect(drawn):
        for value in drawn:
            found.setdefault(value, None)

    collect()
    return tuple(found)


def curated(kind: str) -> list[bytes]:
    """Return the curated values for an input of `kind`: the common ones, then its own."""
    return list(dict.fromkeys([*CURATED, *BY_KIND.get(kind, ())]))


def values(kind: str, slot: int) -> list[bytes]:
    """Return PER_SLOT distinct bad values for an input of `kind`: the curated ones first, then
    generated ones, a different window of them for each `slot`."""
    chosen = dict.fromkeys(curated(kind))
    pool = generated(kind)
    start = (slot * 97) % len(pool)
    for value in pool[start:] + pool[:start]:
        if len(chosen) >= PER_SLOT:
            break
        chosen.setdefault(value, None)
    return list(chosen)
