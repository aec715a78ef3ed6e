"""What a file is, by its first bytes, and what its name may be.

The allow-list is small (photos, audio, video and PDF scans), so the signatures are written
here rather than taken from a general magic library: each entry is the published signature
of its format, ISO base media files are told apart by their `ftyp` brand (an `.m4a` is audio,
an `.mp4` video, a HEIC a photo), and Matroska by its EBML DocType. General libraries (tried:
puremagic 1.30) rank several guesses for the same header (`.koz` before `.mp3`, `video/mp4`
for an `.m4a`), which is the wrong shape for a refusal rule. Anything not listed is refused
(`evidence.type_not_allowed`), whatever its name says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["SNIFF_BYTES", "DetectedType", "detect_type", "sanitise_file_name"]

# Enough for every signature below (the longest check reads the first 64 bytes).
SNIFF_BYTES = 64
MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class DetectedType:
    content_type: str
    media: str  # image, audio, video, document: the size-limit class
    extension: str


_JPEG = DetectedType("image/jpeg", "image", ".jpg")
_PNG = DetectedType("image/png", "image", ".png")
_GIF = DetectedType("image/gif", "image", ".gif")
_WEBP = DetectedType("image/webp", "image", ".webp")
_HEIC = DetectedType("image/heic", "image", ".heic")
_PDF = DetectedType("application/pdf", "document", ".pdf")
_MP4 = DetectedType("video/mp4", "video", ".mp4")
_MOV = DetectedType("video/quicktime", "video", ".mov")
_3GP = DetectedType("video/3gpp", "video", ".3gp")
_WEBM = DetectedType("video/webm", "video", ".webm")
_MKV = DetectedType("video/x-matroska", "video", ".mkv")
_AVI = DetectedType("video/x-msvideo", "video", ".avi")
_M4A = DetectedType("audio/mp4", "audio", ".m4a")
_MP3 = DetectedType("audio/mpeg", "audio", ".mp3")
_AAC = DetectedType("audio/aac", "audio", ".aac")
_WAV = DetectedType("audio/wav", "audio", ".wav")
_OGG = DetectedType("audio/ogg", "audio", ".ogg")
_FLAC = DetectedType("audio/flac", "audio", ".flac")
_AMR = DetectedType("audio/amr", "audio", ".amr")

ALLOWED_TYPES: tuple[DetectedType, ...] = (
    _JPEG,
    _PNG,
    _GIF,
    _WEBP,
    _HEIC,
    _PDF,
    _MP4,
    _MOV,
    _3GP,
    _WEBM,
    _MKV,
    _AVI,
    _M4A,
    _MP3,
    _AAC,
    _WAV,
    _OGG,
    _FLAC,
    _AMR,
)

_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P "}


def _iso_bmff(head: bytes) -> DetectedType | None:
    """ISO/IEC 14496-12 file: a `ftyp` box first, major brand at bytes 8–12."""
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(head[0:4], "big")
    if box_size < 16 and box_size != 0:
        return None
    brand = head[8:12]
    compatible = {head[i : i + 4] for i in range(16, min(box_size, len(head)) - 3, 4)}
    if brand in _HEIF_BRANDS or compatible & {b"heic", b"heix"}:
        return _HEIC
    if brand in _AUDIO_BRANDS:
        return _M4A
    if brand == b"qt  ":
        return _MOV
    if brand.startswith((b"3gp", b"3g2")):
        return _3GP
    return _MP4


def _mpeg_audio(head: bytes) -> DetectedType | None:
    if head.startswith(b"ID3"):
        return _MP3
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF0 == 0xF0:
        layer = (head[1] >> 1) & 0b11
        if layer == 0:  # ADTS (layer bits 00): AAC
            return _AAC
        return _MP3
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0b110:
        return _MP3  # MPEG-2.5 / MPEG-2 audio frame sync
    return None


def detect_type(head: bytes) -> DetectedType | None:
    """The allowed type whose signature `head` (the first bytes of the file) carries, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return _JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _PNG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return _GIF
    if head.startswith(b"%PDF-"):
        return _PDF
    if head.startswith(b"RIFF") and len(head) >= 12:
        return {b"WEBP": _WEBP, b"WAVE": _WAV, b"AVI ": _AVI}.get(head[8:12])
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return _WEBM if b"webm" in head[:SNIFF_BYTES] else _MKV
    if head.startswith(b"OggS"):
        return _OGG
    if head.startswith(b"fLaC"):
        return _FLAC
    if head.startswith(b"#!AMR"):
        return _AMR
    return _iso_bmff(head) or _mpeg_audio(head)


_RESERVED = re.compile(r'[\\/:*?"<>|]')
_SPACES = re.compile(r"\s+")


def sanitise_file_name(name: str, *, fallback_extension: str = "") -> str:
    """A file name safe to show and to offer as a download name.

    Keeps only the last path component (no `..`, no folders, either slash), drops control and
    format characters (NUL, newlines, bidirectional overrides such as U+202E), replaces the
    characters Windows reserves, trims leading dots and spaces, and cuts it to 200 characters
    keeping the extension. The file is never stored under this name (the storage key is the
    platform's), so the name only has to be harmless to display and to download.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"})
    name = _SPACES.sub(" ", _RESERVED.sub("_", name)).strip().lstrip(". ")
    if not name or set(name) <= {"."}:
        name = "evidence" + fallback_extension
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            name = stem[: MAX_NAME_LENGTH - len(extension) - 1] + "." + extension
        else:
            name = name[:MAX_NAME_LENGTH]
    return name
