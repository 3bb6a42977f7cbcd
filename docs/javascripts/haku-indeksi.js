// Käytäntökirjasto: the search index files as the browser reads them (written by
// hooks/kirjasto/site/search/index.py): meta.json, sorted term shards t-N.json and
// one details file d-N.json per result. Every file is fetched at most once per page,
// and only when a search needs it; a failed fetch is tried again by the next search.
import { fetchJson } from "./yhteiset.js";

/** Shards one prefix may be looked up in beyond its own (short prefixes span many). */
var MAX_PREFIX_SHARDS = 3;

export function openFiles(base) {
  var cache = {};
  var metaFile = null;

  function forget(key) {
    return function (error) { delete cache[key]; throw error; };
  }

  // Fetched at the first search, not when the page opens.
  function meta() {
    if (!metaFile) {
      metaFile = fetchJson(base + "meta.json", { cache: "no-cache" }).catch(function (error) { metaFile = null; throw error; });
    }
    return metaFile;
  }

  function load(path) {
    if (!cache[path]) {
      cache[path] = meta().then(function (m) { return fetchJson(base + path + "?v=" + m.version); }).catch(forget(path));
    }
    return cache[path];
  }

  // The last entry of `shards` whose column `column` (0: first key, 1: first term id) is <= value.
  function lastAtMost(shards, column, value) {
    var low = 0, high = shards.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (shards[middle][column] <= value) low = middle; else high = middle - 1;
    }
    return low;
  }

  function shard(m, number) {
    var key = "shard:" + number;
    if (!cache[key]) {
      cache[key] = load("t-" + number + ".json").then(function (data) {
        return { number: number, first: m.shards[number][1], list: data.t, terms: new Map(data.t), related: new Map(data.r) };
      }).catch(forget(key));
    }
    return cache[key];
  }

  function shardFor(m, key) { return shard(m, lastAtMost(m.shards, 0, key)); }

  function shardOfTerm(m, id) { return lastAtMost(m.shards, 1, id); }

  // [[term, shard]] of the index terms beginning with `prefix`: its own shard and,
  // when the terms run on past its end, the next ones (at most MAX_PREFIX_SHARDS).
  function prefixTerms(m, prefix) {
    var first = lastAtMost(m.shards, 0, prefix);
    var last = first;
    while (last + 1 < m.shards.length && last - first + 1 < MAX_PREFIX_SHARDS && m.shards[last + 1][0].indexOf(prefix) === 0) last++;
    var numbers = [];
    for (var n = first; n <= last; n++) numbers.push(n);
    return Promise.all(numbers.map(function (n) { return shard(m, n); })).then(function (shards) {
      var found = [];
      shards.forEach(function (s) {
        s.list.forEach(function (entry) { if (entry[0].indexOf(prefix) === 0) found.push([entry[0], s]); });
      });
      return found;
    });
  }

  // [address, title, summary, kind, place, status, text] of one result.
  function details(doc) {
    return meta().then(function (m) {
      return load("d-" + Math.floor(doc / m.chunk) + ".json").then(function (rows) { return rows[doc % m.chunk]; });
    });
  }

  return { meta: meta, shard: shard, shardFor: shardFor, shardOfTerm: shardOfTerm, prefixTerms: prefixTerms, details: details };
}
