// Käytäntökirjasto: the "Tee oma vuosikello" page. A school writes its rows, sees the
// wheel drawn as the library draws it, and downloads the iCalendar file and an item
// file that `kirjasto validate` accepts as it is. Nothing leaves the browser.
import { button, elementsById, hideNoScriptNotes } from "./yhteiset.js";
import { _ } from "./tekstit.js";
import { today } from "./lomake-paiva.js";
import { quote, slugify } from "./lomake-tiedosto.js";
import { drawWheel, monthLabel, schoolYearIndex } from "./vuosikello-piirto.js";
import { wheelCalendar } from "./vuosikello-ics.js";

var SVG = "http://www.w3.org/2000/svg";
var form = document.getElementById("kk-vk-lomake");
if (form) start(JSON.parse(document.getElementById("kk-vk-data").textContent));

function start(data) {
  var el = elementsById({ rows: "kk-vk-rivit", template: "kk-vk-rivipohja", add: "kk-vk-lisaa", preview: "kk-vk-esikatselu",
    svg: "kk-vk-kuva", table: "kk-vk-taulukko", ics: "kk-vk-ics", md: "kk-vk-md", status: "kk-vk-tila", errors: "kk-vk-virheet" });
  hideNoScriptNotes();
  form.hidden = false;
  el.preview.hidden = false;

  function addRow() {
    var row = el.template.content.firstElementChild.cloneNode(true);
    row.querySelector(".kk-poista").addEventListener("click", function () { row.remove(); update(); });
    el.rows.appendChild(row);
    row.querySelector("select").focus();
    update();
  }
  el.add.addEventListener("click", addRow);
  form.addEventListener("input", update);
  form.addEventListener("change", update);

  function rows() {
    return Array.prototype.map.call(el.rows.children, function (group) {
      function part(name) { return group.querySelector('[data-osa="' + name + '"]').value.trim(); }
      return { first: +part("first"), last: +part("last"), title: part("title"), role: part("role") };
    }).filter(function (row) { return row.title; });
  }

  function value(id) { return document.getElementById(id).value.trim(); }

  function problems(list) {
    var found = [], limits = data.limits, title = value("kk-vk-nimi"), summary = value("kk-vk-tiivistelma");
    if (title.length < limits.titleMin || title.length > limits.titleMax) found.push(_("Nimen pituus on {shortest}–{longest} merkkiä.", { shortest: limits.titleMin, longest: limits.titleMax }));
    if (!summary) found.push(_("Kirjoita tiivistelmä."));
    if ((summary.match(/[.!?](?=\s+[A-ZÅÄÖ"”'])/g) || []).length + 1 > limits.summarySentences) found.push(_("Tiivistelmässä saa olla enintään {most} virkettä.", { most: limits.summarySentences }));
    if (!value("kk-vk-teksti")) found.push(_("Kerro, mikä vuosikello on ja miten sitä käytetään."));
    if (!list.length) found.push(_("Lisää vähintään yksi rivi, jolla on otsikko."));
    if (list.length > limits.rowsMax) found.push(_("Rivejä saa olla enintään {most}.", { most: limits.rowsMax }));
    list.forEach(function (row, i) {
      if (schoolYearIndex(row.last) < schoolYearIndex(row.first)) found.push(_("Rivi {number}: loppukuukausi on ennen alkukuukautta (lukuvuosi alkaa elokuusta).", { number: i + 1 }));
    });
    return found;
  }

  function update() {
    var list = rows().filter(function (row) { return schoolYearIndex(row.last) >= schoolYearIndex(row.first); });
    draw(list);
  }

  function draw(list) {
    var drawing = drawWheel(list);
    el.svg.replaceChildren();
    drawing.sectors.forEach(function (sector) {
      shape("path", { d: sector.path, class: "kk-vk-kuukausi" });
      shape("text", { x: sector.x, y: sector.y, class: "kk-vk-kuukausi-nimi", "text-anchor": "middle", "dominant-baseline": "central" }).textContent = sector.short;
    });
    drawing.arcs.forEach(function (arc, i) {
      shape("path", { d: arc.path, class: "kk-vk-rivi kk-vk-kaista-" + (arc.lane % 3) });
      shape("text", { x: arc.x, y: arc.y, class: "kk-vk-numero", "text-anchor": "middle", "dominant-baseline": "central" }).textContent = String(arc.number);
    });
    el.table.replaceChildren.apply(el.table, list.map(function (row, i) {
      var tr = document.createElement("tr");
      [String(i + 1), monthLabel(row), row.title, row.role].forEach(function (text) {
        var td = document.createElement("td"); td.textContent = text; tr.appendChild(td);
      });
      return tr;
    }));
  }

  function shape(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return el.svg.appendChild(node);
  }

  function checked() {
    var list = rows(), found = problems(list);
    el.errors.hidden = !found.length;
    el.errors.replaceChildren();
    if (found.length) {
      var heading = document.createElement("p");
      heading.textContent = _("Korjaa ennen lataamista:");
      var items = document.createElement("ul");
      found.forEach(function (text) { var li = document.createElement("li"); li.textContent = text; items.appendChild(li); });
      el.errors.append(heading, items);
      el.errors.focus();
      return null;
    }
    return list;
  }

  function download(name, text, type) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    el.status.textContent = _("Ladattiin {name}.", { name: name });
  }

  el.ics.addEventListener("click", function () {
    var list = checked();
    if (list) download(slugify(value("kk-vk-nimi")) + ".ics", wheelCalendar(list, value("kk-vk-nimi"), slugify(value("kk-vk-nimi")), today()), "text/calendar");
  });
  el.md.addEventListener("click", function () {
    var list = checked();
    if (list) download(slugify(value("kk-vk-nimi")) + ".md", itemFile(list), "text/markdown");
  });

  function itemFile(list) {
    var municipality = value("kk-vk-kunta"), day = today();
    var out = ["---", "title: " + quote(value("kk-vk-nimi")), "summary: " + quote(value("kk-vk-tiivistelma")),
      "municipalities: [" + (municipality ? quote(municipality) : "") + "]", "levels: [" + value("kk-vk-aste") + "]",
      "themes: [" + value("kk-vk-teema") + "]", "written: " + day, "updated: " + day, "vuosikello:"];
    list.forEach(function (row) {
      out.push("  - months: " + (row.first === row.last ? row.first : quote(row.first + "-" + row.last)), "    title: " + quote(row.title));
      if (row.role) out.push("    role: " + quote(row.role));
    });
    // The item's own text, as the item skeleton heads it (kirjasto/content/item_skeleton.py).
    out.push("---", "", "## Mikä materiaali on", "", value("kk-vk-teksti"), "");
    return out.join("\n");
  }

  addRow();
}
