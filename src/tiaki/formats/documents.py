"""Checks that a package's documents hold no imagery, no embedded file, no script and no reference to
anything outside themselves. Used by ``formats/package.py`` when writing and when verifying.

**HTML** (``check_html``): parsed with the standard library's HTML parser. Refused: the elements
``img``, ``picture``, ``image``, ``video``, ``audio``, ``source``, ``track``, ``object``, ``embed``,
``iframe``, ``frame``, ``frameset``, ``canvas``, ``script``, ``noscript``, ``link``, ``base``,
``meta`` other than ``charset``, ``foreignObject``, ``use``, ``form``; any ``on...`` event attribute;
``src``, ``srcset``, ``href`` (other than a fragment ``#...``), ``xlink:href``, ``action``,
``poster``, ``background`` attributes; and anywhere in the text, attributes or style: ``data:``,
``javascript:``, ``url(``, ``@import``.

**PDF** (``check_pdf``), a conservative structural check written for this purpose rather than a full
parser: the file must start with ``%PDF-`` and hold no ``/Encrypt``; every stream's filter must be
absent or ``/FlateDecode`` (the image filters ``DCTDecode``, ``JPXDecode``, ``JBIG2Decode``,
``CCITTFaxDecode``, ``RunLengthDecode`` and any other are refused) and must decompress; then, in every
object's dictionary and in every decompressed object stream, the names ``/Image``, ``/EmbeddedFile``,
``/EmbeddedFiles``, ``/FileAttachment``, ``/JavaScript``, ``/JS``, ``/Launch``, ``/URI``,
``/SubmitForm``, ``/ImportData``, ``/GoToR``, ``/GoToE``, ``/RichMedia``, ``/Movie``, ``/Sound``,
``/OpenAction``, ``/AA``, ``/XFA`` and ``/AcroForm`` are refused (names are read with their ``#xx``
escapes decoded), and in every page or form content stream an inline image (``BI`` ... ``ID``) is
refused. A PDF that cannot be read this way is refused: what cannot be inspected does not leave.
Rendering the PDF's pages (``pdftoppm``) in the tests shows a person what it holds.
"""

from __future__ import annotations

import re
import zlib
from html.parser import HTMLParser

_FORBIDDEN_ELEMENTS = frozenset(
    {
        "img", "picture", "image", "video", "audio", "source", "track", "object", "embed", "iframe",
        "frame", "frameset", "canvas", "script", "noscript", "link", "base", "foreignobject", "use",
        "form", "input", "button", "svg:image",
    }
)  # fmt: skip
_FORBIDDEN_ATTRIBUTES = frozenset(
    {"src", "srcset", "xlink:href", "action", "poster", "background", "formaction"}
)
_FORBIDDEN_TEXT = re.compile(r"data:|javascript:|url\s*\(|@import", re.IGNORECASE)


class DocumentError(ValueError):
    """Why a document may not leave, in one line."""


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problem: str | None = None

    def _refuse(self, problem: str) -> None:
        if self.problem is None:
            self.problem = f"line {self.getpos()[0]}: {problem}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORBIDDEN_ELEMENTS:
            self._refuse(f"a <{tag}> element")
        if tag == "meta" and any(name != "charset" for name, _ in attrs):
            self._refuse("a <meta> other than its charset")
        for name, value in attrs:
            text = value or ""
            if name.startswith("on"):
                self._refuse(f"an event attribute {name}")
            elif name in _FORBIDDEN_ATTRIBUTES:
                self._refuse(f"a {name} attribute on <{tag}>")
            elif name == "href" and not text.startswith("#"):
                self._refuse(f"a reference outside the document ({name} on <{tag}>)")
            elif _FORBIDDEN_TEXT.search(text):
                self._refuse(f"{_FORBIDDEN_TEXT.search(text).group()!r} in an attribute of <{tag}>")  # type: ignore[union-attr]

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        found = _FORBIDDEN_TEXT.search(data)
        if found:
            self._refuse(f"{found.group()!r} in the text or style")

    def handle_comment(self, data: str) -> None:
        self.handle_data(data)

    def handle_pi(self, data: str) -> None:
        self._refuse("a processing instruction")


