/* The share bar's buttons that need a script: copy the link, the phone's own
   share sheet, and print. Each is shown only where the browser can do it; the
   plain links (WhatsApp, text message, email, flyer, QR code) need no script. */
(function () {
  "use strict";
  var status = document.querySelector(".haven-share__status");

  function button(kind) {
    return document.querySelector("button[data-haven-share=" + kind + "]");
  }

  function offer(kind, usable, action) {
    var element = button(kind);
    if (!element || !usable) return;
    element.parentNode.hidden = false;
    element.addEventListener("click", function () { action(element); });
  }

  offer("copy", navigator.clipboard && window.isSecureContext, function (element) {
    navigator.clipboard.writeText(element.getAttribute("data-haven-address")).then(function () {
      if (status) status.textContent = element.getAttribute("data-haven-copied");
    });
  });
  offer("native", typeof navigator.share === "function", function (element) {
    navigator.share({
      title: element.getAttribute("data-haven-title"),
      url: element.getAttribute("data-haven-address")
    }).catch(function () { /* the reader closed the sheet */ });
  });
  offer("print", typeof window.print === "function", function () { window.print(); });

  // The flyer link opens the flyer view (#haven-flyer), then the print dialog.
  var flyer = document.querySelector("a[data-haven-share=flyer]");
  if (flyer && typeof window.print === "function") {
    flyer.addEventListener("click", function () {
      window.setTimeout(function () { window.print(); }, 0);
    });
  }
})();
