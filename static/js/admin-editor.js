// The rich-text editor (django-prose-editor) in the admin: the text in its own language and
// direction, the toolbar and dialogs in the admin's language (gorgan/admin_editor.py).
// Loaded as a classic script after the admin's JavaScript catalog and before the editor's
// modules run, so that the editor picks up the wrapped gettext below.
"use strict";
(function () {
  const source = document.getElementById("prose-editor-texts");
  const texts = source ? JSON.parse(source.textContent) : {};
  const translated = (text) => (text && Object.hasOwn(texts, text) ? texts[text] : null);

  const gettext = window.gettext;
  if (typeof gettext === "function") {
    window.gettext = (text) => translated(text) ?? gettext(text);
  }

  const translateToolbar = (root) => {
    for (const button of root.querySelectorAll("button[title], button[aria-label]")) {
      for (const name of ["title", "aria-label"]) {
        const text = translated(button.getAttribute(name));
        if (text) button.setAttribute(name, text);
      }
    }
  };

  document.addEventListener("prose-editor:ready", (event) => {
    const { editor, textarea } = event.detail;
    // The language being edited decides (the form puts lang/dir on the textarea), not the
    // admin's language nor the text itself.
    for (const name of ["dir", "lang"]) {
      const value = textarea.getAttribute(name);
      if (value) editor.view.dom.setAttribute(name, value);
    }
    // The toolbar is drawn once the editor has been created, and redrawn at times.
    const root = textarea.closest(".prose-editor") || textarea.parentElement;
    translateToolbar(root);
    new MutationObserver(() => translateToolbar(root)).observe(root, {
      childList: true,
      subtree: true,
    });
  });
})();
