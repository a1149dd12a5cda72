"""Pages spliced from a part compressed once and text compressed per request."""

import gzip

from django.test import RequestFactory

from perpus.compressed import compress_part, gzip_parts, spliced_response


def test_spliced_parts_are_one_valid_gzip_stream():
    kept = compress_part("<table>" + "<tr><td>Rp 1.000.000</td></tr>" * 2000 + "</table>")
    parts = ["<html><body>Perpustakaan Desa Lampihong Kanan · Kalimantan Selatan", kept, "", "é ü — 日本</body></html>"]
    # gzip.decompress checks the trailer's CRC-32 and length too.
    assert gzip.decompress(gzip_parts(parts)).decode() == parts[0] + kept.text.decode() + parts[3]
    assert gzip.decompress(gzip_parts([kept, kept])) == kept.text * 2
    assert gzip.decompress(gzip_parts([])) == b""
    # The kept part is compressed: it is not sent at its full length.
    assert len(gzip_parts(parts)) < len(kept.text) / 10


def test_gzipped_only_for_a_client_that_accepts_it():
    parts = ["<p>", compress_part("figures"), "</p>"]
    plain = spliced_response(RequestFactory().get("/"), parts)
    assert plain.content == b"<p>figures</p>" and not plain.has_header("Content-Encoding")
    zipped = spliced_response(RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br"), parts)
    assert zipped["Content-Encoding"] == "gzip" and gzip.decompress(zipped.content) == b"<p>figures</p>"
    assert "Accept-Encoding" in zipped["Vary"] and "Accept-Encoding" in plain["Vary"]


def test_each_stream_has_its_own_random_file_name():
    """Against BREACH, as GZipMiddleware: the header's length varies from response to response."""
    lengths = {len(gzip_parts(["<p>csrf</p>"])) for _ in range(20)}
    assert len(lengths) > 1
