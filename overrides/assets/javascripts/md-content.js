/* Material for MkDocs 9.8.1, partials/javascripts/content.html, as a file so
   that the CSP can forbid inline scripts (deploy/nginx.conf). Same code: open
   the content tab that the URL fragment points at. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
