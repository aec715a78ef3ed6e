"""Upload a large file through the real upload path and compare with sha256sum.

The request goes through Django's WSGI handler (middleware, session authentication, CSRF,
the tus view, the streaming append with on-the-fly SHA-256, the move into the private
storage, the evidence row, its ledger leaf and case event), with the file as the streamed
request body (`wsgi.input`), so nothing but the platform reads it. Prints one JSON line.

    python bench/evidence/upload_bench.py --size-mib 1024 [--sm3]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--sm3", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sx-evidence-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'db.sqlite3'}"
    os.environ["SANXIANG_PRIVATE_ROOT"] = str(work / "private")
    os.environ["SANXIANG_VAR_DIR"] = str(work / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.SANXIANG_EVIDENCE_SM3 = args.sm3
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import Client

    from sanxiang.cases.models import Case
    from sanxiang.evidence.models import EvidenceItem
    from sanxiang.registry.models import Role, User
    from sanxiang.registry.tests.factories import AgencyFactory

    agency = AgencyFactory.create()
    user = User.objects.create_user(
        username="bench", password=None, role=Role.OFFICER, agency=agency
    )
    case = Case.objects.create(agency=agency, title="基准测试")
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    source = work / "video.mp4"
    head = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
    block = os.urandom(1024 * 1024)
    with source.open("wb") as out:
        out.write(head)
        for _ in range(args.size_mib):
            out.write(block)
    size = source.stat().st_size

    def call(
        method: str, path: str, headers: dict[str, str], body: object = None
    ) -> tuple[str, dict[str, str]]:
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "wsgi.url_scheme": "http",
            "HTTP_HOST": "localhost",
            "wsgi.input": body if body is not None else io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_COOKIE": cookie,
            "CONTENT_LENGTH": headers.pop("Content-Length", "0"),
            "CONTENT_TYPE": headers.pop("Content-Type", ""),
        }
        for key, value in headers.items():
            environ["HTTP_" + key.upper().replace("-", "_")] = value
        result: dict[str, object] = {}

        def start_response(status: str, response_headers: list[tuple[str, str]]) -> None:
            result["status"] = status
            result["headers"] = dict(response_headers)

        b"".join(WSGIHandler()(environ, start_response))
        return str(result["status"]), result["headers"]  # type: ignore[return-value]

    # CSRF: the office checks it for the tus POST/PATCH as for any form.
    from django.middleware.csrf import _get_new_csrf_string

    token = _get_new_csrf_string()
    cookie += f"; csrftoken={token}"
    meta = ",".join(
        f"{k} {base64.b64encode(v.encode()).decode()}"
        for k, v in {
            "kind": "audio_visual",
            "captured_at": "2025-03-03T09:00:00+08:00",
            "filename": "bench.mp4",
        }.items()
    )
    status, headers = call(
        "POST",
        f"/office/evidence/cases/{case.pk}/uploads/",
        {
            "Tus-Resumable": "1.0.0",
            "Upload-Length": str(size),
            "Upload-Metadata": meta,
            "X-CSRFToken": token,
        },
    )
    assert status.startswith("201"), (status, headers)
    location = headers["Location"]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with source.open("rb") as body:
        status, headers = call(
            "PATCH",
            location,
            {
                "Tus-Resumable": "1.0.0",
                "Upload-Offset": "0",
                "X-CSRFToken": token,
                "Content-Type": "application/offset+octet-stream",
                "Content-Length": str(size),
            },
            body,
        )
    upload_seconds = time.perf_counter() - started
    assert status.startswith("204"), (status, headers)
    item = EvidenceItem.objects.get(pk=headers["Evidence-Item"])
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    stored = Path(settings.PRIVATE_ROOT) / item.storage_key

    started = time.perf_counter()
    # The peer measured beside the upload; its path comes from shutil.which, not from input.
    output = subprocess.run(  # noqa: S603
        [shutil.which("sha256sum") or "sha256sum", str(stored)],
        capture_output=True,
        text=True,
        check=True,
    )
    sha256sum_seconds = time.perf_counter() - started
    assert output.stdout.split()[0] == item.sha256
    with stored.open("rb") as handle:
        assert hashlib.file_digest(handle, "sha256").hexdigest() == item.sha256
    result = {
        "size_bytes": size,
        "sm3": args.sm3,
        "upload_seconds": round(upload_seconds, 3),
        "upload_mb_per_s": round(size / upload_seconds / 1e6, 1),
        "sha256sum_seconds": round(sha256sum_seconds, 3),
        "sha256sum_mb_per_s": round(size / sha256sum_seconds / 1e6, 1),
        "ratio_upload_vs_sha256sum": round(sha256sum_seconds / upload_seconds, 2),
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "rss_before_upload_mib": round(rss_before / 1024, 1),
        "peak_rss_over_file_size": round(peak_kib * 1024 / size, 4),
    }
    print(json.dumps(result))
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
