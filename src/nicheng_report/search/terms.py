"""Teach jieba the local and legal terms of the report, for Chinese search,
and keep jieba's segmentations between builds (hooks/search_terms.py wires it in).

Material's search plugin segments Chinese text with jieba; without these words
a query such as 文元调解工作室 or 双随机一公开 would not match the passage. The
terms come from the glossary (docs/data/glossary.yml): its entries, and its
`search_terms:` list of search-only words; and from each year's data file, its
own `search_terms:` (the names and brands of that report, which `make import`
collects). No dictionary file path depends on the working directory.

Loading jieba's dictionary costs about a second in every build. How jieba cuts
a text depends only on the text, jieba's version and dictionary, and the terms
added here, so the cuts are kept in .cache/jieba/ (git-ignored) under a key
made of all of those. A build whose texts were all cut before never loads the
dictionary; a new or edited text is cut by jieba as before. The site is the
same byte for byte either way (tests/test_reproducible.py builds cold and warm).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import re

import jieba
import yaml
from nicheng_report.errors import StaffError
from nicheng_report.glossary import GLOSSARY, load_glossary
from nicheng_report.paths import DATA

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

log = logging.getLogger("mkdocs.hooks.search_terms")
jieba.setLogLevel(logging.WARNING)

# A high frequency keeps a term whole even where jieba's own dictionary would split it.
TERM_FREQUENCY = 100000

_jieba_cut = jieba.cut  # the real one, before SegmentCache stands in for it
_added: set[str] = set()  # terms jieba has been taught in this process (jieba keeps them)


def search_terms(root: Path) -> tuple[str, ...]:
    """The glossary's search-only words, then its terms, each once."""
    glossary = load_glossary(root) if (root / GLOSSARY).exists() else {}
    extra = glossary.get("search_terms") or []
    if not isinstance(extra, list) or not all(isinstance(term, str) and term.strip() for term in extra):
        raise StaffError(f"{GLOSSARY}: `search_terms:` must be a list of words, one `- word` a line. "
                         "Fix: write each search word as `  - 词语` under search_terms: "
                         "/ 修改：search_terms: 下每行写一个词，格式为 `  - 词语`。")
    return tuple(dict.fromkeys((*extra, *(str(term["zh"]) for term in glossary.get("terms", [])), *year_terms(root))))


def year_terms(root: Path) -> list[str]:
    """The `search_terms:` of every year's data file (docs/data/YEAR.yml), oldest year first."""
    terms: list[str] = []
    for path in sorted((root / DATA).glob("[0-9][0-9][0-9][0-9].yml")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^search_terms:", text, re.MULTILINE):
            continue
        words = (yaml.load(text, Loader=_Loader) or {}).get("search_terms") or []
        terms += [str(word).strip() for word in words if isinstance(word, str) and word.strip()]
    return terms


def teach(terms: tuple[str, ...]) -> None:
    """Add the terms to jieba (this loads its dictionary the first time)."""
    for term in terms:
        if term not in _added:
            jieba.add_word(term, freq=TERM_FREQUENCY)
            _added.add(term)


def cache_key(terms: tuple[str, ...]) -> str:
    """Everything jieba's cut depends on, besides the text itself."""
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    parts = [jieba.__version__, str(jieba.dt.dictionary), str(dictionary.stat().st_size if dictionary.exists() else 0),
             str(TERM_FREQUENCY), *terms]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


class SegmentCache:
    """Stands in for jieba.cut: known texts come from the cache, others from jieba."""

    def __init__(self, path: Path, terms: tuple[str, ...]) -> None:
        self.path, self.terms = path, terms
        try:
            self.known: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.used: dict[str, list[str]] = {}

    def cut(self, sentence: str | bytes, *args: object, **kwargs: object) -> Iterator[str]:
        if args or kwargs:  # a mode Material does not use: no caching
            teach(self.terms)
            return _jieba_cut(sentence, *args, **kwargs)
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        words = self.known.get(text)
        if words is None:
            teach(self.terms)
            words = list(_jieba_cut(text))
        self.used[text] = words
        return iter(words)

    def save(self) -> None:
        """Keep exactly this build's cuts (so the file does not grow), written atomically."""
        if self.used == self.known:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            partial.write_text(json.dumps(self.used, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(partial, self.path)
            prefix = self.path.name.rsplit("-", 1)[0]
            for stale in self.path.parent.glob(f"{prefix}-*.json"):  # cuts made with other terms
                if stale != self.path:
                    stale.unlink(missing_ok=True)
        except OSError as error:  # a cache never fails a build: the next one cuts again
            log.info(f"jieba's cuts not kept ({error})")
