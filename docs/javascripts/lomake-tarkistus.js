// Käytäntökirjasto, the submission form: checks what can be checked in the browser,
// with the validator's rules and limits, and shows the problems beside their fields
// and in the summary above the form (a part of lomake.js).
import { each } from "./yhteiset.js";
import { _ } from "./tekstit.js";
import { flat } from "./lomake-kentat.js";
import { thisYear, today } from "./lomake-paiva.js";
import { parseMonths, schoolYearIndex } from "./vuosikello-piirto.js";

/** The checks of `form`, with `data` (#kk-lomake-data) and the form's fields (formFields). */
export function formChecks(form, data, fields) {
  var limits = data.limits;
  var { chosen, field, input, checked, lines, kind, groupValues } = fields;
  // Names taken by items this copy does not publish arrive only as salted hashes
  // (kirjasto/site/form.py): the form can tell that a name is taken, not what the item is.
  var hiddenTaken = { salt: "", hashes: [], length: 0 };
  var hiddenChecked = {};
  function setHiddenTaken(hidden) { hiddenTaken = hidden; }

  // Control and bidirectional characters, as kirjasto.characters refuses them.
  // The characters validation refuses (kirjasto/content/characters.py): control, format,
  // private-use, unassigned and separator characters, except tab, line feed, ZWNJ and
  // ZWJ and the emoji blocks (the browser's Unicode may be newer than the build's).
  // The validator's own rules (kirjasto/content/field_rules.py), passed in the form's data.
  var WEB_URL = new RegExp(data.patterns.webUrl, "i");
  var PHONE = new RegExp(data.patterns.phone);
  var UNSAFE = /(?![\t\n\u200c\u200d\u{1F000}-\u{1FAFF}])[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;

  // Whether a name is taken by an item this copy does not publish (SHA-256 of salt + name).
  function checkHidden(slug) {
    if (!hiddenTaken.hashes.length || slug in hiddenChecked || !(window.crypto && crypto.subtle && window.TextEncoder)) {
      return Promise.resolve();
    }
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(hiddenTaken.salt + slug)).then(function (buffer) {
      var hex = Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      hiddenChecked[slug] = hiddenTaken.hashes.indexOf(hex.slice(0, hiddenTaken.length)) >= 0;
    }, function () {});
  }

  function checkText(problems, name, text, label) {
    if (UNSAFE.test(text)) problems.push([name, _("{field}: tekstissä on näkymätön tai tunnistamaton merkki (esim. ohjausmerkki, pehmeä tavuviiva tai nollalevyinen välilyönti). Se tulee yleensä kopioidun tekstin mukana: kirjoita kopioidut kohdat uudelleen näppäimistöllä.", { field: label })]);
  }

  function collect() {
    var problems = [];
    var values = {
      kind: kind(),
      title: flat(input("title").value),
      summary: flat(input("summary").value),
      slug: input("slug").value.trim(),
      municipalities: chosen.municipalities.slice(),
      regions: checked("regions"),
      levels: checked("levels"),
      themes: checked("themes"),
      status: checked("status")[0] || "",
      written: input("written").value,
      checked: checked("checked").length > 0,
      started: input("started").value.trim(),
      organisations: lines("organisations").map(flat),
      audience: checked("audience"),
      contacts: groupValues("contacts"),
      links: groupValues("links"),
      teams: groupValues("teams").map(function (team) {
        return { name: team.name, description: team.description, themes: team.themes.split(/[,\s]+/).filter(Boolean) };
      }),
      vuosikello: groupValues("vuosikello"),
      funding: lines("funding").map(flat),
      source: {
        title: flat(input("source_title").value),
        publisher: flat(input("source_publisher").value),
        published: input("source_published").value.trim(),
        url: input("source_url").value.trim()
      },
      related: chosen.related.slice(),
      body: input("body").value.replace(/\r\n?/g, "\n").trim()
    };
    if (!values.kind) problems.push(["kind", _("Valitse kuvauksen tyyppi.")]);
    if (!values.title) problems.push(["title", _("Kirjoita otsikko.")]);
    else if (values.title.length < limits.titleMin || values.title.length > limits.titleMax) {
      problems.push(["title", _("Otsikossa on {count} merkkiä; sallittu pituus on {shortest}–{longest}.", { count: values.title.length, shortest: limits.titleMin, longest: limits.titleMax })]);
    }
    if (/[<>]/.test(values.title)) problems.push(["title", _("Merkit < ja > eivät ole sallittuja otsikossa.")]);
    if (!values.summary) problems.push(["summary", _("Kirjoita tiivistelmä (1–{most} virkettä).", { most: limits.summarySentences })]);
    else {
      if (values.summary.length > limits.summaryMax) problems.push(["summary", _("Tiivistelmässä on {count} merkkiä; enintään {most}.", { count: values.summary.length, most: limits.summaryMax })]);
      var sentences = (values.summary.match(/[.!?](?=\s+[A-ZÅÄÖ"”'])/g) || []).length + 1;
      if (sentences > limits.summarySentences) problems.push(["summary", _("Tiivistelmässä on {count} virkettä; enintään {most}.", { count: sentences, most: limits.summarySentences })]);
      if (/[<>]/.test(values.summary)) problems.push(["summary", _("Merkit < ja > eivät ole sallittuja tiivistelmässä.")]);
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug)) {
      problems.push(["slug", _("Tiedostonimessä saa olla vain pieniä kirjaimia a–z, numeroita ja viivoja.")]);
    } else if (data.reserved.indexOf(values.slug) >= 0 || new RegExp(data.patterns.reservedPage).test(values.slug)) {
      // The validator's own message (kirjasto/content/library_files.py), translated once.
      problems.push(["slug", _("Tiedostonimi '{name}' on varattu luettelosivulle. Anna kuvaukselle sen sisältöä kuvaava nimi.", { name: values.slug })]);
    } else if (data.taken.indexOf(values.slug) >= 0 || hiddenChecked[values.slug]) {
      problems.push(["slug", _("Kirjastossa on jo kuvaus nimellä {name}. Muuta tiedostonimeä.", { name: values.slug })]);
    }
    values.regions.forEach(function (region) {
      var from = values.municipalities.filter(function (name) { return data.municipalities[name] === region; })[0];
      if (from) problems.push(["regions", _("Maakunta {region} tulee jo kunnasta {municipality}; poista valinta.", { region: region, municipality: from })]);
    });
    if (!values.levels.length) problems.push(["levels", _("Valitse vähintään yksi koulutusaste.")]);
    if (!values.themes.length) problems.push(["themes", _("Valitse vähintään yksi teema.")]);
    if (values.themes.length > limits.themesMax) problems.push(["themes", _("Valitse enintään {most} teemaa.", { most: limits.themesMax })]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.written)) problems.push(["written", _("Anna kirjoituspäivä.")]);
    else if (values.written > today()) problems.push(["written", _("Päivämäärä on tulevaisuudessa.")]);
    var source = values.source;
    var hasSource = source.title || source.publisher || source.published || source.url;
    if (hasSource && !source.title) problems.push(["source_title", _("Anna lähteen otsikko tai tyhjennä lähteen tiedot.")]);
    if (source.published && !(/^\d{4}$/.test(source.published) && +source.published >= limits.earliestYear && +source.published <= thisYear()) &&
        !(/^\d{4}-\d{2}-\d{2}$/.test(source.published) && source.published <= today())) {
      problems.push(["source_published", _("Anna julkaisupäivä muodossa 2017-10-27 tai vuosi väliltä {first}–{last}.", { first: limits.earliestYear, last: thisYear() })]);
    }
    if (source.url && !WEB_URL.test(source.url)) problems.push(["source_url", _("Lähteen osoitteen pitää alkaa https:// tai http://.")]);
    if (values.started && (!/^\d{4}$/.test(values.started) || +values.started < limits.earliestYear || +values.started > thisYear())) {
      problems.push(["started", _("Anna aloitusvuosi väliltä {first}–{last}.", { first: limits.earliestYear, last: thisYear() })]);
    }
    values.contacts.forEach(function (contact, index) {
      if (!contact.organisation) problems.push(["contacts", _("Yhteystieto {number}: anna organisaatio.", { number: index + 1 })]);
      if (contact.email && !/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(contact.email)) problems.push(["contacts", _("Yhteystieto {number}: sähköpostiosoite ei kelpaa.", { number: index + 1 })]);
      if (contact.url && !WEB_URL.test(contact.url)) problems.push(["contacts", _("Yhteystieto {number}: palvelusivun osoitteen pitää alkaa https://.", { number: index + 1 })]);
      var digits = (contact.phone || "").replace(/\D/g, "").length;
      if (contact.phone && !(PHONE.test(contact.phone) && digits >= limits.phoneDigitsMin && digits <= limits.phoneDigitsMax)) {
        problems.push(["contacts", _("Yhteystieto {number}: puhelinnumero ei kelpaa (esim. 09 123 4567).", { number: index + 1 })]);
      }
    });
    var themeSlugs = Array.prototype.map.call(form.querySelectorAll("input[name=themes]"), function (box) { return box.value; });
    if (values.teams.length && !data.kinds[values.kind].hasStatus) problems.push(["teams", _("Tiimit kuuluvat verkostoille ja käytännöille.")]);
    values.teams.forEach(function (team, index) {
      if (!team.name) problems.push(["teams", _("Tiimi {number}: anna tiimin nimi.", { number: index + 1 })]);
      if (!team.themes.length) problems.push(["teams", _("Tiimi {number}: anna ainakin yksi teema.", { number: index + 1 })]);
      team.themes.filter(function (slug) { return themeSlugs.indexOf(slug) < 0; }).forEach(function (slug) {
        problems.push(["teams", _("Tiimi {number}: tuntematon teema '{text}'. Käytä teemojen tunnisteita, esim. {examples}.", {
          number: index + 1, text: slug, examples: themeSlugs.slice(0, 2).join(", "),
        })]);
      });
    });
    if (values.vuosikello.length > data.limits.wheelRowsMax) problems.push(["vuosikello", _("Vuosikellossa saa olla enintään {most} riviä.", { most: data.limits.wheelRowsMax })]);
    values.vuosikello.forEach(function (row, index) {
      var months = parseMonths(row.months);
      if (!row.title) problems.push(["vuosikello", _("Vuosikellon rivi {number}: kerro, mitä tehdään.", { number: index + 1 })]);
      if (!months) problems.push(["vuosikello", _("Vuosikellon rivi {number}: '{raw}' ei ole kuukausi eikä jakso (esim. 8, elokuu tai 9-10).", { number: index + 1, raw: row.months })]);
      else if (schoolYearIndex(months.last) < schoolYearIndex(months.first)) problems.push(["vuosikello", _("Vuosikellon rivi {number}: jakso kulkee taaksepäin; lukuvuosi alkaa elokuusta.", { number: index + 1 })]);
    });
    values.links.forEach(function (link, index) {
      if (!link.title) problems.push(["links", _("Linkki {number}: anna linkin teksti.", { number: index + 1 })]);
      if (!WEB_URL.test(link.url)) problems.push(["links", _("Linkki {number}: osoitteen pitää alkaa https:// tai http://.", { number: index + 1 })]);
    });
    if (!values.body) problems.push(["body", _("Kirjoita kuvausteksti.")]);
    else if (/^ {0,3}#(\s|$)/m.test(values.body)) problems.push(["body", _("Älä käytä pääotsikkoa '# ...' tekstissä; väliotsikot alkavat merkeillä ##.")]);
    else if (/<\/?[A-Za-z][^>]*>|<!--/.test(values.body.replace(/```[\s\S]*?```|`[^`\n]*`/g, ""))) problems.push(["body", _("Tekstissä on HTML-koodia. Käytä Markdownia: **lihavointi**, [linkki](https://...).")]);
    // A first look only: the build renders the text and has the last word (kirjasto/content/body.py).
    else if (/!\[[^\]]*\]/.test(values.body)) problems.push(["body", _("Kuvia ei voi lisätä tekstiin. Linkitä kuvaan tavallisella linkillä: [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png).")]);
    else if (/\{:|\{\s*[.#][A-Za-z_]/.test(values.body.replace(/```[\s\S]*?```|`[^`\n]*`/g, ""))) problems.push(["body", _("Tekstissä on muotoilumääre ({: ... }), jota ei voi käyttää kuvauksissa. Poista aaltosulkeet ja niiden sisältö.")]);
    var leftHints = values.body.split("\n").map(function (line) { return line.trim(); })
      .filter(function (line) { return data.hints.indexOf(line) >= 0; });
    if (leftHints.length) problems.push(["body", _("Korvaa apukysymykset omalla tekstilläsi, esim. '{hint}'", { hint: leftHints[0] })]);
    checkText(problems, "title", values.title, _("Otsikko"));
    checkText(problems, "summary", values.summary, _("Tiivistelmä"));
    checkText(problems, "body", values.body, _("Kuvausteksti"));
    return { values: values, problems: problems };
  }

  function showProblems(problems) {
    var summary = document.getElementById("kk-virheet");
    each(".kk-virhe", function (error) { error.hidden = true; error.textContent = ""; }, form);
    each("[aria-invalid]", function (control) { control.removeAttribute("aria-invalid"); }, form);
    summary.textContent = "";
    if (!problems.length) { summary.hidden = true; return; }
    var heading = document.createElement("h3");
    heading.textContent = _("Korjaa nämä kohdat ({count}):", { count: problems.length });
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      var name = problem[0];
      var error = document.getElementById("kk-" + name + "-virhe");
      error.textContent = error.textContent ? error.textContent + " " + problem[1] : problem[1];
      error.hidden = false;
      var control = input(name);
      if (control) control.setAttribute("aria-invalid", "true");
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#kk-" + name;
      link.textContent = problem[1];
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var target = control && control.focus ? control : field(name).querySelector("input, textarea");
        if (target) target.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.appendChild(heading);
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  }

  return { collect, checkHidden, showProblems, setHiddenTaken };
}
