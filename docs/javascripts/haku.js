// Käytäntökirjasto: the header search (the theme's search plugin is off).
// Reads the sharded index written at build time (hooks/kirjasto/site/search/):
// meta.json, then only the shards of the typed words (t-ku.json) and the
// chunks of the top results (d-0.json). Every word must match (AND); the last
// word also matches as a prefix while typing. Base forms and compound parts
// are already in the index, so "kunta" finds "kunnissa" and "opettaja" finds
// "tutoropettajien". An ES module; shared helpers from yhteiset.js.
import { countText, elementsById, escapeHtml, fetchJson } from "./yhteiset.js";

var box = document.querySelector(".kk-haku");
if (box && window.fetch) startSearch(box);

function startSearch(box) {
  var base = box.getAttribute("data-kk-indeksi");
  var root = box.getAttribute("data-kk-juuri");
  var { input, list, status, toggle } = elementsById({ input: "kk-haku-kentta", list: "kk-haku-tulokset", status: "kk-haku-tila", toggle: "__search" });
  var form = box.querySelector("form");
  // No autocorrection of search words (Safari, Firefox). Set here, not in the template:
  // the attribute is in the HTML standard, but the checker of tests/test_html_validity.py
  // (vnu 20.6.30) predates it.
  input.setAttribute("autocorrect", "off");
  var MAX_RESULTS = 10;
  var cache = {};
  var latest = 0;

  function load(name) {
    if (!cache[name]) {
      cache[name] = fetchJson(base + name).catch(function () { return {}; });
    }
    return cache[name];
  }

  function words(text) {
    return (text.toLowerCase().match(/[a-zåäöüé0-9]+/g) || []).filter(function (w) { return w.length > 1; });
  }

  function shardOf(word) {
    var key = word.slice(0, 2).replace(/[^a-zåäöüé0-9]/g, "_");
    return (key + "__").slice(0, 2);
  }

  // Scores of the documents matching one word: exact terms fully, longer terms
  // starting with the word (typing, or an inflected form) a little less.
  function scoresFor(word, shard, prefix) {
    var scores = {};
    Object.keys(shard).forEach(function (term) {
      var factor = term === word ? 1 : (prefix && term.indexOf(word) === 0 ? 0.8 : 0);
      if (!factor) return;
      var postings = shard[term];
      for (var i = 0; i < postings.length; i += 2) {
        var score = postings[i + 1] * factor;
        if (!(scores[postings[i]] >= score)) scores[postings[i]] = score;
      }
    });
    return scores;
  }

  function highlight(text, query) {
    var html = escapeHtml(text);
    query.forEach(function (word) {
      var pattern = new RegExp("(^|[^a-zåäöüé0-9])(" + word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[a-zåäöüé0-9]*)", "gi");
      html = html.replace(pattern, "$1<mark>$2</mark>");
    });
    return html;
  }

  function search(text) {
    var ticket = ++latest;
    var query = words(text);
    if (!query.length) {
      list.innerHTML = "";
      status.textContent = "Kirjoita hakusana, esim. tutoropettaja tai vuosikello.";
      return Promise.resolve();
    }
    return load("meta.json").then(function (meta) {
      var shards = query.map(function (word) {
        var name = shardOf(word);
        return meta.shards.indexOf(name) >= 0 ? load("t-" + name + ".json") : Promise.resolve({});
      });
      return Promise.all(shards).then(function (loaded) {
        var total = null;
        query.forEach(function (word, i) {
          var scores = scoresFor(word, loaded[i], true);
          if (total === null) { total = scores; return; }
          var combined = {};
          Object.keys(total).forEach(function (doc) { if (doc in scores) combined[doc] = total[doc] + scores[doc]; });
          total = combined;
        });
        var ranked = Object.keys(total).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; });
        var top = ranked.slice(0, MAX_RESULTS);
        var chunks = {};
        top.forEach(function (doc) { chunks[Math.floor(doc / meta.chunk)] = true; });
        return Promise.all(Object.keys(chunks).map(function (c) {
          return load("d-" + c + ".json").then(function (docs) { chunks[c] = docs; });
        })).then(function () {
          if (ticket !== latest) return;
          render(query, ranked.length, top.map(function (doc) { return chunks[Math.floor(doc / meta.chunk)][doc % meta.chunk]; }));
          // Which text the shown results answer (tests wait for it instead of sleeping).
          box.setAttribute("data-kk-haettu", text);
        });
      });
    });
  }

  function render(query, count, docs) {
    status.textContent = count === 0 ? "Ei tuloksia. Kokeile toista sanaa tai sanan perusmuotoa."
      : countText(count, "tulos", "tulosta") + (count > docs.length ? ", näytetään " + docs.length + " parasta" : "");
    list.innerHTML = docs.map(function (doc) {
      return '<li class="md-search-result__item"><a href="' + escapeHtml(root + doc[0]) + '" class="md-search-result__link">' +
        '<article class="md-search-result__article md-typeset"><h1>' + highlight(doc[1], query) + "</h1>" +
        (doc[3] ? '<p class="kk-haku-tyyppi">' + escapeHtml(doc[3]) + "</p>" : "") +
        "<p>" + highlight(doc[2], query) + "</p></article></a></li>";
    }).join("");
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
