/* Material for MkDocs 9.8.1, partials/javascripts/announce.html, as a file so
   that the CSP can forbid inline scripts (deploy/nginx.conf). Same code: keep a
   dismissed announcement hidden. */
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
