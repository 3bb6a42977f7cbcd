// Käytäntökirjasto: the year wheel's geometry in the browser, for the "Tee oma
// vuosikello" page. The same drawing as the build's (hooks/kirjasto/site/pages/wheel.py);
// tests/test_own_wheel.py compares the two for the same rows.
import { _ } from "./tekstit.js";

/** Finnish month names, January first, as a contributor writes them (year_wheel.MONTH_NAMES). */
export var MONTH_NAMES = ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu",
  "heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu"];
// The months as the page shows them, in its language: names and what fits in a sector
// (the build's year_wheel.MONTH_NAMES and wheel.MONTH_SHORT_NAMES).
var MONTH_LABELS = [_("tammikuu"), _("helmikuu"), _("maaliskuu"), _("huhtikuu"), _("toukokuu"), _("kesäkuu"),
  _("heinäkuu"), _("elokuu"), _("syyskuu"), _("lokakuu"), _("marraskuu"), _("joulukuu")];
var MONTH_SHORT_LABELS = [_("tammi"), _("helmi"), _("maalis"), _("huhti"), _("touko"), _("kesä"),
  _("heinä"), _("elo"), _("syys"), _("loka"), _("marras"), _("joulu")];
var SIZE = 400, CENTRE = SIZE / 2, MONTH_OUTER = 196, MONTH_INNER = 164;
var LANES_OUTER = 158, LANES_INNER = 56, MAX_LANE_WIDTH = 24;

/** 0 for August ... 11 for July. */
export function schoolYearIndex(month) { return ((month - 8) % 12 + 12) % 12; }

/** A month as a contributor writes it (8, elokuu, elo); null if not one. As in year_wheel.month_number. */
export function monthNumber(text) {
  var word = String(text).trim().toLowerCase();
  if (/^\d+$/.test(word)) return +word >= 1 && +word <= 12 ? +word : null;
  var found = MONTH_NAMES.findIndex(function (name) { return word === name || word === name.replace(/kuu$/, ""); });
  return found < 0 ? null : found + 1;
}

/** {first, last} of "8", "9-10" or "marraskuu–helmikuu"; null when either is not a month. As in field_wheel. */
export function parseMonths(text) {
  var parts = String(text).match(/^\s*([^\s–—-]+)\s*[-–—]\s*([^\s–—-]+)\s*$/) || [null, text, text];
  var first = monthNumber(parts[1]), last = monthNumber(parts[2]);
  return first && last ? { first: first, last: last } : null;
}

/** Every month a row covers, in school-year order. */
export function monthsOf(row) {
  var months = [];
  for (var step = 0; step <= schoolYearIndex(row.last) - schoolYearIndex(row.first); step++) months.push((row.first - 1 + step) % 12 + 1);
  return months;
}

/** "elokuu" or "marraskuu–helmikuu" (in the page's language). */
export function monthLabel(row) {
  var first = MONTH_LABELS[row.first - 1];
  return row.first === row.last ? first : first + "–" + MONTH_LABELS[row.last - 1];
}

function point(position, radius) {
  var angle = 2 * Math.PI * position / 12 - Math.PI / 2;
  return [Math.round((CENTRE + radius * Math.cos(angle)) * 10) / 10, Math.round((CENTRE + radius * Math.sin(angle)) * 10) / 10];
}

function band(start, end, inner, outer) {
  var large = end - start > 6 ? 1 : 0;
  var a = point(start, outer), b = point(end, outer), c = point(end, inner), d = point(start, inner);
  return "M" + a + "A" + outer + "," + outer + " 0 " + large + " 1 " + b + "L" + c +
    "A" + inner + "," + inner + " 0 " + large + " 0 " + d + "Z";
}

function lanesOf(rows) {
  var used = [], lanes = rows.map(function () { return 0; });
  var order = rows.map(function (row, i) { return i; }).sort(function (a, b) {
    return schoolYearIndex(rows[a].first) - schoolYearIndex(rows[b].first) || a - b;
  });
  order.forEach(function (position) {
    var months = monthsOf(rows[position]).map(schoolYearIndex);
    var lane = used.findIndex(function (taken) { return months.every(function (m) { return !taken.has(m); }); });
    if (lane < 0) { lane = used.length; used.push(new Set()); }
    months.forEach(function (m) { used[lane].add(m); });
    lanes[position] = lane;
  });
  return lanes;
}

/** Sectors and numbered arcs for `rows` ({first, last, title}), as the build draws them. */
export function drawWheel(rows) {
  var lanes = lanesOf(rows);
  var count = Math.max.apply(null, [-1].concat(lanes)) + 1;
  var width = Math.min(MAX_LANE_WIDTH, (LANES_OUTER - LANES_INNER) / Math.max(count, 1));
  var sectors = [];
  for (var index = 0; index < 12; index++) {
    var label = point(index + 0.5, (MONTH_OUTER + MONTH_INNER) / 2);
    sectors.push({ short: MONTH_SHORT_LABELS[(index + 7) % 12], path: band(index, index + 1, MONTH_INNER, MONTH_OUTER), x: label[0], y: label[1] });
  }
  var arcs = rows.map(function (row, i) {
    var outer = LANES_OUTER - lanes[i] * width;
    var start = schoolYearIndex(row.first), end = schoolYearIndex(row.last) + 1;
    var label = point((start + end) / 2, outer - width / 2);
    return { number: i + 1, lane: lanes[i], path: band(start + 0.04, end - 0.04, outer - width + 1.5, outer - 0.5), x: label[0], y: label[1] };
  });
  return { size: SIZE, sectors: sectors, arcs: arcs };
}