def check_html(text: str) -> None:
    """Raise :class:`DocumentError` when ``text`` holds imagery, script or an outside reference."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    if checker.problem:
        raise DocumentError(checker.problem)


_FORBIDDEN_NAMES = frozenset(
    {
        "Image", "EmbeddedFile", "EmbeddedFiles", "FileAttachment", "JavaScript", "JS", "Launch", "URI",
        "SubmitForm", "ImportData", "GoToR", "GoToE", "RichMedia", "Movie", "Sound", "OpenAction", "AA",
        "XFA", "AcroForm", "Encrypt",
    }
)  # fmt: skip
_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b(?!\s+\d+\s+R)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/<>\[\]()]+)")
_INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s.*?\sID\s", re.DOTALL)
_FONT_PROGRAM = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")


def _names(data: bytes) -> set[str]:
    names = set()
    for match in _NAME.finditer(data):
        raw = match.group(1)
        decoded = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        names.add(decoded.decode("latin-1"))
    return names


def _streams(data: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """The file without its stream bodies, and (dictionary, raw body) of every stream. A body's end
    is its direct ``/Length`` when ``endstream`` follows it there, else the next ``endstream``."""
    outside = bytearray()
    streams: list[tuple[bytes, bytes]] = []
    position = 0
    while (found := _STREAM.search(data, position)) is not None:
        start = data.rfind(b"obj", position, found.start())
        dictionary = data[start if start >= 0 else position : found.start()]
        length = _LENGTH.search(dictionary)
        end = -1
        if length is not None:
            candidate = found.end() + int(length.group(1))
            if re.match(rb"\s*endstream", data[candidate : candidate + 12]):
                end = candidate
        if end < 0:
            end = data.find(b"endstream", found.end())
        if end < 0:
            raise DocumentError("a stream without its end")
        outside += data[position : found.start()]
        streams.append((dictionary, data[found.end() : end]))
        position = data.find(b"endstream", end) + len(b"endstream")
    outside += data[position:]
    return bytes(outside), streams


def check_pdf(data: bytes) -> None:
    """Raise :class:`DocumentError` unless ``data`` is a PDF with no image, embedded file, script,
    action or outside reference (see the module's description)."""
    if not data.startswith(b"%PDF-"):
        raise DocumentError("is not a PDF (no %PDF- header)")
    outside, streams = _streams(data)
    if not streams and not _OBJ.search(data):
        raise DocumentError("holds no PDF objects")
    dictionaries = [outside]
    for dictionary, body in streams:
        dictionaries.append(dictionary)
        found = _FILTER.search(dictionary)
        filters = _names(found.group(1)) if found else set()
        if filters - {"FlateDecode"}:
            raise DocumentError(f"a stream with the filter {', '.join(sorted(filters))} (only FlateDecode)")
        if "DecodeParms" in _names(dictionary) and filters:
            raise DocumentError("a stream with decode parameters (predictors are not read here)")
        try:
            content = zlib.decompress(body) if filters else body
        except zlib.error as error:
            raise DocumentError(f"a stream that does not decompress ({error})") from None
        kinds = _names(dictionary)
        if "ObjStm" in kinds:
            dictionaries.append(content)
        elif (
            not _FONT_PROGRAM.search(dictionary)
            and not kinds & {"XRef", "Metadata"}
            and _INLINE_IMAGE.search(content)
        ):
            raise DocumentError("an inline image in a content stream")
    for part in dictionaries:
        bad = _names(part) & _FORBIDDEN_NAMES
        if bad:
            raise DocumentError(f"holds /{sorted(bad)[0]} (images, files, scripts and actions never leave)")
