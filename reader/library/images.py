"""What kind of picture a file is and how big, read from its first bytes (no Qt, no decoding).

Used by ``reader check`` to name images that are empty, not a picture, or too large to show,
and by the article view to refuse a picture that would need gigabytes of memory.
"""

from __future__ import annotations

import errno
import struct
from pathlib import Path

from reader.system.json_file import read_bytes

#: Larger pictures are not decoded: 20000×20000 pixels would need 1.6 GB of memory.
MAX_PIXELS = 40_000_000


class ImageError(ValueError):
    """The file is not a picture the reader can show; the message says why."""


def _jpeg_size(data: bytes) -> tuple[int, int]:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            index += 1
            continue
        marker = data[index + 1]
        length = struct.unpack(">H", data[index + 2:index + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5:index + 9])
            return width, height
        index += 2 + length
    raise ImageError("is a damaged JPEG (no size found)")


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of a regular file. A FIFO, a device or a folder raises
    :class:`ImageError` at once: opened the usual way, a FIFO would block the reader until
    someone writes to it."""
    try:
        data = read_bytes(path, size)
    except OSError as error:
        if error.errno in (errno.EISDIR, errno.EINVAL):  # a folder, a device or a FIFO
            raise ImageError("is not a picture file (a folder, a device or a pipe)") from None
        raise
    if data is None:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))
    return data


def image_size(path: Path) -> tuple[str, int, int]:
    """``(format, width, height)``; 0×0 for SVG (drawn at any size)."""
    data = read_head(path, 256 * 1024)
    if not data:
        raise ImageError("is empty")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        if len(data) < 24 or data[12:16] != b"IHDR":
            raise ImageError("is a damaged PNG")
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data.startswith(b"\xff\xd8"):
        width, height = _jpeg_size(data)
        return "jpeg", width, height
    if data[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", data[6:10])
        return "gif", width, height
    if data.startswith(b"BM") and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return "bmp", abs(width), abs(height)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp", 0, 0
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:4096]):
        return "svg", 0, 0
    raise ImageError("is not a picture the reader can show (PNG, JPEG, GIF, BMP, WebP, SVG)")


def check_image(path: Path) -> str:
    """"" if the picture can be shown, else why not."""
    try:
        _, width, height = image_size(path)
    except ImageError as problem:
        return str(problem)
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if width * height > MAX_PIXELS:
        return (f"is too large to show ({width}×{height} pixels; the limit is "
                f"{MAX_PIXELS // 1_000_000} million)")
    return ""
