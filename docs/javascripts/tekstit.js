// Käytäntökirjasto: the texts the scripts show, in the page's language (<html lang>).
// Finnish is the source language, as in the Python code (kirjasto/content/messages.py):
// every text is written in Finnish and marked with _() or plural(), which
// `make messages` extracts (babel.cfg). For another language the build writes the
// translations of those texts beside this module, kaannokset-<lang>.js
// (kirjasto/site/script_texts.py): `export default { "Finnish": "translation",
// "singular": ["form 0", "form 1"] }`. It is read once, before any script that
// imports this module runs; a text it lacks, or a table that cannot be read, stays
// Finnish (a page never breaks for a translation). No dependencies.

var SOURCE_LANGUAGE = "fi";

function pageLanguage() {
  var lang = typeof document !== "undefined" && document.documentElement ? document.documentElement.lang : "";
  return (lang || SOURCE_LANGUAGE).toLowerCase().split("-")[0];
}

function loadTable(language) {
  if (!/^[a-z]{2,3}$/.test(language)) return Promise.resolve(null);
  return import(new URL("kaannokset-" + language + ".js", import.meta.url).href).then(
    function (module) { return module.default && typeof module.default === "object" ? module.default : null; },
    function () { return null; }
  );
}

// Finnish pages wait for nothing: the messages are the table's keys.
var language = pageLanguage();
var table = language === SOURCE_LANGUAGE ? null : await loadTable(language);

/** A number as both languages write it: thousands apart with a no-break space (10 000). */
export function formatNumber(number) {
  return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

// Fills the named placeholders {name} from `values` as Python's str.format does
// ({{ and }} are literal braces); without values the text is returned as it is.
function fill(text, values) {
  if (!values) return text;
  return text.replace(/\{\{|\}\}|\{(\w+)\}/g, function (whole, name) {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
  });
}

// The table's entry for a Finnish message; null when there is none (Finnish pages).
function translation(message) {
  return table && Object.prototype.hasOwnProperty.call(table, message) ? table[message] : null;
}

/** The Finnish `message` in the page's language, its {placeholders} filled from `values`:
 * _("Lisättiin {name}.", { name: municipality }). */
export function _(message, values) {
  var found = translation(message);
  return fill(typeof found === "string" && found ? found : message, values);
}

/** The form for `count` (Finnish and Swedish: form 0 for one, form 1 for any other
 * number), with {count} written as formatNumber writes it and the other
 * placeholders from `values`: plural("{count} tulos", "{count} tulosta", n). */
export function plural(singular, pluralForm, count, values) {
  var found = translation(singular);
  var form = count === 1 ? 0 : 1;
  var text = Array.isArray(found) && typeof found[form] === "string" && found[form] ? found[form] : form === 0 ? singular : pluralForm;
  return fill(text, Object.assign({}, values, { count: formatNumber(count) }));
}
