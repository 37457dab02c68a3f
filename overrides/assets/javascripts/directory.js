/* The legal-help directory's combined filter: state, kind of help and language at once.
   Without this script the page still works through plain links (#il, #help-asylum).
   Written for old phone browsers too: no modules, no arrow functions, no framework. */
(function () {
  "use strict";
  var root = document.querySelector("[data-haven-directory]");
  if (!root || !root.classList) return;
  var form = root.querySelector(".haven-filter");
  var none = root.querySelector(".haven-directory__none");
  var fields = {
    state: form.querySelector("select[name=state]"),
    service: form.querySelector("select[name=service]"),
    language: form.querySelector("select[name=language]")
  };

  // Each list of choices is made from the links of the chooser: "#il" becomes "il",
  // "#help-asylum" "asylum", "#speaks-es" "es".
  Object.keys(fields).forEach(function (name) {
    var select = fields[name];
    var links = root.querySelectorAll(select.getAttribute("data-options"));
    for (var i = 0; i < links.length; i++) {
      var option = document.createElement("option");
      option.value = links[i].getAttribute("href").slice(1).replace(/^(help|speaks)-/, "");
      option.textContent = links[i].textContent;
      if (links[i].lang) option.lang = links[i].lang;
      select.appendChild(option);
    }
  });

  function each(selector, scope, action) {
    var found = (scope || root).querySelectorAll(selector);
    for (var i = 0; i < found.length; i++) action(found[i]);
  }

  function listed(element, attribute, value) {
    return !value || (" " + element.getAttribute(attribute) + " ").indexOf(" " + value + " ") >= 0;
  }

  function apply() {
    var state = fields.state.value;
    var service = fields.service.value;
    var language = fields.language.value;
    if (!state && !service && !language) {
      root.classList.remove("haven-directory--filtered");
      none.hidden = true;
      return;
    }
    root.classList.add("haven-directory--filtered");
    var shown = 0;
    each(".haven-area", root, function (area) {
      var isState = area.classList.contains("haven-area--state");
      var isNational = area.classList.contains("haven-area--national");
      var matches = 0;
      each(".haven-org", area, function (card) {
        var match = listed(card, "data-services", service) && listed(card, "data-languages", language);
        card.classList.toggle("is-hidden", !match);
        if (match) matches++;
      });
      var visible = isNational ? matches > 0
        : isState && (state ? area.getAttribute("data-state") === state : matches > 0);
      area.classList.toggle("is-shown", visible);
      if (visible) shown += matches;
    });
    none.hidden = shown > 0;
  }

  function fromAddress() {
    var id = decodeURIComponent(location.hash.slice(1));
    var area = id && document.getElementById(id);
    if (area && area.classList.contains("haven-area--state")) {
      fields.state.value = id;
      apply();
    } else if (area && area.classList.contains("haven-area--by")) {
      // A "kind of help" or language list was opened by its link: let it show.
      fields.state.value = fields.service.value = fields.language.value = "";
      apply();
    }
  }

  form.hidden = false;
  // The form replaces the lists of links, which stay for readers without scripts.
  root.classList.add("haven-directory--enhanced");
  form.addEventListener("change", function () {
    apply();
    // The address keeps the chosen state, so it can be shared or printed.
    if (window.history && history.replaceState) {
      history.replaceState(null, "", fields.state.value ? "#" + fields.state.value : location.pathname);
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
})();
