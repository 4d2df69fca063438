"""The kiosk's one search over service items, FAQs and notices.

Everything that depends only on documents (folded text, pinyin forms, the table of common
phrases per initials) is computed in ``SearchIndex.build``/``add``; a query only folds itself
and runs ``str`` operations over those precomputed forms, so the sample catalog (~120
documents) answers in about a third of a millisecond (benchmarks/bench_search.py). A catalog
this size is scanned linearly: per-document blobs rule most documents out with one ``in``
test, which is simpler than an inverted index for substrings, syllable boundaries and
initials and fast enough up to a few thousand documents.

Ranking is by tiers (see ``Tier``): a match in a higher tier always wins; inside a tier a
bonus below 1 prefers matches that cover more of the field and start earlier; at equal score
items come before FAQs before notices, then catalog order.

The index is copy-on-write: ``add``/``remove`` replace an immutable snapshot, so a FAQ
published while the kiosk is searching appears at the next query and a search running on
another thread never sees a half-updated index.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum

from kiosk.search.documents import KIND_ORDER, SearchDoc
from kiosk.search.pinyin import PinyinForm, PinyinMatch, pinyin_form
from kiosk.search.text import NormText, is_cjk, normalize, normalize_query

__all__ = ["MatchKind", "SearchHit", "SearchIndex", "Tier"]

Span = tuple[int, int]


class Tier(IntEnum):
    """Score bases, best first. The bonus inside a tier is below 1, so it never crosses one."""

    TITLE_EXACT = 100
    TITLE_PREFIX = 90
    TITLE_SUBSTRING = 80
    KEYWORD_EXACT = 72
    KEYWORD_SUBSTRING = 68
    PINYIN_TITLE_EXACT = 66
    PINYIN_TITLE_PREFIX = 64
    PINYIN_TITLE = 62
    PINYIN_KEYWORD_EXACT = 60
    PINYIN_KEYWORD = 58
    # Initials are ambiguous ("hk": 户口, 换卡; "yb": 医保, 失业保险), so, like an input
    # method, the catalog's most common phrase with those initials (``_Snapshot.likely``)
    # is searched as if typed in Chinese; other initials matches follow.
    LIKELY_TITLE_EXACT = 56
    LIKELY_TITLE_PREFIX = 55
    LIKELY_TITLE = 54
    LIKELY_KEYWORD_EXACT = 53
    LIKELY_KEYWORD = 52
    INITIALS_TITLE_EXACT = 50
    INITIALS_TITLE_PREFIX = 49
    INITIALS_KEYWORD_EXACT = 48
    INITIALS_KEYWORD_PREFIX = 47
    INITIALS_TITLE = 46
    INITIALS_KEYWORD = 44
    TITLE_INSIDE_WORD = 40
    ALTERNATIVE_TITLE = 36  # pinyin needing another reading of a polyphonic character
    BODY = 30
    MIXED_TITLE = 26
    PARTIAL = 10


# A query of several words that all match scores its weakest word's tier minus this.
_WORDS_PENALTY = 3
# A partial (fallback) match needs at least this share of the query's character pairs.
_PARTIAL_MIN_SHARE = 0.5


class MatchKind(StrEnum):
    """How the query matched; the UI may show it (e.g. "按拼音匹配")."""

    EXACT = "exact"
    PREFIX = "prefix"
    SUBSTRING = "substring"
    WORDS = "words"  # every word of a multi-word query matched somewhere
    PINYIN = "pinyin"
    INITIALS = "initials"
    MIXED = "mixed"  # pinyin with some syllables abbreviated
    PARTIAL = "partial"  # most character pairs of a long Chinese query


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result.

    ``field`` is where the best match was: "title_zh", "title_en", "keywords", "body_zh",
    "body_en" or "id". ``highlights`` are ``[start, end)`` character spans in
    ``doc.title(lang)`` for the ``lang`` the search was made in (empty when the title itself
    did not match, e.g. a body-only match).
    """

    doc: SearchDoc
    score: float
    field: str
    match: MatchKind
    highlights: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class _Query:
    text: str  # folded, spaces collapsed
    compact: str  # letters only when the query is pinyin-like, else ""
    words: tuple[_Query, ...]  # each word as a query of its own when there are several
    ascii_start: bool  # literal matches must start at a word boundary
    cjk: bool
    likely: str = ""  # the catalog's most common phrase whose initials are ``compact``


@dataclass(frozen=True, slots=True)
class _Match:
    score: float
    field: str
    kind: MatchKind
    spans: tuple[Span, ...] = ()  # in the original text of ``field`` when it is a title


