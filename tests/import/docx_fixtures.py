"""Hand-made Word documents: the WordprocessingML parts written out here, so each edge case
(nested tables, tracked changes, comments, a two-paragraph footnote, a picture without alt
text) is a few lines of XML a reader can check against the specification."""
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' \
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' \
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="character" w:styleId="German"><w:name w:val="German"/><w:rPr><w:lang w:val="de-DE"/></w:rPr></w:style>
</w:styles>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:creator>Ada Writer</dc:creator></cp:coreProperties>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def p(text="", style=None, jc=None, ind=None, page_break=False, runs=None):
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if page_break:
        props += "<w:pageBreakBefore/>"
    if ind:
        props += f'<w:ind w:left="{ind}"/>'
    if jc:
        props += f'<w:jc w:val="{jc}"/>'
    body = runs if runs is not None else (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}{body}</w:p>"


def r(text, props=""):
    return f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def picture(rel, alt, name="Picture 1"):
    descr = f' descr="{alt}"' if alt is not None else ""
    return (f'<w:r><w:drawing><wp:inline><wp:docPr id="1" name="{name}"{descr}/><a:graphic><a:graphicData>'
            f'<pic:pic><pic:blipFill><a:blip r:embed="{rel}"/></pic:blipFill></pic:pic>'
            f"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")


def table(rows):
    def cell(c):
        return f"<w:tc>{c if c.startswith('<w:') else p(c)}</w:tc>"
    return "<w:tbl>" + "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>" for row in rows) + "</w:tbl>"


def write_docx(path, body, footnotes=None, images=None, title="A Word Book", media_rels=()):
    """`footnotes`: id → list of paragraph texts; `images`: rel id → PNG bytes; `media_rels`:
    rel ids of pictures (word/media/ID.png) the caller adds to the zip itself."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("docProps/core.xml", CORE.format(title=title))
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   f"<w:document {W}><w:body>{body}</w:body></w:document>")
        rels = ""
        for rel, data in (images or {}).items():
            z.writestr(f"word/media/{rel}.png", data)
            rels += (f'<Relationship Id="{rel}" Type="http://schemas.openxmlformats.org/officeDocument/'
                     f'2006/relationships/image" Target="media/{rel}.png"/>')
        for rel in media_rels:
            rels += (f'<Relationship Id="{rel}" Type="http://schemas.openxmlformats.org/officeDocument/'
                     f'2006/relationships/image" Target="media/{rel}.png"/>')
        rels += ('<Relationship Id="rLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/hyperlink" Target="https://example.org" TargetMode="External"/>')
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        if footnotes:
            notes = "".join(f'<w:footnote w:id="{i}">' + "".join(p(t) for t in paras) + "</w:footnote>"
                            for i, paras in footnotes.items())
            z.writestr("word/footnotes.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}>'
                       '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
                       f"{notes}</w:footnotes>")
