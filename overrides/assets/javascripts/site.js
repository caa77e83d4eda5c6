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

/* Reading aids (适老化): text size, high contrast and the large cursor, remembered across
   pages. 长者模式 (the header's [data-elder-toggle]) is the three at once: pressed when the
   largest text, high contrast and the large cursor are all on; a press turns all three on,
   or, when pressed, all three off. The separate controls change one each. */
(function () {
  "use strict";
  var root = document.documentElement;
  function remember(key, value) {
    try { value ? localStorage.setItem(key, value) : localStorage.removeItem(key); } catch (e) { /* ignore */ }
  }
  function set(attribute, key, value) {
    if (value) root.setAttribute(attribute, value); else root.removeAttribute(attribute);
    remember(key, value);
  }
  function sync() {
    var size = root.getAttribute("data-text-size") || "normal";
    var contrast = root.getAttribute("data-contrast") === "high";
    var elder = size === "larger" && contrast && root.getAttribute("data-cursor") === "large";
    document.querySelectorAll("[data-text-size-choice]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size-choice") === size));
    });
    document.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(contrast));
    });
    document.querySelectorAll("[data-elder-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(elder));
    });
  }
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("button") : null;
    if (!target) return;
    if (target.hasAttribute("data-text-size-choice")) {
      var size = target.getAttribute("data-text-size-choice");
      set("data-text-size", "nicheng.textSize", size === "normal" ? "" : size);
      sync();
    } else if (target.hasAttribute("data-contrast-toggle")) {
      set("data-contrast", "nicheng.contrast", root.getAttribute("data-contrast") !== "high" ? "high" : "");
      sync();
    } else if (target.hasAttribute("data-elder-toggle")) {
      var on = target.getAttribute("aria-pressed") !== "true";
      set("data-text-size", "nicheng.textSize", on ? "larger" : "");
      set("data-contrast", "nicheng.contrast", on ? "high" : "");
      set("data-cursor", "nicheng.cursor", on ? "large" : "");
      sync();
    }
  });
  /* The printout carries the page's address, whatever host serves it. */
  document.querySelectorAll("[data-print-url]").forEach(function (node) { node.textContent = location.href; });
  sync();
})();

/* Read-aloud (语音阅读) with the browser's own speechSynthesis: no outside service.
   The page's main text is read block by block (headings, paragraphs, list items, table
   cells), from the start or from the block the reader last clicked, tapped or tabbed to
   (or selected text in). The page's language comes from the template
   (data-speech-lang); a passage marked with another language (lang="zh-CN" in an
   English page) is read with a voice of that language, and left out when the browser
   has none. With no voice for the page's language the controls stay hidden (the
   accessibility statement says so). The block being read is outlined. */
