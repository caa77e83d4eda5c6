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

/* The menu button below 1220 px, and in the menu the current page's entry that opens its
   contents: Material makes each a <label> for a hidden checkbox (#__drawer, #__toc), which
   the keyboard cannot reach. Our partials (overrides/partials/header.html, nav-item.html)
   add a real <button data-for="CHECKBOX"> beside each label, hidden until this script
   shows it and hides the label: without JavaScript, Material's labels work as before.
   A click on the button clicks the checkbox, so Material's own listeners run;
   aria-expanded follows the checkbox however it changes (the overlay, Material closing
   the menu). Opened from the keyboard (Enter or Space), the focus moves to the first
   entry that can be seen, after the 0.25 s slide-in (before it, the entries are still off
   the screen); a tap or click leaves the focus alone. Escape closes the menu and returns
   the focus to its button; tabbing out of the menu closes it too. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var menu = document.querySelector("button[data-for='__drawer']");
  if (!toggle || !menu) return;
  /* The first entry the reader can see: Material keeps the levels above an open
     section in the drawer, covered by it. */
  function focusFirstVisible() {
    var entries = document.querySelectorAll(".md-sidebar--primary a[href], .md-sidebar--primary button:not([hidden]), "
      + ".md-sidebar--primary label[tabindex='0']");
    for (var i = 0; i < entries.length; i++) {
      var box = entries[i].getBoundingClientRect();
      var seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (box.width > 0 && seen && entries[i].contains(seen)) { entries[i].focus(); return; }
    }
  }
  document.querySelectorAll("button[data-for]").forEach(function (button) {
    var checkbox = document.getElementById(button.getAttribute("data-for"));
    if (!checkbox) return;
    var byKeyboard = false;
    function sync() { button.setAttribute("aria-expanded", String(checkbox.checked)); }
    checkbox.addEventListener("change", function () {
      sync();
      if (checkbox.checked && byKeyboard) setTimeout(focusFirstVisible, 300);
      byKeyboard = false;
    });
    button.addEventListener("click", function (event) {
      byKeyboard = event.detail === 0;  /* Enter and Space click with no pointer */
      checkbox.click();
    });
    sync();
    button.hidden = false;
  });
  document.querySelectorAll(".md-header label[for='__drawer'], .md-sidebar--primary label.md-nav__link[for='__toc']")
    .forEach(function (label) { label.hidden = true; });
  /* Tab past the last link of the menu: the page behind is dimmed, so close the menu. */
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (toggle.checked && target !== menu && target instanceof Element && !target.closest(".md-sidebar--primary")) {
      toggle.click();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      menu.focus();
    }
  });
})();
