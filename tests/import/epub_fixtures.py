"""Small EPUBs made in the test, from a dict of entry name → text: folio's EPUBs are made by
folio itself (round_trip_test.py); these carry other producers' semantics and bad input."""
import zipfile

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def opf(spine, version="3.0", title="A Test Book", extra_meta="", extra_items=""):
    items = "".join(f'<item id="{i}" href="{h}" media-type="application/xhtml+xml"/>'
                    for i, h in spine)
    refs = "".join(f'<itemref idref="{i}"/>' for i, _ in spine)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="uid">urn:uuid:12345678-1234-5678-1234-567812345678</dc:identifier>
<dc:title>{title}</dc:title>
<dc:creator opf:role="aut">Ada Writer</dc:creator>
<dc:language>en-GB</dc:language>
{extra_meta}
</metadata>
<manifest>{items}{extra_items}</manifest>
<spine>{refs}</spine>
</package>"""


def xhtml(body, lang="en-GB", doctype=""):
    return f"""<?xml version="1.0" encoding="utf-8"?>{doctype}
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{lang}">
<head><title>t</title></head>
<body>{body}</body>
</html>"""


def write_epub(path, entries, stored=()):
    """Writes `entries` (name → str or bytes) as an EPUB zip, `stored` ones uncompressed."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        if "META-INF/container.xml" not in entries:
            z.writestr("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        for name, data in entries.items():
            z.writestr(name, data, zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED)


def simple_book(chapter_body, **kw):
    return {"OEBPS/content.opf": opf([("c1", "text/chapter-1.xhtml")], **kw),
            "OEBPS/text/chapter-1.xhtml": xhtml(chapter_body)}


def png(width=4, height=4):
    """A small grey PNG, made here so the test needs no image file."""
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


PNG = png()
