package htmlview

import "html/template"

// page is the skeleton. Body is markup built by renderBody, with every
// piece of article text escaped there; everything else is escaped here.
var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="whosaid htmlview">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<a class="skip" href="#article">Skip to the article</a>
<div class="layout">
<header class="top">
<h1>{{.Title}}</h1>
{{if .Source}}<p class="source">{{.Source}}</p>{{end}}
<p class="meta">{{.Total}} quotation{{if ne .Total 1}}s{{end}}, {{.Named}} with a named speaker.<span class="hint"> Hover over or tab to a quotation to see who said it and why; choose a speaker to see only their quotations.</span></p>
</header>
<nav id="panel" aria-label="Speakers">
<h2>Speakers</h2>
<ul class="speakers">
<li><button type="button" class="all" data-s="all" aria-pressed="true">All quotations <span class="n">{{.Total}}</span></button></li>
{{range .Speakers}}<li><button type="button" class="{{.Class}}" data-s="{{.Index}}" data-speaker="{{.Name}}" aria-pressed="false"><span class="sw" aria-hidden="true"></span><span class="name">{{.Label}}</span> <span class="n" aria-label="{{.Count}} quotations">{{.Count}}</span></button>{{with .Also}}<small class="also">also: {{.}}</small>{{end}}</li>
{{end}}</ul>
<p id="status" role="status" aria-live="polite"></p>
<div class="keybox">
<h2>Key</h2>
<ul class="key">
<li><span class="q t-direct c-key">direct quotation</span></li>
<li><span class="q t-mixed c-key">mixed: reported, with quoted words</span></li>
<li><span class="q t-indirect c-key">indirect: reported speech</span></li>
<li><span class="cue c-key">cue</span> and <span class="spk c-key">speaker mention</span></li>
<li>grey: no speaker named</li>
</ul>
</div>
</nav>
<main id="article" tabindex="-1">
{{.Body}}</main>
</div>
<div id="tip" role="tooltip" hidden></div>
<script>{{.JS}}</script>
</body>
</html>
`))

// baseCSS is the page's style; the speakers' colour classes follow it.
const baseCSS = `
:root{--ink:#161616;--muted:#555;--line:#d4d4d4;--paper:#fff}
*{box-sizing:border-box}
html{background:var(--paper);color:var(--ink)}
body{margin:0;font:17px/1.6 Georgia,"DejaVu Serif","Times New Roman",serif}
.skip{position:absolute;left:-999px;top:0;background:#000;color:#fff;padding:.4em .8em;z-index:3}
.skip:focus{left:.5em}
.layout{display:grid;grid-template-columns:minmax(0,44em) 17em;grid-template-areas:"top top" "article panel";gap:0 2.5em;max-width:66em;margin:0 auto;padding:1.5em 1.5em 4em}
.top{grid-area:top;border-bottom:1px solid var(--line);margin-bottom:1.2em}
.top h1{font-size:1.7em;line-height:1.25;margin:.2em 0 .3em}
.source,.meta{color:var(--muted);font:14px/1.45 system-ui,"DejaVu Sans",sans-serif;margin:.2em 0 .8em;overflow-wrap:anywhere}
main{grid-area:article;min-width:0}
main:focus{outline:none}
main p{margin:0 0 1em;white-space:pre-line;overflow-wrap:break-word}
main p[hidden]{display:none}
.empty{color:var(--muted);font-style:italic}
#panel{grid-area:panel;position:sticky;top:1em;align-self:start;max-height:calc(100vh - 2em);overflow:auto;font:14px/1.4 system-ui,"DejaVu Sans",sans-serif}
#panel h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 .5em}
#panel ul{list-style:none;margin:0 0 1.2em;padding:0}
#panel li{margin:0 0 .35em}
.speakers button{display:flex;align-items:center;gap:.5em;width:100%;text-align:left;font:inherit;color:var(--ink);background:#f6f6f6;border:1px solid var(--line);border-radius:6px;padding:.35em .6em;cursor:pointer}
.speakers button:hover{border-color:#888}
.speakers button:focus-visible{outline:3px solid #1a4fd6;outline-offset:1px}
.speakers button[aria-pressed=true]{background:#fff;border-color:var(--ink);box-shadow:inset 4px 0 0 var(--fg,var(--ink));font-weight:600}
.speakers .name{flex:1;overflow-wrap:anywhere}
.speakers .n{font-variant-numeric:tabular-nums;color:var(--muted)}
.sw{width:.9em;height:.9em;border-radius:2px;flex:none;background:var(--bg);border:2px solid var(--fg)}
.also{display:block;color:var(--muted);padding:.1em .7em 0;overflow-wrap:anywhere}
#status{min-height:1.4em;color:var(--muted)}
.key .q,.key .cue,.key .spk{font-size:13px}
.cn{--bg:#e6e6e6;--pale:#f2f2f2;--fg:#4d4d4d}
.c-key{--bg:#e6e6e6;--pale:#f2f2f2;--fg:#333}
.q{background:var(--bg);border-bottom:3px solid var(--fg);padding:0 .05em;border-radius:2px;cursor:help;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.q.t-mixed{border-bottom-style:dotted}
.q.t-indirect{background:var(--pale);border-bottom:2px dashed var(--fg)}
.q .q{border-bottom-width:2px}
.q:focus{outline:3px solid #1a4fd6;outline-offset:1px}
.q.on{outline:2px solid var(--fg);outline-offset:1px}
.cue{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-color:var(--fg);font-weight:600}
.spk{outline:2px solid var(--fg);outline-offset:0;border-radius:3px;padding:0 .1em;font-weight:600;background:var(--paper)}
.lbl::after{content:attr(data-speaker);font:600 11px/1 system-ui,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--paper);border:1px solid var(--fg);border-radius:8px;padding:1px 5px;margin-left:.25em;vertical-align:2px;white-space:nowrap}
.lbl[data-speaker=""]{display:none}
.dim,.dim.q{background:none;border-bottom-color:transparent;outline:none;cursor:auto}
.dim.cue{text-decoration:none;font-weight:inherit}
.dim.spk{outline:none;font-weight:inherit}
.dim.lbl{display:none}
#tip{position:absolute;z-index:5;max-width:24em;background:#111;color:#fff;border-radius:6px;padding:.55em .75em;font:13px/1.45 system-ui,"DejaVu Sans",sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3);pointer-events:none}
#tip dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.1em .7em}
#tip dt{color:#bbb}
#tip dd{margin:0;overflow-wrap:anywhere}
#tip .who{font-weight:700;font-size:14px;margin-bottom:.25em;overflow-wrap:anywhere}
@media (max-width:800px){
.layout{grid-template-columns:minmax(0,1fr);grid-template-areas:"top" "panel" "article"}
#panel{position:static;max-height:none;margin-bottom:1em}
}
@media print{
@page{margin:18mm}
body{font-size:11pt;line-height:1.5}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.skip,#tip,#status,.keybox,.hint,.speakers li:first-child{display:none}
.layout{display:block;max-width:none;padding:0}
#panel{position:static;max-height:none;overflow:visible;border-bottom:1px solid var(--line);margin-bottom:1em}
.speakers{display:flex;flex-wrap:wrap;gap:.3em 1.2em}
.speakers button{border:none;background:none;padding:0;box-shadow:none}
.lbl[data-speaker=""]{display:inline}
.lbl[data-speaker=""]::after{content:"?"}
.also{display:none}
main p{break-inside:avoid;orphans:3;widows:3}
.q:focus{outline:none}
}
`

// script runs the tooltip and the speaker filter. It reads the data-*
// attributes and writes only with textContent, so no article text is ever
// parsed as markup. A location hash "#s=N" chooses the speaker of panel
// index N on load (the page updates it when a speaker is chosen, so the
// view can be shared as a link); "data-ready" on the root element tells
// that the script ran.
const script = `
(function(){
"use strict";
var tip=document.getElementById("tip");
var shown=null,shownEl=null;
function row(dl,k,v){if(!v)return;var dt=document.createElement("dt");dt.textContent=k;var dd=document.createElement("dd");dd.textContent=v;dl.appendChild(dt);dl.appendChild(dd);}
function show(el){
var d=el.dataset;
tip.textContent="";
var who=document.createElement("div");who.className="who";who.textContent=d.speaker||"No speaker named";tip.appendChild(who);
var dl=document.createElement("dl");
if(d.mention&&d.mention!==d.speaker)row(dl,"mention",d.mention);
row(dl,"said",d.said);row(dl,"type",d.type);row(dl,"cue",d.cue);row(dl,"to",d.to);row(dl,"confidence",d.conf);row(dl,"rule",d.rule);
tip.appendChild(dl);
tip.hidden=false;
var r=el.getClientRects();var b=r.length?r[0]:el.getBoundingClientRect();
var x=b.left+window.scrollX,y=b.bottom+window.scrollY+6;
var w=tip.offsetWidth,max=document.documentElement.clientWidth+window.scrollX-w-8;
tip.style.left=Math.max(8,Math.min(x,max))+"px";tip.style.top=y+"px";
if(shown)mark(shown,false);shown=el.dataset.a;shownEl=el;mark(shown,true);
}
function mark(a,on){var els=document.querySelectorAll('.q[data-a="'+a+'"]');for(var i=0;i<els.length;i++)els[i].classList.toggle("on",on);}
function hide(){tip.hidden=true;if(shown)mark(shown,false);shown=null;shownEl=null;}
function quoteOf(t){return t&&t.closest?t.closest(".q:not(.dim)"):null;}
document.addEventListener("mouseover",function(e){var q=quoteOf(e.target);if(q)show(q);});
document.addEventListener("mouseout",function(e){if(!quoteOf(e.target)||quoteOf(e.relatedTarget))return;var f=quoteOf(document.activeElement);if(f)show(f);else hide();});
document.addEventListener("focusin",function(e){var q=quoteOf(e.target);if(q)show(q);else hide();});
document.addEventListener("keydown",function(e){if(e.key==="Escape")hide();});
window.addEventListener("resize",function(){if(shownEl)show(shownEl);});
var buttons=document.querySelectorAll("#panel button[data-s]");
var status=document.getElementById("status");
function choose(btn){
var s=btn.getAttribute("data-s"),all=s==="all";
for(var i=0;i<buttons.length;i++)buttons[i].setAttribute("aria-pressed",buttons[i]===btn?"true":"false");
var marks=document.querySelectorAll("#article [data-s]"),n={};
for(i=0;i<marks.length;i++){var m=marks[i],off=!all&&m.getAttribute("data-s")!==s;m.classList.toggle("dim",off);
if(m.classList.contains("q")){if(m.hasAttribute("tabindex"))m.tabIndex=off?-1:0;if(!off)n[m.getAttribute("data-a")]=1;}}
var ps=document.querySelectorAll("#article p");
for(i=0;i<ps.length;i++)ps[i].hidden=!all&&!ps[i].querySelector('.q[data-s="'+s+'"]');
hide();
var count=Object.keys(n).length;
status.textContent=all?"":"Showing "+count+" quotation"+(count===1?"":"s")+" by "+(btn.getAttribute("data-speaker")||"no named speaker")+".";
}
for(var i=0;i<buttons.length;i++)buttons[i].addEventListener("click",function(){choose(this);if(history.replaceState)history.replaceState(null,"","#s="+this.getAttribute("data-s"));});
var m=/^#s=(all|[0-9]+)$/.exec(location.hash);
if(m){var pick=document.querySelector('#panel button[data-s="'+m[1]+'"]');if(pick)choose(pick);}
document.documentElement.setAttribute("data-ready","");
})();
`
