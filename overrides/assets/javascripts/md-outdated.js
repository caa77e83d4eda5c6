/* Material for MkDocs 9.8.1, partials/javascripts/outdated.html, as a file so
   that the CSP can forbid inline scripts (deploy/nginx.conf). Same code; base_url
   comes from the data-md-base attribute of this script's tag. */
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.getAttribute("data-md-base")),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
