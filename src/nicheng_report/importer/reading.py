"""Read the official document into lines of text: a Word document (.docx, with
python-docx) or a text file (.txt, UTF-8, UTF-8 with a BOM or GB18030, detected).

Fonts, styles and heading styles are ignored: a report's headings are usually
ordinary, often bold, paragraphs, and the structure is found from their
numbering (structure.py). Anything else (.doc, .pdf, …), an empty file, a file
that is not what its extension says and a text in no known encoding are refused
with a bilingual message (Refused), before anything is written.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

__all__ = ["Refused", "Document", "read_document", "decode_text"]

CJK = re.compile(r"[\u3400-\u9fff]")
# Control characters that a text file never holds (tab, line feed, carriage return and form feed are allowed).
BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"        # .doc, .xls (Word 97-2003)
PDF_MAGIC = b"%PDF"
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[、.．])")


class Refused(Exception):
    """A document the importer cannot take, with what to do; nothing has been written."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh}\n{en}")
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class Document:
    lines: list[str]        # the text, one paragraph a line, as received (not yet cleaned)
    kind: str               # "docx" or "txt"
    encoding: str           # "utf-8", "utf-8-sig", "gb18030", or "docx"
    received: str | None = None   # a text file's text exactly as received (decoded, without a BOM)

    @property
    def text(self) -> str:
        """The text as the project keeps it (docs/data/YEAR.official.zh.txt), in UTF-8: a text file's as
        received; a Word document's one paragraph a line."""
        return self.received if self.received is not None else "\n".join(self.lines) + "\n"


def read_document(path: Path) -> Document:
    """The document at `path`, or Refused."""
    if not path.is_file():
        raise Refused(f"找不到文件 {path}。", f"there is no file {path}.")
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".txt"):
        raise Refused(
            f"不能导入 {path.name}：只接受 Word 文档（.docx）和纯文本（.txt）。"
            f"{'.doc 是旧的 Word 格式：' if suffix == '.doc' else ''}请在 Word 或 WPS 中打开，"
            "选择“另存为”→“Word 文档 (*.docx)”，再导入那个文件；PDF 请向发文单位索取 Word 文档，或复制正文存为 .txt。",
            f"cannot import {path.name}: only Word documents (.docx) and plain text (.txt) are accepted. "
            f"{'.doc is the old Word format: ' if suffix == '.doc' else ''}Open it in Word or WPS, choose "
            "Save As → Word Document (*.docx) and import that file; for a PDF, ask the issuing office for the Word "
            "document, or copy the text into a .txt file.")
    data = path.read_bytes()
    if not data.strip():
        raise Refused(f"{path.name} 是空文件。请检查是否保存了正确的文件。",
                      f"{path.name} is empty. Check that the right file was saved.")
    if suffix == ".docx":
        return _read_docx(path, data)
    return _read_txt(path, data)


def _not_what_it_says(path: Path, found: str, found_en: str) -> NoReturn:
    raise Refused(f"{path.name} 的扩展名是 {path.suffix}，但内容是{found}。请用 Word 打开后另存为 .docx，或把正文存为 .txt。",
                   f"{path.name} is named {path.suffix} but holds {found_en}. Open it in Word and save it as .docx, "
                   "or save the text as .txt.")


def _read_docx(path: Path, data: bytes) -> Document:
    if data.startswith(OLE_MAGIC):
        _not_what_it_says(path, "旧的 Word 格式（.doc）", "an old Word document (.doc)")
    if data.startswith(PDF_MAGIC):
        _not_what_it_says(path, " PDF", "a PDF")
    if not data.startswith(ZIP_MAGIC) or not zipfile.is_zipfile(path):
        _not_what_it_says(path, "文本或其他格式，不是 Word 文档", "no Word document (text or another format)")
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                _not_what_it_says(path, "压缩包，不是 Word 文档", "a zip archive, not a Word document")
    except zipfile.BadZipFile:
        _not_what_it_says(path, "损坏的压缩文件", "a damaged zip file")
    import docx  # python-docx, only when a .docx is read

    try:
        document = docx.Document(str(path))
    except Exception:  # noqa: BLE001 - any reason python-docx gives: the file is not usable
        raise Refused(f"{path.name} 无法作为 Word 文档读取（文件可能已损坏）。请在 Word 中打开后重新另存为 .docx。",
                      f"{path.name} cannot be read as a Word document (the file may be damaged). Open it in Word and "
                      "save it again as .docx.") from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines += _paragraph_lines(docx.text.paragraph.Paragraph(block, document))
        elif tag == "tbl":   # a table: each cell's paragraphs in reading order
            table = docx.table.Table(block, document)
            for row in table.rows:
                for cell in _unique_cells(row.cells):
                    for paragraph in cell.paragraphs:
                        lines += _paragraph_lines(paragraph)
    lines = [line for line in lines if line.strip()]
    if not lines:
        raise Refused(f"{path.name} 中没有文字。", f"{path.name} holds no text.")
    return Document(lines=lines, kind="docx", encoding="docx")


def _unique_cells(cells: list) -> list:
    """A row's cells, a merged cell once."""
    seen: set[int] = set()
    unique = []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique


def _paragraph_lines(paragraph) -> list[str]:
    """A paragraph's text. A manual line break (Shift+Enter) starts a new line after a sentence
    or a heading, or before a numbered heading; inside a sentence it only wrapped the line."""
    lines: list[str] = []
    for part in re.split(r"[\n\v\r]", paragraph.text.replace("\t", " ")):
        if lines and not re.search(r"[。！？!?：:；;]\s*$", lines[-1]) and not NUMBERED.match(part.strip()):
            lines[-1] += part
        else:
            lines.append(part)
    return lines


def _read_txt(path: Path, data: bytes) -> Document:
    if data.startswith(ZIP_MAGIC):
        _not_what_it_says(path, " Word 文档或其他压缩文件", "a Word document or another zip file")
    if data.startswith(OLE_MAGIC):
        _not_what_it_says(path, "旧的 Word 格式（.doc）", "an old Word document (.doc)")
    if data.startswith(PDF_MAGIC):
        _not_what_it_says(path, " PDF", "a PDF")
    text, encoding = decode_text(path, data)
    lines = [line for line in text.splitlines() if line.strip()]
    return Document(lines=lines, kind="txt", encoding=encoding, received=text)


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was in: UTF-8 (with or without a BOM), or GB18030
    (which includes GBK and GB2312). UTF-16 with a BOM is read too. Refused when none fits."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if BINARY.search(text):
            _not_what_it_says(path, "二进制数据，不是文本", "binary data, not text")
        if not CJK.search(text):
            continue   # a report in Chinese: a decoding with no Chinese at all is the wrong one
        return text, encoding
    raise Refused(f"{path.name} 的文字编码无法识别（不是 UTF-8 或 GB18030，或不含中文）。"
                  "请在记事本或 WPS 中打开，另存为“UTF-8”编码的 .txt 后再导入。",
                  f"the text encoding of {path.name} is not recognized (neither UTF-8 nor GB18030, or no Chinese "
                  "in it). Open it in a text editor and save it as a .txt in UTF-8, then import that file.")
