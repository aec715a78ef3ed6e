"""Dates written the Chinese way on documents (成文日期), per GB/T 9704-2012 §7.3.5.4.

"用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位" (STD-9704-7.3.5.4): the full
year, and month and day without leading zeros — 2019年3月23日, never 2019年03月23日.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

__all__ = ["format_chinese_date"]


def format_chinese_date(day: date) -> str:
    """`date(2019, 3, 23)` → "2019年3月23日" (STD-9704-7.3.5.4, no leading zeros).

    An aware `datetime` is first converted to the local date (Asia/Shanghai): an instant late in
    the UTC day is already the next day in China. A naive `datetime` is refused (`ValueError`),
    because its calendar day is ambiguous.
    """
    if isinstance(day, datetime):
        if timezone.is_naive(day):
            raise ValueError("format_chinese_date needs a date or an aware datetime")
        day = timezone.localdate(day)
    return f"{day.year}年{day.month}月{day.day}日"
