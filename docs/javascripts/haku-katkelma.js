// Käytäntökirjasto: the snippet of a search result and its highlighted words.
// A word of the text is marked when it is a word the search matched in the index
// (a query word, its base form's inflected forms, a word of the same stem), begins
// with a query word, or is a compound containing a matched word. Every piece of
// text is escaped on its own and <mark> goes only between pieces, so a mark never
// lands inside an entity or a tag.
import { escapeHtml } from "./yhteiset.js";

var TOKEN = /[A-Za-zÅÄÖÜÉåäöüé0-9]+/g;
var MIN_COMPOUND_PART = 5;

/** A test for one word of the text: is it one the search matched? `stem`: the
 * index language's stemmer (the search's result gives it). */
export function matcher(words, markers, stem) {
  var exact = new Set(words.concat(markers));
  var stems = new Set(words.map(stem));
  var prefixes = words.filter(function (w) { return w.length >= 3; });
  var parts = Array.from(exact).filter(function (m) { return m.length >= MIN_COMPOUND_PART; });
  var known = new Map();
  return function (token) {
    var lower = token.toLowerCase();
    if (known.has(lower)) return known.get(lower);
    var hit = exact.has(lower) ||
      prefixes.some(function (w) { return lower.indexOf(w) === 0; }) ||
      (lower.length >= 3 && stems.has(stem(lower))) ||
      parts.some(function (part) { return lower.length > part.length && lower.indexOf(part) >= 0; });
    known.set(lower, hit);
    return hit;
  };
}

function tokens(text, test) {
  var found = [];
  var part;
  TOKEN.lastIndex = 0;
  while ((part = TOKEN.exec(text))) found.push({ start: part.index, end: part.index + part[0].length, hit: test(part[0]) });
  return found;
}

/** The text as HTML with the matched words in <mark>. */
export function highlight(text, test) {
  var html = "";
  var at = 0;
  tokens(text, test).forEach(function (token) {
    if (!token.hit) return;
    html += escapeHtml(text.slice(at, token.start)) + "<mark>" + escapeHtml(text.slice(token.start, token.end)) + "</mark>";
    at = token.end;
  });
  return html + escapeHtml(text.slice(at));
}

/** About `length` characters of the text around its densest run of matched words,
 * as highlighted HTML with "…" where it was cut; null when no word matched. */
export function snippet(text, test, length) {
  var all = tokens(text, test);
  var hits = all.filter(function (token) { return token.hit; });
  if (!hits.length) return null;
  var best = 0, bestCount = 0;
  hits.forEach(function (hit, i) {
    var count = 0;
    for (var j = i; j < hits.length && hits[j].end - hit.start <= length * 0.7; j++) count++;
    if (count > bestCount) { best = i; bestCount = count; }
  });
  var first = hits[best];
  // Start at the sentence if it begins shortly before the match, else a few words before it.
  var dot = text.lastIndexOf(". ", first.start);
  var sentence = dot < 0 ? 0 : dot + 2;
  var start = first.start - sentence <= length * 0.3 ? sentence : wordStart(all, first.start - 40);
  var end = Math.min(text.length, start + length);
  if (end < text.length) end = Math.max(wordEnd(all, end), first.end);
  return (start > 0 ? "…" : "") + highlight(text.slice(start, end), test) + (end < text.length ? "…" : "");
}

function wordStart(all, position) {
  for (var i = 0; i < all.length; i++) if (all[i].start >= position) return all[i].start;
  return Math.max(0, position);
}

function wordEnd(all, position) {
  for (var i = all.length - 1; i >= 0; i--) if (all[i].end <= position) return all[i].end;
  return position;
}
