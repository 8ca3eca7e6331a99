// gazette search: queries the index that gazette writes under search/.
// Plain JavaScript, no dependencies. Index files are scripts that call
// gazetteSearch(name, data), so they load from file:// as well as HTTP.
//
// ---- The index format (written by gazette's search index stage, in Go)
//
// Every file under search/ is one line of script, gazetteSearch("NAME", DATA);
// DATA is JSON. A script, not a .json file: fetch() is refused on file://,
// and a strict Content-Security-Policy allows same-origin scripts. There
// are four kinds of file:
//
//   manifest.js  {"chunks": ["abu", "dark", ...], "docs": 1234, "perChunk": 8,
//                 "kinds": [["report", "Reports"], ["record", "Records"],
//                           ["city", "Places"], ...],
//                 "kindRuns": [0, 5, 1, 13, ...], "yearRuns": [2016, 3, 0, 59],
//                 "facets": [{"id": "kind", "label": "Kind"},
//                            {"id": "place", "label": "Place", "bytes": 1041}, ...]}
//                chunks: the first term of each index chunk, in order, so
//                that chunk N holds the terms from chunks[N] up to, not
//                including, chunks[N+1]; docs: how many documents there are;
//                perChunk: how many documents a document chunk holds.
//                kinds: the kind facet's values, [id, label] (reports,
//                records and pages labelled by the edition's catalogue,
//                search.group.ID; each entity kind by its title in
//                site.yaml); kindRuns: each document's kind, as pairs of a
//                number in kinds and how many documents in a row have it;
//                yearRuns: each document's year the same way (0: none).
//                facets: in the order shown, each labelled in the edition's
//                language (its catalogue's search.facet.ID); kind and year
//                are the manifest's, the others (place, actor, service)
//                have a file f-ID.js of that many bytes.
//   i-N.js       index chunk N, about 16 KB: {"term": [d, v, d, v, ...], ...}
//                with the terms in byte order. For each document that holds
//                the term, d is its number, written as the difference from
//                the previous one in the list (the first from 0), and v is
//                its score times two, plus one when the term is in the
//                document's title (a title, or an entity's names). The score
//                adds, each time the term occurs, the weight of the field it
//                is in (a title 8; the names and aliases of the entities a
//                report or record concerns 6; a summary 3; a body or an
//                event's note 1). A term keeps its 1,000 best-scoring
//                documents; a term over 40 bytes is not indexed. A term that
//                ends in "!" is a name key: the terms of a spelling that is a
//                document's name exactly (an entity's name, id, aliases and
//                other-language names; a record's title, and a record file's
//                id), joined by spaces: "mosul!", "iraqi army!".
//   d-N.js       documents N*perChunk to N*perChunk+perChunk-1:
//                [{"t": title, "u": address from the site root,
//                  "d": "2016-08-12" (reports; a record's start, "2014-11"
//                  or "2014", when known), "k": what it is, in the
//                  edition's language ("report", "record", "page": the
//                  catalogue's search.doc.ID; or an entity's type or kind
//                  and its parent: "city in Nineveh"), "s": its summary, or an
//                  entity's first paragraph, shortened to about 240
//                  characters (absent when empty)}, ...]
//                Documents are numbered: the reports newest first, the
//                records newest first (those with no start last), the
//                entities kind by kind, the pages.
//   f-ID.js      a facet's values and each document's:
//                {"values": [["nineveh", "Nineveh Province", 10], ...],
//                 "width": 1, "docs": "f,,0a,..."}
//                values: [id (what the address says: place=nineveh), label
//                (an entity's name in the edition's language, a service's
//                label), the number of the value it is within, -1 for none];
//                docs: for each document, the numbers of its values in
//                base 36, width digits each, then a comma. A report's places
//                and actors are the entities it concerns of the kinds that
//                site.yaml's where and by roles take; a record's, those it
//                names in any role and who restored it; an entity page's,
//                itself. Services are a report's events' and a record's.
//                A place also counts for every place it is within (Nineveh
//                includes Mosul): search.js rolls values up through the
//                third field.
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
// match every term, and its score is the sum. The query's name key (its
// terms joined, then "!") is looked up too. Results are ranked: documents
// the query names exactly first, then those with every term in their
// title, then the rest; within each, by score, then the newer first (by
// year, then by number). With no terms but a facet chosen, every document
// is a candidate, newest first.
//
// Facets (kind, place, actor, service, year; one value each, in the
// address: ?q=cut&place=nineveh&service=mobile) keep the documents that
// have the value. Each facet's counts are of the documents that the query
// and every other facet keep, so another value can be chosen. A facet file
// loads when the facet is chosen or opened, or with the first query when
// it is under 24 KB; the kind and year facets need no file.
//
// Ten results are shown at a time, each loaded from its document chunk
// (number / perChunk, entry number % perChunk); the words of a title or
// summary that begin with a query term are marked. Every word the script
// shows (the status line, the facets' heading and buttons, dates: "12
// August 2016", "12 آب 2016") is a message of the edition's catalogue that
// the page gives the form (see say() below), every number (counts, years,
// days) in the digits the form's data-digits names (latn when absent).
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
  var facetsEl = document.getElementById("search-facets");
  var all = document.getElementById("all-reports");
  var more = document.getElementById("search-more");
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

  // scoresFor collects doc → {s: score, t: in a title} for a term; the last
  // term of a query also matches as a prefix, so results come while typing.
  // exact (a name key) matches only itself.
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
          if (tok !== term && !(prefix && tok.indexOf(term) === 0 && tok.indexOf("!") < 0)) return;
          var list = chunk[tok], doc = 0;
          for (var j = 0; j < list.length; j += 2) {
            doc += list[j];
            var v = list[j + 1], w = v >> 1;
            if (tok !== term) w /= 2;
            var o = scores[doc] || (scores[doc] = { s: 0, t: false });
            o.s = Math.max(o.s, w);
            o.t = o.t || (v & 1) === 1;
          }
        });
      });
      return scores;
    });
  }

  // ---- facets: what each document is, from the manifest's runs and the
  // facet files, expanded once into arrays by document number.

  function runs(list, n) {
    var out = new Array(n), d = 0;
    for (var i = 0; i < list.length; i += 2) {
      for (var j = 0; j < list[i + 1]; j++) out[d++] = list[i];
    }
    return out;
  }

  // table reads a facet file: each document's values, with the values
  // they are within added (Nineveh for Mosul), once each.
  function table(file) {
    if (file.rows) return file;
    var w = file.width, rows = file.docs.split(","), ups = file.values.map(function (v, i) {
      var chain = [i], p = v[2];
      while (p >= 0 && chain.indexOf(p) < 0 && chain.length < 100) { chain.push(p); p = file.values[p][2]; }
      return chain;
    });
    file.rows = rows.slice(0, rows.length - 1).map(function (r) {
      var set = [];
      for (var i = 0; i < r.length; i += w) {
        ups[parseInt(r.slice(i, i + w), 36)].forEach(function (v) { if (set.indexOf(v) < 0) set.push(v); });
      }
      return set;
    });
    file.byId = {};
    file.values.forEach(function (v, i) { file.byId[v[0]] = i; });
    return file;
  }

  // dims returns the facets as search() uses them: for each, its id and
  // label, its values ([id, label]) and, for each document, its values.
  // A facet whose file is not loaded has no values yet.
  function dims(manifest) {
    if (!manifest.kindOf) {
      manifest.kindOf = runs(manifest.kindRuns, manifest.docs);
      manifest.yearOf = runs(manifest.yearRuns, manifest.docs);
      var years = [];
      manifest.yearOf.forEach(function (y) { if (y && years.indexOf(y) < 0) years.push(y); });
      years.sort(function (a, b) { return b - a; });
      manifest.years = years;
    }
    return manifest.facets.map(function (f) {
      if (f.id === "kind") {
        return { id: f.id, label: f.label, values: manifest.kinds, index: indexOf(manifest.kinds),
          has: function (d, v) { return manifest.kindOf[d] === v; }, of: function (d) { return [manifest.kindOf[d]]; } };
      }
      if (f.id === "year") {
        var values = manifest.years.map(function (y) { return [String(y), num(y)]; });
        return { id: f.id, label: f.label, values: values, index: indexOf(values),
          has: function (d, v) { return manifest.yearOf[d] === manifest.years[v]; },
          of: function (d) { var i = manifest.years.indexOf(manifest.yearOf[d]); return i < 0 ? [] : [i]; } };
      }
      var file = loaded["f-" + f.id];
      if (!file) return { id: f.id, label: f.label, bytes: f.bytes, values: null };
      table(file);
      return { id: f.id, label: f.label, values: file.values, index: file.byId,
        has: function (d, v) { return file.rows[d].indexOf(v) >= 0; }, of: function (d) { return file.rows[d]; } };
    });
  }

  function indexOf(values) {
    var m = {};
    values.forEach(function (v, i) { m[v[0]] = i; });
    return m;
  }

  // ---- the search state, kept in the page's address: ?q=cut&place=nineveh

  var facetIds = ["kind", "place", "actor", "service", "year"];
  var open = {};      // facets the reader opened
  var expanded = {};  // facets whose every value is shown
  var smallFacet = 24 << 10; // a facet file this small loads with the first query

  function stateFrom(search) {
    var params = new URLSearchParams(search), st = { q: params.get("q") || "", f: {} };
    facetIds.forEach(function (id) { var v = params.get(id); if (v) st.f[id] = v; });
    return st;
  }
  var state = stateFrom(window.location.search);

  function href(st) {
    var params = new URLSearchParams();
    if (st.q) params.set("q", st.q);
    facetIds.forEach(function (id) { if (st.f[id]) params.set(id, st.f[id]); });
    var s = params.toString();
    return s ? "?" + s : "?";
  }

  function remember() {
    try { history.replaceState(null, "", href(state)); } catch (err) { /* file:// may refuse */ }
  }

  // ---- dates in the reader's language, as the pages write them: the
  // catalogue's date.day, date.month and date.year with its month names
  // (say(), below), numbers in the digits the edition writes (data-digits,
  // else Latin): Arabic months as Iraq names them (آب, not أغسطس), Sorani's
  // too, which browsers' Intl lacks.

  var lang = document.documentElement.lang || "en";
  var locale = { ar: "ar-IQ", en: "en-GB" }[lang] || lang;
  var digits = form.getAttribute("data-digits") || "latn";
  function formatDate(s) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s || "");
    if (!m) return s || "";
    var parts = m[3] ? "day" : m[2] ? "month" : "year";
    return say("date." + parts, { Year: num(+m[1]), Month: m[2] ? say("month." + +m[2]) : "", Day: m[3] ? num(+m[3]) : "" });
  }

  // ---- the interface's words, in the edition's language: search.html
  // gives the form the theme catalogue's messages for this script, each in
  // an attribute (search.filter.sep in data-msg-filter-sep, date.day in
  // data-msg-date-day; say("filter.sep"), say("date.day")) as JSON: its
  // forms by CLDR plural category ({"one": "{Count} result", "other":
  // "{Count} results"}; "other" alone when it has none) with its
  // placeholders written {Name}. say() chooses the form for a count by
  // Intl.PluralRules in the page's language ("other" when the message lacks
  // that form) and fills in the values, the count in the edition's digits.
  // No word of the interface is written here.

  var messages = {};
  function formsOf(key) {
    if (!messages[key]) {
      try {
        messages[key] = JSON.parse(form.getAttribute("data-msg-" + key.replace(/\./g, "-")) || "{}");
      } catch (err) {
        messages[key] = {}; // shows its key
      }
    }
    return messages[key];
  }
  var plurals, numbers;
  try {
    plurals = new Intl.PluralRules(lang);
    numbers = new Intl.NumberFormat(locale, { numberingSystem: digits, useGrouping: false });
  } catch (err) {
    plurals = new Intl.PluralRules("en");
    numbers = new Intl.NumberFormat("en", { useGrouping: false });
  }
  function num(n) { return numbers.format(n); }
  function say(key, values, count) {
    var forms = formsOf(key), counted = typeof count === "number";
    var s = (counted && forms[plurals.select(count)]) || forms.other || key;
    return s.replace(/\{(\w+)\}/g, function (m, name) {
      if (name === "Count" && counted) return num(count);
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : m;
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

  var shown = 10, current = 0;

  // matches returns doc → [tier, score] for the query's terms: tier 2 when
  // the whole query is a name of the document (its name key is in the
  // index), 1 when every term is in its title, else 0. With no terms,
  // every document, at 0.
  function matches(manifest, terms) {
    if (!terms.length) {
      var every = {};
      for (var d = 0; d < manifest.docs; d++) every[d] = [0, 0];
      return Promise.resolve(every);
    }
    var lists = terms.map(function (t, i) { return scoresFor(manifest, t, i === terms.length - 1); });
    lists.push(scoresFor(manifest, terms.join(" ") + "!", false));
    return Promise.all(lists).then(function (lists) {
      var exact = lists.pop(), out = {};
      Object.keys(lists[0]).forEach(function (doc) {
        var sum = 0, title = true;
        for (var i = 0; i < lists.length; i++) {
          var m = lists[i][doc];
          if (!m) return;
          sum += m.s;
          title = title && m.t;
        }
        out[doc] = [exact[doc] ? 2 : title ? 1 : 0, sum];
      });
      return out;
    });
  }

  function search(keep) {
    var id = ++current, st = state;
    if (!keep) shown = 10;
    var terms = termsOf(st.q);
    var filtered = Object.keys(st.f).length > 0;
    if (!terms.length && !filtered) {
      results.hidden = true;
      facetsEl.hidden = true;
      more.hidden = true;
      all.hidden = false;
      status.textContent = "";
      status.removeAttribute("data-state");
      return Promise.resolve();
    }
    status.textContent = say("searching");
    status.setAttribute("data-state", "searching");
    return load("manifest").then(function (manifest) {
      var need = manifest.facets.filter(function (f) {
        return f.bytes && (st.f[f.id] || open[f.id] || f.bytes <= smallFacet);
      });
      return Promise.all(need.map(function (f) { return load("f-" + f.id); })).then(function () {
        return matches(manifest, terms);
      }).then(function (found) {
        var ds = dims(manifest);
        // The selected value of each facet: its number, or -1 when the
        // facet has no such value (then nothing matches).
        var sel = ds.map(function (dim) {
          var v = st.f[dim.id];
          if (!v || !dim.values) return null;
          return v in dim.index ? dim.index[v] : -1;
        });
        // Each facet's counts are of the documents that every other facet
        // lets through, so that another value of it can be chosen.
        var counts = ds.map(function () { return {}; }), docs = [];
        Object.keys(found).forEach(function (key) {
          var doc = +key, fail = -1, fails = 0;
          for (var i = 0; i < ds.length && fails < 2; i++) {
            if (sel[i] !== null && (sel[i] < 0 || !ds[i].has(doc, sel[i]))) { fail = i; fails++; }
          }
          if (fails > 1) return;
          if (fails === 0) docs.push(doc);
          ds.forEach(function (dim, i) {
            if (!dim.values || (fails === 1 && i !== fail)) return;
            dim.of(doc).forEach(function (v) { counts[i][v] = (counts[i][v] || 0) + 1; });
          });
        });
        // Exact names first, then titles, then bodies; by score; the newer
        // first (by year, then by number: a kind's documents are numbered
        // newest first).
        docs.sort(function (a, b) {
          var x = found[a], y = found[b];
          return y[0] - x[0] || y[1] - x[1] || (manifest.yearOf[b] || 0) - (manifest.yearOf[a] || 0) || a - b;
        });
        var top = docs.slice(0, shown), chunks = {};
        top.forEach(function (d) { chunks["d-" + Math.floor(d / manifest.perChunk)] = true; });
        return Promise.all(Object.keys(chunks).map(load)).then(function () {
          if (id !== current) return;
          render(manifest, st, terms, docs, top, ds, sel, counts);
        });
      });
    }).catch(function (err) {
      if (id !== current) return;
      status.textContent = say("unavailable");
      status.setAttribute("data-state", "failed");
      if (window.console) console.error(err);
    });
  }

  function render(manifest, st, terms, docs, top, ds, sel, counts) {
    var focus = document.activeElement, focusKey = focus && focus.getAttribute && focus.getAttribute("data-key");
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
      meta.appendChild(document.createTextNode(doc.k));
      if (doc.d) {
        meta.appendChild(document.createTextNode(" · "));
        var time = document.createElement("time");
        time.dateTime = doc.d;
        time.textContent = formatDate(doc.d);
        meta.appendChild(time);
      }
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
    renderFacets(st, ds, sel, counts);

    var what = [];
    ds.forEach(function (dim, i) {
      if (sel[i] === null) return;
      what.push(say("filter", { Facet: dim.label, Value: sel[i] < 0 ? st.f[dim.id] : dim.values[sel[i]][1] }));
    });
    var n = docs.length;
    var line = n === 0 ? say("none") : say("results", null, n);
    if (st.q.trim()) line += say("for", { Query: st.q.trim() });
    if (what.length) line += say("filters", { Filters: what.join(say("filter.sep")) });
    line += n > top.length ? say("first", null, top.length) : say("end");
    status.textContent = line;
    status.setAttribute("data-state", "done");
    results.hidden = n === 0;
    facetsEl.hidden = false;
    more.hidden = n <= top.length;
    all.hidden = true;
    if (focusKey && !document.activeElement.closest("#search-facets")) {
      var again = facetsEl.querySelector('[data-key="' + focusKey.replace(/["\\]/g, "\\$&") + '"]');
      if (again) again.focus();
    }
  }

  // renderFacets lists each facet's values with their counts, as links
  // to the search with the value chosen (or, for the chosen one, without
  // it). A facet whose file is not loaded is a closed disclosure that
  // loads it when opened.
  function renderFacets(st, ds, sel, counts) {
    facetsEl.textContent = "";
    var heading = document.createElement("h2");
    heading.id = "search-facets-h";
    heading.textContent = say("narrow");
    facetsEl.appendChild(heading);
    ds.forEach(function (dim, i) {
      var det = document.createElement("details");
      det.setAttribute("data-facet", dim.id);
      var sum = document.createElement("summary");
      sum.textContent = dim.label;
      sum.setAttribute("data-key", dim.id);
      det.appendChild(sum);
      if (!dim.values) {
        det.addEventListener("toggle", function () {
          if (!det.open || open[dim.id]) return;
          open[dim.id] = true;
          search(true);
        });
        facetsEl.appendChild(det);
        return;
      }
      det.open = true;
      var list = dim.values.map(function (v, j) { return { j: j, id: v[0], label: v[1], n: counts[i][j] || 0 }; })
        .filter(function (v) { return v.n > 0 || v.j === sel[i]; });
      if (dim.id !== "kind" && dim.id !== "year") {
        list.sort(function (a, b) { return b.n - a.n || a.label.localeCompare(b.label, lang); });
      }
      var limit = expanded[dim.id] ? list.length : 8;
      var ul = document.createElement("ul");
      list.forEach(function (v, k) {
        if (k >= limit && v.j !== sel[i]) return;
        var next = { q: st.q, f: Object.assign({}, st.f) };
        if (v.j === sel[i]) delete next.f[dim.id]; else next.f[dim.id] = v.id;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = href(next);
        a.setAttribute("data-key", dim.id + "=" + v.id);
        if (v.j === sel[i]) a.setAttribute("aria-current", "true");
        a.appendChild(document.createTextNode(v.label + " "));
        var c = document.createElement("span");
        c.className = "count";
        c.textContent = num(v.n);
        a.appendChild(c);
        a.addEventListener("click", function (e) {
          if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          state = next;
          remember();
          search();
        });
        li.appendChild(a);
        ul.appendChild(li);
      });
      if (!list.length) {
        var none = document.createElement("li");
        none.textContent = say("facet.none");
        ul.appendChild(none);
      }
      det.appendChild(ul);
      if (list.length > limit) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.className = "facet-more";
        btn.setAttribute("data-key", dim.id + "+");
        btn.textContent = say("facet.all", null, list.length);
        btn.addEventListener("click", function () {
          expanded[dim.id] = true;
          search(true).then(function () {
            var first = facetsEl.querySelector('[data-facet="' + dim.id + '"] li:nth-child(' + (limit + 1) + ") a");
            if (first) first.focus();
          });
        });
        det.appendChild(btn);
      }
      facetsEl.appendChild(det);
    });
  }

  more.addEventListener("click", function () {
    shown += 10;
    search(true);
  });

  var timer;
  form.hidden = false;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state = { q: input.value, f: state.f }; search(); }, 120);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    state = { q: input.value, f: state.f };
    remember();
    search();
  });
  input.value = state.q;
  search();
})();
