/* Material for MkDocs 9.8.1, partials/javascripts/base.html, as a file so that
   the CSP can forbid inline scripts (deploy/nginx.conf). Same code; the scope
   comes from the data-md-scope attribute of this script's tag instead of being
   written into the page. Must stay a classic, non-strict script: it defines
   globals (__md_scope, __md_hash, __md_get, __md_set) that Material's bundle and
   md-palette.js use. */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
