// Käytäntökirjasto, on every page. No dependencies.
// - Hides the notes meant for readers without JavaScript.
// - Makes the theme's header buttons (menu, search) usable from the keyboard:
//   the theme draws them as <label>s, which cannot take focus.
// - Adds a "Tulosta" (print) button to item pages (those with a metadata card).
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll(".kk-ilman-js"), function (note) { note.hidden = true; });

  var names = { __drawer: "Valikko", __search: "Haku" };
  Array.prototype.forEach.call(document.querySelectorAll("label.md-header__button[for]"), function (label) {
    var target = label.getAttribute("for");
    var toggle = document.getElementById(target);
    if (!toggle || !names[target]) return;
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    label.setAttribute("aria-label", names[target]);
    label.setAttribute("aria-expanded", String(toggle.checked));
    toggle.addEventListener("change", function () { label.setAttribute("aria-expanded", String(toggle.checked)); });
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
        label.setAttribute("aria-expanded", String(toggle.checked));
        if (target === "__drawer" && toggle.checked) {
          var first = document.querySelector(".md-nav--primary a, .md-nav--primary label[tabindex]");
          if (first) first.focus();
        }
      }
    });
  });

  var card = document.querySelector(".kk-kortti");
  if (!card || document.querySelector(".kk-tulosta")) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button kk-tulosta";
  button.textContent = "Tulosta";
  button.addEventListener("click", function () { window.print(); });
  card.parentNode.insertBefore(button, card.nextSibling);
})();
