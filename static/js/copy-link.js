/* Progressive enhancement: a button that copies an article's short link.
   Without script (or a clipboard) the button stays hidden and the link is there to copy. */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll("[data-copy-link]").forEach(function (box) {
    var link = box.querySelector("a[href]");
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    if (!link || !button || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(link.href).then(
        function () { status.textContent = button.dataset.done; },
        function () { status.textContent = button.dataset.failed; }
      );
    });
  });
})();
