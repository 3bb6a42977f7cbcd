// Käytäntökirjasto: the faceted catalogue (/haku/).
// Filters combine: within one filter any chosen value matches (OR), across
// filters every filter must match (AND). The count beside each value tells
// how many items there would be with that value added. The state lives in
// the address (shareable; the back button works). The text field uses the site
// search (haku-moottori.js), so it finds inflected forms, compound parts and typos
// exactly as the header search does, and orders the items by relevance; search
// document N is catalogue item N (both are the items newest first, written by the
// build). An ES module; shared helpers from yhteiset.js.
import { elementsById, escapeHtml, fetchJson } from "./yhteiset.js";
import { _, plural } from "./tekstit.js";
import { openIndex, queryWords } from "./haku-moottori.js";

var catalogue = document.getElementById("kk-luettelo");
if (catalogue && window.fetch) startCatalogue(catalogue);

function startCatalogue(root) {
  var PAGE_SIZE = 50;
  var { form, facetsBox, textInput, heading, list, empty, more, clearTop, clearEmpty } = elementsById({
    form: "kk-suodattimet", facetsBox: "kk-fasetit", textInput: "kk-haku-teksti", heading: "kk-tulos-maara",
    list: "kk-tulos-lista", empty: "kk-tyhja", more: "kk-lisaa", clearTop: "kk-tyhjenna", clearEmpty: "kk-tyhjenna-tyhja",
  });
  var clearButtons = [clearTop, clearEmpty];
  var base = root.getAttribute("data-juuri");

  var facets, items, selected, boxes, countNodes, valueRows;
  var results = [];
  var shown = PAGE_SIZE;
  var replaceTimer = null;
  var index = openIndex(base + "haku-indeksi/");
  // The search's answer for the text in the field: {text, rank: Map item -> place},
  // or rank null when the index cannot be read (then words are matched as typed).
  var textMatch = { text: "", rank: null };

  // --- building the filters once (later only counts and visibility change) ----

  function buildFacets() {
    boxes = []; countNodes = []; valueRows = [];
    facets.forEach(function (facet, f) {
      var details = document.createElement("details");
      details.className = "kk-fasetti";
      var summary = document.createElement("summary");
      summary.textContent = facet.label;
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.className = "kk-piilotettu";
      legend.textContent = facet.label;
      fieldset.appendChild(legend);
      var ul = document.createElement("ul");
      boxes[f] = []; countNodes[f] = []; valueRows[f] = [];
      facet.values.forEach(function (value, v) {
        var li = document.createElement("li");
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = facet.id;
        box.value = value[0];
        box.addEventListener("change", function () {
          if (box.checked) selected[f].add(v); else selected[f].delete(v);
          shown = PAGE_SIZE;
          update();
          pushState();
        });
        var name = document.createElement("span");
        name.textContent = value[1];
        var count = document.createElement("span");
        count.className = "kk-maara";
        label.appendChild(box);
        label.appendChild(name);
        label.appendChild(count);
        li.appendChild(label);
        ul.appendChild(li);
        boxes[f][v] = box; countNodes[f][v] = count; valueRows[f][v] = li;
      });
      fieldset.appendChild(ul);
      details.appendChild(summary);
      details.appendChild(fieldset);
      facetsBox.appendChild(details);
    });
  }

  // --- state <-> address -------------------------------------------------------

  function readState() {
    var params = new URLSearchParams(window.location.search);
    selected = facets.map(function (facet) {
      var wanted = params.getAll(facet.id);
      var chosen = new Set();
      facet.values.forEach(function (value, v) { if (wanted.indexOf(value[0]) >= 0) chosen.add(v); });
      return chosen;
    });
    textInput.value = params.get("haku") || "";
    facets.forEach(function (facet, f) {
      boxes[f].forEach(function (box, v) { box.checked = selected[f].has(v); });
      // A filter in use is shown open; the rest stay closed so the results stay in view.
      if (selected[f].size) facetsBox.children[f].open = true;
    });
  }

  function stateUrl() {
    var params = new URLSearchParams();
    facets.forEach(function (facet, f) {
      facet.values.forEach(function (value, v) { if (selected[f].has(v)) params.append(facet.id, value[0]); });
    });
    var text = textInput.value.trim();
    // Not "q": the theme opens its own search dialog for ?q=.
    if (text) params.set("haku", text);
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function pushState() { window.history.pushState(null, "", stateUrl()); }

  // --- filtering ------------------------------------------------------------------

  function tokens() {
    return textInput.value.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function matchesFacet(item, f) {
    var chosen = selected[f];
    if (!chosen.size) return true;
    var values = item[5][f];
    for (var i = 0; i < values.length; i++) if (chosen.has(values[i])) return true;
    return false;
  }

  // Asks the search for the field's text, then filters; the last answer wins.
  function searchText() {
    var text = textInput.value.trim();
    if (!queryWords(text).length) { textMatch = { text: text, rank: null }; update(); return Promise.resolve(); }
    return index.search(text).then(function (found) {
      var rank = new Map();
      // Items with every word; only when there are none, those with most of them.
      (found.full.length ? found.full : found.partial).forEach(function (result, place) {
        if (result.doc < items.length) rank.set(items[result.doc], place);
      });
      return rank;
    }, function () { return null; }).then(function (rank) {
      if (textInput.value.trim() !== text) return;
      textMatch = { text: text, rank: rank };
      update();
    });
  }

  // The search's ranking when it answers the text now in the field, else null.
  function currentRank() {
    return textMatch.rank && textMatch.text === textInput.value.trim() ? textMatch.rank : null;
  }

  function matchesWords(item, words) {
    var rank = currentRank();
    if (rank) return rank.has(item);
    for (var w = 0; w < words.length; w++) if (item.search.indexOf(words[w]) < 0) return false;
    return true;
  }

  function update() {
    var started = performance.now();
    var words = tokens();
    var counts = facets.map(function (facet) { return new Int32Array(facet.values.length); });
    results = [];
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (words.length && !matchesWords(item, words)) continue;
      var failed = -1, failures = 0;
      for (var f = 0; f < facets.length; f++) {
        if (!matchesFacet(item, f)) { failures++; failed = f; if (failures > 1) break; }
      }
      if (failures === 0) {
        results.push(item);
        for (var g = 0; g < facets.length; g++) {
          var values = item[5][g];
          for (var v = 0; v < values.length; v++) counts[g][values[v]]++;
        }
      } else if (failures === 1) {
        var own = item[5][failed];
        for (var u = 0; u < own.length; u++) counts[failed][own[u]]++;
      }
    }
    var rank = words.length ? currentRank() : null;
    if (rank) results.sort(function (a, b) { return rank.get(a) - rank.get(b); });
    renderCounts(counts);
    renderResults();
    root.setAttribute("data-kesto", (performance.now() - started).toFixed(2));
  }

  function renderCounts(counts) {
    facets.forEach(function (facet, f) {
      facet.values.forEach(function (value, v) {
        var count = counts[f][v];
        countNodes[f][v].textContent = " (" + count + ")";
        // Long lists (municipalities) show only values that lead somewhere.
        valueRows[f][v].hidden = count === 0 && !selected[f].has(v) && facet.values.length > 25;
      });
      var chosen = selected[f].size;
      var summary = facetsBox.children[f].querySelector("summary");
      summary.textContent = chosen ? _("{facet} (valittuna {count})", { facet: facet.label, count: chosen }) : facet.label;
    });
  }

  function renderResults() {
    var active = tokens().length || selected.some(function (chosen) { return chosen.size; });
    heading.textContent = active
      ? plural("Rajatut kuvaukset: {count} kuvaus", "Rajatut kuvaukset: {count} kuvausta", results.length)
      : plural("Kaikki kuvaukset: {count} kuvaus", "Kaikki kuvaukset: {count} kuvausta", results.length);
    clearButtons[0].hidden = !active;
    empty.hidden = results.length > 0;
    var html = [];
    var end = Math.min(shown, results.length);
    for (var i = 0; i < end; i++) {
      var item = results[i];
      // item[6]: the item's language when it is not the page's (WCAG 3.1.2).
      var lang = item[6] ? ' lang="' + escapeHtml(item[6]) + '"' : "";
      html.push(
        '<li><h3><a href="' + escapeHtml(base + item[2]) + '"' + lang + ">" + escapeHtml(item[0]) + "</a></h3>" +
        "<p" + lang + ">" + escapeHtml(item[1]) + "</p>" +
        '<p class="kk-meta">' + escapeHtml(item.meta) + "</p></li>"
      );
    }
    list.innerHTML = html.join("");
    more.hidden = results.length <= shown;
    more.textContent = _("Näytä lisää ({count} jäljellä)", { count: results.length - shown > 0 ? results.length - shown : 0 });
  }

  function clearAll() {
    selected.forEach(function (chosen) { chosen.clear(); });
    boxes.forEach(function (row) { row.forEach(function (box) { box.checked = false; }); });
    textInput.value = "";
    shown = PAGE_SIZE;
    update();
    pushState();
    textInput.focus();
  }

  // --- start -------------------------------------------------------------------

  function start(data) {
    facets = data.facets;
    items = data.items;
    items.forEach(function (item) {
      item.search = (item[0] + " " + item[1]).toLowerCase();
      var kind = facets[0].values[item[5][0][0]][1];
      var levels = item[5][2].map(function (v) { return facets[2].values[v][1]; }).join(", ");
      var status = item[5][5].length ? " · " + facets[5].values[item[5][5][0]][1] : "";
      item.meta = kind + " · " + item[4] + " · " + levels + status + " · " + item[3];
    });
    buildFacets();
    readState();
    form.hidden = false;
    searchText().then(function () { root.setAttribute("data-valmis", "true"); });
    textInput.addEventListener("input", function () {
      shown = PAGE_SIZE;
      searchText();
      clearTimeout(replaceTimer);
      replaceTimer = setTimeout(function () { window.history.replaceState(null, "", stateUrl()); }, 300);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    clearButtons.forEach(function (button) { button.addEventListener("click", clearAll); });
    more.addEventListener("click", function () {
      var firstNew = shown;
      shown += PAGE_SIZE;
      renderResults();
      var link = list.children[firstNew] && list.children[firstNew].querySelector("a");
      if (link) link.focus();
    });
    window.addEventListener("popstate", function () { readState(); shown = PAGE_SIZE; searchText(); });
  }

  fetchJson(root.getAttribute("data-aineisto"))
    .then(start)
    .catch(function () {
      heading.textContent = _("Rajaus ei ole käytettävissä juuri nyt; alla ovat kaikki kuvaukset.");
    });
}
