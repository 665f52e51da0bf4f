// HotPapers client-side search: loads the local index once and filters it as you type.
// Every result is built with textContent, so no indexed text is ever parsed as HTML.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) return;
  var root = form.getAttribute("data-index").replace(/search-index\.json$/, "");
  var papers = null;

  function words(text) { return text.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; }); }

  function run() {
    var terms = words(input.value);
    list.textContent = "";
    if (terms.length === 0) { status.textContent = papers ? papers.length + " papers indexed." : ""; return; }
    var hits = [];
    for (var i = 0; i < papers.length; i++) {
      var p = papers[i];
      var hay = p.h || (p.h = (p.t + " " + p.a + " " + p.id).toLowerCase());
      if (terms.every(function (t) { return hay.indexOf(t) >= 0; })) hits.push(p);
    }
    status.textContent = hits.length === 1 ? "1 paper found." : hits.length + " papers found" + (hits.length > 100 ? "; showing the first 100." : ".");
    hits.slice(0, 100).forEach(function (p) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + p.u;
      a.textContent = p.t;
      var meta = document.createElement("span");
      meta.className = "authors";
      meta.textContent = p.a + " \u00b7 arXiv:" + p.id + (p.d ? " \u00b7 " + p.d : "");
      li.appendChild(a);
      li.appendChild(document.createElement("br"));
      li.appendChild(meta);
      list.appendChild(li);
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (papers) run();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
  });
  input.addEventListener("input", function () { if (papers) run(); });
  input.value = new URLSearchParams(window.location.search).get("q") || "";
  status.textContent = "Loading the index\u2026";
  fetch(form.getAttribute("data-index"))
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (data) { papers = data; run(); })
    .catch(function (e) { status.textContent = "The search index could not be loaded (" + e.message + "). Search needs the site served over HTTP."; });
})();