@dataclass(frozen=True, slots=True)
class _Entry:
    doc: SearchDoc
    order: tuple[int, int]  # kind rank, insertion sequence
    title_zh: NormText
    title_en: NormText
    keywords: tuple[str, ...]
    id: str
    body_zh: str
    body_en: str
    py_title: PinyinForm
    py_keywords: tuple[PinyinForm, ...]
    phrases: Mapping[str, tuple[str, int]]  # phrase -> (initials, weight) in title, keywords
    # Whole-document blobs (parts joined by a newline, which no query contains): one ``in``
    # test rules a document out before its fields are looked at one by one.
    keyword_blob: str
    full_blob: str
    initials_blob: str

    @classmethod
    def of(cls, doc: SearchDoc, seq: int) -> _Entry:
        py_title = pinyin_form(doc.title_zh)
        py_keywords = tuple(pinyin_form(k) for k in doc.keywords if k.strip())
        forms = (py_title, *py_keywords)
        keywords = tuple(k for k in (normalize_query(k) for k in doc.keywords) if k)
        return cls(
            doc=doc,
            order=(KIND_ORDER.get(doc.kind, len(KIND_ORDER)), seq),
            title_zh=normalize(doc.title_zh),
            title_en=normalize(doc.title_en),
            keywords=keywords,
            id=normalize_query(doc.id),
            body_zh=normalize(doc.body_zh).text,
            body_en=normalize(doc.body_en).text,
            py_title=py_title,
            py_keywords=py_keywords,
            phrases=_phrases(forms),
            keyword_blob="\n".join(keywords),
            full_blob="\n".join(f.full for f in forms),
            initials_blob="\n".join(f.initials for f in forms),
        )


def _phrases(forms: Iterable[PinyinForm]) -> dict[str, tuple[str, int]]:
    """Each phrase of a document once, with its highest weight (see ``PinyinForm.phrases``)."""
    out: dict[str, tuple[str, int]] = {}
    for form in forms:
        for initials, phrase, weight in form.phrases():
            if weight > out.get(phrase, ("", 0))[1]:
                out[phrase] = (initials, weight)
    return out


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """What one search reads: immutable, replaced whole by ``add``/``remove``."""

    entries: tuple[_Entry, ...] = ()
    likely: Mapping[str, str] = field(default_factory=dict)  # initials -> common phrase

    @classmethod
    def of(cls, entries: Iterable[_Entry]) -> _Snapshot:
        ordered = tuple(sorted(entries, key=lambda e: e.order))
        counts: dict[str, dict[str, int]] = {}
        first_seen: dict[str, int] = {}
        for e in ordered:
            for phrase, (initials, weight) in e.phrases.items():
                by_phrase = counts.setdefault(initials, {})
                by_phrase[phrase] = by_phrase.get(phrase, 0) + weight
                first_seen.setdefault(phrase, len(first_seen))
        # highest summed weight first; at equal weight the phrase seen first in catalog order
        likely = {
            initials: max(by_phrase, key=lambda p: (by_phrase[p], -first_seen[p]))
            for initials, by_phrase in counts.items()
        }
        return cls(ordered, likely)


def _parse(query: str) -> _Query:
    text = normalize_query(query)
    letters = text.replace(" ", "").replace("'", "")
    pinyin_like = letters.isascii() and letters.isalpha()
    return _Query(
        text=text,
        compact=letters if pinyin_like else "",
        words=tuple(_parse(w) for w in text.split(" ")) if " " in text else (),
        ascii_start=bool(text) and text[0].isascii() and text[0].isalnum(),
        cjk=any(is_cjk(c) for c in text),
    )


def _find_word_start(haystack: str, needle: str) -> int:
    """First occurrence of ``needle`` not preceded by a letter or digit, else -1."""
    pos = haystack.find(needle)
    while pos > 0 and haystack[pos - 1].isalnum() and haystack[pos - 1].isascii():
        pos = haystack.find(needle, pos + 1)
    return pos


def _bonus(covered: int, total: int, pos: int = 0) -> float:
    """Below 1: more of the field covered and an earlier start rank higher inside a tier."""
    if total <= 0:
        return 0.0
    return 0.8 * min(covered, total) / total + 0.19 / (1 + pos)


