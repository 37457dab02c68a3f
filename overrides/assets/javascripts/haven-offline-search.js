/* Search in an offline language pack (haven/publish/offline.py). Opened from files,
   browsers refuse Material's search worker and its fetch() of the index, so
   this script reads the index from a script beside it and fills Material's own
   search dialog: every word typed must appear in a section's title or text. */
(function () {
  "use strict";
  var me = document.currentScript;
  var here = me.src.slice(0, me.src.lastIndexOf("/") + 1);
  var root = here + "../../";
  var input = document.querySelector("[data-md-component=search-query]");
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  if (!input || !list || !meta) return;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var words = config.translations || {};

  function plain(text) {
    // Case, accents and Arabic vowel marks aside; the zero-width spaces Chinese words are joined with removed.
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670\u200b]/g, "");
  }

  function textOf(html) {
    var box = document.createElement("div");
    box.innerHTML = html;
    return box.textContent.replace(/\u200b/g, "");
  }

  function address(base, location) {
    var hash = location.indexOf("#");
    var path = hash < 0 ? location : location.slice(0, hash);
    var fragment = hash < 0 ? "" : location.slice(hash);
    return root + base + path + "index.html" + fragment;
  }

  function count(n) {
    if (n === 0) return words["search.result.none"] || "0";
    if (n === 1) return words["search.result.one"] || "1";
    return (words["search.result.other"] || "#").replace("#", String(n));
  }

  function ready() {
    var index = window.havenSearchIndex;
    var docs = index.docs.map(function (doc) {
      var text = textOf(doc.text);
      return { doc: doc, text: text, haystack: plain(doc.title + " " + text) };
    });

    function search() {
      var query = plain(input.value).trim();
      list.textContent = "";
      if (!query) {
        meta.textContent = "";
        return;
      }
      var terms = query.split(/\s+/);
      var found = docs.filter(function (entry) {
        return terms.every(function (term) { return entry.haystack.indexOf(term) >= 0; });
      });
      meta.textContent = count(found.length);
      found.slice(0, 30).forEach(function (entry) {
        var item = document.createElement("li");
        item.className = "md-search-result__item";
        var link = document.createElement("a");
        link.className = "md-search-result__link";
        link.href = address(index.base, entry.doc.location);
        var article = document.createElement("article");
        article.className = "md-search-result__article md-typeset";
        var title = document.createElement(entry.doc.location.indexOf("#") < 0 ? "h1" : "h2");
        title.textContent = entry.doc.title;
        var text = document.createElement("p");
        text.textContent = entry.text.length > 160 ? entry.text.slice(0, 160) + "…" : entry.text;
        article.appendChild(title);
        article.appendChild(text);
        link.appendChild(article);
        item.appendChild(link);
        list.appendChild(item);
      });
    }

    input.addEventListener("input", search);
    // Material's script is not here: the dialog's form must not reload the page.
    if (input.form) input.form.addEventListener("submit", function (event) { event.preventDefault(); });
    search();
    if (document.getElementById("__search").checked) input.focus();
  }

  var index = document.createElement("script");
  index.src = here + "haven-search-index.js";
  index.onload = ready;
  document.head.appendChild(index);
})();
