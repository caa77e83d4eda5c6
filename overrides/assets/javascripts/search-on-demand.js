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
