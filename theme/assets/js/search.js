// The search page: reads ?q= from the address and lists the articles that hold every word of
// the query (the last one also as the start of a word), accents and case ignored, best first.
// The index is cut into small scripts under search/ (written by kiosque after Hugo's build):
// manifest.js, then only the term shards of the query's words, then only the document shards
// of the results shown. Each script hands its data to window.kiosqueSearch, so a <script> tag
// loads it from any static host and from the disk alike (where fetch cannot read a file). In
// a portable build addresses are made relative to the page (data-root) instead of the site's
// root (data-home). Results are built as DOM nodes, never as HTML strings.
(function () {
  var box = document.getElementById("search-results");
  var input = document.getElementById("search-q");
  if (!box || !input) return;
  var root = box.dataset.root, home = box.dataset.home || "/";
  var address = function (url) {
    return root && url.indexOf(home) === 0 ? root + url.slice(home.length) : url;
  };
  var base = address(box.dataset.index);
  var pageSize = 20, prefixBudget = 128000, maxWords = 8, version = "";
  var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  // load returns a promise of the data the script name (under search/) hands over.
  var scripts = {};
  var load = function (name) {
    if (own(scripts, name)) return scripts[name].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      var s = document.createElement("script");
      s.src = base + name + (version && window.location.protocol !== "file:" ? "?v=" + version : "");
      s.onerror = function () { reject(new Error("cannot load " + s.src)); };
      s.onload = function () { reject(new Error(s.src + " handed no data")); }; // no-op once resolved
      document.head.append(s);
    });
    scripts[name] = entry;
    return entry.promise;
  };
  var arrive = function (name, data) { if (own(scripts, name)) scripts[name].resolve(data); };
  window.kiosqueSearch = {
    manifest: function (m) { arrive("manifest.js", m); },
    terms: function (n, t) { arrive("t/" + n + ".js", t); },
    docs: function (n, d) { arrive("d/" + n + ".js", d); }
  };

  // terms splits text into the folded words the index holds, as kiosque does (searchTerms):
  // letters and digits, lower case, no accents; no one-letter word but digits; at most 40.
  var terms = function (s) {
    s = (s || "").toLowerCase().replace(/œ/g, "o").replace(/æ/g, "a").replace(/ß/g, "s")
      .normalize("NFD").replace(/\p{Mn}/gu, "");
    return s.split(/[^\p{L}\p{Nd}]+/u).filter(function (w) {
      var n = Array.from(w).length;
      return n > 0 && n <= 40 && (n > 1 || /[0-9]/.test(w));
    });
  };
  // cmp compares by code point, the order of the index's keys.
  var cmp = function (a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  };
  // shardOf returns the term shard that holds w, were it in the index.
  var shardOf = function (keys, w) {
    var lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (cmp(keys[mid], w) <= 0) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var WEIGHT = [1, 2, 4, 8]; // text, text often, author or tag, title
  // decode calls each(id, weight) for each posting of s (see kiosque's appendPosting).
  var decode = function (s, each) {
    var prev = -1, v = 0;
    for (var i = 0; i < s.length; i++) {
      var d = DIGITS.indexOf(s.charAt(i));
      v = v * 32 + (d & 31);
      if (d >= 32) continue;
      prev += Math.floor(v / 4) + 1;
      each(prev, v % 4);
      v = 0;
    }
  };

  // match returns a promise of the documents holding w, id to score; with prefix, the
  // documents holding a word that starts with w count too, half as much, if their shards fit
  // in prefixBudget.
  var match = function (m, w, prefix) {
    var first = shardOf(m.keys, w), last = first;
    if (prefix) {
      last = shardOf(m.keys, w + "\u{10FFFF}");
      var size = 0;
      for (var i = first; i <= last; i++) size += m.sizes[i];
      if (size > prefixBudget) last = first;
    }
    var names = [];
    for (var j = first; j <= last; j++) names.push("t/" + j + ".js");
    return Promise.all(names.map(load)).then(function (shards) {
      var hits = new Map();
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (t) {
          var factor = t === w ? 1 : (prefix && t.indexOf(w) === 0 ? 0.5 : 0);
          if (!factor) return;
          decode(shard[t], function (id, weight) {
            hits.set(id, Math.max(hits.get(id) || 0, factor * WEIGHT[weight]));
          });
        });
      });
      var idf = Math.log(1 + m.docs / Math.max(1, hits.size));
      hits.forEach(function (score, id) { hits.set(id, score * idf); });
      return hits;
    });
  };

  // rank returns the ids of the documents found for every word, best first, newest first
  // among equals (documents are numbered newest first).
  var rank = function (lists) {
    lists.sort(function (a, b) { return a.size - b.size; });
    var found = [];
    lists[0].forEach(function (score, id) {
      for (var i = 1; i < lists.length; i++) {
        if (!lists[i].has(id)) return;
        score += lists[i].get(id);
      }
      found.push({id: id, score: score});
    });
    found.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return found.map(function (f) { return f.id; });
  };

  // show appends to list the documents ids, loading their document shards.
  var show = function (m, ids, list) {
    var chunks = [];
    ids.forEach(function (id) {
      var c = Math.floor(id / m.chunk);
      if (chunks.indexOf(c) < 0) chunks.push(c);
    });
    return Promise.all(chunks.map(function (c) { return load("d/" + c + ".js"); })).then(function (shards) {
      ids.forEach(function (id) {
        var d = shards[chunks.indexOf(Math.floor(id / m.chunk))][id % m.chunk];
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = address(d[1]);
        link.textContent = d[0];
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = [d[3], d[2]].filter(Boolean).join(" · ");
        item.append(link, meta);
        if (d[4]) {
          var excerpt = document.createElement("p");
          excerpt.className = "excerpt";
          excerpt.textContent = d[4];
          item.append(excerpt);
        }
        list.append(item);
      });
    });
  };

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  var words = terms(query).filter(function (w, i, all) { return all.indexOf(w) === i; });
  if (!words.length) return;
  var lastWord = terms(query).pop();
  load("manifest.js").then(function (m) {
    version = m.v;
    if (!m.keys.length) return [m, []];
    // Words in most articles say little and weigh most: skipped when rarer ones are there.
    var used = words.filter(function (w) { return !own(m.common, w); });
    if (!used.length) used = words.sort(function (a, b) { return m.common[a] - m.common[b]; }).slice(0, 2);
    // A query loads at most maxWords term shards and one range of continuations: the first
    // words and the last.
    if (used.length > maxWords) used = used.slice(0, maxWords - 1).concat(used.slice(-1));
    return Promise.all(used.map(function (w) {
      return match(m, w, w === lastWord && Array.from(w).length >= 3 && !own(m.common, w));
    })).then(function (lists) { return [m, rank(lists)]; });
  }).then(function (res) {
    var m = res[0], ids = res[1];
    var count = document.createElement("p");
    count.textContent = ids.length === 0 ? box.dataset.none
      : (ids.length === 1 ? box.dataset.countOne : box.dataset.countOther).replace("%d", ids.length);
    box.replaceChildren(count);
    if (!ids.length) return;
    var list = document.createElement("ol");
    list.className = "search-hits";
    box.append(list);
    var shown = 0;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = box.dataset.more;
    var next = function () {
      more.disabled = true;
      var page = ids.slice(shown, shown + pageSize);
      shown += page.length;
      return show(m, page, list).then(function () {
        more.disabled = false;
        if (shown >= ids.length) more.remove();
      });
    };
    more.addEventListener("click", next);
    next().then(function () { if (shown < ids.length) box.append(more); });
  });
})();
