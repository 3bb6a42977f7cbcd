// Käytäntökirjasto, the submission form: its fields. Reads their values, runs the
// pickers (municipalities, related items) and the repeatable groups (contacts, links),
// and shows a field's own message and the status line (a part of lomake.js).
import { button, each } from "./yhteiset.js";
import { _ } from "./tekstit.js";

export function flat(text) { return text.replace(/\s+/g, " ").trim(); }

/** The fields of `form`; `data` is the form's data (#kk-lomake-data). Wires the
 * pickers' and the groups' buttons, and returns what the other parts need. */
export function formFields(form, data) {
  var chosen = { municipalities: [], related: [] };

  // --- small helpers -------------------------------------------------------

  function field(name) { return form.querySelector('[data-kentta="' + name + '"]'); }
  function input(name) { return document.getElementById("kk-" + name); }
  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (box) { return box.value; });
  }
  function lines(name) {
    return input(name).value.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
  }
  function kind() { return (checked("kind")[0]) || null; }

  function setStatus(message) { document.getElementById("kk-tila").textContent = message; }

  function showFieldError(name, message) {
    var error = document.getElementById("kk-" + name + "-virhe");
    error.textContent = message;
    error.hidden = false;
    var control = input(name);
    if (control) control.setAttribute("aria-invalid", "true");
  }
  function clearFieldError(name) {
    var error = document.getElementById("kk-" + name + "-virhe");
    error.textContent = "";
    error.hidden = true;
    var control = input(name);
    if (control) control.removeAttribute("aria-invalid");
  }

  // --- picking municipalities and related items ----------------------------

  function renderChosen(name) {
    var list = document.getElementById("kk-" + name + "-valitut");
    list.textContent = "";
    chosen[name].forEach(function (value, index) {
      var item = document.createElement("li");
      var text = document.createElement("span");
      text.textContent = value;
      var remove = button(_("Poista"), "kk-poista", function () {
        chosen[name].splice(index, 1);
        renderChosen(name);
        input(name).focus();
      });
      remove.setAttribute("aria-label", _("Poista {name}", { name: value }));
      item.appendChild(text);
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function allowedValues(name) { return name === "municipalities" ? Object.keys(data.municipalities) : data.items; }

  function addChosen(name) {
    var box = input(name);
    var value = box.value.trim();
    if (!value) return;
    var match = allowedValues(name).filter(function (known) { return known.toLowerCase() === value.toLowerCase(); })[0];
    if (!match) {
      // The first sentence is the validator's (kirjasto/content/field_vocabulary.py), translated once.
      showFieldError(name, name === "municipalities"
        ? _("Tuntematon kunta '{text}'.", { text: value }) + " " + _("Valitse kunta listasta, joka aukeaa kirjoittaessa.")
        : _("Tuntematon kuvaus '{text}'. Valitse kuvaus listasta.", { text: value }));
      return;
    }
    clearFieldError(name);
    if (chosen[name].indexOf(match) < 0) chosen[name].push(match);
    box.value = "";
    renderChosen(name);
    setStatus(_("Lisättiin {name}.", { name: match }));
  }

  each("[data-lisaa]", function (adder) {
    var name = adder.getAttribute("data-lisaa");
    adder.addEventListener("click", function () { addChosen(name); });
    input(name).addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); addChosen(name); }
    });
  }, form);

  // --- repeatable groups (contacts, links, teams, year-wheel rows) ----------

  function addGroup(name) {
    var template = document.getElementById("kk-" + name + "-pohja");
    var groups = field(name).querySelector(".kk-ryhmat");
    var group = template.content.firstElementChild.cloneNode(true);
    var number = groups.children.length + 1;
    group.setAttribute("aria-label", field(name).getAttribute("data-ryhma") + " " + number);
    group.querySelector(".kk-poista").addEventListener("click", function () {
      group.remove();
      field(name).querySelector("[data-lisaa-ryhma]").focus();
    });
    groups.appendChild(group);
    group.querySelector("input").focus();
  }

  function groupValues(name) {
    return Array.prototype.map.call(field(name).querySelectorAll(".kk-ryhma"), function (group) {
      var values = {};
      each("[data-osa]", function (part) {
        values[part.getAttribute("data-osa")] = flat(part.value);
      }, group);
      return values;
    }).filter(function (values) {
      return Object.keys(values).some(function (key) { return values[key]; });
    });
  }

  each("[data-lisaa-ryhma]", function (adder) {
    adder.addEventListener("click", function () { addGroup(adder.getAttribute("data-lisaa-ryhma")); });
  }, form);

  return { chosen, field, input, checked, lines, kind, groupValues, setStatus };
}
