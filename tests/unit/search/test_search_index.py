"""SearchIndex: what the kiosk must find, in which order, and live updates."""

from __future__ import annotations

import threading

import pytest

from kiosk.search import MatchKind, SearchDoc, SearchIndex, Tier


def ids(index: SearchIndex, query: str, limit: int = 20) -> list[str]:
    return [h.doc.id for h in index.search(query, limit=limit)]


def first(index: SearchIndex, query: str) -> str:
    hits = index.search(query)
    assert hits, f"nothing found for {query!r}"
    return hits[0].doc.id


# -- Chinese substrings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("社保", "SB-001"),  # via keyword 社保卡 and the category 社保业务
        ("户口", "HJ-002"),
        ("户口迁移", "HJ-002"),
        ("公积金", "FAQ-002"),  # title prefix beats the item's title substring
        ("结婚", "MZ-001"),
        ("护照", "CR-001"),
        ("元旦", "N-001"),
        ("身份证丢了", "FAQ-001"),
    ],
)
def test_chinese_queries(index: SearchIndex, query: str, expected: str) -> None:
    assert first(index, query) == expected


def test_one_character_queries(index: SearchIndex) -> None:
    assert first(index, "户") == "HJ-002"
    assert {"HJ-001", "FAQ-001"} <= set(ids(index, "证"))
    assert first(index, "婚") == "MZ-001"


def test_social_insurance_items_before_anything_else(index: SearchIndex) -> None:
    assert ids(index, "社保")[:2] == ["SB-001", "SB-002"]


# -- pinyin -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["shenfenzheng", "shenfen", "shen fen zheng", "ShenFenZheng", "ｓｈｅｎｆｅｎ", "sfz", "SFZ"],
)
def test_pinyin_and_initials_find_identity_card_documents(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert {h.doc.id for h in hits[:2]} == {"HJ-001", "FAQ-001"}
    assert all(h.match in (MatchKind.PINYIN, MatchKind.INITIALS) for h in hits[:2])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gjj", {"GJ-001", "FAQ-002"}),
        ("gongjijin", {"GJ-001", "FAQ-002"}),
        ("hukou", {"HJ-002"}),
        ("jiehun", {"MZ-001"}),
        ("jhdj", {"MZ-001"}),
        ("huzhao", {"CR-001"}),
        ("shebao", {"SB-001"}),
    ],
)
def test_pinyin_top_hits(index: SearchIndex, query: str, expected: set[str]) -> None:
    assert set(ids(index, query)[: len(expected)]) == expected


def test_short_initials_rank_exact_then_prefix_then_inside() -> None:
    index = SearchIndex.build(
        [
            SearchDoc("item", "X-3", "集体户口落户"),  # hk inside
            SearchDoc("notice", "X-4", "户口迁移"),  # hk at the start
            SearchDoc("faq", "X-5", "户口"),  # initials exactly hk
            SearchDoc("item", "X-6", "海关咨询"),  # hg, not hk
        ]
    )
    assert ids(index, "hk") == ["X-5", "X-4", "X-3"]
    assert ids(index, "hukou") == ["X-5", "X-4", "X-3"]


def test_initials_prefer_the_catalogs_common_phrase() -> None:
    index = SearchIndex.build(
        [
            SearchDoc("item", "card", "社会保障卡补换", keywords=("换卡",)),  # 换卡: hk
            SearchDoc("item", "jobless", "失业保险金申领"),  # 失业保险: ...y b... by chance
            SearchDoc("item", "move", "户口迁移", keywords=("户口",)),
            SearchDoc("item", "book", "居民户口簿补领", keywords=("户口本",)),
            SearchDoc("item", "medical", "职工医保个人账户", keywords=("医保",)),
            SearchDoc("faq", "newborn", "新生儿怎么办医保", keywords=("医保",)),
        ]
    )
    assert ids(index, "hk") == ["move", "book", "card"]
    assert ids(index, "yb") == ["medical", "newborn", "jobless"]
    # the phrase table follows live updates
    index.add(SearchDoc("item", "c2", "换卡须知", keywords=("换卡",)))
    index.add(SearchDoc("item", "c3", "银行卡换卡", keywords=("换卡",)))
    assert ids(index, "hk")[0] == "c2"


def test_hk_finds_household_items_first(index: SearchIndex) -> None:
    assert ids(index, "hk")[:2] == ["HJ-002", "HJ-003"]


def test_polyphonic_characters() -> None:
    index = SearchIndex.build([SearchDoc("notice", "N-9", "重庆银行网点调整")])
    for q in ("chongqing", "yinhang", "cqyh", "zhongqing", "yinxing", "zqyx"):
        assert ids(index, q) == ["N-9"], q
    assert index.search("chongqing")[0].score > index.search("zhongqing")[0].score


def test_rare_readings_do_not_outrank_real_initials(index: SearchIndex) -> None:
    # 份 also reads "bin", so 身份 spells "sb" too; 社保 (keyword) must still come first.
    assert ids(index, "sb")[:2] == ["SB-001", "SB-002"]


