"""Behaviour of find_pii / redact / mask on hand-written decision fragments.

Rules: LAW-APL-50 and GUO-118-02 (privacy protected in published texts), mask format of
法释〔2016〕19号 第九条, SAMR-PUB-2/4 (a 个体工商户's registered name and credit code are
published).
No Django import here: the package is plain Python (DESIGN.md §5).
"""

import pytest

from sanxiang.redaction import LABELS, KnownPerson, PiiSpan, find_pii, make_span, mask, redact


def labels(text, **kwargs):
    return [(s.text, s.label) for s in find_pii(text, **kwargs)]


def test_labels_are_the_interface_of_design_section_5():
    assert LABELS == ("PERSON", "ID_CARD", "PHONE", "BANK_CARD", "ADDRESS_DETAIL", "PLATE", "EMAIL")


def test_party_block_is_masked_law_apl_50():
    text = (
        "当事人：张三，男，1980年5月12日出生，身份证号码：120103198005121232，"
        "住址：天津市河西区友谊路35号2门301室，联系电话：13812345678。"
    )
    assert redact(text) == (
        "当事人：张某，男，1980年5月12日出生，身份证号码：******************，"
        "住址：天津市河西区***，联系电话：***********。"
    )


def test_compound_and_minority_names_follow_fashi_2016_19_article_9():
    text = "证人欧阳明月证实，阿依古丽·托合提称其当日在场。"
    assert redact(text) == "证人欧阳某证实，阿某称其当日在场。"


def test_two_people_with_the_same_mask_become_jia_and_yi():
    text = "证人张伟证实，张丽娜称其不在场，张伟系店员。"
    assert redact(text) == "证人张某甲证实，张某乙称其不在场，张某甲系店员。"


def test_officers_and_their_certificate_numbers_are_kept_guo_118_04():
    text = "执法人员王磊（执法证号：13010012345）、李娜（执法证号：12010012346）对当事人进行检查。"
    assert find_pii(text) == []


def test_keep_publishes_the_punished_party_name_samr_pub_4():
    text = "当事人：张三，男，身份证号码：120103198005121232。张三的行为违反了规定。"
    assert [s.text for s in find_pii(text)] == ["张三", "120103198005121232", "张三"]
    kept = find_pii(text, keep=["张三"])
    assert [s.label for s in kept] == ["ID_CARD"]  # keep never unmasks a number


def test_known_persons_are_masked_wherever_they_occur():
    person = KnownPerson(
        "牟磊",
        id_number="120103198005121232",
        phones=("138-1234-5678",),
        address="天津市河西区友谊路35号",
    )
    text = "经查，牟磊把货交给了客户。联系人电话13812345678，地址友谊路35号。"
    found = labels(text, known_persons=[person])
    assert ("牟磊", "PERSON") in found
    assert ("13812345678", "PHONE") in found
    assert ("友谊路35号", "ADDRESS_DETAIL") in found
    assert labels("牟磊称不知情。", known_persons=["牟磊"]) == [("牟磊", "PERSON")]


def test_individual_business_name_and_credit_code_are_kept_samr_pub_2():
    text = (
        "当事人：天津市河西区老王烧烤店（个体工商户）\n统一社会信用代码：92120103MA05L6XK2B\n"
        "经营场所：天津市河西区友谊路35号\n经营者：王大海，身份证号码：120103198005121232，"
        "住址：天津市河西区卫津路8号，联系电话：13812345678"
    )
    public = redact(text)
    assert "天津市河西区老王烧烤店" in public
    assert "经营场所：天津市河西区友谊路35号" in public  # registered premises are public
    assert "住址：天津市河西区***" in public
    assert "经营者：王某" in public


def test_individual_business_without_trade_name_is_a_person():
    text = "当事人：单克勤（个体工商户，无字号）\n经营者：单克勤，身份证号码：120103198005121232"
    assert "单克勤" not in redact(text)


@pytest.mark.parametrize(
    "kept",
    [
        "《中华人民共和国食品安全法》第一百二十四条第一款第（二）项",
        "津市监罚〔2017〕12号",
        "罚款人民币130000元（大写：壹拾叁万元整）",
        "2023年5月12日",
        "统一社会信用代码：91120103MA05L6XK2N",
        "天津高明科技有限公司",
        "方正物流有限公司",
        "案件编号：2023120100001234",
        "营业执照注册号：120103600123456",
        "本局坚持文明执法、规范执法。",
        "当事人违法手段并不高明。",
        "当事人曾在北京市东城区王府井大街销售同类商品。",
        "当事人提交了陈述、申辩意见。",
        "检查中未发现周边存在其他违法行为。",
        "陆佰元整",
    ],
)
def test_kept_items_are_not_touched(kept):
    assert redact(kept) == kept


