/* Apply the reader's text size and contrast before the page is drawn (no flash).
   Loaded in <head>; the controls themselves are in site.js. */
(function () {
  try {
    var size = localStorage.getItem("nicheng.textSize");
    var contrast = localStorage.getItem("nicheng.contrast");
    if (size) document.documentElement.setAttribute("data-text-size", size);
    if (contrast) document.documentElement.setAttribute("data-contrast", contrast);
  } catch (e) { /* storage blocked: defaults apply */ }
})();
