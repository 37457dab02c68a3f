/* Material's script (35 KB compressed) and the search index are loaded only when a
   reader opens the search: the drawer and the language menu work without them, and
   readers on paid data pay only for what they use. Old browsers get the local
   ResizeObserver polyfill first, so Material never fetches one from unpkg.com.
   Pages load Material's stylesheet cut to what they use (haven/publish/unusedcss.py); its
   whole version comes first, for what the script adds (results, dialogs), and the
   script runs only once it has arrived, so results never show unstyled. */
(function () {
  "use strict";
  var me = document.currentScript;
  var html = document.documentElement;
  var toggle = document.getElementById("__search");
  if (!me || !toggle) return;
  var started = false;

  function script(src, then) {
    var element = document.createElement("script");
    element.src = src;
    element.onload = then;
    document.head.appendChild(element);
  }

  function stylesheet(href, then) {
    var first = document.querySelector("link[rel=stylesheet]");
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.onload = link.onerror = then;
    // Before the cut copy and haven.css, so the cascade is what it would be without the cut.
    if (first) first.parentNode.insertBefore(link, first);
    else document.head.appendChild(link);
  }

  function start() {
    if (started) return;
    started = true;
    var bundle = function () {
      script(me.getAttribute("data-bundle"), function () {
        var query = document.querySelector("[data-md-component=search-query]");
        if (toggle.checked && query) query.focus();
      });
    };
    stylesheet(me.getAttribute("data-stylesheet"), function () {
      if ("ResizeObserver" in window) bundle();
      else script(me.getAttribute("data-polyfill"), bundle);
    });
  }

  // The search button is Material's; without its script Material hides it.
  html.classList.add("haven-search-lazy");
  toggle.addEventListener("change", function () { if (toggle.checked) start(); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(input|select|textarea)$/i.test(target.tagName));
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      toggle.checked = true;
      start();
    }
  });
})();
