/* The typography check in the Persian admin form (gorgan.admin_typography).

   "Check typography" sends the Persian title, lead and body to the admin's JSON endpoint and
   lists each proposal, with the text around it, behind an unticked box. "Apply" sends the
   ticked ones back; the server makes exactly those and the page puts the result in the
   fields (and in the rich-text editor), to be saved as usual. Nothing else changes. */
(function () {
  "use strict";

  // The rich-text editor announces itself; keep it to give it the corrected text.
  var editors = {};
  document.addEventListener("prose-editor:ready", function (event) {
    var detail = event.detail || {};
    if (detail.textarea && detail.editor) {
      editors[detail.textarea.id] = detail.editor;
    }
  });

  function start() {
    var box = document.querySelector("[data-typography-url]");
    if (!box || !window.fetch || !window.JSON) {
      return;
    }
    var form = box.closest("form");
    var names = box.dataset.typographyFields.split(" ");
    var run = box.querySelector("[data-typography-run]");
    var applyButton = box.querySelector("[data-typography-apply]");
    var status = box.querySelector("[data-typography-status]");
    var list = box.querySelector("[data-typography-list]");
    var shown = {};

    function field(name) {
      return form.querySelector('[name="' + name + '"]');
    }

    function label(name) {
      var element = field(name);
      var tag = element && form.querySelector('label[for="' + element.id + '"]');
      return tag ? tag.textContent.replace(/[:：]\s*$/, "") : name;
    }

    function texts() {
      var values = {};
      names.forEach(function (name) {
        var element = field(name);
        if (element) {
          values[name] = element.value;
        }
      });
      return values;
    }

    function setText(name, text) {
      var element = field(name);
      if (!element || element.value === text) {
        return;
      }
      element.value = text;
      var editor = editors[element.id];
      if (editor && editor.commands) {
        editor.commands.setContent(text);
        element.value = text;
      }
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }

    var number = new Intl.NumberFormat(document.documentElement.lang || undefined);

    function say(key, count) {
      status.textContent = status.dataset[key].replace("{count}", number.format(count));
    }

    function piece(tag, text, className) {
      var element = document.createElement(tag);
      element.textContent = text;
      if (className) {
        element.className = className;
      }
      return element;
    }

    function show(result) {
      list.textContent = "";
      shown = {};
      var count = 0;
      names.forEach(function (name) {
        var entry = result.fields[name];
        if (!entry) {
          return;
        }
        entry.proposals.forEach(function (proposal, index) {
          var id = "typography-" + name + "-" + index;
          shown[id] = { field: name, proposal: proposal };
          var item = document.createElement("li");
          var box = document.createElement("input");
          box.type = "checkbox";
          box.id = id;
          var text = document.createElement("label");
          text.htmlFor = id;
          text.className = "vCheckboxLabel";
          text.appendChild(piece("strong", label(name) + ": "));
          text.appendChild(piece("span", "…" + proposal.before));
          text.appendChild(piece("del", proposal.original));
          text.appendChild(piece("ins", proposal.replacement));
          text.appendChild(piece("span", proposal.after + "…"));
          text.appendChild(piece("small", " — " + proposal.message, "typography-check__why"));
          item.appendChild(box);
          item.appendChild(text);
          list.appendChild(item);
          count += 1;
        });
      });
      applyButton.hidden = count === 0;
      return count;
    }

    function send(accept) {
      var token = form.querySelector("[name=csrfmiddlewaretoken]");
      return fetch(box.dataset.typographyUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "X-CSRFToken": token ? token.value : "",
        },
        body: JSON.stringify({ fields: texts(), accept: accept || {} }),
      }).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      });
    }

    run.addEventListener("click", function () {
      send().then(
        function (result) {
          var count = show(result);
          say(count ? "found" : "none", count);
        },
        function () { say("failed", 0); }
      );
    });

    applyButton.addEventListener("click", function () {
      var accept = {};
      list.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
        var chosen = shown[box.id];
        (accept[chosen.field] = accept[chosen.field] || []).push(chosen.proposal);
      });
      send(accept).then(
        function (result) {
          var applied = 0;
          names.forEach(function (name) {
            var entry = result.fields[name];
            if (entry) {
              setText(name, entry.text);
              applied += entry.applied;
            }
          });
          show(result);
          say("applied", applied);
        },
        function () { say("failed", 0); }
      );
    });

    box.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
