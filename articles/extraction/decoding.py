"""Bytes to clean text: the one place that decides an input's character encoding.

Every reader works on `str`; this module turns whatever arrived (UTF-8 with or without
a BOM, a page that declares its charset, an old cp1252 dump that declares nothing) into
text with `\\n` line ends and no NUL bytes, or refuses input that is empty or binary.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .records import ParseError

# Magic numbers of files that are sometimes saved under a story's name by mistake.
BINARY_SIGNATURES = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\x1f\x8b",  # gzip
    b"RIFF",
)

# Text has almost no C0 control characters besides tab and line ends; random or
# compressed bytes have about one in ten. NUL is counted apart: it is stripped, not fatal.
CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01

# Share of non-ASCII letters above which cp1252 is doubted (Portuguese runs near 5%),
# judged on the first characters only.
MAX_ACCENTED_SHARE = 0.3
SCRIPT_SAMPLE = 20_000

# Browsers read pages declared Latin-1 or ASCII as windows-1252, and so do old sites'
# authors: 0x93/0x94 are curly quotes, not C1 control characters.
WEB_CHARSET_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}

# Only the head of a document is searched for a declaration, as browsers do.
DECLARATION_WINDOW = 2048
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """Decode `data` to text with `\\n` line ends and no NUL characters.

    Order: a byte-order mark; valid UTF-8 (what every current source sends); the charset
    the document declares; cp1252 (old UN News Centre dumps); charset-normalizer's guess.
    Raises `ParseError` for empty, whitespace-only or binary input.
    """
    if not data.strip():
        raise ParseError("empty: the input has no text")
    text = _decode_bytes(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise ParseError("empty: the input has no text")
    return text


def _decode_bytes(data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if looks_binary(data):
        raise ParseError("not text: the input looks like binary data (an image or archive?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = declared_charset(data)
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and reads_as_western(text):
        return text
    best = from_bytes(data).best()
    if best is None:
        raise ParseError("not text: no character encoding fits the input")
    return str(best)


def reads_as_western(text: str) -> bool:
    """True when cp1252 gave Western European text rather than another script's bytes.

    Accented letters are a minority of a French or Spanish text's letters; Cyrillic or
    Greek bytes read as cp1252 come out as words made of nothing else ("Ïðèâåò").
    """
    letters = [character for character in text[:SCRIPT_SAMPLE] if character.isalpha()]
    accented = sum(1 for character in letters if not character.isascii())
    return accented <= MAX_ACCENTED_SHARE * len(letters)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are an image, an archive or noise rather than text."""
    if data.startswith(BINARY_SIGNATURES):
        return True
    sample = data[:8192]
    controls = len(CONTROL_BYTES.findall(sample))
    nuls = sample.count(0)
    return controls > MAX_CONTROL_SHARE * len(sample) or nuls > len(sample) // 4


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML `<meta>` or XML declaration names, if any."""
    match = DECLARED_CHARSET.search(data[:DECLARATION_WINDOW])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        return None
    return WEB_CHARSET_ALIASES.get(encoding, encoding)
