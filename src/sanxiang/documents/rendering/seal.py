"""A generated agency seal (电子印章 image) for agencies that have not uploaded theirs.

The demo and a fresh installation need a seal to print decisions (LAW-APL-59: "必须盖有……印章"):
this draws the usual round red seal — a ring, the agency's name along the upper arc and a
five-pointed star in the middle — as a transparent PNG with Pillow. An administrator replaces
it with the agency's real seal image in the document settings.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

__all__ = ["draw_seal", "seal_font"]

_RED = (208, 0, 0, 235)
# CJK fonts looked up by file name in the system font folders (fonts-noto-cjk, WenQuanYi…).
_FONT_FILES = (
    ("NotoSerifCJK-Bold.ttc", 2),
    ("NotoSansCJK-Bold.ttc", 2),
    ("NotoSansCJK-Regular.ttc", 2),
    ("wqy-zenhei.ttc", 0),
)


def seal_font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A CJK font of `size` pixels, or Pillow's default font if none is installed."""
    for name, index in _FONT_FILES:
        try:
            return ImageFont.truetype(name, size, index=index)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, radius: float) -> None:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.382
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=_RED)


def draw_seal(name: str, *, size: int = 480) -> bytes:
    """A round red seal with `name` along the upper arc, as PNG bytes (transparent)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    border = size // 28
    draw.ellipse((border, border, size - border, size - border), outline=_RED, width=border)
    centre = size / 2
    _star(draw, centre, centre, size * 0.17)
    characters = list(name)
    glyph = int(size * (0.13 if len(characters) <= 12 else 0.105))
    font = seal_font(glyph)
    radius = size / 2 - border * 2.5 - glyph * 0.62
    # Spread the name over ~250 degrees of the upper arc, centred at the top.
    span = math.radians(min(250.0, 22.0 * len(characters)))
    for i, character in enumerate(characters):
        fraction = 0.5 if len(characters) == 1 else i / (len(characters) - 1)
        angle = -math.pi / 2 - span / 2 + span * fraction
        tile = Image.new("RGBA", (glyph * 2, glyph * 2), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((glyph, glyph), character, font=font, fill=_RED, anchor="mm")
        tile = tile.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        x = centre + radius * math.cos(angle) - glyph
        y = centre + radius * math.sin(angle) - glyph
        image.alpha_composite(tile, (int(x), int(y)))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
