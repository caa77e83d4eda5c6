"""make import, reading (nicheng_report.importer.reading): Word documents as Word gives
them, text in UTF-8, UTF-8 with a BOM or GB18030, and every bad input refused with a
bilingual message before anything is written."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest

from import_documents import PORTAL_TOWN, marked, plain_word_text, write_portal_text, write_word_document
from nicheng_report.importer.reading import Refused, read_document

TEXT, _ = marked(PORTAL_TOWN)


@pytest.mark.parametrize("encoding, detected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("utf-16", "utf-16")])
def test_text_in_any_usual_encoding_reads_the_same(tmp_path, encoding, detected):
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode(encoding))
    document = read_document(path)
    assert document.encoding == detected and document.kind == "txt"
    assert document.lines == [line for line in TEXT.splitlines() if line.strip()]
    assert not document.text.startswith("\ufeff")       # the project's copy has no BOM


def test_gbk_text_with_windows_line_ends(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gbk"))
    assert read_document(path).lines[0] == "2023年度书院镇法治政府建设情况报告"


def test_a_word_document_reads_paragraph_by_paragraph_ignoring_styles(tmp_path):
    path = tmp_path / "report.docx"
    write_word_document(path)
    document = read_document(path)
    assert document.kind == "docx"
    lines = [line.strip("\u3000") for line in document.lines]
    expected = plain_word_text().splitlines()
    # the manual line break inside the preamble's sentence only wrapped it: one line, as in Word
    assert lines == expected
    assert lines[0] == "浦兴路街道办事处" and lines[3].startswith("2022年,街道坚持")


def test_a_manual_line_break_after_a_heading_starts_a_new_line(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("(一)加强学习。").add_break()
    paragraph.add_run("全年学习12次,")
    paragraph.runs[-1].add_break()
    paragraph.add_run("覆盖全体干部。")
    path = tmp_path / "breaks.docx"
    document.save(str(path))
    assert read_document(path).lines == ["(一)加强学习。", "全年学习12次,覆盖全体干部。"]


def test_a_table_in_a_word_document_is_read_cell_by_cell(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2024年度某镇法治政府建设情况报告")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "调解纠纷"
    table.rows[0].cells[1].text = "626件"
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert read_document(path).lines == ["2024年度某镇法治政府建设情况报告", "调解纠纷", "626件"]


def refused(path: Path) -> Refused:
    with pytest.raises(Refused) as caught:
        read_document(path)
    return caught.value


@pytest.mark.parametrize("name, content, zh, en", [
    ("report.txt", b"", "空文件", "is empty"),
    ("report.txt", b"  \n\r\n ", "空文件", "is empty"),
    ("report.docx", b"", "空文件", "is empty"),
    ("report.doc", b"\xd0\xcf\x11\xe0whatever", "另存为", "Save As"),
    ("report.pdf", b"%PDF-1.7", "另存为", "Save As"),
    ("report.odt", b"PK\x03\x04", ".docx", ".docx"),
    ("report.docx", "2024年度报告\n一、工作".encode(), "不是 Word 文档", "no Word document"),
    ("report.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧的 Word 格式", "old Word document"),
    ("report.docx", b"%PDF-1.4 ...", "PDF", "PDF"),
    ("report.txt", b"PK\x03\x04\x14\x00", "Word 文档或其他压缩文件", "Word document or another zip"),
    ("report.txt", b"%PDF-1.4 ...", "PDF", "PDF"),
    ("report.txt", b"\x00\x01\x02binary\x00", "二进制", "binary"),
    ("report.txt", b"\xff\xfe\xfd\xfc\x80\x80\x80", "编码无法识别", "encoding"),
    ("report.txt", "Plain English only, no Chinese at all.".encode(), "编码无法识别", "encoding"),
])
def test_bad_input_is_refused_in_both_languages(tmp_path, name, content, zh, en):
    path = tmp_path / name
    path.write_bytes(content)
    refusal = refused(path)
    assert zh in refusal.zh and en in refusal.en, (refusal.zh, refusal.en)


def test_a_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "不是 Word")
    assert "压缩包" in refused(path).zh


def test_a_missing_file(tmp_path):
    refusal = refused(tmp_path / "nowhere.txt")
    assert "找不到" in refusal.zh and "no file" in refusal.en


def test_a_bom_file_with_gb18030_bytes_after_it_is_refused(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(codecs.BOM_UTF8 + "报告".encode("gb18030"))
    assert "编码" in refused(path).zh


def test_portal_text_writer_round_trip(tmp_path):
    figures = write_portal_text(tmp_path / "a.txt", "gb18030")
    assert len(figures) > 20 and read_document(tmp_path / "a.txt").encoding == "gb18030"
