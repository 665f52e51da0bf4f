// Search benchmark: the site's own search (src/HotPapers/Publishing/Site/Assets/search.js) on an index of
// 1,000 days x 15 papers, in node (the same V8 as Chromium).
// Usage: node bench/site/search-bench.js [search-index.json from a built site | days=1000] [papers-per-day=15]
// Without a file it makes a seeded synthetic index with the vocabulary of bench/site/SyntheticDays.
"use strict";
const fs = require("fs");
const path = require("path");
const search = require(path.join(__dirname, "../../src/HotPapers/Publishing/Site/Assets/search.js"));

function synthetic(days, perDay) {
  let seed = 20211027;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = ["learning", "neural", "graph", "transformer", "diffusion", "robust", "causal", "efficient", "scaling", "language",
    "vision", "reinforcement", "bayesian", "sparse", "attention", "models", "optimal", "transport", "contrastive", "federated"];
  const names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Claude Shannon", "Emmy Noether", "John von Neumann", "Sofia Kovalevskaya",
    "Kurt Gödel", "Srinivasa Ramanujan", "Hedy Lamarr", "Katherine Johnson", "Andrey Kolmogorov", "李 华", "Müller Jörg"];
  const cats = { "cs.LG": "Machine Learning", "cs.AI": "Artificial Intelligence", "cs.CL": "Computation and Language",
    "cs.CV": "Computer Vision and Pattern Recognition", "stat.ML": "Machine Learning", "cs.RO": "Robotics" };
  const papers = [];
  const start = Date.UTC(2022, 0, 1);
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86400000);
    const yymm = String(day.getUTCFullYear() % 100).padStart(2, "0") + String(day.getUTCMonth() + 1).padStart(2, "0");
    for (let i = 0; i < perDay; i++) {
      const id = yymm + "." + String(day.getUTCDate() * 300 + i).padStart(5, "0");
      const n = 4 + Math.floor(random() * 7);
      const title = Array.from({ length: n }, () => pick(words)).join(" ");
      papers.push({ id, t: title[0].toUpperCase() + title.slice(1), a: Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(names)).join(", "),
        c: pick(Object.keys(cats)), s: Math.floor(random() ** 3 * 3000), d: day.toISOString().slice(0, 10), u: "papers/" + id + ".html" });
    }
  }
  return JSON.stringify({ version: 2, categories: cats, papers });
}

const arg = process.argv[2];
const text = arg && fs.existsSync(arg) ? fs.readFileSync(arg, "utf8") : synthetic(+(arg || 1000), +(process.argv[3] || 15));
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, runs) => { const ms = []; let out; for (let r = 0; r < runs; r++) { const t0 = process.hrtime.bigint(); out = fn(); ms.push(Number(process.hrtime.bigint() - t0) / 1e6); } return [median(ms), out]; };

const [parseMs, index] = time(() => JSON.parse(text), 5);
const [prepareMs, prepared] = time(() => search.prepare(index), 5);
console.log(`index: ${index.papers.length} papers, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MiB (${(require("zlib").gzipSync(text).length / 1024 / 1024).toFixed(1)} MiB gzipped)`);
console.log(`load: JSON.parse ${parseMs.toFixed(1)} ms, prepare ${prepareMs.toFixed(1)} ms (median of 5)`);
const sample = index.papers[Math.floor(index.papers.length / 2)];
const queries = ["transformer", "diffusion models", "gödel", "godel", "arXiv:" + sample.id, "https://arxiv.org/abs/" + sample.id + "v2", "cs.CL", "machine learning", "a", "zzzz"];
for (const q of queries) {
  const [ms, hits] = time(() => search.search(prepared, q), 21);
  console.log(`query ${JSON.stringify(q).padEnd(42)} ${String(hits.length).padStart(6)} hits  ${ms.toFixed(2).padStart(7)} ms (median of 21)`);
}
