"""The whole site, once every language is built: languages built in parallel and merged, search split by
language, Material's stylesheet cut, offline packs, redirects, security.txt, and each page's
Content-Security-Policy; then swapped in whole."""
