/* Apply the reader's text size, contrast and cursor (长者模式) before the page is drawn (no flash).
   Loaded in <head>; the controls themselves are in site.js. */
(function () {
  try {
    var size = localStorage.getItem("nicheng.textSize");
    var contrast = localStorage.getItem("nicheng.contrast");
    if (size) document.documentElement.setAttribute("data-text-size", size);
    if (contrast) document.documentElement.setAttribute("data-contrast", contrast);
    var cursor = localStorage.getItem("nicheng.cursor");
    if (cursor) document.documentElement.setAttribute("data-cursor", cursor);
  } catch (e) { /* storage blocked: defaults apply */ }
})();
