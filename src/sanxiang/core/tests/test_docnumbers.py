"""Document numbers (STD-9704-7.2.5) and Chinese document dates (STD-9704-7.3.5.4)."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from sanxiang.core.chinese_dates import format_chinese_date
from sanxiang.core.docnumbers import (
    DOCUMENT_NUMBER_RE,
    DocumentNumber,
    format_document_number,
    parse_document_number,
    validate_document_number,
)
from sanxiang.core.errors import ApplicationError


def test_format_document_number_std_9704_7_2_5():
    assert (
        format_document_number(prefix="津市监罚", year=2017, sequence=12) == "津市监罚〔2017〕12号"
    )
    assert format_document_number(prefix="津政办发", year=2019, sequence=1) == "津政办发〔2019〕1号"


def test_parse_document_number_std_9704_7_2_5():
    parsed = parse_document_number("津政办发〔2019〕16号")
    assert parsed == DocumentNumber(prefix="津政办发", year=2019, sequence=16)
    assert str(parsed) == "津政办发〔2019〕16号"


@pytest.mark.parametrize(
    "value",
    [
        "津政办发[2019]16号",
        "津政办发(2019)16号",
        "津政办发（2019）16号",
        "津政办发〔19〕16号",
        "津政办发〔2019〕第16号",
        "津政办发〔2019〕016号",
        "津政办发〔2019〕16",
        "津政办发〔2019〕0号",
        "〔2019〕16号",
        "津政办发〔２０１９〕16号",  # full-width digits
        "津政 办发〔2019〕16号",
    ],
)
def test_other_styles_are_refused_std_9704_7_2_5(value):
    with pytest.raises(ApplicationError) as caught:
        parse_document_number(value)
    assert caught.value.code == "document_number.format"
    with pytest.raises(ValidationError):
        validate_document_number(value)


def test_the_published_pattern_matches_ascii_digits_only():
    assert DOCUMENT_NUMBER_RE.match("津政办发〔2019〕16号")
    assert not DOCUMENT_NUMBER_RE.match("津政办发〔２０１９〕16号")


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"prefix": "", "year": 2019, "sequence": 1}, "document_number.prefix"),
        ({"prefix": "津〔政〕", "year": 2019, "sequence": 1}, "document_number.prefix"),
        ({"prefix": "津政办发", "year": 19, "sequence": 1}, "document_number.year"),
        ({"prefix": "津政办发", "year": 2019, "sequence": 0}, "document_number.sequence"),
    ],
)
def test_format_refuses_bad_parts(kwargs, code):
    with pytest.raises(ApplicationError) as caught:
        format_document_number(**kwargs)
    assert caught.value.code == code


def test_validator_accepts_a_stored_number_and_refuses_blanks():
    validate_document_number("津市监罚〔2017〕12号")
    with pytest.raises(ValidationError):
        validate_document_number(" 津市监罚〔2017〕12号")


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2019, 3, 23), "2019年3月23日"),
        (date(2019, 10, 1), "2019年10月1日"),
        (date(2017, 8, 10), "2017年8月10日"),
        (date(2024, 12, 31), "2024年12月31日"),
    ],
)
def test_chinese_date_has_no_leading_zeros_std_9704_7_3_5_4(day, text):
    assert format_chinese_date(day) == text


def test_aware_datetime_is_written_as_the_shanghai_date_std_9704_7_3_5_4():
    # 16:30 UTC on 22 March is 00:30 on 23 March in Asia/Shanghai.
    assert format_chinese_date(datetime(2019, 3, 22, 16, 30, tzinfo=UTC)) == "2019年3月23日"


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="aware"):
        format_chinese_date(datetime(2019, 3, 22, 16, 30))
