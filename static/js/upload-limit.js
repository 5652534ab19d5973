/* Progressive enhancement: refuse, before sending, a form whose files exceed the limit of one
   request, so that the page (and everything typed into it) stays as it is. Without script the
   server still refuses the request, with a page that says the limit. The limit and the
   translated message come from <meta name="upload-limit"> in the admin's head. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="upload-limit"]');
  if (!meta) {
    return;
  }
  var limit = Number(meta.content);
  var language = document.documentElement.lang || undefined;

  function megabytes(bytes) {
    var number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    return meta.dataset.unit.replace("{size}", number.format(bytes / (1024 * 1024)));
  }

  // Files plus a generous allowance for the other fields (UTF-8 takes up to 4 bytes a
  // character) and the multipart boundaries.
  function requestSize(form) {
    var size = 1024;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.type === "file") {
        Array.prototype.forEach.call(field.files || [], function (file) {
          size += file.size + 256;
        });
      } else if (field.name && typeof field.value === "string") {
        size += field.name.length + field.value.length * 4 + 128;
      }
    });
    return size;
  }

  function noteFor(form) {
    var note = form.querySelector(".upload-limit-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "errornote upload-limit-note";
      note.setAttribute("role", "alert");
      note.hidden = true;
      form.insertBefore(note, form.firstChild);
    }
    return note;
  }

  function check(form) {
    var size = requestSize(form);
    var note = noteFor(form);
    if (size <= limit) {
      note.hidden = true;
      note.textContent = "";
      return true;
    }
    note.textContent = meta.dataset.message
      .replace("{size}", megabytes(size))
      .replace("{limit}", megabytes(limit));
    note.hidden = false;
    return false;
  }

  document.querySelectorAll('form[enctype="multipart/form-data"]').forEach(function (form) {
    form.addEventListener("change", function (event) {
      if (event.target.type === "file") {
        check(form);
      }
    });
    form.addEventListener("submit", function (event) {
      if (!check(form)) {
        event.preventDefault();
        noteFor(form).scrollIntoView({ block: "center" });
      }
    });
  });
})();
