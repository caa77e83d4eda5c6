"""Our copies of Material's partials, and the menu buttons they make.

overrides/partials/header.html, nav.html and nav-item.html are copies of Material's own
templates with a few small edits (a Material partial cannot be extended, only replaced).
A copy silently keeps the old template when Material changes it in an upgrade, so these
tests read the installed Material templates and check that each copy is Material's file
with exactly the edits listed in REPLACED, and nothing else: a Material upgrade that
changes one of these templates fails here, saying what to do.

The built pages then have real buttons for Material's drawer and contents toggles
(Material makes them <label>s, which may not take role="button", so Lighthouse's
aria-allowed-role flagged the menu button on every page), and no <label> with a role.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from conftest import ROOT, html_pages, soup_of

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

# For each copied partial: the parts of Material's file that our copy replaces, in the
# order they come in the file. Everything outside them must be Material's text, byte for
# byte. Each part must be in Material's file exactly once.
REPLACED = {
    # The menu button: Material's <label> stays (without JavaScript it still opens the
    # menu; site.js hides it), our <button data-for="__drawer"> comes right after it.
    "partials/header.html": [
        GENERATED,
        '    <label class="md-header__button md-icon" for="__drawer">\n'
        '      {% set icon = config.theme.icon.menu or "material/menu" %}\n'
        '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
        '    </label>\n',
    ],
    # An id on the navigation, for the menu button's aria-controls.
    "partials/nav.html": [
        GENERATED,
        "<nav class=\"{{ class }}\" aria-label=\"{{ lang.t('nav') }}\" data-md-level=\"0\">",
    ],
    # The current page's entry that opens its contents: a <button data-for="__toc"> before
    # Material's <label> (kept, as in the header), and an id on the contents (the table of
    # contents in the menu) for the button's aria-controls.
    "partials/nav-item.html": [
        GENERATED,
        '        <label class="md-nav__link md-nav__link--active" for="__toc">\n'
        "          {{ render_content(nav_item) }}\n"
        '          <span class="md-nav__icon md-icon"></span>\n'
        "        </label>\n",
        '      {% if toc %}\n'
        '        {% include "partials/toc.html" %}\n'
        '      {% endif %}\n',
    ],
    # Material's English strings, with the site's own (`nicheng.…`) added after its last
    # key: a template cannot extend the file it replaces (partials/languages/zh-CN.html,
    # a file Material does not have, imports Material's zh.html instead).
    "partials/languages/en.html": [
        GENERATED,
        '  "top": "Back to top"\n'
        "}[key] }}{% endmacro %}\n",
    ],
}
# What a changed or missing template means, and what to do about it.
UPGRADE_HELP = (
    "Fix: copy Material's new {name} to overrides/{name}, make our edits in it again (the parts "
    "listed for it in REPLACED in tests/test_material_overrides.py: see the old copy in git), update "
    "REPLACED to Material's new text, then run tests/test_accessibility.py: the menu must still "
    "open and close by keyboard, and look as before."
)


def material_says(name: str) -> str:
    return f"mkdocs-material {version('mkdocs-material')}'s {name}"


@pytest.mark.parametrize("name", list(REPLACED))
def test_our_copy_is_material_partial_with_only_our_edits(name: str) -> None:
    original = (MATERIAL / name).read_text(encoding="utf-8")
    ours = (OVERRIDES / name).read_text(encoding="utf-8")
    parts = REPLACED[name]
    for part in parts:
        count = original.count(part)
        assert count == 1, (
            f"{material_says(name)} has {count} copies of a part that overrides/{name} replaces (we expect "
            f"exactly one), so Material changed this template and our copy is out of date:\n{part}\n"
            + UPGRADE_HELP.format(name=name))
    # Material's file cut at the replaced parts: our copy must be those same pieces, in
    # order, with our own text where each replaced part was.
    pieces = re.split("|".join(re.escape(part) for part in parts), original)
    pattern = "(.*?)".join(re.escape(piece) for piece in pieces)
    match = re.fullmatch(pattern, ours, flags=re.DOTALL)
    if match is None:
        diff = "".join(difflib.unified_diff(original.splitlines(keepends=True), ours.splitlines(keepends=True),
                                            f"material/templates/{name}", f"overrides/{name}"))
        pytest.fail(f"overrides/{name} differs from {material_says(name)} outside the parts it replaces "
                    f"(REPLACED). Diff from Material's file to ours:\n{diff}\n" + UPGRADE_HELP.format(name=name),
                    pytrace=False)
    for part, replacement in zip(parts, match.groups()):
        assert replacement != part, f"overrides/{name} no longer changes this part of Material's file:\n{part}"


def test_menu_and_contents_toggles_are_buttons_on_every_page(site: Path) -> None:
    """Every page: the menu toggle is a <button> named in the page's language; where a page
    has contents, its entry in the menu is a <button> named by the page's title; each
    says what it controls and that it starts closed. No <label> has a role or a tab stop."""
    problems = []
    pages = html_pages(site)
    assert len(pages) >= 20
    contents_buttons = 0
    for path in pages:
        page = soup_of(path)
        where = path.relative_to(site).as_posix()
        english = page.html.get("lang") == "en"
        for label in page.find_all("label", role=True):
            problems.append(f"{where}: <label role={label['role']!r}>: ARIA in HTML allows no role on a label")
        # The language button (partials/alternate.html, below 480 px) is a header button too, not a menu.
        menu = page.select(".md-header button.md-header__button:not(.lang-switch__toggle)")
        if len(menu) != 1:
            problems.append(f"{where}: {len(menu)} menu buttons in the header, not one")
            continue
        expected = "Navigation menu" if english else {"zh-Hant": "導航菜單"}.get(page.html.get("lang"), "导航菜单")
        toggles = [(menu[0], "__drawer", expected)]
        entry = page.select(".md-sidebar--primary .md-nav__item--active > button.md-nav__link")
        if page.select_one(".md-sidebar--primary #__toc") and page.select_one(".md-sidebar--primary .md-nav--secondary"):
            if len(entry) != 1:
                problems.append(f"{where}: the current page's entry in the menu has contents but {len(entry)} buttons")
                continue
            contents_buttons += 1
            title = entry[0].find_next_sibling("a").get_text(" ", strip=True)
            toggles.append((entry[0], "__toc", title))
        for button, checkbox, name in toggles:
            shown = str(button).split(">")[0] + ">"
            accessible_name = button.get("aria-label") or button.get_text(" ", strip=True)
            target = page.find(id=button.get("aria-controls"))
            checks = {
                "type is button": button.get("type") == "button",
                f"drives #{checkbox}": button.get("data-for") == checkbox
                and page.find("input", id=checkbox, type="checkbox") is not None,
                f"named {name!r}": accessible_name == name,
                "starts closed (aria-expanded=false)": button.get("aria-expanded") == "false",
                "aria-controls a <nav> on the page": target is not None and target.name == "nav",
                "no role": not button.has_attr("role"),
            }
            problems += [f"{where}: {shown}: not {what}" for what, ok in checks.items() if not ok]
    assert not problems, "\n".join(problems)
    assert contents_buttons >= 10, f"only {contents_buttons} pages have a contents button in the menu"