def test_credit_code_is_never_taken_for_an_id():
    # GB 32100 credit code: kept; a GB 11643 ID beside it: masked.
    text = "统一社会信用代码91120103MA05L6XK2N，负责人身份证号120103198005121232"
    assert [s.label for s in find_pii(text)] == ["ID_CARD"]


@pytest.mark.parametrize(
    ("number", "label"),
    [
        ("6222021234567890128", "BANK_CARD"),  # UnionPay 62, Luhn valid
        ("4111 1111 1111 1111", "BANK_CARD"),
        ("138-1234-5678", "PHONE"),
        ("+86 13812345678", "PHONE"),
        ("022-23456789", "PHONE"),
        ("（022）23456789", "PHONE"),
        ("lao.wang88@163.com", "EMAIL"),
        ("津A12345", "PLATE"),
        ("津A·D12345", "PLATE"),
        ("冀C12345D", "PLATE"),
        ("12010319800512073X", "ID_CARD"),
    ],
)
def test_structured_numbers(number, label):
    text = f"经查，相关信息为{number}，特此说明。"
    spans = find_pii(text)
    assert [(s.text, s.label) for s in spans] == [(number, label)]
    assert number not in redact(text)


def test_luhn_invalid_long_number_without_cue_is_not_a_card():
    assert find_pii("经查，6222021234567891已封存。") == []


def test_a_long_run_holding_a_luhn_valid_card_is_masked_law_apl_50():
    """6222021234567890125 fails Luhn, but its first 18 digits are a valid card with 5 glued
    after it: a card inserted before other digits must not survive (issue #8)."""
    assert labels("经查，6222021234567890125已封存。") == [("6222021234567890125", "BANK_CARD")]


def test_account_after_a_bank_cue_is_masked_even_without_luhn():
    # Organisations' accounts do not follow Luhn and are hidden too.
    assert labels("对公账号：120501610001234") == [("120501610001234", "BANK_CARD")]


def test_address_of_an_organisation_is_kept_but_a_persons_is_masked():
    org = "当事人：天津华信商贸有限公司\n住所：天津市河西区友谊路35号\n"
    assert redact(org) == org
    person = "当事人：李娜，女，1990年1月1日出生，住所：河北省廊坊市三河市燕郊镇迎宾路12号"
    assert redact(person).endswith("住所：河北省廊坊市三河市***")


def test_mask_applies_reviewer_spans_and_refuses_stale_ones():
    text = "证人张伟称，货款已付。"
    spans = find_pii(text)
    extra = make_span(text, 6, 8, "PERSON")  # the reviewer masks 货款 by hand
    assert extra.replacement == "货某"
    assert mask(text, [*spans, extra]) == "证人张某称，货某已付。"
    assert mask(text, []) == text
    with pytest.raises(ValueError, match="does not match"):
        mask("证人李伟称，货款已付。", spans)
    with pytest.raises(ValueError, match="overlaps"):
        mask(text, [spans[0], make_span(text, 3, 5, "PERSON")])


def test_span_round_trips_as_json():
    span = find_pii("证人张伟称")[0]
    assert PiiSpan.from_dict(span.to_dict()) == span
    with pytest.raises(ValueError, match="unknown label"):
        make_span("abc", 0, 1, "ORG")


def test_article_numbers_are_not_the_compound_surname_diwu():
    """第五十条 is an article of a law (kept), while 第五明 is a person of the surname 第五."""
    text = "依据《中华人民共和国行政处罚法》第五十条、第五十一条第五项，证人第五明证实上述事实。"
    assert labels(text) == [("第五明", "PERSON")]


# Full-width forms (issue #8): folded to ASCII one character for one, originals masked.


