"""Words for search: what a word is, its lexeme in each language, queries, and snippets.

Pure functions (no Flask, no database), shared by both search engines so that they agree. Python
decides what the words of a text or a query are: it folds case and `ё` into `е`, drops invisible
characters (soft hyphens, direction marks, combining accents) and cuts text at anything that is
not a letter or a digit. PostgreSQL is then given those words, one space apart, and turns them into
lexemes with the `english` or `russian` configuration of the text's language; the SQLite index is
given the lexemes this module computes with the same Snowball stemmers (PyStemmer) and the same
stop words, one token per position. Both engines thus see the same words at the same positions;
tests/test_search_analysis.py compares them with PostgreSQL word for word.

The query language is web-search style, like PostgreSQL's `websearch_to_tsquery`: words are all
required, `"a phrase"` must appear as written (stop words inside it stand for any word), `-word`
or `-"a phrase"` must not appear, and `or` between words offers alternatives. Everything else is
text. A parsed query is written out for each engine in a form that leaves nothing to interpret:
every literal quoted, so no operator, bracket, colon or star a visitor types ever reaches
PostgreSQL's or FTS5's own query syntax.
"""

import html
import re
import threading
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from itertools import accumulate

import Stemmer
from markupsafe import Markup, escape

from .stopwords import ENGLISH, RUSSIAN

#: PostgreSQL's text-search configuration for each language of the site.
CONFIGS = {"en": "english", "ru": "russian"}
#: Words longer than this are left out of the index and of queries (no language has them; a
#: pasted hash or a run of letters does).
MAX_WORD = 100
#: A run of letters and digits (no underscore) is a word.
WORD = re.compile(r"[^\W_]+")
#: WORD as `split` takes it: a text's pieces, the words and what lies between them, in turn.
_WORDS_AND_GAPS = re.compile(r"([^\W_]+)")
#: Typographic quotation marks a query may use instead of `"`.
QUOTES = str.maketrans(dict.fromkeys("«»“”„", '"'))
#: Characters that end an unquoted query term besides white space (PostgreSQL's tsquery
#: operators and the weight marker): typed, they separate words and mean nothing else.
TERM_ENDS = frozenset('"!&|()<:')
#: Categories of characters that are dropped before anything else: format characters (soft
#: hyphen, zero-width spaces and joiners, direction marks), private-use and surrogate code
#: points, and combining marks (stress accents on Russian vowels).
INVISIBLE = frozenset(("Cf", "Co", "Cs", "Mn", "Me"))
#: What an FTS5 index stores for a stop word: it keeps the positions of the words around it.
STOP = "\ue001"
#: Marks a lexeme that the FTS5 index stores hex-encoded (see `fts5_token`).
ENCODED = "\ue000"
#: Lexemes made of these characters only are stored in FTS5 as they are.
PLAIN_LEXEME = re.compile(r"[0-9a-zа-я]+")
#: The sentinels PostgreSQL's ts_headline puts around matched words: private-use characters,
#: which `clean` removes from every text first, so no text can contain them.
MARK_START, MARK_END = "\ue002", "\ue003"


class _Cleaner(dict):
    """A `str.translate` table filled on first use: invisible characters go, controls become
    spaces, everything else stays."""

    def __missing__(self, code: int):
        """Decide what happens to one code point, once."""
        category = unicodedata.category(chr(code))
        if category in INVISIBLE:
            value = None
        elif category == "Cc":
            value = " "
        else:
            value = code
        self[code] = value
        return value


_CLEANER = _Cleaner()


#: Text made only of these (printable Latin, Greek, Cyrillic, common punctuation) has nothing
#: to clean once it is composed: `clean` returns it as it is (tested against the table above).
_PLAIN = re.compile(
    "[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027"
    "\u2030-\u205f\u20a0-\u20bf\u2116]*"
)


