"""Material's inline scripts, kept as same-origin files for the CSP, are still
Material's code: a Material upgrade that changes one fails here, saying which
file to update. The features whose inline scripts we do not ship are off, and
no built page has an inline script."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import yaml

from conftest import ROOT, html_pages, soup_of

PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
OURS = ROOT / "overrides" / "assets" / "javascripts"
INLINE = re.compile(r"<script>(.*?)</script>", re.DOTALL)
LEADING_COMMENT = re.compile(r"\A/\*.*?\*/\s*", re.DOTALL)

# Material's partial, which of its inline scripts, our file, and what our copy reads
# from its own tag instead of the value Material writes into the page.
COPIES = [
    ("base.html", 0, "md-base.js",
     ('new URL("{{ config.extra.scope | d(base_url) }}",location)',
      'new URL(document.currentScript.getAttribute("data-md-scope"),location)')),
    ("palette.html", 0, "md-palette.js", None),
    ("content.html", 1, "md-content.js", None),
]
# Features whose inline scripts we do not ship as files: each must stay off.
OFF = {"announce.dismiss": "announce.html", "content.tabs.link": "content.html"}
OFF_EXTRA = {"version": "outdated.html", "consent": "consent.html"}


@pytest.mark.parametrize("partial, index, ours, substitution", COPIES)
def test_our_copy_is_materials_script(partial: str, index: int, ours: str, substitution) -> None:
    scripts = INLINE.findall((PARTIALS / partial).read_text(encoding="utf-8"))
    assert len(scripts) > index, f"Material's partials/javascripts/{partial} changed: update overrides/assets/javascripts/{ours}"
    expected = scripts[index].strip()
    if substitution:
        assert substitution[0] in expected, f"Material's {partial} no longer writes {substitution[0]}: update {ours}"
        expected = expected.replace(*substitution)
    copy = LEADING_COMMENT.sub("", (OURS / ours).read_text(encoding="utf-8")).strip()
    assert copy == expected, (f"overrides/assets/javascripts/{ours} differs from Material's partials/javascripts/"
                              f"{partial}: copy Material's new code into it (keeping our substitution)")


def test_features_whose_scripts_we_do_not_ship_are_off() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    features = set(config["theme"].get("features", []))
    extra = config.get("extra", {})
    on = [f"theme.features {name} ({partial})" for name, partial in OFF.items() if name in features]
    on += [f"extra.{name} ({partial})" for name, partial in OFF_EXTRA.items() if extra.get(name)]
    assert not on, ("these bring Material's inline scripts, which the CSP blocks; ship each as a file "
                    f"like overrides/partials/javascripts/base.html first: {on}")


def test_no_built_page_has_an_inline_script(site: Path) -> None:
    inline = [f"{page.relative_to(site)}: {str(script)[:80]}" for page in html_pages(site)
              for script in soup_of(page).find_all("script", src=False)
              if script.get("type") not in ("application/json", "application/ld+json")]  # data, never run
    assert not inline, "\n".join(inline)