def _title_literal(q: _Query, norm: NormText, name: str) -> _Match | None:
    text = norm.text
    if not text:
        return None
    n = len(q.text)
    if text == q.text:
        return _Match(Tier.TITLE_EXACT + 0.99, name, MatchKind.EXACT, (norm.span(0, n),))
    pos = _find_word_start(text, q.text) if q.ascii_start else text.find(q.text)
    if pos == 0:
        return _Match(
            Tier.TITLE_PREFIX + _bonus(n, len(text)), name, MatchKind.PREFIX, (norm.span(0, n),)
        )
    if pos > 0:
        return _Match(
            Tier.TITLE_SUBSTRING + _bonus(n, len(text), pos),
            name,
            MatchKind.SUBSTRING,
            (norm.span(pos, pos + n),),
        )
    if q.ascii_start:
        pos = text.find(q.text)
        if pos > 0:
            return _Match(
                Tier.TITLE_INSIDE_WORD + _bonus(n, len(text), pos),
                name,
                MatchKind.SUBSTRING,
                (norm.span(pos, pos + n),),
            )
    return None


def _keyword_literal(q: _Query, e: _Entry) -> _Match | None:
    best: _Match | None = None
    if q.text == e.id:
        best = _Match(Tier.KEYWORD_EXACT + 0.99, "id", MatchKind.EXACT)
    elif q.text not in e.keyword_blob:
        return None
    for kw in e.keywords:
        if kw == q.text:
            return _Match(Tier.KEYWORD_EXACT + 0.99, "keywords", MatchKind.EXACT)
        pos = _find_word_start(kw, q.text) if q.ascii_start else kw.find(q.text)
        if pos >= 0:
            score = Tier.KEYWORD_SUBSTRING + _bonus(len(q.text), len(kw), pos)
            if best is None or score > best.score:
                best = _Match(score, "keywords", MatchKind.SUBSTRING)
    return best


def _positional(m: PinyinMatch, size: int, tiers: tuple[Tier, Tier, Tier]) -> float:
    """Score of a pinyin match by position: whole text, at its start, or inside."""
    exact, prefix, inside = tiers
    base = exact if (m.start, m.end) == (0, size) else prefix if m.start == 0 else inside
    return base + _bonus(m.end - m.start, size, m.start)


_FULL_TITLE = (Tier.PINYIN_TITLE_EXACT, Tier.PINYIN_TITLE_PREFIX, Tier.PINYIN_TITLE)
_FULL_KEYWORD = (Tier.PINYIN_KEYWORD_EXACT, Tier.PINYIN_KEYWORD, Tier.PINYIN_KEYWORD)
_INITIALS_TITLE = (Tier.INITIALS_TITLE_EXACT, Tier.INITIALS_TITLE_PREFIX, Tier.INITIALS_TITLE)
_INITIALS_KEYWORD = (
    Tier.INITIALS_KEYWORD_EXACT,
    Tier.INITIALS_KEYWORD_PREFIX,
    Tier.INITIALS_KEYWORD,
)


def _likely(phrase: str, e: _Entry) -> _Match | None:
    """The likely phrase for an initials query, matched literally like a Chinese query."""
    norm = e.title_zh
    pos = norm.text.find(phrase)
    if pos >= 0:
        n, size = len(phrase), len(norm.text)
        tier = (
            Tier.LIKELY_TITLE_EXACT
            if n == size
            else Tier.LIKELY_TITLE_PREFIX
            if pos == 0
            else Tier.LIKELY_TITLE
        )
        spans = (norm.span(pos, pos + n),)
        return _Match(tier + _bonus(n, size, pos), "title_zh", MatchKind.INITIALS, spans)
    if phrase not in e.keyword_blob:
        return None
    best: _Match | None = None
    for kw in e.keywords:
        if kw == phrase:
            return _Match(Tier.LIKELY_KEYWORD_EXACT + 0.99, "keywords", MatchKind.INITIALS)
        if (pos := kw.find(phrase)) >= 0:
            score = Tier.LIKELY_KEYWORD + _bonus(len(phrase), len(kw), pos)
            if best is None or score > best.score:
                best = _Match(score, "keywords", MatchKind.INITIALS)
    return best


