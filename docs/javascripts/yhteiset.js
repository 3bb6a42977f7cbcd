// Käytäntökirjasto: helpers shared by the site's scripts (kirjasto.js, haku.js,
// luettelo.js, lomake.js and its parts lomake-*.js). A native ES module: each page script imports what it
// needs ("import { escapeHtml } from "./yhteiset.js""); no bundler, no dependencies.
// The texts they show come from tekstit.js (_() and plural(), in the page's language).

/** Text made safe to place inside HTML, attribute values included. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/** A <button type="button"> with the given text and class that runs `onClick`. */
export function button(text, className, onClick) {
  var element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}

/** Runs `action` on each element matching `selector` (below `root`, the document by default). */
export function each(selector, action, root) {
  Array.prototype.forEach.call((root || document).querySelectorAll(selector), action);
}

/** Elements by id, named by the keys of `ids`: elementsById({ list: "kk-lista" }).list. */
export function elementsById(ids) {
  var found = {};
  Object.keys(ids).forEach(function (name) { found[name] = document.getElementById(ids[name]); });
  return found;
}

/** The parsed JSON at `url` (fetch `options` optional); rejects when the answer is not
 * a success (e.g. the 404 page). */
export function fetchJson(url, options) {
  return fetch(url, options).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + url);
    return response.json();
  });
}

/** Hides the notes written for readers without JavaScript (class kk-ilman-js). */
export function hideNoScriptNotes() {
  each(".kk-ilman-js", function (note) { note.hidden = true; });
}
