// Käytäntökirjasto, the submission form: writes the item file's text (YAML front
// matter and body) exactly as `kirjasto validate` expects it, and the file name (slug)
// from the title (a part of lomake.js).
import { today } from "./lomake-paiva.js";

// Same rules as kirjasto.text.slugify: ASCII, lower case, dashes.
export function slugify(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

// A double-quoted YAML string: safe for any text the checks let through.
export function quote(text) { return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"'; }
function flowList(values) { return "[" + values.map(quote).join(", ") + "]"; }

/** The item file for the checked `values`; `data` is the form's data (#kk-lomake-data). */
export function itemFile(values, data) {
  var out = ["---", "title: " + quote(values.title), "summary: " + quote(values.summary)];
  out.push("municipalities: " + flowList(values.municipalities));
  if (values.regions.length) out.push("regions: " + flowList(values.regions));
  out.push("levels: " + flowList(values.levels));
  out.push("themes: " + flowList(values.themes));
  var status = values.status || (data.kinds[values.kind].hasStatus ? data.unknownStatus : "");
  if (status) out.push("status: " + status);
  out.push("written: " + values.written);
  out.push("updated: " + values.written);
  if (values.checked) out.push("checked: " + today());
  if (values.started) out.push("started: " + Number(values.started));
  if (values.organisations.length) out.push("organisations: " + flowList(values.organisations));
  if (values.audience.length) out.push("audience: " + flowList(values.audience));
  if (values.contacts.length) {
    out.push("contacts:");
    values.contacts.forEach(function (contact) {
      out.push("  - organisation: " + quote(contact.organisation));
      if (contact.role) out.push("    role: " + quote(contact.role));
      if (contact.name) out.push("    name: " + quote(contact.name));
      ["url", "email", "phone"].forEach(function (key) {
        if (contact[key]) out.push("    " + key + ": " + quote(contact[key]));
      });
    });
  }
  if (values.links.length) {
    out.push("links:");
    values.links.forEach(function (link) {
      out.push("  - title: " + quote(link.title));
      out.push("    url: " + quote(link.url));
    });
  }
  if (values.teams.length) {
    out.push("teams:");
    values.teams.forEach(function (team) {
      out.push("  - name: " + quote(team.name), "    themes: [" + team.themes.join(", ") + "]");
      if (team.description) out.push("    description: " + quote(team.description));
    });
  }
  if (values.vuosikello.length) {
    out.push("vuosikello:");
    values.vuosikello.forEach(function (row) {
      out.push("  - months: " + quote(row.months), "    title: " + quote(row.title));
      if (row.role) out.push("    role: " + quote(row.role));
    });
  }
  if (values.funding.length) out.push("funding: " + flowList(values.funding));
  if (values.source.title) {
    out.push("source:", "  title: " + quote(values.source.title));
    if (values.source.publisher) out.push("  publisher: " + quote(values.source.publisher));
    if (values.source.published) out.push("  published: " + values.source.published);
    if (values.source.url) out.push("  url: " + quote(values.source.url));
  }
  if (values.related.length) out.push("related: " + flowList(values.related));
  out.push("---", "", values.body, "");
  return out.join("\n");
}