def _pinyin(q: _Query, e: _Entry) -> _Match | None:
    """Full pinyin (title, then keywords), then initials (title and keywords by tier)."""
    title, letters = e.py_title, q.compact
    if letters in e.full_blob:
        if m := title.match_full(letters):
            span = (title.char_span(m),)
            score = _positional(m, title.size, _FULL_TITLE)
            return _Match(score, "title_zh", MatchKind.PINYIN, span)
        if best := _keyword_pinyin(letters, e, PinyinForm.match_full, _FULL_KEYWORD):
            return best
    if q.likely and (best := _likely(q.likely, e)):
        return best
    if letters not in e.initials_blob:
        return None
    in_title = None
    if m := title.match_initials(letters):
        score = _positional(m, title.size, _INITIALS_TITLE)
        in_title = _Match(score, "title_zh", MatchKind.INITIALS, (title.char_span(m),))
    return _best(
        in_title, _keyword_pinyin(letters, e, PinyinForm.match_initials, _INITIALS_KEYWORD)
    )


def _keyword_pinyin(
    q: str,
    e: _Entry,
    matcher: Callable[[PinyinForm, str], PinyinMatch | None],
    tiers: tuple[Tier, Tier, Tier],
) -> _Match | None:
    best: _Match | None = None
    for form in e.py_keywords:
        if (m := matcher(form, q)) is not None:
            score = _positional(m, form.size, tiers)
            if best is None or score > best.score:
                best = _Match(score, "keywords", _pinyin_kind(m))
    return best


def _pinyin_kind(m: PinyinMatch) -> MatchKind:
    return MatchKind.INITIALS if m.initials else MatchKind.PINYIN


def _alternative(q: str, e: _Entry) -> _Match | None:
    """Pinyin that needs another reading of a polyphonic character; titles only, to stay cheap."""
    title = e.py_title
    if title.letters.issuperset(q) and (m := title.match_alternative(q)):
        score = Tier.ALTERNATIVE_TITLE + _bonus(m.end - m.start, title.size, m.start)
        return _Match(score, "title_zh", _pinyin_kind(m), (title.char_span(m),))
    return None


def _body(q: _Query, e: _Entry) -> _Match | None:
    best: _Match | None = None
    for name, text in (("body_zh", e.body_zh), ("body_en", e.body_en)):
        pos = _find_word_start(text, q.text) if q.ascii_start else text.find(q.text)
        if pos >= 0:
            score = Tier.BODY + _bonus(0, 1, pos)
            if best is None or score > best.score:
                best = _Match(score, name, MatchKind.SUBSTRING)
    return best


def _mixed(q: str, e: _Entry) -> _Match | None:
    """Pinyin with some syllables abbreviated ("shenfz"); titles only, to stay cheap."""
    title = e.py_title
    if m := title.match_mixed(q):
        score = Tier.MIXED_TITLE + _bonus(m.end - m.start, title.size, m.start)
        return _Match(score, "title_zh", MatchKind.MIXED, (title.char_span(m),))
    return None


def _best(a: _Match | None, b: _Match | None) -> _Match | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.score >= b.score else b


def _match(q: _Query, e: _Entry) -> _Match | None:
    """The best match of the whole query in one entry; tiers are tried best first."""
    if m := _best(
        _title_literal(q, e.title_zh, "title_zh"), _title_literal(q, e.title_en, "title_en")
    ):
        if m.score >= Tier.TITLE_SUBSTRING:
            return m
        inside_word: _Match | None = m
    else:
        inside_word = None
    if m := _keyword_literal(q, e):
        return m
    if q.compact and (m := _pinyin(q, e)):
        return m
    if inside_word:
        return inside_word
    if q.compact and (m := _alternative(q.compact, e)):
        return m
    if m := _body(q, e):
        return m
    if q.compact:
        return _mixed(q.compact, e)
    return None


def _match_words(q: _Query, e: _Entry) -> _Match | None:
    """Every word of a multi-word query must match; the weakest word sets the score."""
    matches: list[_Match] = []
    for word in q.words:
        m = _match(word, e)
        if m is None:
            return None
        matches.append(m)
    if not matches:
        return None
    weakest = min(matches, key=lambda m: m.score)
    spans = tuple(s for m in matches if m.field == weakest.field for s in m.spans)
    return _Match(weakest.score - _WORDS_PENALTY, weakest.field, MatchKind.WORDS, spans)


def _match_partial(q: _Query, e: _Entry) -> _Match | None:
    """Share of the query's character pairs found in the title or keywords (last resort).

    An elderly user typing 身份证补办 for 居民身份证补领 still gets the 身份证 documents.
    """
    pairs = [q.text[i : i + 2] for i in range(len(q.text) - 1) if " " not in q.text[i : i + 2]]
    if not pairs:
        return None
    title = e.title_zh.text
    haystacks = (title, *e.keywords)
    found = [p for p in pairs if any(p in h for h in haystacks)]
    share = len(found) / len(pairs)
    if share < _PARTIAL_MIN_SHARE:
        return None
    spans = tuple(e.title_zh.span(pos, pos + 2) for p in found if (pos := title.find(p)) >= 0)
    return _Match(
        Tier.PARTIAL + 0.99 * share, "title_zh" if spans else "keywords", MatchKind.PARTIAL, spans
    )


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for s, t in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(t, merged[-1][1]))
        else:
            merged.append((s, t))
    return tuple(merged)