@pytest.mark.parametrize(
    ("number", "label"),
    [
        ("１３８１２３４５６７８", "PHONE"),
        ("１３８－１２３４－５６７８", "PHONE"),
        ("１２０１０３１９８００５１２０７３Ｘ", "ID_CARD"),
        ("12010319800512073Ｘ", "ID_CARD"),
        ("６２２２０２１２３４５６７８９０１２８", "BANK_CARD"),
        ("ｌａｏ．ｗａｎｇ８８＠１６３．ｃｏｍ", "EMAIL"),
        ("lao.wang88＠163．com", "EMAIL"),
        ("津Ａ１２３４５", "PLATE"),
        ("１３８　１２３４　５６７８", "PHONE"),  # ideographic spaces
        ("𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "PHONE"),  # mathematical digits (one code point each)
    ],
)
def test_full_width_numbers_are_found_and_the_originals_masked_law_apl_50(number, label):
    text = f"经查，相关信息为{number}，特此说明。"
    spans = find_pii(text)
    assert [(s.text, s.label) for s in spans] == [(number, label)]
    assert redact(text) == f"经查，相关信息为{'*' * len(number)}，特此说明。"


def test_full_width_party_block_keeps_offsets_and_chinese_punctuation():
    text = (
        "当事人：张三，身份证号码：１２０１０３１９８００５１２１２３２，"
        "联系电话：１３８１２３４５６７８。"
    )
    assert redact(text) == ("当事人：张某，身份证号码：******************，联系电话：***********。")


def test_known_person_numbers_match_in_full_width():
    person = KnownPerson("牟磊", id_number="12010319800512073x", phones=("138-1234-5678",))
    text = "牟磊的证件号１２０１０３１９８００５１２０７３Ｘ，手机１３８－１２３４－５６７８。"
    found = labels(text, known_persons=[person])
    assert ("１２０１０３１９８００５１２０７３Ｘ", "ID_CARD") in found
    assert ("１３８－１２３４－５６７８", "PHONE") in found


def test_full_width_kept_items_are_not_touched():
    for kept in (
        "罚款人民币１３００００元",
        "２０２３年５月１２日",
        "统一社会信用代码：９１１２０１０３ＭＡ０５Ｌ６ＸＫ２Ｎ",
    ):
        assert redact(kept) == kept


# Numbers glued to other digits (issue #8): the whole digit run is masked.


@pytest.mark.parametrize(
    ("text", "masked", "label"),
    [
        ("经查5138123456789已核实", "5138123456789", "PHONE"),  # digits before
        ("经查1381234567890已核实", "1381234567890", "PHONE"),  # digits after
        ("经查9913812345678900已核实", "9913812345678900", "PHONE"),  # both sides
        ("经查12010319800512123077已核实", "12010319800512123077", "ID_CARD"),
        ("经查12010319800512073X5已核实", "12010319800512073X5", "ID_CARD"),  # after the X
        ("经查762220212345678901280已核实", "762220212345678901280", "BANK_CARD"),
        ("经查13812345678X已核实", "13812345678X", "PHONE"),
        ("经查5138-1234-5678已核实", "5138-1234-5678", "PHONE"),
        ("经查+86 138123456789已核实", "+86 138123456789", "PHONE"),
        ("经查5 138 1234 5678已核实", "138 1234 5678", "PHONE"),  # a space is a boundary
        ("经查１３８１２３４５６７８９已核实", "１３８１２３４５６７８９", "PHONE"),
        ("经查130-0000-13000000000已核实", "130-0000-13000000000", "PHONE"),  # overlapping
    ],
)
def test_numbers_glued_to_digits_are_masked_whole_law_apl_50(text, masked, label):
    assert labels(text) == [(masked, label)]
    assert "*" * len(masked) in redact(text)


@pytest.mark.parametrize(
    "kept",
    [
        "案件编号：51381234567890",  # a case number: not personal
        "执法证号：138123456789",  # an officer's certificate number: published (GUO-118-04)
        "罚款人民币138123456789元",  # an amount (unit after the run)
        "货值金额12,513812345678.00元",  # thousands comma and decimal point
        "违法所得¥513812345678",
        "检查时间20230512143000",  # date and time glued
        "统一社会信用代码：913812345678901008",
    ],
)
def test_glued_runs_that_are_published_or_not_personal_are_kept(kept):
    assert redact(kept) == kept


def test_a_valid_id_glued_to_digits_is_masked_even_after_a_keep_cue():
    """A valid ID number is never kept (LAW-APL-50), whatever cue or digits surround it."""
    text = "案件编号：1201031980051212307"
    assert labels(text) == [("1201031980051212307", "ID_CARD")]
