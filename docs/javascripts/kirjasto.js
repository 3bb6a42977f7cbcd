// Käytäntökirjasto, on every page: hides the notes meant for readers without
// JavaScript, and adds a "Tulosta" (print) button to item pages (those with a
// metadata card). No dependencies.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".kk-ilman-js"), function (note) { note.hidden = true; });
  var card = document.querySelector(".kk-kortti");
  if (!card || document.querySelector(".kk-tulosta")) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button kk-tulosta";
  button.textContent = "Tulosta";
  button.addEventListener("click", function () { window.print(); });
  card.parentNode.insertBefore(button, card.nextSibling);
})();
