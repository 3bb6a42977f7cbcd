// Käytäntökirjasto: the Finnish Snowball stemmer, for search queries in the browser.
// The index's stems come from the Python package snowballstemmer (3.1.1, generated
// from finnish.sbl, https://snowballstem.org/algorithms/finnish/stemmer.html), so
// the query must be stemmed by the same algorithm. The JavaScript package on npm,
// snowball-stemmers 0.6.0, is generated from an older Snowball: it gives another
// stem for 3,653 of 3.5 million Finnish word forms ("kirjolohen", "tšuktšinsa"),
// and it is 868 KB for all languages. So this is a port of the Python package's
// generated Finnish stemmer, step by step (its routines under readable names);
// tests/test_search.py runs it in Chromium over every word of the index and
// 170,000 more and compares with Python.
// Snowball and its generated stemmers: Copyright (c) 2001 Dr Martin Porter and
// Richard Boulton, BSD 3-clause licence (https://snowballstem.org/license.html).
var VOWELS = "aeiouyäö";
var CONSONANTS = "bcdfghjklmnpqrstvwxz";
var AEI = "aeiä";
var PARTICLE_END = "aeinotuyäö";

// Suffix tables: [suffix, result, condition checked before the suffix].
// find() tries the longest matching suffix first, which is what Snowball's
// among-search with its substring chain does.
var PARTICLES = [["pa", 1], ["sti", 2], ["kaan", 1], ["han", 1], ["kin", 1], ["hän", 1], ["kään", 1], ["ko", 1], ["pä", 1], ["kö", 1]];
var POSSESSIVES = [["nsa", 3], ["mme", 3], ["nne", 3], ["ni", 2], ["si", 1], ["an", 4], ["en", 6], ["än", 5], ["nsä", 3]];
var AFTER_AN = [["lla"], ["na"], ["ssa"], ["ta"], ["lta"], ["sta"]];
var AFTER_AEN = [["llä"], ["nä"], ["ssä"], ["tä"], ["ltä"], ["stä"]];
var AFTER_EN = [["lle"], ["ine"]];
var LONG_VOWELS = [["aa"], ["ee"], ["ii"], ["oo"], ["uu"], ["ää"], ["öö"]];
var VI = [["'"], ["ai"], ["ei"], ["ii"], ["oi"], ["ui"], ["äi"], ["öi"]];
var OTHER_ENDINGS = [["eja"], ["mma", 1], ["imma"], ["mpa", 1], ["impa"], ["mmi", 1], ["immi"], ["mpi", 1], ["impi"],
  ["ejä"], ["mmä", 1], ["immä"], ["mpä", 1], ["impä"]];
var I_PLURAL = [["i"], ["j"]];
var T_PLURAL = [["mma", 1], ["imma"]];

