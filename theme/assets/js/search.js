// The search page: reads ?q= from the address, loads the site's JSON index (a static file, so
// it works on any static host) and lists the articles whose title, authors, tags or summary
// hold every word of the query, accents and case ignored. Results are built as DOM nodes,
// never as HTML strings. In a portable build the index comes as a script (search-index.js,
// loaded before this one), which works from the disk too, and its addresses are made
// relative to the page (data-root) instead of the site's root (data-home).
(function () {
  var box = document.getElementById("search-results");
  var input = document.getElementById("search-q");
  if (!box || !input) return;
  var root = box.dataset.root, home = box.dataset.home || "/";
  var address = function (url) {
    return root && url.indexOf(home) === 0 ? root + url.slice(home.length) : url;
  };
  var load = function () {
    if (window.kiosqueSearchIndex) return Promise.resolve(window.kiosqueSearchIndex);
    return window.fetch(box.dataset.index).then(function (r) { return r.json(); });
  };
  var fold = function (s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  var words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return;
  load().then(function (index) {
    var hits = index.filter(function (a) {
      var hay = fold([a.title, a.summary].concat(a.authors, a.tags).join(" "));
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
    var count = document.createElement("p");
    count.textContent = hits.length === 0 ? box.dataset.none
      : (hits.length === 1 ? box.dataset.countOne : box.dataset.countOther).replace("%d", hits.length);
    box.replaceChildren(count);
    if (!hits.length) return;
    var list = document.createElement("ol");
    list.className = "search-hits";
    hits.slice(0, 100).forEach(function (a) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = address(a.url);
      link.textContent = a.title;
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [a.authors.join(", "), a.date].filter(Boolean).join(" · ");
      item.append(link, meta);
      list.append(item);
    });
    box.append(list);
  });
})();
