#!/usr/bin/env python3
"""Pack the sample HTML pages in samples/warc-pages/ into a WARC/1.0 file.

The output imitates a news crawl archive (CC-NEWS style): every record is
gzip-compressed as its own gzip member, so the file can be read record by record
or decompressed as a whole.  It contains

  * one `warcinfo` record,
  * for each page a `response` record (an HTTP/1.1 200 response carrying the page),
  * one `request` record (the GET that fetched one of the pages), which readers
    of news should skip.

The output is deterministic: record IDs are fixed, dates are fixed, and every
gzip member is written with mtime=0 and no file name, so running the script
twice gives byte-identical files.

Usage:  python3 samples/make_warc.py [OUTPUT]
Default output: samples/news/crawl-2026-sample.warc.gz
Only the Python 3 standard library is used.
"""

import base64
import gzip
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES_DIR = os.path.join(HERE, "warc-pages")
DEFAULT_OUT = os.path.join(HERE, "news", "crawl-2026-sample.warc.gz")
WARC_NAME = "crawl-2026-sample.warc.gz"

WARCINFO_ID = "<urn:uuid:6f1c2a60-0b7e-4d1f-9a53-3c0f5e2d1a01>"

# (file in warc-pages/, WARC-Target-URI, WARC-Date of the fetch, response record ID,
#  request record ID or None, server IP address)
PAGES = [
    ("s2-northgatepost-brightwater-kestrel.html",
     "https://www.northgatepost.example/business/2026/04/06/brightwater-systems-kestrel-analytics-takeover-talks/",
     "2026-04-06T22:41:07Z",
     "<urn:uuid:6f1c2a60-0b7e-4d1f-9a53-3c0f5e2d1a02>",
     "<urn:uuid:6f1c2a60-0b7e-4d1f-9a53-3c0f5e2d1a03>",
     "192.0.2.41"),
    ("s2-transatlanticpress-brightwater-buys-kestrel.html",
     "https://www.transatlanticpress.example/world/business/brightwater-to-buy-kestrel-analytics-2026-04-28/",
     "2026-04-28T11:20:33Z",
     "<urn:uuid:6f1c2a60-0b7e-4d1f-9a53-3c0f5e2d1a04>",
     None,
     "198.51.100.17"),
    # Fetched through a shared link: the target URI carries tracking parameters;
    # the page's <link rel="canonical"> names the article.
    ("s3-cascadiacourier-marchetti-resigns.html",
     "https://www.cascadiacourier.example/business/banking/2026/05/12/cedarline-bank-ceo-helen-marchetti-resigns/?utm_source=facebook&utm_medium=social",
     "2026-05-12T23:52:10Z",
     "<urn:uuid:6f1c2a60-0b7e-4d1f-9a53-3c0f5e2d1a05>",
     None,
     "203.0.113.88"),
    # This page carries no publication date of its own: the WARC-Date is the only time.
    ("s5-capitalwire-pembrook-vine-layoffs.html",
     "https://www.capitalwire.example/news/retail/pembrook-vine-to-cut-1200-jobs-20260721",
     "2026-07-21T14:07:45Z",
     "<urn:uuid:6f1c2a60-0b7e-4d1f-9a53-3c0f5e2d1a06>",
     None,
     "192.0.2.120"),
]

CRLF = b"\r\n"


def http_date(warc_date):
    """2026-04-06T22:41:07Z -> Mon, 06 Apr 2026 22:41:05 GMT (two seconds earlier)."""
    import datetime
    dt = datetime.datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ") - datetime.timedelta(seconds=2)
    return dt.strftime("%a, %d %b %Y %H:%M:%S GMT")


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record(headers, block):
    """One WARC record: version line, named fields, blank line, block, two CRLFs."""
    lines = [b"WARC/1.0"]
    for name, value in headers:
        lines.append(f"{name}: {value}".encode("utf-8"))
    lines.append(f"Content-Length: {len(block)}".encode("ascii"))
    head = CRLF.join(lines) + CRLF + CRLF
    return head + block + CRLF + CRLF


def member(data):
    """Compress one record as a gzip member of its own, deterministically."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def host_and_path(uri):
    rest = uri.split("://", 1)[1]
    host, _, path = rest.partition("/")
    return host, "/" + path


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    chunks = []

    info = (
        "software: hearsay samples/make_warc.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        "description: Sample news crawl of fictional articles for hearsay tests and demo\r\n"
        "robots: obey\r\n"
        "isPartOf: hearsay-samples\r\n"
    ).encode("utf-8")
    chunks.append(member(record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", "2026-08-12T00:00:00Z"),
        ("WARC-Filename", WARC_NAME),
        ("WARC-Record-ID", WARCINFO_ID),
        ("Content-Type", "application/warc-fields"),
    ], info)))

    for name, uri, date, rid, req_id, ip in PAGES:
        with open(os.path.join(PAGES_DIR, name), "rb") as f:
            body = f.read()
        body.decode("utf-8")  # the pages must be valid UTF-8
        host, path = host_and_path(uri)

        if req_id is not None:
            req = (
                f"GET {path} HTTP/1.1\r\n"
                f"Host: {host}\r\n"
                "User-Agent: hearsay-sample-crawler/1.0 (+https://hearsay.example/crawler)\r\n"
                "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\n"
                "Accept-Language: en-US,en;q=0.7\r\n"
                "Accept-Encoding: identity\r\n"
                "Connection: close\r\n"
                "\r\n"
            ).encode("utf-8")
            chunks.append(member(record([
                ("WARC-Type", "request"),
                ("WARC-Target-URI", uri),
                ("WARC-Date", date),
                ("WARC-Record-ID", req_id),
                ("WARC-Warcinfo-ID", WARCINFO_ID),
                ("WARC-Concurrent-To", rid),
                ("WARC-IP-Address", ip),
                ("WARC-Block-Digest", sha1_b32(req)),
                ("Content-Type", "application/http; msgtype=request"),
            ], req)))

        http_head = (
            "HTTP/1.1 200 OK\r\n"
            f"Date: {http_date(date)}\r\n"
            "Server: nginx\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Cache-Control: max-age=60, public\r\n"
            "X-Cache: HIT\r\n"
            "Connection: close\r\n"
            "\r\n"
        ).encode("utf-8")
        block = http_head + body
        chunks.append(member(record([
            ("WARC-Type", "response"),
            ("WARC-Target-URI", uri),
            ("WARC-Date", date),
            ("WARC-Record-ID", rid),
            ("WARC-Warcinfo-ID", WARCINFO_ID),
            ("WARC-IP-Address", ip),
            ("WARC-Identified-Payload-Type", "text/html"),
            ("WARC-Payload-Digest", sha1_b32(body)),
            ("WARC-Block-Digest", sha1_b32(block)),
            ("Content-Type", "application/http; msgtype=response"),
        ], block)))

    with open(out, "wb") as f:
        for c in chunks:
            f.write(c)
    print(f"wrote {out}: {len(chunks)} records, {sum(len(c) for c in chunks)} bytes")


if __name__ == "__main__":
    main()
