// Käytäntökirjasto: the submission form ("Ehdota kuvausta"), its entry point: finds the
// form, loads the existing items and wires the form's parts together.
// The form checks what can be checked in the browser, writes the item file exactly as
// `kirjasto validate` expects it, and offers three ways to send it. ES modules (the
// parts are lomake-*.js beside this one; shared helpers from yhteiset.js); the
// vocabularies and limits come from the JSON the build writes into the page
// (#kk-lomake-data), from the validator's data.
import { each, fetchJson, hideNoScriptNotes } from "./yhteiset.js";
import { formFields } from "./lomake-kentat.js";
import { formChecks } from "./lomake-tarkistus.js";
import { formResult } from "./lomake-tulos.js";
import { slugify } from "./lomake-tiedosto.js";
import { today } from "./lomake-paiva.js";

var formData = document.getElementById("kk-lomake-data");
var formElement = document.getElementById("kk-lomake");
if (formData && formElement) startForm(formData, formElement);

function startForm(dataElement, form) {
  var data = JSON.parse(dataElement.textContent);
  // Existing items come in a file of their own (the page stays small in a big library).
  data.items = [];
  data.taken = [];
  var fields = formFields(form, data);
  var checks = formChecks(form, data, fields);
  if (window.fetch && data.itemsUrl) {
    fetchJson(data.itemsUrl).then(function (loaded) {
      data.items = loaded.items.map(function (pair) { return pair[0]; });
      data.taken = loaded.taken;
      if (loaded.hidden) checks.setHiddenTaken(loaded.hidden);
      var options = document.getElementById("kk-related-lista");
      loaded.items.forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        options.appendChild(option);
      });
      form.setAttribute("data-valmis", "true");
    }).catch(function () { form.setAttribute("data-valmis", "true"); });
  }
  var result = document.getElementById("kk-tulos");
  var showResult = formResult(result, data, fields.setStatus);
  var { input, checked, kind } = fields;
  var bodyEdited = false;
  var slugEdited = false;

  // --- kind, title and body follow each other until the contributor edits --

  function onKindChange() {
    var selected = kind();
    if (!selected) return;
    if (!bodyEdited) input("body").value = data.kinds[selected].body;
    // Practices and networks start as "not known": a contributor says "in use" only when it is.
    if (data.kinds[selected].hasStatus && !checked("status").length) {
      form.querySelector('input[name="status"][value="' + data.unknownStatus + '"]').checked = true;
    }
  }
  each('input[name="kind"]', function (radio) {
    radio.addEventListener("change", onKindChange);
  }, form);
  input("body").addEventListener("input", function () { bodyEdited = true; });
  input("slug").addEventListener("input", function () { slugEdited = true; });
  input("title").addEventListener("input", function () {
    if (!slugEdited) input("slug").value = slugify(input("title").value);
  });

  // --- checking and showing the result -------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    checks.checkHidden(input("slug").value.trim()).then(function () {
      var checkedForm = checks.collect();
      checks.showProblems(checkedForm.problems);
      if (checkedForm.problems.length) { result.hidden = true; return; }
      showResult(checkedForm.values);
    });
  });

  // --- start ---------------------------------------------------------------------

  input("written").value = today();
  input("written").max = today();
  hideNoScriptNotes();
  form.hidden = false;
}
