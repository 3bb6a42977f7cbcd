// Käytäntökirjasto: the search engine shared by the header search (haku.js) and
// the catalogue (luettelo.js). The index files are read by haku-indeksi.js.
//
// A query word matches, best first: the word itself (the index also holds base
// forms and compound parts, so "kunta" finds "kunnissa"), longer words it begins
// (typing), the words with its Snowball stem ("opettajille" finds "opettajien", in
// the index's language: "lärarnas" finds "lärare" on the Swedish side),
// and the other words of its synonym group. A word that matches none of these is
// tried as a compound of two indexed words ("verkostomessut"), and then falls back
// to words one edit away (six letters or more) and to the longest indexed prefix of
// five letters or more. Items matching every word come first; items matching at
// least half of them follow as partial matches.
import { openFiles } from "./haku-indeksi.js";
import { stemmerFor } from "./haku-vartalot.js";

var FACTOR = { exact: 1, form: 0.9, prefix: 0.8, stem: 0.7, edit: 0.6, fallback: 0.5 };
var MIN_FALLBACK_PREFIX = 5;
var MIN_EDIT_LENGTH = 6;
var MIN_COMPOUND_PART = 4;
var MIN_SYNONYM_STEM = 5;
var MAX_RELATED_SHARDS = 3;
var MAX_WORDS = 10;
var MAX_WORD_LENGTH = 64; // longer runs of letters are not indexed (analysis.py)

/** The words a query is searched by: letters and digits, two characters or more
 * (at most MAX_WORDS words, so that a pasted paragraph does not fetch half the index). */
export function queryWords(text) {
  return (text.toLowerCase().match(/[a-zåäöüé0-9]+/g) || [])
    .filter(function (w) { return w.length > 1 && w.length <= MAX_WORD_LENGTH; })
    .slice(0, MAX_WORDS);
}

