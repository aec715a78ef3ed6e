"""The package is plain Python (DESIGN.md §5): importing and using it loads no Django."""

import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3]

PROBE = """
import sys
import sanxiang.redaction as r
import sanxiang.redaction.evaluate
print(r.redact("证人张伟称，电话13812345678。"))
print(any(m == "django" or m.startswith("django.") for m in sys.modules))
"""


def test_package_imports_and_runs_without_django():
    env = {"PYTHONPATH": str(SRC), "PATH": ""}
    result = subprocess.run(  # noqa: S603 (our own interpreter and a fixed probe)
        [
            sys.executable,
            "-S",
            "-c",
            "import sys; sys.path[:0] = " + json.dumps([str(SRC)]) + "\n" + PROBE,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert result.stdout.splitlines() == ["证人张某称，电话***********。", "False"]


def test_redact_command_reads_stdin_and_writes_stdout():
    text = (
        "当事人：张三，男，身份证号码：120103198005121232。执法人员王磊（执法证号：13010012345）。"
    )
    result = subprocess.run(
        [sys.executable, "-m", "sanxiang", "redact"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert (
        result.stdout == "当事人：张某，男，身份证号码：******************。"
        "执法人员王磊（执法证号：13010012345）。"
    )
    spans = subprocess.run(
        [
            sys.executable,
            "-m",
            "sanxiang",
            "redact",
            "--spans",
            "--keep",
            "张三",
            "--known-person",
            "李四",
        ],
        input=text + "李四在场。",
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    rows = [json.loads(line) for line in spans.stdout.splitlines()]
    assert [(r["text"], r["label"]) for r in rows] == [
        ("120103198005121232", "ID_CARD"),
        ("李四", "PERSON"),
    ]
