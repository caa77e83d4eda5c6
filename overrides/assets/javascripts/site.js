/* Site behaviour. Plain script, no outside host, no build step. Loaded just before
   Material's bundle (overrides/main.html), as the search index part requires. */

/* Fetch the search index when a reader starts to search, not on every visit.

   Material's bundle requests search/search_index.json as soon as a page loads:
   about 15 KB compressed on every first visit, for readers of whom most never
   search. This holds that one request back until the search box is focused,
   touched or pointed at, or the address asks for a search (?q=) or for
   highlighted words (?h=). Loaded before the bundle. If a Material upgrade stops
   using XMLHttpRequest for the index, the index simply loads at once again
   (tests/test_browser.py then fails, to say so). */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:$|\?)/;
  var wanted = /[?&][qh]=/.test(location.search);
  var held = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndexRequest = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndexRequest && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }

  function nearSearch(event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, label[for='__search']")) release();
  }
  document.addEventListener("focusin", nearSearch);
  document.addEventListener("pointerover", nearSearch, { passive: true });
  document.addEventListener("touchstart", nearSearch, { passive: true });
})();

(function () {
  "use strict";

  /* Material fetches `sitemap.xml` beside every <link rel="alternate"> when the
     page loads (its "stay on page" language feature), which would request
     /2024/measures/sitemap.xml and fail. Our language link already goes to the
     same page, so hide the hreflang links from that lookup, which runs in
     Material's own DOMContentLoaded handler, and put them back right after. */
  var hreflangLinks = Array.prototype.slice.call(document.querySelectorAll("link[rel=alternate][hreflang]"));
  hreflangLinks.forEach(function (link) { link.setAttribute("rel", "alternate-pending"); });
  document.addEventListener("DOMContentLoaded", function () {
    hreflangLinks.forEach(function (link) { link.setAttribute("rel", "alternate"); });
  }, { once: true });
})();

/* Reading aids (适老化): text size and high contrast, remembered across pages. */
(function () {
  "use strict";
  var root = document.documentElement;
  function remember(key, value) {
    try { value ? localStorage.setItem(key, value) : localStorage.removeItem(key); } catch (e) { /* ignore */ }
  }
  function sync() {
    var size = root.getAttribute("data-text-size") || "normal";
    var contrast = root.getAttribute("data-contrast") === "high";
    document.querySelectorAll("[data-text-size-choice]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size-choice") === size));
    });
    document.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(contrast));
    });
  }
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("button") : null;
    if (!target) return;
    if (target.hasAttribute("data-text-size-choice")) {
      var size = target.getAttribute("data-text-size-choice");
      if (size === "normal") root.removeAttribute("data-text-size"); else root.setAttribute("data-text-size", size);
      remember("nicheng.textSize", size === "normal" ? "" : size);
      sync();
    } else if (target.hasAttribute("data-contrast-toggle")) {
      var high = root.getAttribute("data-contrast") !== "high";
      if (high) root.setAttribute("data-contrast", "high"); else root.removeAttribute("data-contrast");
      remember("nicheng.contrast", high ? "high" : "");
      sync();
    }
  });
  /* The printout carries the page's address, whatever host serves it. */
  document.querySelectorAll("[data-print-url]").forEach(function (node) { node.textContent = location.href; });
  sync();
})();

/* Material never checks the radio button of the palette in use, so Tab lands on the
   first one: in the dark palette its label is hidden and its name ("切换到深色模式")
   is wrong. Check the one in use; Material's labels and Enter key work as before. */
(function () {
  "use strict";
  var scheme = document.body.getAttribute("data-md-color-scheme");
  var input = document.querySelector('input.md-option[data-md-color-scheme="' + scheme + '"]');
  if (input) input.checked = true;
})();

/* Material's menu button below 1220 px is a <label> for the drawer's checkbox, which
   the keyboard cannot reach. Make it a button: focusable, named, with its state.
   Enter opens the drawer (Material clicks a focused label on Enter), so does Space;
   the focus then moves into the drawer. Escape closes it and returns the focus;
   tabbing out of it closes it too. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("label.md-header__button[for='__drawer']");
  if (!toggle || !button) return;
  var english = (document.documentElement.lang || "").indexOf("en") === 0;
  /* The first entry the reader can see: Material keeps the levels above an open
     section in the drawer, covered by it. */
  function focusFirstVisible() {
    var links = document.querySelectorAll(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex='0']");
    for (var i = 0; i < links.length; i++) {
      var box = links[i].getBoundingClientRect();
      var seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (box.width > 0 && seen && links[i].contains(seen)) { links[i].focus(); return; }
    }
  }
  /* A <label> for a checkbox made a keyboard button: a tab stop, a role and its state.
     Enter: Material's own key handler clicks a focused label; Space is ours. Opened
     from the keyboard, the focus moves to the first entry that can be seen, after the
     0.25 s slide-in (before it, the entries are still off the screen). A tap or click
     leaves the focus alone. */
  function labelButton(label, checkbox, name) {
    var byKeyboard = false;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (name) label.setAttribute("aria-label", name);
    function sync() { label.setAttribute("aria-expanded", String(checkbox.checked)); }
    sync();
    checkbox.addEventListener("change", function () {
      sync();
      if (checkbox.checked && byKeyboard) setTimeout(focusFirstVisible, 300);
      byKeyboard = false;
    });
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      byKeyboard = true;
      if (event.key === " ") {
        event.preventDefault();
        checkbox.click();
      }
    });
  }
  labelButton(button, toggle, english ? "Navigation menu" : "导航菜单");
  /* In the drawer, the current page's entry is a <label> that opens the page's
     contents; Material gives it no tab stop. */
  var contents = document.getElementById("__toc");
  var current = document.querySelector(".md-sidebar--primary label.md-nav__link[for='__toc']");
  if (contents && current) labelButton(current, contents, null);
  /* Tab past the last link of the menu: the page behind is dimmed, so close the menu. */
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (toggle.checked && target !== button && target instanceof Element && !target.closest(".md-sidebar--primary")) {
      toggle.click();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();
