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

  // Capture phase: before the picker reads the value on focus.
  document.addEventListener(
    "focusin",
    (event) => {
      if (isPicked(event.target)) event.target.value = toLatin(event.target.value);
    },
    true,
  );
  const showPersian = (event) => {
    if (isPicked(event.target)) event.target.value = toPersian(event.target.value);
  };
  document.addEventListener("change", showPersian);
  document.addEventListener("focusout", showPersian);

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

  if (window.jalaliDatepicker) {
    window.jalaliDatepicker.startWatch({
      time: true,
      hasSecond: false,
      persianDigits: true,
      autoReadOnlyInput: false,
      zIndex: 1100,
    });
  }
})();
