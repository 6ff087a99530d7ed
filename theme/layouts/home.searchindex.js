{{- /* The search index as a script, for a portable build: a page opened from the disk cannot
fetch index.json, but it can load a script next to it. */ -}}
window.kiosqueSearchIndex = {{ partialCached "kiosque/search-index.html" . | jsonify | safeJS }};
