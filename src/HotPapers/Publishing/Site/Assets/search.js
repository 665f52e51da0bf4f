// HotPapers client-side search: loads the local index once and searches it as you type.
// - Text is folded before matching: case, accents (é = e), and letters with no decomposition (ø, ł, ß, æ).
// - "arXiv:2106.04554", "2106.04554v2", "hep-th/9901001" and pasted arxiv.org abs/pdf URLs go straight to the paper.
// - A category code ("cs.CL") or words of its name ("computation language") find the papers listed in it.
// - Every word must match the start of a word of the title, authors, categories or id; title matches rank
//   first, then the higher score (reposts + likes), then the newer listing.
// Every result is built with textContent, so no indexed text is ever parsed as HTML.
(function (global) {
  "use strict";

  var EXTRA = { "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h" };

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[øłßæœđðþıħ]/g, function (c) { return EXTRA[c]; });
  }

  // Words keep inner dots, hyphens and slashes (cs.CL, self-supervised, hep-th/9901001); their parts are words too.
  var WORD = /[\p{L}\p{N}]+(?:[.\-\/'][\p{L}\p{N}]+)*/gu;

  function words(text) {
    var out = [];
    var found = fold(text).match(WORD) || [];
    for (var i = 0; i < found.length; i++) {
      out.push(found[i]);
      if (/[.\-\/']/.test(found[i])) {
        var parts = found[i].split(/[.\-\/']/);
        for (var j = 0; j < parts.length; j++) if (parts[j]) out.push(parts[j]);
      }
    }
    return out;
  }

  // " w1 w2 w3 ": a term matches the start of a word when " " + term occurs in it. Built with one regex pass
  // over the folded text (this runs for every paper when the index loads).
  var SEPARATORS = /[.\-\/']/;
  function field(text) {
    var found = fold(text).match(WORD);
    if (!found) return " ";
    var joined = found.join(" ");
    return SEPARATORS.test(joined) ? " " + joined + " " + joined.replace(/[.\-\/']/g, " ") + " " : " " + joined + " ";
  }

  // Authors and category lists repeat across papers: fold each distinct one once.
  function cached(cache, text, make) {
    var hit = cache.get(text);
    if (hit === undefined) { hit = make(text); cache.set(text, hit); }
    return hit;
  }

  var NEW_ID = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
  var OLD_ID = /^([a-z][a-z\-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/;

  // The arXiv id a query names, or null: bare, with "arXiv:", or inside an arxiv.org URL.
  function queryId(query) {
    var q = query.trim().toLowerCase();
    var url = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/([^?#\s]+?)(?:\.pdf)?\/?(?:[?#].*)?$/.exec(q);
    if (url) q = url[1];
    q = q.replace(/^arxiv:\s*/, "");
    var m = NEW_ID.exec(q) || OLD_ID.exec(q);
    return m ? m[1] : null;
  }

  // Builds the searchable form of the index once.
  function prepare(index) {
    var names = index.categories || {};
    var docs = new Array(index.papers.length);
    var byId = Object.create(null);
    var authorFields = new Map();
    var categoryFields = new Map();
    function categoryField(codes) {
      return field(codes.split(" ").map(function (c) { return c + " " + (names[c] || ""); }).join(" "));
    }
    for (var i = 0; i < index.papers.length; i++) {
      var p = index.papers[i];
      docs[i] = { p: p, title: field(p.t), authors: cached(authorFields, p.a, field), cats: cached(categoryFields, p.c || "", categoryField), id: " " + p.id.toLowerCase() + " " };
      byId[p.id.toLowerCase()] = docs[i];
    }
    return { docs: docs, byId: byId, names: names };
  }

  // The best field a term starts a word in: title 3, id 3, authors 2, categories 1; 0 when none.
  function weight(doc, term) {
    var needle = " " + term;
    if (doc.title.indexOf(needle) >= 0 || doc.id.indexOf(needle) >= 0) return 3;
    if (doc.authors.indexOf(needle) >= 0) return 2;
    if (doc.cats.indexOf(needle) >= 0) return 1;
    return 0;
  }

  // The papers a query finds, best first: [{ p, relevance }].
  function search(prepared, query) {
    var id = queryId(query);
    if (id) {
      var exact = prepared.byId[id];
      return exact ? [{ p: exact.p, relevance: Infinity }] : [];
    }
    var terms = words(query.replace(/^\s*arxiv:\s*/i, ""));
    if (terms.length === 0) return [];
    var hits = [];
    var docs = prepared.docs;
    for (var i = 0; i < docs.length; i++) {
      var total = 0;
      for (var t = 0; t < terms.length; t++) {
        var w = weight(docs[i], terms[t]);
        if (w === 0) { total = -1; break; }
        total += w;
      }
      if (total > 0) hits.push({ p: docs[i].p, relevance: total });
    }
    hits.sort(function (a, b) {
      return (b.relevance - a.relevance) || (b.p.s - a.p.s) || (a.p.d < b.p.d ? 1 : a.p.d > b.p.d ? -1 : 0);
    });
    return hits;
  }

  var core = { fold: fold, words: words, queryId: queryId, prepare: prepare, search: search };
  if (typeof module !== "undefined" && module.exports) { module.exports = core; return; }
  global.HotPapersSearch = core;

  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) return;
  var root = form.getAttribute("data-index").replace(/search-index\.json$/, "");
  var prepared = null;

  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  function run() {
    list.textContent = "";
    if (input.value.trim() === "") { status.textContent = number(prepared.docs.length) + " papers indexed."; return; }
    var hits = search(prepared, input.value);
    var id = queryId(input.value);
    if (id && hits.length === 0) { status.textContent = "No paper with the id " + id + " in the archive."; return; }
    status.textContent = hits.length === 1 ? "1 paper found." : number(hits.length) + " papers found" + (hits.length > 100 ? "; showing the first 100." : ".");
    hits.slice(0, 100).forEach(function (hit) {
      var p = hit.p;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + p.u;
      a.textContent = p.t;
      var score = document.createElement("span");
      score.className = "score";
      score.textContent = " score " + number(p.s);
      var meta = document.createElement("span");
      meta.className = "authors";
      meta.textContent = p.a + " \u00b7 arXiv:" + p.id + (p.d ? " \u00b7 " + p.d : "") + (p.c ? " \u00b7 " + p.c : "");
      li.appendChild(a);
      li.appendChild(score);
      li.appendChild(document.createElement("br"));
      li.appendChild(meta);
      list.appendChild(li);
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (prepared) run();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
  });
  input.addEventListener("input", function () { if (prepared) run(); });
  input.value = new URLSearchParams(window.location.search).get("q") || "";
  status.textContent = "Loading the index\u2026";
  fetch(form.getAttribute("data-index"))
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (data) { prepared = prepare(data); run(); })
    .catch(function (e) { status.textContent = "The search index could not be loaded (" + e.message + "). Search needs the site served over HTTP."; });
})(typeof window !== "undefined" ? window : this);
