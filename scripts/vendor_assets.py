"""Copy the front-end packages installed by npm into the platform's static folder.

The platform serves every script, style and font itself (no CDN); the copies are build output
and stay out of version control. Run by `make install`.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE = ROOT / "node_modules"
VENDOR = ROOT / "src" / "sanxiang" / "web" / "static" / "vendor"

# (source under node_modules, destination under static/vendor)
ASSETS: list[tuple[str, str]] = [
    ("bootstrap/dist/css/bootstrap.min.css", "bootstrap/bootstrap.min.css"),
    ("bootstrap/dist/js/bootstrap.bundle.min.js", "bootstrap/bootstrap.bundle.min.js"),
    ("bootstrap-icons/font/bootstrap-icons.min.css", "bootstrap-icons/bootstrap-icons.min.css"),
    ("bootstrap-icons/font/fonts", "bootstrap-icons/fonts"),
    ("htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"),
    ("echarts/dist/echarts.min.js", "echarts/echarts.min.js"),
    # Resumable evidence uploads (tus 1.0 protocol), evidence app.
    ("tus-js-client/dist/tus.min.js", "tus/tus.min.js"),
]


def main() -> int:
    missing = [src for src, _ in ASSETS if not (NODE / src).exists()]
    if missing:
        print(f"missing front-end packages (run npm ci): {', '.join(missing)}", file=sys.stderr)
        return 1
    for src, dest in ASSETS:
        target = VENDOR / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        if (NODE / src).is_dir():
            shutil.copytree(NODE / src, target, dirs_exist_ok=True)
        else:
            shutil.copy2(NODE / src, target)
    print(f"vendored {len(ASSETS)} front-end assets into {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
