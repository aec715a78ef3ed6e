"""Build the benchmark database: N published decisions plus the portal's two FTS5 indexes.

    python bench/publicity/generate.py 1000000 var/bench/publicity-1m.sqlite3

The table has the columns of `publicity_publication` that the search reads; the FTS tables are
created by the same DDL and filled by the same bigram function as the app
(`sanxiang.publicity.search.fts`). Rows are synthetic public (already redacted) texts of
penalty, licensing and inspection decisions, made from fixed word lists with a seeded random
generator, so two runs give the same database. The DB is cached: an existing file is reused.
"""

from __future__ import annotations

import importlib.util
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

# The search module is plain DB-API code: load it by path, without Django (the package's
# __init__ imports the models).
_FTS = Path(__file__).resolve().parents[2] / "src/sanxiang/publicity/search/fts.py"
_spec = importlib.util.spec_from_file_location("publicity_fts", _FTS)
assert _spec and _spec.loader
fts = importlib.util.module_from_spec(_spec)
sys.modules["publicity_fts"] = fts
_spec.loader.exec_module(fts)
BIGRAM = fts.BIGRAM
CREATE_SQL = fts.CREATE_SQL
TRIGRAM = fts.TRIGRAM
bigrams = fts.bigrams

PROVINCES = ["天津市", "四川省", "上海市", "河北省", "浙江省", "广东省", "湖南省", "江苏省"]
FIRMS = [
    "兼中",
    "鑫源",
    "华盛",
    "恒泰",
    "永辉",
    "金诚",
    "瑞丰",
    "宏达",
    "博远",
    "嘉禾",
    "新康",
    "佳品",
]
TRADES = [
    "餐饮管理",
    "食品销售",
    "建材贸易",
    "物流运输",
    "环保科技",
    "医药连锁",
    "汽车维修",
    "化工",
]
FORMS = ["有限公司", "有限责任公司", "股份有限公司", "经营部", "商行"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英兰平"
LAWS = [
    ("中华人民共和国食品安全法", "超范围经营食品", "第一百二十二条"),
    ("中华人民共和国大气污染防治法", "超标排放大气污染物", "第九十九条"),
    ("中华人民共和国产品质量法", "销售不合格产品", "第四十九条"),
    ("中华人民共和国广告法", "发布虚假广告", "第五十五条"),
    ("中华人民共和国消防法", "消防设施未保持完好有效", "第六十条"),
    ("中华人民共和国安全生产法", "未按规定开展安全生产教育", "第九十七条"),
    ("中华人民共和国价格法", "不明码标价", "第四十二条"),
    ("中华人民共和国药品管理法", "未遵守药品经营质量管理规范", "第一百二十六条"),
]
AGENCIES = [
    f"{city}{kind}"
    for city in ("和平区", "河西区", "南开区", "滨海新区", "武清区")
    for kind in ("市场监督管理局", "生态环境局", "应急管理局", "城市管理综合执法局")
]
ACTS = ["penalty"] * 7 + ["licensing"] * 2 + ["inspection"]


def firm(rng: random.Random) -> str:
    return (
        rng.choice(PROVINCES)
        + rng.choice(FIRMS)
        + rng.choice(FIRMS)
        + rng.choice(TRADES)
        + rng.choice(FORMS)
    )


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def row(i: int, rng: random.Random) -> tuple[object, ...]:
    act = rng.choice(ACTS)
    agency_id = rng.randrange(len(AGENCIES)) + 1
    agency = AGENCIES[agency_id - 1]
    law, violation, article = rng.choice(LAWS)
    party = firm(rng)
    decided = date(2020, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    number = f"津{agency[:2]}罚〔{decided.year}〕{rng.randrange(1, 9999)}号"
    if act == "penalty":
        fine = rng.choice([500, 2000, 5000, 10000, 30000, 50000, 100000, 200000]) * 100
        punish = rng.choice(["警告", "罚款", "没收违法所得并处罚款", "责令改正并处罚款"])
        title = f"{party}{violation}行政处罚决定书（{number}）"
        text = (
            f"当事人：{party}，法定代表人：{person(rng)}，住所：{rng.choice(PROVINCES)}某区某路**号。"
            f"经查，当事人于{decided.year}年{decided.month}月存在{violation}的行为，违反了《{law}》的规定。"
            f"执法人员{person(rng)}、{person(rng)}现场检查并制作笔录，当事人陈述申辩意见未被采纳。"
            f"依据《{law}》{article}，本机关决定对当事人作出如下行政处罚：{punish}，"
            f"罚款人民币{fine // 100}元。当事人如不服本决定，可在六十日内申请行政复议，"
            f"或者在六个月内依法提起行政诉讼。{agency}，{decided.isoformat()}。"
        )
    elif act == "licensing":
        fine = 0
        title = f"{party}食品经营许可准予决定"
        text = (
            f"申请人：{party}。经审查，申请人提交的申请材料齐全、符合法定形式，"
            f"依据《{law}》的规定，本机关决定准予行政许可，许可有效期五年。{agency}，{decided.isoformat()}。"
        )
    else:
        fine = 0
        title = f"{party}行政检查结果公示"
        text = (
            f"检查对象：{party}。执法人员{person(rng)}对其{violation}情况开展随机抽查，"
            f"{rng.choice(['未发现问题', '发现问题已责令整改'])}。{agency}，{decided.isoformat()}。"
        )
    return (i, "published", agency_id, agency, act, decided.isoformat(), fine, title, text)


def build(n: int, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(
        "PRAGMA journal_mode=DELETE; PRAGMA page_size=16384; PRAGMA synchronous=OFF;"
        "CREATE TABLE publicity_publication (id INTEGER PRIMARY KEY, status TEXT NOT NULL,"
        " agency_id INTEGER NOT NULL, agency_name TEXT NOT NULL, act_type TEXT NOT NULL,"
        " decided_on TEXT NOT NULL, amount_fen INTEGER NOT NULL, public_title TEXT NOT NULL,"
        " public_text TEXT NOT NULL);"
    )
    rng = random.Random(20261130)  # noqa: S311 (reproducible test data, not security)
    started = time.perf_counter()
    batch = 50_000
    for first in range(1, n + 1, batch):
        rows = [row(i, rng) for i in range(first, min(first + batch, n + 1))]
        db.executemany("INSERT INTO publicity_publication VALUES (?,?,?,?,?,?,?,?,?)", rows)
        db.commit()
    loaded = time.perf_counter()
    print(f"loaded {n} rows in {loaded - started:.1f} s ({n / (loaded - started):,.0f} rows/s)")
    db.execute("CREATE INDEX pub_status_id ON publicity_publication(status, id)")
    for sql in CREATE_SQL:
        db.execute(sql)
    db.execute(f"INSERT INTO {TRIGRAM}({TRIGRAM}) VALUES ('rebuild')")  # noqa: S608 (identifiers are module constants; values are bound)
    db.commit()
    trigram = time.perf_counter()
    print(f"trigram index in {trigram - loaded:.1f} s ({n / (trigram - loaded):,.0f} docs/s)")
    cur = db.execute("SELECT id, public_title, public_text FROM publicity_publication")
    while chunk := cur.fetchmany(50_000):
        db.executemany(
            f"INSERT INTO {BIGRAM}(rowid, grams) VALUES (?, ?)",  # noqa: S608 (identifiers are module constants; values are bound)
            [(rid, bigrams(title, text)) for rid, title, text in chunk],
        )
    db.execute(f"INSERT INTO {TRIGRAM}({TRIGRAM}) VALUES ('optimize')")  # noqa: S608 (identifiers are module constants; values are bound)
    db.execute(f"INSERT INTO {BIGRAM}({BIGRAM}) VALUES ('optimize')")  # noqa: S608 (identifiers are module constants; values are bound)
    db.commit()
    done = time.perf_counter()
    print(f"bigram index in {done - trigram:.1f} s ({n / (done - trigram):,.0f} docs/s)")
    db.execute("ANALYZE")
    db.commit()
    db.close()
    print(f"database {path}: {path.stat().st_size / 1e6:,.0f} MB, total {done - started:.0f} s")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    path = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"var/bench/publicity-{n}.sqlite3")
    if path.exists():
        print(f"reusing {path}")
        return
    build(n, path)


if __name__ == "__main__":
    main()