def _highlights(q: _Query, e: _Entry, m: _Match, lang: str) -> tuple[Span, ...]:
    """Spans in the title shown for ``lang``; recomputed when the best match was elsewhere."""
    shown = "title_en" if lang == "en" and e.doc.title_en else "title_zh"
    if m.field == shown:
        return _merge(m.spans)
    norm = e.title_en if shown == "title_en" else e.title_zh
    found: list[Span] = []
    for word in q.words or (q,):
        pos = norm.text.find(word.text)
        if pos >= 0:
            found.append(norm.span(pos, pos + len(word.text)))
        elif shown == "title_zh" and (letters := word.compact):
            pm = e.py_title.match_full(letters) or e.py_title.match_initials(letters)
            if pm:
                found.append(e.py_title.char_span(pm))
    return _merge(found)


class SearchIndex:
    """Search over a catalog's items, FAQs and notices together."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._snapshot = _Snapshot()
        self._seq = 0
        self._lock = threading.Lock()

    @classmethod
    def build(cls, docs: Iterable[SearchDoc]) -> SearchIndex:
        """Index ``docs`` (e.g. ``docs_from_catalog(catalog)``); their order breaks ties."""
        index = cls()
        with index._lock:
            for doc in docs:
                index._put(doc)
            index._publish()
        return index

    def __len__(self) -> int:
        return len(self._snapshot.entries)

    def __contains__(self, doc_id: object) -> bool:
        return any(e.doc.id == doc_id for e in self._snapshot.entries)

    @property
    def docs(self) -> tuple[SearchDoc, ...]:
        """The indexed documents in tie-break order."""
        return tuple(e.doc for e in self._snapshot.entries)

    def add(self, doc: SearchDoc) -> None:
        """Index one document at once (a FAQ just published); replaces one of the same kind and id.

        A replaced document keeps its place in the tie-break order.
        """
        with self._lock:
            self._put(doc)
            self._publish()

    def remove(self, doc_id: str, kind: str | None = None) -> bool:
        """Drop the document(s) with ``doc_id`` (of ``kind`` if given); False if there was none."""
        with self._lock:
            keys = [k for k in self._entries if k[1] == doc_id and kind in (None, k[0])]
            for k in keys:
                del self._entries[k]
            self._publish()
        return bool(keys)

    def _put(self, doc: SearchDoc) -> None:
        key = (doc.kind, doc.id)
        old = self._entries.get(key)
        if old is None:
            self._seq += 1
            seq = self._seq
        else:
            seq = old.order[1]
        self._entries[key] = _Entry.of(doc, seq)

    def _publish(self) -> None:
        self._snapshot = _Snapshot.of(self._entries.values())

    def search(self, query: str, limit: int = 20, lang: str = "zh") -> list[SearchHit]:
        """Best matches first; an empty or blank query returns [].

        ``lang`` ("zh" or "en") only chooses the title the highlight spans refer to: both
        languages, pinyin and keywords are always searched, because a citizen may type
        pinyin or English whatever the screen language.
        """
        q = _parse(query)
        if not q.text or limit <= 0:
            return []
        snapshot = self._snapshot
        entries = snapshot.entries
        if len(q.compact) >= 2 and (likely := snapshot.likely.get(q.compact)):
            q = replace(q, likely=likely)
        # 户口 迁移: Chinese typed with spaces is also tried as one phrase
        joined = _parse(q.text.replace(" ", "")) if q.cjk and q.words else None
        found: list[tuple[_Match, _Entry]] = []
        for e in entries:
            m = _match(q, e)
            if m is None and q.words:
                m = _best(_match(joined, e) if joined else None, _match_words(q, e))
            if m is not None:
                found.append((m, e))
        if not found and q.cjk and len(q.text) >= 3:
            found = [(m, e) for e in entries if (m := _match_partial(q, e)) is not None]
        found.sort(key=lambda me: (-me[0].score, me[1].order))
        return [
            SearchHit(e.doc, round(m.score, 4), m.field, m.kind, _highlights(q, e, m, lang))
            for m, e in found[:limit]
        ]
