// Only in a portable build (no base URL), for pages opened from the disk: a link to a folder
// ("../articles/") would show the folder's listing there, so a click on one opens the folder's
// index.html instead, and so does the search form. Served over HTTP, it does nothing.
(function () {
  if (window.location.protocol !== "file:") return;
  var index = function (href) {
    var u = new URL(href, window.location.href);
    if (u.protocol !== "file:" || !u.pathname.endsWith("/")) return null;
    u.pathname += "index.html";
    return u;
  };
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a[href]");
    var u = link && index(link.href);
    if (!u) return;
    event.preventDefault();
    window.location.href = u.href;
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var u = form.method === "get" && index(form.action);
    if (!u) return;
    event.preventDefault();
    u.search = new URLSearchParams(new FormData(form)).toString();
    window.location.href = u.href;
  });
})();
