// The Solar Hijri picker on the admin's date inputs (gorgan/admin_dates.py renders them).
// The picker reads and writes Latin digits; the input shows Persian digits whenever the
// picker is not working on it. Typing works with either.
"use strict";
(function () {
  const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
  const toLatin = (text) =>
    text
      .replace(/[۰-۹]/g, (digit) => String(PERSIAN.indexOf(digit)))
      .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));
  const toPersian = (text) => text.replace(/[0-9]/g, (digit) => PERSIAN[Number(digit)]);
  const isPicked = (element) => element instanceof HTMLInputElement && element.hasAttribute("data-jdp");

  // Capture phase: before the picker reads the value on focus. The same number of characters,
  // so the selection (all of it, when tabbing in) is kept for typing over.
  document.addEventListener(
    "focusin",
    (event) => {
      const input = event.target;
      if (!isPicked(input)) return;
      const latin = toLatin(input.value);
      if (latin === input.value) return;
      const { selectionStart, selectionEnd, selectionDirection } = input;
      input.value = latin;
      input.setSelectionRange(selectionStart, selectionEnd, selectionDirection);
    },
    true,
  );
  // Persian digits again once the picker is done: neither the input nor the picker in use.
  const picker = () => document.querySelector("jdp-container");
  const pickerOpen = () => {
    const container = picker();
    return Boolean(container) && getComputedStyle(container).visibility !== "hidden";
  };
  const settle = () => {
    if (pickerOpen()) return;
    for (const input of document.querySelectorAll("input[data-jdp]")) {
      const persian = toPersian(input.value);
      if (input !== document.activeElement && persian !== input.value) input.value = persian;
    }
  };
  document.addEventListener("focusout", (event) => {
    const container = picker();
    if (container && event.relatedTarget && container.contains(event.relatedTarget)) return;
    setTimeout(settle, 0);
  });
  new MutationObserver(settle).observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ["style"],
  });

  // A partial date (year or month only) is typed; the day picker serves exact days.
  document.addEventListener("change", (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement)) return;
    for (const input of document.querySelectorAll(`input[data-precision-select="${select.id}"]`)) {
      if (select.value === "day" && input.hasAttribute("data-jdp-calendar")) {
        input.setAttribute("data-jdp", "");
        input.setAttribute("data-jdp-only-date", "");
      } else {
        input.removeAttribute("data-jdp");
      }
    }
  });

  const start = () => {
    if (!window.jalaliDatepicker) return;
    window.jalaliDatepicker.startWatch({
      time: true,
      hasSecond: false,
      persianDigits: true,
      autoReadOnlyInput: false,
      zIndex: 1100,
    });
  };
  // The picker listens on document.body, which a script in <head> does not have yet.
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