def clean(text: str) -> str:
    """Return `text` composed (NFC), without invisible characters, controls as spaces."""
    if _PLAIN.fullmatch(text) and unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text).translate(_CLEANER)


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment; block elements end a line."""

    BLOCKS = frozenset(
        ("address", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "h1", "h2", "h3",
         "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul")
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        """Separate blocks, so words on either side of a boundary stay apart."""
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        """Separate blocks at their end too."""
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        """Keep the text (character references already decoded)."""
        self.parts.append(data)


#: A tag as the sanitiser writes it (whole, its attribute values quoted), and its name.
_TAG = re.compile(r"""</?([A-Za-z][A-Za-z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")


def _tag_text(match: re.Match) -> str:
    """Return what a tag leaves in the text: a line end for a block element, else nothing."""
    return "\n" if match.group(1).lower() in _TextOnly.BLOCKS else ""


def plain_text(html: str) -> str:
    """Return the visible text of a sanitised HTML body, cleaned, on one line.

    A stored body is the sanitiser's output: whole tags, and `<` in text written `&lt;`. Its
    tags are then removed by one regular expression (0.06 ms for a body of 4,000 characters,
    0.08 with the HTML parser; a results page reads twenty); anything else (a comment, a stray
    `<`) goes through the parser, which gives the same text (tests/test_search_analysis.py).
    """
    if "<!" in html or "<?" in html:
        return _parsed_text(html)
    text = _TAG.sub(_tag_text, html)
    if "<" in text:
        return _parsed_text(html)
    return _one_line(unescape(text))


def _one_line(text: str) -> str:
    """Return a text cleaned, its runs of white space as one space, without space around."""
    text = " ".join(text.split())
    cleaned = clean(text)
    # Cleaning turns controls into spaces; text without any comes back as it was.
    return text if cleaned is text else " ".join(cleaned.split())


def _parsed_text(html: str) -> str:
    """Return `plain_text` of any HTML, read by the standard library's parser."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return _one_line("".join(parser.parts))


@dataclass(frozen=True)
class Word:
    """A word of a text: where it is (in the cleaned text) and its normalised form."""

    start: int
    end: int
    text: str


def _normal(word: str) -> str:
    """Return a word of a cleaned text in lower case, `ё` as `е`."""
    low = word.lower()
    if not low.isalnum():
        low = clean(low)  # lower case can add a combining mark (İ → i̇)
    return low.replace("ё", "е")


def words(text: str) -> list[Word]:
    """Return the words of a cleaned text: lower case, `ё` as `е`, at most MAX_WORD long."""
    found = []
    for match in WORD.finditer(text):
        normal = _normal(match.group())
        if normal and len(normal) <= MAX_WORD:
            found.append(Word(match.start(), match.end(), normal))
    return found


def word_texts(text: str) -> list[str]:
    """Return the normalised words of a cleaned text, as `words` does, faster (no places)."""
    found = WORD.findall(clean(text.lower()).replace("ё", "е"))
    return [w for w in found if len(w) <= MAX_WORD]


_local = threading.local()


def _stemmer(name: str) -> Stemmer.Stemmer:
    """Return this thread's Snowball stemmer for `name` (stemmers are not thread-safe)."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if name not in stemmers:
        stemmers[name] = Stemmer.Stemmer(name)
    return stemmers[name]


@lru_cache(maxsize=65536)
def lexeme(word: str, lang: str) -> str | None:
    """Return the lexeme of a normalised word in `lang`, or None for a stop word.

    As PostgreSQL's configurations do: a word with a digit is kept as it is (the `simple`
    dictionary); a word of ASCII letters is English in both languages (Russian text quotes
    English names); any other word is stemmed in the text's language.
    """
    if not word.isalpha() and any("0" <= ch <= "9" for ch in word):
        return word
    if word.isascii() or CONFIGS[lang] == "english":
        stop, stemmer = ENGLISH, "english"
    else:
        stop, stemmer = RUSSIAN, "russian"
    if word in stop:
        return None
    return _stemmer(stemmer).stemWord(word)


def lexemes(text: str, lang: str) -> list[str | None]:
    """Return the lexeme at each position of a cleaned text (None for a stop word)."""
    return [lexeme(w, lang) for w in word_texts(text)]


def fts5_token(lex: str) -> str:
    """Return a lexeme as one FTS5 token.

    Most lexemes are Latin or Cyrillic letters and digits, which FTS5's `unicode61` tokenizer
    keeps whole; any other is hex-encoded behind a private-use mark, so no tokenizer rule can
    split it or fold it into another.
    """
    if PLAIN_LEXEME.fullmatch(lex):
        return lex
    return ENCODED + lex.encode().hex()


@lru_cache(maxsize=65536)
def _fts5_word(word: str, lang: str) -> str:
    """Return the FTS5 token of a normalised word in `lang` (STOP for a stop word)."""
    lex = lexeme(word, lang)
    return STOP if lex is None else fts5_token(lex)


def fts5_text(text: str, lang: str) -> str:
    """Return a cleaned text as the FTS5 index stores it: a token per position."""
    return " ".join([_fts5_word(w, lang) for w in word_texts(text)])


def postgresql_text(text: str) -> str:
    """Return a cleaned text as PostgreSQL's `to_tsvector` is given it: its words, a space
    apart, so PostgreSQL's parser finds exactly these words and nothing else."""
    return " ".join(word_texts(text))


@dataclass(frozen=True)
class Phrase:
    """Words that must appear in this order (one word is a phrase too)."""

    #: The normalised words, from the first to the last that is not a stop word.
    words: tuple[str, ...]
    #: The lexeme of each word; None for a stop word (any word may stand there).
    lexemes: tuple[str | None, ...]

    def postgresql(self) -> str:
        """Return the phrase quoted for `websearch_to_tsquery`."""
        return '"' + " ".join(self.words) + '"'

    def fts5(self) -> str:
        """Return the phrase quoted for an FTS5 MATCH."""
        return '"' + " ".join(STOP if x is None else fts5_token(x) for x in self.lexemes) + '"'


def phrase(text: str, lang: str) -> Phrase | None:
    """Return the phrase a query term makes in `lang`, or None when it has no lexeme."""
    found = [(w.text, lexeme(w.text, lang)) for w in words(clean(text))]
    while found and found[0][1] is None:
        found.pop(0)
    while found and found[-1][1] is None:
        found.pop()
    if not found:
        return None
    return Phrase(tuple(w for w, _ in found), tuple(lex for _, lex in found))


@dataclass(frozen=True)
class Clause:
    """One alternative of a query: every phrase of `wanted`, and none of `unwanted`."""

    wanted: tuple[Phrase, ...]
    unwanted: tuple[Phrase, ...]

    def postgresql(self) -> str:
        """Return the clause in `websearch_to_tsquery` syntax."""
        return " ".join(
            [p.postgresql() for p in self.wanted] + ["-" + p.postgresql() for p in self.unwanted]
        )

    def fts5(self) -> str:
        """Return the clause in FTS5 MATCH syntax."""
        expression = " AND ".join(p.fts5() for p in self.wanted)
        for p in self.unwanted:
            expression = f"({expression}) NOT {p.fts5()}"
        return expression


@dataclass(frozen=True)
class Query:
    """A parsed search: alternatives (`or`), each a clause; empty when nothing can be sought."""

    lang: str
    clauses: tuple[Clause, ...]

    def __bool__(self) -> bool:
        """Tell whether the query has anything to look for."""
        return bool(self.clauses)

    def postgresql(self) -> str:
        """Return the query for `websearch_to_tsquery`, every literal quoted."""
        return " or ".join(c.postgresql() for c in self.clauses)

    def fts5(self) -> str:
        """Return the query as an FTS5 MATCH expression, every literal quoted."""
        return " OR ".join(f"({c.fts5()})" for c in self.clauses)

    @property
    def wanted_lexemes(self) -> frozenset[str]:
        """Return the lexemes a snippet marks: those of the wanted phrases."""
        return frozenset(
            lex for c in self.clauses for p in c.wanted for lex in p.lexemes if lex is not None
        )


@dataclass(frozen=True)
class _Term:
    """A query term as typed: its text, whether quoted, and whether negated."""

    text: str
    quoted: bool = False
    negated: bool = False


def _terms(text: str) -> list[_Term | None]:
    """Split a query into terms; None stands for an `or` between two terms."""
    terms: list[_Term | None] = []
    negated = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end  # an unclosed quote runs to the end
            terms.append(_Term(text[i + 1 : end], quoted=True, negated=negated))
            negated, i = False, end + 1
        elif ch == "-":
            negated = not negated  # as PostgreSQL: `--word` wants the word
            i += 1
        elif ch.isspace() or ch in TERM_ENDS:
            i += 1
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] not in TERM_ENDS:
                end += 1
            terms.append(_Term(text[i:end], negated=negated))
            negated, i = False, end
    # `or` separates alternatives only between two terms; anywhere else it is the word "or".
    for k, term in enumerate(terms):
        if (
            term is not None
            and not term.quoted
            and not term.negated
            and term.text.lower() == "or"
            and 0 < k < len(terms) - 1
            and terms[k - 1] is not None
        ):
            terms[k] = None
    return terms


def parse(text: str, lang: str) -> Query:
    """Parse a visitor's query for `lang`.

    Stop words and words without letters or digits drop out; an alternative with nothing
    wanted (only stop words, or only exclusions) drops out too, since it would match nearly
    every statement.
    """
    clauses: list[Clause] = []
    wanted: list[Phrase] = []
    unwanted: list[Phrase] = []
    for term in [*_terms(clean(text).translate(QUOTES)), None]:
        if term is None:
            if wanted:
                clauses.append(Clause(tuple(wanted), tuple(unwanted)))
            wanted, unwanted = [], []
            continue
        found = phrase(term.text, lang)
        if found is not None:
            (unwanted if term.negated else wanted).append(found)
    return Query(lang, tuple(clauses))


@dataclass(frozen=True)
class Document:
    """A statement text ready for either index: the cleaned title, lead and body text."""

    lang: str
    title: str
    lead: str
    body: str

    @classmethod
    def of(cls, lang: str, title: str, lead: str, body_html: str) -> "Document":
        """Return the document of a stored text (the body is sanitised HTML)."""
        return cls(lang, clean(title), clean(lead), plain_text(body_html))

    @property
    def summary(self) -> str:
        """Return the text a snippet is cut from: the lead, then the body."""
        return f"{self.lead} {self.body}".strip()


#: What `_spelling_lexeme` says of a spelling too long to be a word (no lexeme is this).
NO_WORD = "\ue004"


@lru_cache(maxsize=16384)
def _spelling_lexeme(spelling: str, lang: str) -> str | None:
    """Return the lexeme of a word as a text spells it (None for a stop word), or NO_WORD for
    a spelling that is no word (too long): `words` normalises, then `lexeme` stems."""
    normal = _normal(spelling)
    if not normal or len(normal) > MAX_WORD:
        return NO_WORD
    return lexeme(normal, lang)


def _best_cluster(hits: list[int], size: int) -> int:
    """Return the first of the hits (ascending word numbers) that starts the window of `size`
    words holding the most hits."""
    best, most, j = hits[0], 0, 0
    for i, k in enumerate(hits):
        while j < len(hits) and hits[j] < k + size:
            j += 1
        if j - i > most:
            best, most = k, j - i
    return best


@dataclass(frozen=True)
class _Window:
    """The words of a text a snippet shows: where they start and end, where each shown word
    starts and ends, and which of them (counted from the first shown) are wanted."""

    start: int
    end: int
    spans: list[tuple[int, int]]
    hits: list[int]


#: How much of a text, in characters, a snippet is first chosen from: its best cluster of
#: matches there, when it holds one; the rest of a longer text is read only when it holds none.
#: A statement says what matters first, and a results page cuts twenty snippets.
SCAN_FIRST = 1200


def _window(text: str, lang: str, wanted: frozenset[str], size: int) -> _Window | None:
    """Return the `size` words of a cleaned text around its best cluster of wanted lexemes
    within its first SCAN_FIRST characters, else within the whole text (its first words when
    none is there), None for a text without words."""
    if len(text) > SCAN_FIRST:
        cut = text.rfind(" ", 0, SCAN_FIRST)  # whole words only
        if cut > 0:
            window = _window_within(text, cut, lang, wanted, size)
            if window is not None and window.hits:
                return window
    return _window_within(text, len(text), lang, wanted, size)


def _window_within(
    text: str, stop: int, lang: str, wanted: frozenset[str], size: int
) -> _Window | None:
    """Return `_window` of the words of a cleaned text that end by `stop`.

    The words are those of `words`, but found by the regular expression engine in one pass,
    their places added up from the lengths of the pieces it cuts (a second pass to find the
    shown words' places took about 40 µs a text), and each different spelling normalised and
    stemmed once: a results page cuts 20 snippets from texts of thousands of words at every
    search.
    """
    pieces = _WORDS_AND_GAPS.split(text if stop == len(text) else text[:stop])
    spellings = pieces[1::2]
    # Word k is piece 2k + 1: it starts where piece 2k ends and ends where it ends.
    ends = list(accumulate(map(len, pieces)))
    starts, stops = ends[0:-1:2], ends[1::2]
    found = {spelling: _spelling_lexeme(spelling, lang) for spelling in set(spellings)}
    if NO_WORD in found.values():
        kept = [k for k, spelling in enumerate(spellings) if found[spelling] != NO_WORD]
        spellings = [spellings[k] for k in kept]
        starts, stops = [starts[k] for k in kept], [stops[k] for k in kept]
    if not spellings:
        return None
    hit_spellings = {spelling for spelling, lex in found.items() if lex in wanted}
    hits = [k for k, spelling in enumerate(spellings) if spelling in hit_spellings]
    first = 0
    if hits:
        # The window of `size` words that starts at a hit and holds the most hits; then a few
        # words of context before it.
        first = max(0, min(_best_cluster(hits, size) - 5, len(spellings) - size))
    last = min(len(spellings), first + size)
    return _Window(
        0 if first == 0 else starts[first],
        len(text) if last == len(spellings) and stop == len(text) else stops[last - 1],
        list(zip(starts[first:last], stops[first:last], strict=True)),
        [k - first for k in hits[bisect_left(hits, first) : bisect_left(hits, last)]],
    )


def snippet(text: str, lang: str, wanted: frozenset[str], size: int = 30) -> Markup:
    """Return about `size` words of a cleaned text around its best cluster of wanted lexemes,
    escaped, with each wanted word in <mark> (the start of the text when none is there)."""
    window = _window(text, lang, wanted, size)
    if window is None:
        return Markup("")
    parts, at = [], window.start
    for k in window.hits:
        w_start, w_end = window.spans[k]
        parts += [escape(text[at:w_start]), Markup("<mark>"), escape(text[w_start:w_end])]
        parts.append(Markup("</mark>"))
        at = w_end
    parts.append(escape(text[at : window.end]))
    body = Markup("").join(parts)
    return Markup("").join(
        [
            Markup("… ") if window.start > 0 else Markup(""),
            body,
            Markup(" …") if window.end < len(text) else "",
        ]
    )


def excerpt(text: str, lang: str, wanted: frozenset[str], size: int) -> str:
    """Return the `size` words of a cleaned text around its best cluster of wanted lexemes (all
    of a short text), as `snippet` chooses them."""
    window = _window(text, lang, wanted, size)
    return "" if window is None else text[window.start : window.end]


def for_headline(text: str) -> str:
    """Return a cleaned text as ts_headline is given it: with `&`, `<` and `>` escaped, as
    PostgreSQL's parser would otherwise take `<script>` in the text for a tag and drop it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def from_headline(headline: str, text: str) -> Markup:
    """Return what ts_headline made of `for_headline(text)` (its matches between the MARK_*
    sentinels) as escaped HTML with <mark>, and an ellipsis where it cuts the text.

    Each piece between sentinels is unescaped and escaped again, so whatever PostgreSQL
    returns, the only markup is ours.
    """
    parts, bare, open_mark = [], [], False
    for piece in re.split(f"({MARK_START}|{MARK_END})", headline):
        if piece == MARK_START and not open_mark:
            parts.append(Markup("<mark>"))
            open_mark = True
        elif piece == MARK_END and open_mark:
            parts.append(Markup("</mark>"))
            open_mark = False
        elif piece not in (MARK_START, MARK_END):
            plain = html.unescape(piece)
            parts.append(escape(plain))
            bare.append(plain)
    if open_mark:
        parts.append(Markup("</mark>"))
    shown = "".join(bare).strip()
    lead = Markup("… ") if shown and not text.startswith(shown) else Markup("")
    tail = Markup(" …") if shown and not text.endswith(shown) else Markup("")
    return Markup(lead + Markup("").join(parts).strip() + tail)