def test_mixed_full_and_initials(index: SearchIndex) -> None:
    hits = index.search("shenfz")
    assert {h.doc.id for h in hits[:2]} == {"HJ-001", "FAQ-001"}
    assert hits[0].match is MatchKind.MIXED


# -- English ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("passport", "CR-001"),
        ("PASSPORT", "CR-001"),
        ("pass", "CR-001"),
        ("ID card", "HJ-001"),
        ("id CARD", "HJ-001"),
        ("ＩＤ　ｃａｒｄ", "HJ-001"),
        ("housing fund", "GJ-001"),
        ("housing", "GJ-001"),
        ("marriage", "MZ-001"),
        ("Pension", "SB-002"),
        ("new year", "N-001"),
    ],
)
def test_english_words_and_prefixes(index: SearchIndex, query: str, expected: str) -> None:
    assert first(index, query) == expected


def test_british_and_american_spelling() -> None:
    index = SearchIndex.build([SearchDoc("item", "X", "食品经营许可", "Food business licence")])
    hit = index.search("license", lang="en")[0]
    assert hit.highlights == ((14, 21),)  # offsets still point into "licence"


def test_chinese_typed_with_spaces(index: SearchIndex) -> None:
    assert first(index, "户口 迁移") == "HJ-002"
    assert first(index, "住房 公积金") == "GJ-001"
    assert first(index, "身份证 丢了") == "FAQ-001"


def test_english_matches_words_not_the_middle_of_words(index: SearchIndex) -> None:
    # "port" is inside "passport": found, but below any word-start match
    hit = index.search("port")[0]
    assert hit.doc.id == "CR-001" and hit.score < Tier.BODY + 20


# -- normalization and edge cases ----------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\u3000", "\t\n"])
def test_empty_query_returns_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_surrounding_spaces_and_full_width_are_ignored(index: SearchIndex) -> None:
    assert ids(index, "  户口 ") == ids(index, "户口")
    assert ids(index, "ＧＪＪ") == ids(index, "gjj")


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("证", limit=1)) == 1
    assert index.search("证", limit=0) == []
    assert len(index.search("z", limit=100)) > 1


def test_nothing_found(index: SearchIndex) -> None:
    assert index.search("xyzqwe") == []
    assert index.search("量子计算机") == []


def test_strange_input_never_raises(index: SearchIndex) -> None:
    for q in ["'", "''", "-", "SB-001", "😀", "\x00", "a" * 500, "身" * 300, "a b c d e f g"]:
        index.search(q)


def test_item_code_finds_the_item(index: SearchIndex) -> None:
    assert first(index, "sb-001") == "SB-001"


# -- bodies and FAQ answers ---------------------------------------------------------------


def test_body_matches_rank_after_title_matches(index: SearchIndex) -> None:
    hits = index.search("户口")
    fields = [h.field for h in hits]
    assert fields[:2] == ["title_zh", "title_zh"]
    assert set(fields[2:]) == {"body_zh"}
    assert {"HJ-001", "FAQ-001", "MZ-001"} <= {h.doc.id for h in hits[2:]}


def test_faq_answer_found_and_carried_for_opening_in_place(index: SearchIndex) -> None:
    hit = index.search("临时身份证")[0]
    assert (hit.doc.id, hit.field) == ("FAQ-001", "body_zh")
    assert "临时身份证" in hit.doc.body_zh
    assert hit.doc.body("en").startswith("Bring your household register")


def test_notice_body_in_english(index: SearchIndex) -> None:
    assert first(index, "reopen") == "N-001"


def test_long_chinese_query_falls_back_to_partial_matches(index: SearchIndex) -> None:
    hits = index.search("身份证补办")
    assert {h.doc.id for h in hits} == {"FAQ-001", "HJ-001"}
    assert all(h.match is MatchKind.PARTIAL for h in hits)
    assert hits[0].doc.id == "FAQ-001"  # its keyword 补办 covers the rest


# -- ranking ------------------------------------------------------------------------------


def test_ranking_tiers() -> None:
    docs = [
        SearchDoc("notice", "body", "其他事项", body_zh="需要提供社保缴费证明"),
        SearchDoc("item", "pinyin", "涉保事项"),  # she bao: same sound, other characters
        SearchDoc("item", "keyword", "养老金领取", keywords=("社保",)),
        SearchDoc("item", "substring", "城乡居民社保登记"),
        SearchDoc("item", "prefix", "社保卡申领"),
        SearchDoc("faq", "exact", "社保"),
    ]
    index = SearchIndex.build(docs)
    # exact title > title prefix > title substring > keyword > body
    assert ids(index, "社保") == ["exact", "prefix", "substring", "keyword", "body"]
    # pinyin: exact > prefix (more of the title covered first) > inside > keyword
    assert ids(index, "shebao") == ["exact", "pinyin", "prefix", "substring", "keyword"]
    # initials: 社保 is the catalog's common phrase for "sb", so it ranks as if typed; 涉保
    # only shares the initials
    assert ids(index, "sb") == ["exact", "prefix", "substring", "keyword", "pinyin"]
    by_id = {h.doc.id: h for h in index.search("shebao")}
    assert by_id["exact"].score >= Tier.PINYIN_TITLE_EXACT
    assert Tier.PINYIN_TITLE <= by_id["substring"].score < Tier.PINYIN_TITLE_PREFIX
    assert Tier.PINYIN_KEYWORD_EXACT <= by_id["keyword"].score < Tier.PINYIN_TITLE