export function stem(word) {
  var s = word;
  var cursor = 0;
  var limit = s.length;
  var lb = 0;
  var bra = 0;
  var ket = limit;
  var p1 = limit;
  var p2 = limit;
  var endingRemoved = false;

  function charBefore() { return cursor > lb ? s[cursor - 1] : null; }
  function eatBefore(chars) {
    var c = charBefore();
    if (c === null || chars.indexOf(c) < 0) return false;
    cursor -= 1;
    return true;
  }
  function endsWith(text) {
    if (cursor - lb < text.length || s.slice(cursor - text.length, cursor) !== text) return false;
    cursor -= text.length;
    return true;
  }
  function sliceFrom(text) {
    var adjustment = text.length - (ket - bra);
    s = s.slice(0, bra) + text + s.slice(ket);
    limit += adjustment;
    if (cursor >= ket) cursor += adjustment;
    else if (cursor > bra) cursor = bra;
    ket = bra + text.length;
  }
  function sliceDel() { sliceFrom(""); }
  function find(table, conditions) {
    var c = cursor;
    var best = null;
    table.forEach(function (entry, index) {
      var suffix = entry[0];
      if (c - lb < suffix.length || s.slice(c - suffix.length, c) !== suffix) return;
      if (best !== null && table[best][0].length >= suffix.length) return;
      cursor = c - suffix.length;
      var condition = conditions && conditions[suffix];
      if (condition && !condition()) return;
      best = index;
    });
    if (best === null) { cursor = c; return 0; }
    cursor = c - table[best][0].length;
    return table[best][1] || -1;
  }
  // "suffix" limited to the region starting at `start`: ket..bra around the found suffix.
  function findInRegion(start, table, conditions) {
    if (cursor < start) return 0;
    var saved = lb;
    lb = start;
    ket = cursor;
    var found = find(table, conditions);
    if (found) bra = cursor;
    lb = saved;
    return found;
  }
  function vowelOr(letters) { return function () { return eatBefore(letters + "'"); }; }
  function is(table) { return function () { var c = cursor; var ok = find(table) !== 0; if (!ok) cursor = c; return ok; }; }
  var longVowel = is(LONG_VOWELS);
  var vi = is(VI);

  function markRegions() {
    function skipTo(inside) {
      while (cursor < limit && (VOWELS.indexOf(s[cursor]) >= 0) !== inside) cursor += 1;
      return cursor < limit;
    }
    if (!skipTo(true)) return;
    cursor += 1;
    if (!skipTo(false)) return;
    cursor += 1;
    p1 = cursor;
    if (!skipTo(true)) return;
    cursor += 1;
    if (!skipTo(false)) return;
    cursor += 1;
    p2 = cursor;
  }

  function particle() {
    var found = findInRegion(p1, PARTICLES);
    if (!found) return;
    if (found === 1 ? !eatBefore(PARTICLE_END) : p2 > cursor) return;
    sliceDel();
  }

  function possessive() {
    var found = findInRegion(p1, POSSESSIVES);
    if (!found) return;
    if (found === 1) {
      if (charBefore() === "k") return;
      sliceDel();
    } else if (found === 2) {
      sliceDel();
      ket = cursor;
      if (!endsWith("kse")) return;
      bra = cursor;
      sliceFrom("ksi");
    } else if (found === 3) {
      sliceDel();
    } else {
      var follows = { 4: AFTER_AN, 5: AFTER_AEN, 6: AFTER_EN }[found];
      if (find(follows) === 0) return;
      sliceDel();
    }
  }

  var CASE_ENDINGS = [["a", 2], ["lla"], ["na"], ["ssa"], ["ta"], ["lta"], ["sta"], ["tta", 3], ["lle"], ["ine"], ["ksi"],
    ["n", 1], ["han"], ["den"], ["seen"], ["hen"], ["tten"], ["hin"], ["siin"], ["hon"], ["hun"], ["hän"], ["hön"],
    ["ä", 2], ["llä"], ["nä"], ["ssä"], ["tä"], ["ltä"], ["stä"], ["ttä", 3]];
  var CASE_CONDITIONS = {
    han: vowelOr("a"), den: vi, seen: longVowel, hen: vowelOr("e"), tten: vi, hin: vowelOr("i"), siin: vi,
    hon: vowelOr("o"), hun: vowelOr("u"), "hän": vowelOr("ä"), "hön": vowelOr("öø"),
  };

  function caseEnding() {
    var found = findInRegion(p1, CASE_ENDINGS, CASE_CONDITIONS);
    if (!found) return;
    if (found === 1) {
      var before = limit - cursor;
      if ((longVowel() || endsWith("ie")) && (cursor = limit - before, cursor > lb)) {
        cursor -= 1;
        bra = cursor;
      } else {
        cursor = limit - before;
      }
    } else if (found === 2) {
      if (!eatBefore(VOWELS) || !eatBefore(CONSONANTS)) return;
    } else if (found === 3) {
      if (!eatBefore("e")) return;
    }
    sliceDel();
    endingRemoved = true;
  }

  function otherEnding() {
    var found = findInRegion(p2, OTHER_ENDINGS);
    if (!found) return;
    if (found === 1 && endsWith("po")) return;
    sliceDel();
  }

  function iPlural() {
    if (findInRegion(p1, I_PLURAL)) sliceDel();
  }

  function tPlural() {
    if (cursor < p1) return;
    var saved = lb;
    lb = p1;
    ket = cursor;
    if (!eatBefore("t")) { lb = saved; return; }
    bra = cursor;
    var at = limit - cursor;
    if (!eatBefore(VOWELS)) { lb = saved; return; }
    cursor = limit - at;
    sliceDel();
    lb = saved;
    var found = findInRegion(p2, T_PLURAL);
    if (!found) return;
    if (found === 1 && endsWith("po")) return;
    sliceDel();
  }

  function tidy() {
    if (cursor < p1) return;
    var saved = lb;
    lb = p1;
    var at = limit - cursor;
    if (longVowel()) {
      cursor = limit - at;
      ket = cursor;
      if (cursor > lb) { cursor -= 1; bra = cursor; sliceDel(); }
    }
    cursor = limit - at;
    ket = cursor;
    if (eatBefore(AEI)) { bra = cursor; if (eatBefore(CONSONANTS)) sliceDel(); }
    cursor = limit - at;
    ket = cursor;
    if (eatBefore("j")) { bra = cursor; if (eatBefore("o") || eatBefore("u")) sliceDel(); }
    cursor = limit - at;
    ket = cursor;
    if (eatBefore("o")) { bra = cursor; if (eatBefore("j")) sliceDel(); }
    cursor = limit - at;
    lb = saved;
    while (cursor > lb && VOWELS.indexOf(s[cursor - 1]) >= 0) cursor -= 1;
    if (cursor > lb) {
      ket = cursor;
      if (eatBefore(CONSONANTS)) {
        bra = cursor;
        if (endsWith(s.slice(bra, ket))) sliceDel();
      }
    }
    cursor = limit - at;
    ket = cursor;
    if (eatBefore("'")) { bra = cursor; sliceDel(); }
  }

  markRegions();
  cursor = limit;
  lb = 0;
  [particle, possessive, caseEnding, otherEnding].forEach(function (step) {
    var at = limit - cursor;
    step();
    cursor = limit - at;
  });
  var at = limit - cursor;
  if (endingRemoved) iPlural(); else tPlural();
  cursor = limit - at;
  tidy();
  return s;
}
