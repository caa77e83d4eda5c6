/* Site behaviour. Plain script, no outside host, no build step. */
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