def test_pinyin_in_title_beats_initials_beats_body() -> None:
    index = SearchIndex.build(
        [
            SearchDoc("item", "body", "其他", body_en="sh"),
            SearchDoc("item", "initials", "三号"),  # san hao: initials sh
            SearchDoc("item", "full", "书画"),  # shu hua: full pinyin starts with sh
        ]
    )
    hits = index.search("sh")
    assert [h.doc.id for h in hits] == ["full", "initials", "body"]
    assert [h.match for h in hits] == [MatchKind.PINYIN, MatchKind.INITIALS, MatchKind.SUBSTRING]
    assert [h.field for h in hits] == ["title_zh", "title_zh", "body_en"]


def test_items_before_faqs_before_notices_at_equal_score_and_stable() -> None:
    docs = [
        SearchDoc("notice", "n1", "医保"),
        SearchDoc("faq", "f1", "医保"),
        SearchDoc("item", "i1", "医保"),
        SearchDoc("faq", "f2", "医保"),
        SearchDoc("item", "i2", "医保"),
    ]
    index = SearchIndex.build(docs)
    assert ids(index, "医保") == ["i1", "i2", "f1", "f2", "n1"]
    assert len({h.score for h in index.search("医保")}) == 1


def test_scores_descend(index: SearchIndex) -> None:
    for q in ["证", "户口", "sfz", "z", "card"]:
        scores = [h.score for h in index.search(q, limit=100)]
        assert scores == sorted(scores, reverse=True), q


# -- highlights ---------------------------------------------------------------------------


def test_highlights_chinese_and_pinyin_in_the_title(index: SearchIndex) -> None:
    def spans(q: str, doc_id: str, lang: str = "zh") -> tuple[tuple[int, int], ...]:
        return next(h.highlights for h in index.search(q, lang=lang) if h.doc.id == doc_id)

    assert spans("身份证", "HJ-001") == ((2, 5),)
    assert spans("shenfenzheng", "HJ-001") == ((2, 5),)
    assert spans("sfz", "HJ-001") == ((2, 5),)
    assert spans("ＩＤ card", "HJ-001", "en") == ((9, 16),)
    assert spans("housing fund", "GJ-001", "en") == ((0, 7), (18, 22))
    assert spans("gjj", "GJ-001", "en") == ()  # no pinyin in an English title
    assert spans("passport", "CR-001", "zh") == ()  # matched the English title only
    assert spans("社保", "SB-001") == ()  # matched a keyword only


def test_highlight_maps_back_to_the_original_title() -> None:
    index = SearchIndex.build([SearchDoc("item", "X", "Ｅ类  人才认定", "ID  Card")])
    hit = index.search("人才")[0]
    assert hit.highlights == ((4, 6),)
    assert index.search("id card", lang="en")[0].highlights == ((0, 8),)


# -- live updates -------------------------------------------------------------------------


def test_published_faq_is_found_at_once(index: SearchIndex) -> None:
    assert index.search("居住证") == []
    faq = SearchDoc("faq", "FAQ-099", "居住证怎么办理", body_zh="到户籍窗口办理。", category="HUJI")
    index.add(faq)
    assert first(index, "居住证") == "FAQ-099"
    assert first(index, "jzz") == "FAQ-099"
    assert "FAQ-099" in index and len(index) == 12


def test_add_replaces_a_document_of_the_same_kind_and_id_keeping_its_place() -> None:
    index = SearchIndex.build(
        [SearchDoc("faq", "F1", "医保报销"), SearchDoc("faq", "F2", "医保报销")]
    )
    index.add(SearchDoc("faq", "F1", "医保报销（已更新）"))
    index.add(SearchDoc("faq", "F1", "医保报销"))
    assert ids(index, "医保报销") == ["F1", "F2"]
    assert len(index) == 2


def test_remove(index: SearchIndex) -> None:
    assert index.remove("FAQ-001") is True
    assert "FAQ-001" not in ids(index, "身份证")
    assert index.remove("FAQ-001") is False
    assert index.remove("HJ-001", kind="notice") is False
    assert "HJ-001" in ids(index, "身份证")


def test_search_while_another_thread_publishes(index: SearchIndex) -> None:
    stop = threading.Event()
    errors: list[BaseException] = []

    def publish() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            try:
                index.add(SearchDoc("faq", f"T-{n % 7}", f"测试问题{n}"))
                index.remove(f"T-{(n + 3) % 7}")
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)
                return

    t = threading.Thread(target=publish)
    t.start()
    try:
        for _ in range(200):
            assert first(index, "户口") == "HJ-002"
            index.search("测试")
    finally:
        stop.set()
        t.join()
    assert errors == []
