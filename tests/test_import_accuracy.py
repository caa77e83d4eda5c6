"""make import, measured: the 2024 official text against the hand-made 2024 pages
(the same headings, every official sentence, the figures they mark: value, unit,
qualifier with recall >= 95% and precision >= 90%), and the same measure on reports
of other towns made for these tests (tests/import_documents.py), as .txt and .docx.
Run with -s to see the figures."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import ROOT
from import_documents import write_portal_text, write_word_document
from nicheng_report.bench.importing import accuracy_2024
from nicheng_report.importer.cleaning import squash
from nicheng_report.importer.keys import place_figures
from nicheng_report.importer.reading import read_document
from nicheng_report.importer.structure import parse_report

RECALL, PRECISION = 0.95, 0.90


def test_the_2024_text_reproduces_the_hand_made_pages():
    result = accuracy_2024(ROOT)
    print(f"\n2024 official text vs the hand-made 2024 pages: recall {result.recall:.1%} "
          f"({result.matched}/{result.expected}), precision {result.precision:.1%} ({result.matched}/{result.found}), "
          f"headings {'the same' if result.headings_same else 'DIFFERENT'}")
    assert result.headings_same
    assert result.recall >= RECALL and result.precision >= PRECISION


def test_every_official_sentence_of_2024_is_kept():
    report = parse_report(read_document(ROOT / "docs" / "data" / "2024.official.zh.txt").lines)
    kept = [report.title, *report.preamble]
    for section in report.sections:
        kept += [section.title, *(item.text for item in section.items)]
    kept += [*report.signature, report.signed or "", report.attachments or ""]
    official = (ROOT / "docs" / "data" / "2024.official.zh.txt").read_text(encoding="utf-8").splitlines()
    assert squash("".join(kept)) == squash("".join(official[3:]))


@pytest.mark.parametrize("name, write", [
    ("portal.txt", lambda path: write_portal_text(path)),
    ("portal-gb18030.txt", lambda path: write_portal_text(path, "gb18030")),
    ("portal-bom.txt", lambda path: write_portal_text(path, "utf-8-sig")),
    ("street.docx", write_word_document),
])
def test_reports_of_other_towns(tmp_path, name, write):
    path = tmp_path / name
    marked = Counter((value, unit, qualifier) for _, value, unit, qualifier in write(path))
    report = parse_report(read_document(path).lines)
    found = Counter((p.found.value, p.found.unit, p.found.qualifier) for p in place_figures(report).placed)
    matched = sum((marked & found).values())
    recall, precision = matched / sum(marked.values()), matched / max(1, sum(found.values()))
    print(f"\n{name}: recall {recall:.1%} ({matched}/{sum(marked.values())}), "
          f"precision {precision:.1%} ({matched}/{sum(found.values())})")
    assert recall >= RECALL and precision >= PRECISION, ((marked - found), (found - marked))
