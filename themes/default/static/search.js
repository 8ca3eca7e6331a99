// gazette search: queries the index that gazette writes under search/.
// Plain JavaScript, no dependencies. Index files are scripts that call
// gazetteSearch(name, data), so they load from file:// as well as HTTP.
//
// ---- The index format (written by gazette's search index stage, in Go)
//
// Every file under search/ is one line of script, gazetteSearch("NAME", DATA);
// DATA is JSON. A script, not a .json file: fetch() is refused on file://,
// and a strict Content-Security-Policy allows same-origin scripts. There
// are three kinds of file:
//
//   manifest.js  {"chunks": ["abu", "dark", ...], "docs": 1234, "perChunk": 8}
//                chunks: the first term of each index chunk, in order, so
//                that chunk N holds the terms from chunks[N] up to, not
//                including, chunks[N+1]; docs: how many documents there are;
//                perChunk: how many documents a document chunk holds.
//   i-N.js       index chunk N, about 16 KB: {"term": [d, s, d, s, ...], ...}
//                with the terms in byte order. For each document that holds
//                the term, d is its number, written as the difference from
//                the previous one in the list (the first from 0), and s its
//                score: each time the term occurs, the weight of the field it
//                is in (a title 8; the names and aliases of the entities a
//                report concerns 6; a summary 3; a body 1). A term keeps its
//                1,000 best-scoring documents; a term over 40 bytes is not
//                indexed.
//   d-N.js       documents N*perChunk to N*perChunk+perChunk-1:
//                [{"t": title, "u": address from the site root,
//                  "d": "2016-08-12" (reports only), "k": what it is
//                  ("report", "page", or an entity's type or kind and its
//                  parent: "city in Nineveh"), "s": its summary, or an
//                  entity's first paragraph, shortened to about 240
//                  characters (absent when empty)}, ...]
//                Documents are numbered: the reports newest first, then the
//                entities kind by kind, then the pages.
//
// Terms: the text of each field, and a query, are made into terms the same
// way (termsOf() below, which is Go's fold.Terms in internal/fold/terms.go,
// tested against it byte for byte): cut into words (tokens()), each
// character decomposed (NFKD), its nonspacing
// marks dropped, made one with the characters that name matching takes as
// the same (Go's fold.Rune: curly apostrophes, ى and ي, ة and ه; tatweel and
// direction marks dropped), and lower-cased; a word is a run of letters and
// numbers; then Arabic-Indic digits made 0-9 and words of Arabic letters
// light-stemmed (Sorani words are left whole). So "Mûsil" and "MUSIL" are
// the one term "musil", and الموصل, بالموصل and موصل the one term موصل.
//
// A query: its terms are looked up one by one. For each, the manifest's
// chunks are binary-searched for the last chunk whose first term is not
// after it, and that chunk is loaded; the query's last term also matches
// as a prefix of longer terms (results come while typing), in that chunk
// and in the next when the next begins with it, at half their score. A
// document's score for a term is the best of its matches; a document must
// match every term, and its score is the sum. Documents are shown by score,
// then by number, ten at a time, each loaded from its document chunk
// (number / perChunk, entry number % perChunk); the words of a title or
// summary that begin with a query term are marked.
(function () {
  "use strict";

  // ---- text analysis: package fold's Terms (internal/fold/terms.go), line
  // for line. internal/fold's tests run what stands between this line and
  // "end of text analysis" under node, over the same words as the Go code,
  // and compare the terms byte for byte, so it must stand alone.

  // The same folding as gazette's Go side (fold.Analyzer, fold.Rune):
  // decompose, drop marks, make one the characters that name matching
  // takes as one (apostrophe-like letters, alef maqsura and yaa, taa
  // marbuta and haa), drop tatweel and invisible format characters,
  // lower-case. Capital sigma is lowered alone first: toLowerCase would
  // make it a final sigma at the end of a word, which Go does not.
  function fold(s) {
    return s.normalize("NFKD").replace(/\p{Mn}/gu, "")
      .replace(/[\u0640\u00AD\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "")
      .replace(/[\u02B9\u02BB-\u02BF]/g, "'")
      .replace(/\u0671/g, "\u0627").replace(/\u0649/g, "\u064A").replace(/\u0629/g, "\u0647")
      .replace(/\u03A3/g, "\u03C3")
      .toLowerCase();
  }
  function tokens(s) {
    return fold(s).match(/[\p{L}\p{N}]+/gu) || [];
  }

  // stem is Lucene's light Arabic stemmer, for words made only of the
  // letters of the Arabic alphabet (ء to ي) and پ چ ژ ڤ گ; Kurdish words,
  // which have ک ی ە ڕ ڵ ۆ ێ, and other scripts are left whole. One prefix
  // goes when two letters remain (three for و), then each suffix in turn
  // when two letters remain.
  var arabicWord = /^[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A4\u06AF]+$/;
  var prefixes = ["\u0627\u0644", "\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644",
    "\u0641\u0627\u0644", "\u0644\u0644", "\u0648"];                   // ال وال بال كال فال لل و
  var suffixes = ["\u0647\u0627", "\u0627\u0646", "\u0627\u062A", "\u0648\u0646", "\u064A\u0646",
    "\u064A\u0647", "\u0647", "\u064A"];                                 // ها ان ات ون ين يه ه ي
  function stem(w) {
    if (!arabicWord.test(w)) return w;
    for (var i = 0; i < prefixes.length; i++) {
      var p = prefixes[i];
      if (w.length >= p.length + (p.length === 1 ? 3 : 2) && w.indexOf(p) === 0) {
        w = w.slice(p.length);
        break;
      }
    }
    for (var j = 0; j < suffixes.length; j++) {
      var x = suffixes[j];
      if (w.length >= x.length + 2 && w.slice(w.length - x.length) === x) w = w.slice(0, w.length - x.length);
    }
    return w;
  }

  // termsOf returns the search terms of s: its folded words, Arabic-Indic
  // digits made 0-9, Arabic words stemmed, as the index's (Go's
  // fold.Analyzer). (Not named terms: search(), render() and mark() have
  // variables of that name.)
  function termsOf(s) {
    return tokens(s).map(function (w) {
      return stem(w.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, function (d) {
        return String.fromCharCode(48 + (d.charCodeAt(0) & 15));
      }));
    });
  }

  // ---- end of text analysis

  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var all = document.getElementById("all-reports");
  var base = form.getAttribute("data-index");   // "../search/"
  var root = form.getAttribute("data-root");    // "../"
  var loaded = {};
  var waiting = {};

  window.gazetteSearch = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (fn) { fn(data); });
    delete waiting[name];
  };

  function load(name) {
    return new Promise(function (resolve, reject) {
      if (loaded[name]) return resolve(loaded[name]);
      if (waiting[name]) { waiting[name].push(resolve); return; }
      waiting[name] = [resolve];
      var s = document.createElement("script");
      s.src = base + name + ".js";
      s.onerror = function () { delete waiting[name]; reject(new Error("cannot load " + name)); };
      document.head.appendChild(s);
    });
  }

  // chunkFor returns the index of the chunk that may hold token t: the last
  // chunk whose first token is not after t.
  function chunkFor(firsts, t) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // scoresFor collects doc → score for a term; the last term of a query
  // also matches as a prefix, so results come while typing.
  function scoresFor(manifest, term, prefix) {
    var firsts = manifest.chunks;
    if (!firsts.length) return Promise.resolve({});
    var from = chunkFor(firsts, term);
    var names = [from];
    if (prefix && from + 1 < firsts.length && firsts[from + 1].indexOf(term) === 0) names.push(from + 1);
    return Promise.all(names.map(function (i) { return load("i-" + i); })).then(function (parts) {
      var scores = {};
      parts.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (tok) {
          if (tok !== term && !(prefix && tok.indexOf(term) === 0)) return;
          var list = chunk[tok], doc = 0;
          for (var j = 0; j < list.length; j += 2) {
            doc += list[j];
            var w = tok === term ? list[j + 1] : list[j + 1] / 2;
            scores[doc] = Math.max(scores[doc] || 0, w);
          }
        });
      });
      return scores;
    });
  }

  function mark(parent, text, terms) {
    // Highlight the words that start with a query term, as text nodes only.
    var re = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text)) !== null) {
      var w = m[0], f = termsOf(w);
      if (f.length && terms.some(function (t) { return f.some(function (x) { return x.indexOf(t) === 0; }); })) {
        var el = document.createElement("mark");
        el.textContent = w;
        parent.appendChild(el);
      } else {
        parent.appendChild(document.createTextNode(w));
      }
    }
  }

  var shown = 10, current = 0, lastQuery = "";
  var more = document.getElementById("search-more");

  function search(q, keep) {
    var id = ++current;
    if (!keep) shown = 10;
    lastQuery = q;
    var terms = termsOf(q);
    if (!terms.length) {
      results.hidden = true;
      shownKey = "";
      more.hidden = true;
      all.hidden = false;
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    load("manifest").then(function (manifest) {
      return Promise.all(terms.map(function (t, i) {
        return scoresFor(manifest, t, i === terms.length - 1);
      })).then(function (lists) {
        var total = {};
        Object.keys(lists[0]).forEach(function (doc) {
          var sum = 0;
          for (var i = 0; i < lists.length; i++) {
            if (!(doc in lists[i])) return;
            sum += lists[i][doc];
          }
          total[doc] = sum;
        });
        var docs = Object.keys(total).map(Number).sort(function (a, b) {
          return total[b] - total[a] || a - b;
        });
        var top = docs.slice(0, shown);
        var need = {};
        top.forEach(function (d) { need["d-" + Math.floor(d / manifest.perChunk)] = true; });
        return Promise.all(Object.keys(need).map(load)).then(function () {
          if (id !== current) return;
          render(docs, top, manifest, terms);
        });
      });
    }).catch(function (err) {
      status.textContent = "Search is unavailable: " + err.message;
    });
  }

  // shownKey names what the results list shows, so that the same search
  // run twice (typing, then Enter) leaves the list, and the focus in it,
  // alone.
  var shownKey = "";

  function render(docs, top, manifest, terms) {
    var key = terms.join(" ") + "|" + top.join(",");
    if (key === shownKey && !results.hidden) return;
    shownKey = key;
    results.textContent = "";
    top.forEach(function (d) {
      var doc = loaded["d-" + Math.floor(d / manifest.perChunk)][d % manifest.perChunk];
      var li = document.createElement("li");
      li.className = "report-item";
      var a = document.createElement("a");
      a.href = root + doc.u;
      a.dir = "auto"; // a title of any edition's language, isolated
      mark(a, doc.t, terms);
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "count";
      meta.textContent = doc.k + (doc.d ? " · " + doc.d : "");
      li.appendChild(document.createTextNode(" "));
      li.appendChild(meta);
      if (doc.s) {
        var p = document.createElement("p");
        p.dir = "auto";
        mark(p, doc.s, terms);
        li.appendChild(p);
      }
      results.appendChild(li);
    });
    status.textContent = docs.length === 0 ? "No results." :
      (docs.length === 1 ? "1 result." : docs.length + " results" + (docs.length > top.length ? ", showing the first " + top.length + "." : "."));
    results.hidden = false;
    more.hidden = docs.length <= top.length;
    all.hidden = true;
  }

  more.addEventListener("click", function () {
    shown += 10;
    search(lastQuery, true);
  });

  var timer;
  form.hidden = false;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 120);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    try { history.replaceState(null, "", url); } catch (err) { /* file:// may refuse */ }
    search(input.value);
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; search(q); }
})();
