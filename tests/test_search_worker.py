"""nicheng_report.search.worker: Material's search worker patched in checked places,
and the verbatim factor that puts a passage holding the whole query first (issue #16),
run in Node as the worker runs it; the built site publishes the patched worker and
the retuned title boost in both editions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from nicheng_report.errors import StaffError
from nicheng_report.languages import LANGUAGES
from nicheng_report.search.worker import PATCHES, VERBATIM, VERBATIM_JS, WORKERS, patch_worker

MATERIAL_WORKERS = sorted((Path(material.__file__).parent / "templates" / WORKERS).glob("search.*.min.js"))


def material_worker() -> str:
    assert len(MATERIAL_WORKERS) == 1, MATERIAL_WORKERS
    return MATERIAL_WORKERS[0].read_text(encoding="utf-8")


def test_every_patch_applies_to_materials_worker_once():
    patched = patch_worker(material_worker())
    for _, original, replacement in PATCHES:
        assert patched.count(replacement) == 1 and original not in patched.replace(replacement, "")
    assert patched.startswith('"use strict";var nichengVerbatim=')
    assert "sourceMappingURL" not in patched


@pytest.mark.parametrize(("purpose", "original"), [(purpose, original) for purpose, original, _ in PATCHES])
def test_a_changed_worker_stops_the_build_naming_the_fix(purpose, original):
    changed = material_worker().replace(original, original.replace("(", "( "))
    with pytest.raises(StaffError) as error:
        patch_worker(changed)
    assert purpose in str(error.value) and "nicheng_report/search/worker.py" in str(error.value)


SEPARATOR = r"[\s\u200b\u3000\-、。，,.;:!?()（）“”]+"
VERBATIM_CASES = [
    # (title, text, query, factor)
    ("四、下阶段工作", "<p>矛盾\u200b调处\u200b率\u200b达到\u200b95%以上</p>", "矛盾调处率", VERBATIM),
    ("一、主要举措", "<p>矛盾\u200b化解\u200b，\u200b调处\u200b率</p>", "矛盾调处率", 1),      # only the parts
    ("三、不足", "<p>可\u200b复制\u200b、\u200b可\u200b推广</p>", "可复制可推广", VERBATIM),  # separators ignored
    ("关键\u200b数据", "<p>本页\u200b列出</p>", "关键少数", 1),
    ("Public Legal Services", "<p>legal consultation, legal aid, mediation</p>", "Legal aid", VERBATIM),
    ("Other", "<p>an illegal aide was found</p>", "legal aid", 1),              # no match inside a word
    ("Other", "<p>legal aids and more</p>", "legal aid", VERBATIM),            # a prefix, as lunr's wildcard
    ("Dispute Mediation", "<p>nothing here</p>", "dispute mediation", VERBATIM),  # the title counts
    ("Anything", "<p>text</p>", "  ", 1),
]


def test_the_verbatim_factor_as_the_worker_computes_it():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: scripts/system-packages.sh installs it (npm), as `make test` does.")
    script = (f"var lunr={{tokenizer:{{separator:new RegExp({json.dumps(SEPARATOR)})}}}};\n{VERBATIM_JS}\n"
              f"const cases={json.dumps(VERBATIM_CASES, ensure_ascii=False)};\n"
              "console.log(JSON.stringify(cases.map(([title,text,query])=>nichengVerbatim({title,text},query))));")
    result = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [factor for *_, factor in VERBATIM_CASES]


def test_only_a_page_with_sections_gets_materials_page_weight():
    """Fix 4: Material's extra weight for a page's own document counts for a page split
    into sections (its document is its title and intro), not for a page indexed whole."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: scripts/system-packages.sh installs it (npm), as `make test` does.")
    script = (f"var lunr={{tokenizer:{{separator:/ /}}}};\n{VERBATIM_JS}\n"
              "const page={location:'2024/measures/'},glossary={location:'glossary/'};\n"
              "const map=new Map([['2024/measures/',page],['2024/measures/#a',{location:'2024/measures/#a',parent:page}],"
              "['glossary/',glossary]]);\n"
              "console.log(JSON.stringify(['2024/measures/','glossary/','2024/measures/#a','elsewhere/']"
              ".map(location=>nichengSplit(map,location))));")
    result = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, False, False, False]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_each_edition_publishes_the_patched_worker_and_the_title_boost(site, language):
    folder = site / language.folder
    workers = list((folder / WORKERS).glob("search.*.min.js"))
    source = workers[0].read_text("utf-8")
    assert len(workers) == 1 and "nichengVerbatim(this.map.get(o),nichengQuery)" in source
    assert "nichengSplit(this.map,c.location)" in source
    assert workers[0].name in (folder / "index.html").read_text("utf-8")
    config = json.loads((folder / "search" / "search_index.json").read_text("utf-8"))["config"]
    assert config["fields"]["title"]["boost"] == 1  # Material's default is 1000: titles outweighed passages