(function () {
  "use strict";
  var controls = document.querySelector("[data-speech]");
  var main = document.querySelector(".md-content article");
  var synth = window.speechSynthesis;
  if (!controls || !main || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;
  var pageLang = controls.getAttribute("data-speech-lang") || "";
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, caption, figcaption, summary, blockquote";
  var SKIP = ".reading-controls, .headerlink, script, style, [hidden], [aria-hidden='true'], .print-only, .md-source-file, svg";
  var pause = controls.querySelector("[data-speech-pause]");
  var stop = controls.querySelector("[data-speech-stop]");
  var chosen = null;   /* the block last clicked or focused in the text */
  var run = 0;         /* a new start or a stop ends the run before it */
  var current = null;

  function voiceFor(tag) {
    var wanted = String(tag || "").toLowerCase().replace(/_/g, "-");
    var base = wanted.split("-")[0];
    var voices = synth.getVoices() || [];
    var norm = function (voice) { return String(voice.lang || "").toLowerCase().replace(/_/g, "-"); };
    return voices.filter(function (voice) { return norm(voice) === wanted; })[0]
      || voices.filter(function (voice) { return norm(voice).split("-")[0] === base; })[0] || null;
  }
  function offer() {
    controls.hidden = !(pageLang && voiceFor(pageLang));
  }
  offer();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);

  /* The text of the main column as [block, language, text] pieces, in reading order. */
  function pieces() {
    var out = [];
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (!parent || parent.closest(SKIP) || !node.nodeValue.trim()) continue;
      var block = parent.closest(BLOCKS) || parent;
      var marked = parent.closest("[lang]");
      var tag = marked && main.contains(marked) ? marked.lang : pageLang;
      var last = out[out.length - 1];
      if (last && last[0] === block && last[1] === tag) last[2] += node.nodeValue;
      else out.push([block, tag, node.nodeValue]);
    }
    return out.map(function (piece) { return [piece[0], piece[1], piece[2].replace(/\s+/g, " ").trim()]; })
      .filter(function (piece) { return piece[2]; });
  }
  function mark(block) {
    if (current) current.classList.remove("speech-current");
    current = block;
    if (block) block.classList.add("speech-current");
  }
  function idle() {
    mark(null);
    pause.disabled = true; stop.disabled = true;
    pause.setAttribute("aria-pressed", "false");
  }
  function start(from) {
    synth.cancel();
    var mine = ++run;
    var list = pieces();
    var first = 0;
    if (from) {
      for (var i = 0; i < list.length; i++) {
        if (list[i][0] === from || from.contains(list[i][0]) || list[i][0].contains(from)) { first = i; break; }
      }
    }
    pause.disabled = false; stop.disabled = false;
    (function next(index) {
      if (mine !== run) return;
      while (index < list.length && !voiceFor(list[index][1])) index++;
      if (index >= list.length) { idle(); return; }
      var utterance = new window.SpeechSynthesisUtterance(list[index][2]);
      utterance.lang = list[index][1];
      utterance.voice = voiceFor(list[index][1]);
      utterance.onend = utterance.onerror = function () { next(index + 1); };
      mark(list[index][0]);
      synth.speak(utterance);
    })(first);
  }
  function remember(event) {
    var target = event.target;
    if (target instanceof Element && main.contains(target) && !target.closest(".reading-controls")) {
      chosen = target.closest(BLOCKS) || target;
    }
  }
  document.addEventListener("focusin", remember);
  document.addEventListener("pointerdown", remember);
  controls.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button) return;
    if (button.getAttribute("data-speech-start") === "all") start(null);
    else if (button.getAttribute("data-speech-start") === "here") {
      var selection = window.getSelection && window.getSelection();
      var anchor = selection && selection.rangeCount && !selection.isCollapsed ? selection.anchorNode : null;
      var from = anchor && main.contains(anchor) ? (anchor.nodeType === 1 ? anchor : anchor.parentElement) : chosen;
      start(from ? from.closest(BLOCKS) || from : null);
    } else if (button === pause) {
      var paused = pause.getAttribute("aria-pressed") !== "true";
      if (paused) synth.pause(); else synth.resume();
      pause.setAttribute("aria-pressed", String(paused));
    } else if (button === stop) {
      run++;
      synth.cancel();
      idle();
    }
  });
  window.addEventListener("pagehide", function () { run++; synth.cancel(); });
})();

/* Tables as stacked cards on phones at the large text sizes (reading.css): each cell is
   given its column's heading (data-label, shown above the value, hidden from screen
   readers, which still get the real table). Tables with a header row only; the report's
   details table (.report-meta) has its own narrow layout. Without this script the tables
   scroll sideways in their box as before. */
(function () {
  "use strict";
  document.querySelectorAll(".md-typeset table").forEach(function (table) {
    if (table.closest(".report-meta") || !table.tHead) return;
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent.trim(); });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (index > 0 && heads[index]) cell.setAttribute("data-label", heads[index]);
        });
      });
    });
    table.setAttribute("data-cards", "");
  });
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
