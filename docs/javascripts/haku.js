// Käytäntökirjasto: the header search (the theme's search plugin is off).
// The matching is haku-moottori.js (shared with the catalogue); this module shows
// the results: the item's kind, place and status under its title, a snippet of the
// text around the matched words with those words marked (haku-katkelma.js), the
// items that match only some of the words under "Osittaiset osumat", and a link
// that opens the same search in the catalogue with its filters ("Rajaa tuloksia").
// An ES module; shared helpers from yhteiset.js.
import { elementsById, escapeHtml } from "./yhteiset.js";
import { _, plural } from "./tekstit.js";
import { openIndex, queryWords } from "./haku-moottori.js";
import { highlight, matcher, snippet } from "./haku-katkelma.js";

var box = document.querySelector(".kk-haku");
if (box && window.fetch) startSearch(box);

function startSearch(box) {
  var root = box.getAttribute("data-kk-juuri");
  var { input, list, status, toggle, refine } = elementsById({
    input: "kk-haku-kentta", list: "kk-haku-tulokset", status: "kk-haku-tila", toggle: "__search", refine: "kk-haku-rajaa",
  });
  var form = box.querySelector("form");
  // No autocorrection of search words (Safari, Firefox). Set here, not in the template:
  // the attribute is in the HTML standard, but the checker of tests/test_html_validity.py
  // (vnu 20.6.30) predates it.
  input.setAttribute("autocorrect", "off");
  var MAX_RESULTS = 10;
  var SNIPPET_LENGTH = 180;
  var index = openIndex(box.getAttribute("data-kk-indeksi"));
  var latest = 0;

  function search(text) {
    var ticket = ++latest;
    if (!queryWords(text).length) {
      show(text, _("Kirjoita hakusana, esim. tutoropettaja tai vuosikello."), "");
      return Promise.resolve();
    }
    return index.search(text).then(function (found) {
      if (ticket !== latest) return;
      var shown = found.full.concat(found.partial).slice(0, MAX_RESULTS);
      return Promise.all(shown.map(function (result) { return index.details(result.doc); })).then(function (details) {
        if (ticket !== latest) return;
        var test = matcher(found.words, found.markers, found.stem);
        var items = shown.map(function (result, i) { return resultHtml(result, details[i], found.words, test); });
        var partialAt = Math.min(found.full.length, shown.length);
        if (partialAt < shown.length) items.splice(partialAt, 0, partialHeading(found.full.length));
        show(text, statusText(found, shown.length), items.join(""));
      });
    }).catch(function () {
      if (ticket === latest) show(text, _("Haku ei ole käytettävissä juuri nyt. Kokeile hetken päästä uudelleen."), "");
    });
  }

  function show(text, message, html) {
    status.textContent = message;
    list.innerHTML = html;
    refine.hidden = !html;
    refine.querySelector("a").href = root + "haku/?" + new URLSearchParams({ haku: text.trim() }).toString();
    // Which text the shown results answer (tests wait for it instead of sleeping).
    box.setAttribute("data-kk-haettu", text);
  }

  function statusText(found, shown) {
    var full = found.full.length, partial = found.partial.length;
    if (!full && !partial) return _("Ei tuloksia. Kokeile toista sanaa tai lyhyempää hakua.");
    var text = full ? plural("{count} tulos", "{count} tulosta", full) : _("Ei tuloksia kaikilla hakusanoilla");
    if (partial) {
      var matches = plural("{count} osuma", "{count} osumaa", partial);
      text = _("{results}, osalla hakusanoista {matches}", { results: text, matches: matches });
    }
    return full + partial > shown ? _("{results}, näytetään {count} parasta", { results: text, count: shown }) : text;
  }

  function partialHeading(fullCount) {
    return '<li class="kk-haku-osittaiset"><h2>' + escapeHtml(_("Osittaiset osumat")) + "</h2><p>" +
      escapeHtml(fullCount ? _("Näissä on osa hakusanoista.") : _("Kaikkia hakusanoja ei löytynyt mistään; näissä on osa niistä.")) + "</p></li>";
  }

  function resultHtml(result, doc, words, test) {
    var [url, title, summary, kind, place, status, text] = doc;
    var facts = [kind, place, status].filter(Boolean).map(escapeHtml).join(" · ");
    var missing = words.filter(function (word, w) { return result.matched.indexOf(w) < 0; });
    var excerpt = (summary && snippet(summary, test, 400)) || snippet(text, test, SNIPPET_LENGTH) || escapeHtml(summary);
    return '<li class="md-search-result__item"><a href="' + escapeHtml(root + url) + '" class="md-search-result__link">' +
      '<article class="md-search-result__article md-typeset"><h1>' + highlight(title, test) + "</h1>" +
      (facts ? '<p class="kk-haku-tyyppi">' + facts + "</p>" : "") +
      "<p>" + excerpt + "</p>" +
      (missing.length ? '<p class="kk-haku-puuttuu">' + escapeHtml(_("Ei sanaa: {words}", { words: missing.join(", ") })) + "</p>" : "") +
      "</article></a></li>";
  }

  input.addEventListener("input", function () { search(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () { setTimeout(function () { search(""); input.focus(); }, 0); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { toggle.checked = false; input.blur(); }
    if (event.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (event.key === "Escape") { toggle.checked = false; }
  });
  input.addEventListener("focus", function () { toggle.checked = true; });
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  // Window search shortcut as in the theme: "/" or "s" opens the search.
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
  window.kirjastoHaku = search;
}
