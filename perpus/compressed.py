"""Pages made of a kept, already compressed part and a little text around it.

`GZipMiddleware` compresses each page whole on every request: for a dashboard whose
kept figures are 90 KB of HTML, that is most of the cost of a cached view. A part
compressed once (`compress_part`) is instead kept with its text, and each request
compresses only the text around it and splices the parts into one gzip stream
(`gzip_parts`). Each part is a raw deflate stream flushed to a byte boundary
(`Z_SYNC_FLUSH`) and started afresh, so parts can follow one another; the gzip
trailer's CRC-32 is computed over the whole text, which costs microseconds.

`spliced_response` returns the page gzipped when the client accepts it, else plain;
`GZipMiddleware` leaves a response that already has a `Content-Encoding` alone.
"""

from __future__ import annotations

import re
import secrets
import zlib
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

#: Level 6, as `GZipMiddleware`.
LEVEL = 6
#: A gzip member header: deflate, a file name follows, no time stamp, no extra flags, unknown OS.
GZIP_HEADER = b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\xff"
#: Random bytes of the header's file name, as `GZipMiddleware` adds them against BREACH: the
#: page around a kept part holds a CSRF token and reflects the URL.
MAX_RANDOM_BYTES = 100
# The last piece of every stream: an empty final block (fixed Huffman codes, end of block).
FINAL_BLOCK = b"\x03\x00"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


@dataclass(frozen=True)
class CompressedPart:
    """Text kept twice: as UTF-8 and as a raw deflate stream that other parts may follow."""

    text: bytes
    deflated: bytes


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


def compress_part(text: str) -> CompressedPart:
    """`text` compressed once, to be spliced into pages by `gzip_parts` (no query)."""
    data = text.encode()
    return CompressedPart(data, _deflate(data))


def gzip_parts(parts) -> bytes:
    """One gzip stream of `parts` in order: `str` parts compressed now, `CompressedPart`s as
    kept (no query)."""
    # A file name ends at its first NUL byte.
    name = secrets.token_bytes(secrets.randbelow(MAX_RANDOM_BYTES) + 1).replace(b"\x00", b"\x01")
    body, crc, size = [GZIP_HEADER, name, b"\x00"], 0, 0
    for part in parts:
        if isinstance(part, CompressedPart):
            data, deflated = part.text, part.deflated
        else:
            data = part.encode()
            deflated = _deflate(data) if data else b""
        body.append(deflated)
        crc = zlib.crc32(data, crc)
        size += len(data)
    body += [FINAL_BLOCK, crc.to_bytes(4, "little"), (size & 0xFFFFFFFF).to_bytes(4, "little")]
    return b"".join(body)


def spliced_response(request, parts, content_type: str = "text/html; charset=utf-8") -> HttpResponse:
    """A response of `parts` (see `gzip_parts`): gzipped when the request accepts gzip, else
    the plain text (no query)."""
    if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(gzip_parts(parts), content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(
            b"".join(part.text if isinstance(part, CompressedPart) else part.encode() for part in parts),
            content_type=content_type,
        )
    patch_vary_headers(response, ("Accept-Encoding",))
    return response
