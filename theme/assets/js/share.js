// Optional: the "copy link" entry of the share block copies the page's address instead of
// opening it, and says so. Without this script the entry is a plain link to the page.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.copy-link");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(function () {
    var status = link.closest(".share").querySelector(".copy-status");
    if (status) status.textContent = link.dataset.copied;
  });
});
