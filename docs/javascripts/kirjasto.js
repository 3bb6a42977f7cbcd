// Käytäntökirjasto, on every page. An ES module; shared helpers from yhteiset.js.
// - Hides the notes meant for readers without JavaScript.
// - Makes the theme's header buttons (menu, search) usable from the keyboard:
//   the theme draws them as <label>s of hidden checkboxes, which work with a
//   mouse and without JavaScript but cannot take focus. Each becomes a real
//   <button> that toggles the same checkbox (kirjasto.css hides it where the
//   theme hides the label).
// - Adds a "Tulosta" (print) button to item pages (those with a metadata card).
import { button, each, hideNoScriptNotes } from "./yhteiset.js";
import { _ } from "./tekstit.js";

hideNoScriptNotes();

var HEADER_BUTTONS = { __drawer: _("Valikko"), __search: _("Haku") };

each("label.md-header__button[for]", function (label) {
  var target = label.htmlFor;
  var toggle = document.getElementById(target);
  if (!toggle || !HEADER_BUTTONS[target]) return;
  var replacement = button("", label.className, function (event) {
    toggle.click();
    showState();
    // Opened from the keyboard (a click with no pointer position), the menu takes the focus.
    if (target === "__drawer" && toggle.checked && event.detail === 0) {
      var first = document.querySelector(".md-nav--primary a, .md-nav--primary label[tabindex]");
      if (first) first.focus();
    }
  });
  function showState() { replacement.setAttribute("aria-expanded", String(toggle.checked)); }
  replacement.setAttribute("data-kk-avaa", target);
  replacement.setAttribute("aria-label", HEADER_BUTTONS[target]);
  replacement.append(...label.childNodes);
  showState();
  toggle.addEventListener("change", showState);
  label.replaceWith(replacement);
});

var card = document.querySelector(".kk-kortti");
if (card && !document.querySelector(".kk-tulosta")) {
  card.after(button(_("Tulosta"), "md-button kk-tulosta", function () { window.print(); }));
}