export function openIndex(base) {
  var files = openFiles(base);

  // Adds an index term's postings to a word's matches. Exact matches (the word
  // itself or a longer word it begins) rank before all others; a synonym's "~word"
  // entry never counts as exact.
  function add(matches, term, factor, shards, synonym) {
    var postings;
    shards.some(function (s) { postings = s.terms.get(term); return postings !== undefined; });
    if (postings === undefined) return;
    var known = matches.get(term);
    if (!known || known.factor < factor) {
      matches.set(term, { factor: factor, postings: postings, exact: factor >= FACTOR.prefix && !synonym });
    }
  }

  // {term: {factor, postings, exact}} for one query word: itself, longer words, its
  // stem's words, its base form's inflected forms (for marking them), its synonyms.
  function direct(m, word) {
    var wordStem = stemmerFor(m.language)(word);
    return Promise.all([files.shardFor(m, word), files.shardFor(m, wordStem), files.prefixTerms(m, word)]).then(function (found) {
      var own = [found[0], found[1]];
      var matches = new Map();
      add(matches, word, FACTOR.exact, own);
      found[2].forEach(function (pair) { add(matches, pair[0], FACTOR.prefix, [pair[1]]); });
      add(matches, wordStem, FACTOR.stem, own);
      var ids = (own[0].related.get(word) || []).map(function (id) { return [id, FACTOR.form]; })
        .concat((own[1].related.get(wordStem) || []).map(function (id) { return [id, FACTOR.stem]; }));
      return addRelated(m, matches, ids).then(function () { return addSynonyms(m, matches, word, wordStem); });
    });
  }

  // Adds the terms behind related ids, the better matches first, from at most
  // MAX_RELATED_SHARDS shards (a stem's words are neighbours in the sorted index).
  function addRelated(m, matches, pairs) {
    if (!pairs.length) return Promise.resolve(matches);
    var factors = new Map();
    pairs.forEach(function (pair) { if (!(factors.get(pair[0]) >= pair[1])) factors.set(pair[0], pair[1]); });
    var ids = Array.from(factors.keys()).sort(function (a, b) { return factors.get(b) - factors.get(a) || a - b; });
    var numbers = [];
    ids.forEach(function (id) { var n = files.shardOfTerm(m, id); if (numbers.indexOf(n) < 0) numbers.push(n); });
    var loaded = numbers.slice(0, MAX_RELATED_SHARDS).map(function (n) { return files.shard(m, n); });
    return Promise.all(loaded).then(function (shards) {
      ids.forEach(function (id) {
        shards.forEach(function (s) {
          var entry = id >= s.first ? s.list[id - s.first] : undefined;
          if (entry) add(matches, entry[0], factors.get(id), [s]);
        });
      });
      return matches;
    });
  }

  // The pages of a synonym group's other words are under "~word" (their scores
  // already lowered). The query word reaches a synonym when it is the word, has its
  // stem, or has a stem one edit from it (esimiehet: esimies, ekaluokkalaiset:
  // ekaluokkalainen), so that inflected forms count but "koulu" is not "koulutus".
  function addSynonyms(m, matches, word, wordStem) {
    var wanted = (m.synonyms || []).filter(function (pair) {
      return pair[0] === word || pair[1] === wordStem || (pair[1].length >= MIN_SYNONYM_STEM && oneEdit(pair[1], wordStem));
    });
    return Promise.all(wanted.map(function (pair) {
      var key = "~" + pair[0];
      return files.shardFor(m, key).then(function (s) { add(matches, key, FACTOR.exact, [s], true); });
    })).then(function () { return matches; });
  }

  // [{word, matches}]: the word's own matches; else, for a compound the text does not
  // have, its known first part and the rest as two words; else the forgiving matches.
  function matchWord(m, word) {
    return direct(m, word).then(function (matches) {
      if (matches.size) return [{ word: word, matches: matches }];
      return splitCompound(m, word, word.length - MIN_COMPOUND_PART, 2).then(function (parts) {
        return parts || fallback(m, word).then(function (found) { return [{ word: word, matches: found }]; });
      });
    });
  }

  function splitCompound(m, word, at, tries) {
    if (at < MIN_COMPOUND_PART || !tries) return Promise.resolve(null);
    var head = word.slice(0, at), tail = word.slice(at);
    return files.shardFor(m, head).then(function (s) {
      if (!s.terms.has(head)) return splitCompound(m, word, at - 1, tries);
      return direct(m, tail).then(function (tailMatches) {
        if (!tailMatches.size) return splitCompound(m, word, at - 1, tries - 1);
        return direct(m, head).then(function (headMatches) {
          return [{ word: head, matches: headMatches }, { word: tail, matches: tailMatches }];
        });
      });
    });
  }

  // Words one edit away (in the shards of the word and its stem), and the longest
  // indexed prefix of the word.
  function fallback(m, word) {
    var wordStem = stemmerFor(m.language)(word);
    return Promise.all([files.shardFor(m, word), files.shardFor(m, wordStem)]).then(function (own) {
      var matches = new Map();
      var pairs = [];
      if (word.length >= MIN_EDIT_LENGTH) {
        own.forEach(function (s) {
          s.list.forEach(function (entry) { if (oneEdit(word, entry[0])) add(matches, entry[0], FACTOR.edit, own); });
          s.related.forEach(function (ids, key) {
            if (oneEdit(wordStem, key)) ids.forEach(function (id) { pairs.push([id, FACTOR.edit]); });
          });
        });
      }
      return addRelated(m, matches, pairs);
    }).then(function (matches) { return longestPrefix(m, word, word.length - 1, matches); });
  }

  function longestPrefix(m, word, length, matches) {
    if (length < MIN_FALLBACK_PREFIX) return Promise.resolve(matches);
    return files.prefixTerms(m, word.slice(0, length)).then(function (found) {
      found.forEach(function (pair) { add(matches, pair[0], FACTOR.fallback, [pair[1]]); });
      return found.length ? matches : longestPrefix(m, word, length - 1, matches);
    });
  }

  // Ranked documents for a query: {words, markers, stem, full: [...], partial: [...]},
  // each result {doc, score, matched: [word indexes]}. Stop words are left out
  // unless the query has nothing else.
  function search(text) {
    return files.meta().then(function (m) {
      var stop = new Set(m.stop);
      var all = queryWords(text);
      var words = all.filter(function (w) { return !stop.has(w); });
      if (!words.length) words = all;
      return Promise.all(words.map(function (w) { return matchWord(m, w); })).then(function (found) {
        var parts = [].concat.apply([], found);
        var found = rank(m, parts.map(function (p) { return p.word; }), parts.map(function (p) { return p.matches; }));
        found.stem = stemmerFor(m.language);
        return found;
      });
    });
  }

  // Full matches first; among them, pages where every word is found exactly come
  // before pages found only through stems, synonyms or forgiving matches; then by
  // score (title and summary weigh most), then the newer page (documents are newest first).
  function rank(m, words, perWord) {
    var docs = new Map();
    perWord.forEach(function (matches, w) {
      var best = new Map();
      matches.forEach(function (match) {
        decode(match.postings, function (doc, level) {
          var score = m.levels[level] * match.factor;
          var known = best.get(doc) || { score: 0, exact: 0 };
          best.set(doc, { score: Math.max(known.score, score), exact: match.exact ? Math.max(known.exact, score) : known.exact });
        });
      });
      best.forEach(function (found, doc) {
        var result = docs.get(doc) || { doc: doc, score: 0, exactScore: 0, exactWords: 0, matched: [] };
        result.score += found.score;
        result.exactScore += found.exact;
        if (found.exact) result.exactWords++;
        result.matched.push(w);
        docs.set(doc, result);
      });
    });
    var markers = [];
    perWord.forEach(function (matches) {
      matches.forEach(function (_, term) { if (term[0] !== "~") markers.push(term); });
    });
    var needed = Math.max(1, Math.ceil(words.length / 2));
    var full = [], partial = [];
    docs.forEach(function (result) {
      if (result.matched.length === words.length) full.push(result);
      else if (result.matched.length >= needed) partial.push(result);
    });
    var order = function (a, b) {
      var aExact = a.exactWords === words.length, bExact = b.exactWords === words.length;
      if (aExact !== bExact) return aExact ? -1 : 1;
      return b.matched.length - a.matched.length || (aExact ? b.exactScore - a.exactScore : b.score - a.score) || a.doc - b.doc;
    };
    return { words: words, markers: markers, full: full.sort(order), partial: partial.sort(order) };
  }

  return { search: search, details: files.details };
}

// Postings "A0C2b": a level letter, then the distance from the previous document in base 36.
function decode(postings, visit) {
  var doc = 0;
  var pattern = /([A-Z])([0-9a-z]+)/g;
  var part;
  while ((part = pattern.exec(postings))) {
    doc += parseInt(part[2], 36);
    visit(doc, part[1].charCodeAt(0) - 65);
  }
}

// True when b is a one-letter insertion, deletion, change or swap of neighbours away from a.
export function oneEdit(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  var start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  var endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  var restA = endA - start, restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}
