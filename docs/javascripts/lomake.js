// Käytäntökirjasto: the submission form ("Ehdota kuvausta").
// Checks what can be checked in the browser, writes the item file exactly as
// `kirjasto validate` expects it, and offers three ways to send it. An ES module
// (shared helpers from yhteiset.js); the vocabularies and limits come from the JSON
// the build writes into the page (#kk-lomake-data), from the validator's data.
import { button, each, fetchJson, hideNoScriptNotes } from "./yhteiset.js";

var formData = document.getElementById("kk-lomake-data");
var formElement = document.getElementById("kk-lomake");
if (formData && formElement) startForm(formData, formElement);

function startForm(dataElement, form) {
  var data = JSON.parse(dataElement.textContent);
  var limits = data.limits;
  // Existing items come in a file of their own (the page stays small in a big library).
  data.items = [];
  data.taken = [];
  // Names taken by items this copy does not publish arrive only as salted hashes
  // (kirjasto/site/form.py): the form can tell that a name is taken, not what the item is.
  var hiddenTaken = { salt: "", hashes: [], length: 0 };
  var hiddenChecked = {};
  if (window.fetch && data.itemsUrl) {
    fetchJson(data.itemsUrl).then(function (loaded) {
      data.items = loaded.items.map(function (pair) { return pair[0]; });
      data.taken = loaded.taken;
      if (loaded.hidden) hiddenTaken = loaded.hidden;
      var options = document.getElementById("kk-related-lista");
      loaded.items.forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        options.appendChild(option);
      });
      form.setAttribute("data-valmis", "true");
    }).catch(function () { form.setAttribute("data-valmis", "true"); });
  }
  var result = document.getElementById("kk-tulos");
  var chosen = { municipalities: [], related: [] };
  var bodyEdited = false;
  var slugEdited = false;

  // --- small helpers -------------------------------------------------------

  function field(name) { return form.querySelector('[data-kentta="' + name + '"]'); }
  function input(name) { return document.getElementById("kk-" + name); }
  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (box) { return box.value; });
  }
  function lines(name) {
    return input(name).value.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
  }
  function flat(text) { return text.replace(/\s+/g, " ").trim(); }
  function kind() { return (checked("kind")[0]) || null; }

  // Same rules as kirjasto.text.slugify: ASCII, lower case, dashes.
  function slugify(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // Control and bidirectional characters, as kirjasto.characters refuses them.
  // The characters validation refuses (kirjasto/content/characters.py): control, format,
  // private-use, unassigned and separator characters, except tab, line feed, ZWNJ and
  // ZWJ and the emoji blocks (the browser's Unicode may be newer than the build's).
  // The validator's own rules (kirjasto/content/field_rules.py), passed in the form's data.
  var WEB_URL = new RegExp(data.patterns.webUrl, "i");
  var PHONE = new RegExp(data.patterns.phone);
  var UNSAFE = /(?![\t\n\u200c\u200d\u{1F000}-\u{1FAFF}])[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;

  // A double-quoted YAML string: safe for any text the checks let through.
  function quote(text) { return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"'; }
  function flowList(values) { return "[" + values.map(quote).join(", ") + "]"; }

  // --- picking municipalities and related items ----------------------------

  function renderChosen(name) {
    var list = document.getElementById("kk-" + name + "-valitut");
    list.textContent = "";
    chosen[name].forEach(function (value, index) {
      var item = document.createElement("li");
      var text = document.createElement("span");
      text.textContent = value;
      var remove = button("Poista", "kk-poista", function () {
        chosen[name].splice(index, 1);
        renderChosen(name);
        input(name).focus();
      });
      remove.setAttribute("aria-label", "Poista " + value);
      item.appendChild(text);
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function allowedValues(name) { return name === "municipalities" ? Object.keys(data.municipalities) : data.items; }

  function addChosen(name) {
    var box = input(name);
    var value = box.value.trim();
    if (!value) return;
    var match = allowedValues(name).filter(function (known) { return known.toLowerCase() === value.toLowerCase(); })[0];
    if (!match) {
      showFieldError(name, name === "municipalities"
        ? "Tuntematon kunta '" + value + "'. Valitse kunta listasta, joka aukeaa kirjoittaessa."
        : "Tuntematon kuvaus '" + value + "'. Valitse kuvaus listasta.");
      return;
    }
    clearFieldError(name);
    if (chosen[name].indexOf(match) < 0) chosen[name].push(match);
    box.value = "";
    renderChosen(name);
    setStatus("Lisättiin " + match + ".");
  }

  each("[data-lisaa]", function (adder) {
    var name = adder.getAttribute("data-lisaa");
    adder.addEventListener("click", function () { addChosen(name); });
    input(name).addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); addChosen(name); }
    });
  }, form);

  // --- repeatable groups (contacts, links) ---------------------------------

  function addGroup(name) {
    var template = document.getElementById("kk-" + name + "-pohja");
    var groups = field(name).querySelector(".kk-ryhmat");
    var group = template.content.firstElementChild.cloneNode(true);
    var number = groups.children.length + 1;
    group.setAttribute("aria-label", (name === "contacts" ? "Yhteystieto " : "Linkki ") + number);
    group.querySelector(".kk-poista").addEventListener("click", function () {
      group.remove();
      field(name).querySelector("[data-lisaa-ryhma]").focus();
    });
    groups.appendChild(group);
    group.querySelector("input").focus();
  }

  function groupValues(name) {
    return Array.prototype.map.call(field(name).querySelectorAll(".kk-ryhma"), function (group) {
      var values = {};
      each("[data-osa]", function (part) {
        values[part.getAttribute("data-osa")] = flat(part.value);
      }, group);
      return values;
    }).filter(function (values) {
      return Object.keys(values).some(function (key) { return values[key]; });
    });
  }

  each("[data-lisaa-ryhma]", function (adder) {
    adder.addEventListener("click", function () { addGroup(adder.getAttribute("data-lisaa-ryhma")); });
  }, form);

  // --- kind, title and body follow each other until the contributor edits --

  function onKindChange() {
    var selected = kind();
    if (!selected) return;
    if (!bodyEdited) input("body").value = data.kinds[selected].body;
    // Practices and networks start as "not known": a contributor says "in use" only when it is.
    if (data.kinds[selected].hasStatus && !checked("status").length) {
      form.querySelector('input[name="status"][value="' + data.unknownStatus + '"]').checked = true;
    }
  }
  each('input[name="kind"]', function (radio) {
    radio.addEventListener("change", onKindChange);
  }, form);
  input("body").addEventListener("input", function () { bodyEdited = true; });
  input("slug").addEventListener("input", function () { slugEdited = true; });
  input("title").addEventListener("input", function () {
    if (!slugEdited) input("slug").value = slugify(input("title").value);
  });

  // --- checks ----------------------------------------------------------------

  function showFieldError(name, message) {
    var error = document.getElementById("kk-" + name + "-virhe");
    error.textContent = message;
    error.hidden = false;
    var control = input(name);
    if (control) control.setAttribute("aria-invalid", "true");
  }
  function clearFieldError(name) {
    var error = document.getElementById("kk-" + name + "-virhe");
    error.textContent = "";
    error.hidden = true;
    var control = input(name);
    if (control) control.removeAttribute("aria-invalid");
  }

  // "Today" for contributors is today in Finland, whatever the browser's time zone:
  // the build checks dates against the same day (kirjasto/content/clock.py).
  function today() {
    var parts = {};
    new Intl.DateTimeFormat("en", { timeZone: "Europe/Helsinki", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }
  function thisYear() { return +today().slice(0, 4); }

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
    if (UNSAFE.test(text)) problems.push([name, label + ": tekstissä on näkymätön tai tunnistamaton merkki (esim. ohjausmerkki, pehmeä tavuviiva tai nollalevyinen välilyönti). Se tulee yleensä kopioidun tekstin mukana: kirjoita kopioidut kohdat uudelleen näppäimistöllä."]);
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
    if (!values.kind) problems.push(["kind", "Valitse kuvauksen tyyppi."]);
    if (!values.title) problems.push(["title", "Kirjoita otsikko."]);
    else if (values.title.length < limits.titleMin || values.title.length > limits.titleMax) {
      problems.push(["title", "Otsikossa on " + values.title.length + " merkkiä; sallittu pituus on " + limits.titleMin + "–" + limits.titleMax + "."]);
    }
    if (/[<>]/.test(values.title)) problems.push(["title", "Merkit < ja > eivät ole sallittuja otsikossa."]);
    if (!values.summary) problems.push(["summary", "Kirjoita tiivistelmä (1–" + limits.summarySentences + " virkettä)."]);
    else {
      if (values.summary.length > limits.summaryMax) problems.push(["summary", "Tiivistelmässä on " + values.summary.length + " merkkiä; enintään " + limits.summaryMax + "."]);
      var sentences = (values.summary.match(/[.!?](?=\s+[A-ZÅÄÖ"”'])/g) || []).length + 1;
      if (sentences > limits.summarySentences) problems.push(["summary", "Tiivistelmässä on " + sentences + " virkettä; enintään " + limits.summarySentences + "."]);
      if (/[<>]/.test(values.summary)) problems.push(["summary", "Merkit < ja > eivät ole sallittuja tiivistelmässä."]);
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug) || values.slug === "index") {
      problems.push(["slug", "Tiedostonimessä saa olla vain pieniä kirjaimia a–z, numeroita ja viivoja (ei 'index')."]);
    } else if (data.taken.indexOf(values.slug) >= 0 || hiddenChecked[values.slug]) {
      problems.push(["slug", "Kirjastossa on jo kuvaus nimellä " + values.slug + ". Muuta tiedostonimeä."]);
    }
    values.regions.forEach(function (region) {
      var from = values.municipalities.filter(function (name) { return data.municipalities[name] === region; })[0];
      if (from) problems.push(["regions", "Maakunta " + region + " tulee jo kunnasta " + from + "; poista valinta."]);
    });
    if (!values.levels.length) problems.push(["levels", "Valitse vähintään yksi koulutusaste."]);
    if (!values.themes.length) problems.push(["themes", "Valitse vähintään yksi teema."]);
    if (values.themes.length > limits.themesMax) problems.push(["themes", "Valitse enintään " + limits.themesMax + " teemaa."]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.written)) problems.push(["written", "Anna kirjoituspäivä."]);
    else if (values.written > today()) problems.push(["written", "Päivämäärä on tulevaisuudessa."]);
    var source = values.source;
    var hasSource = source.title || source.publisher || source.published || source.url;
    if (hasSource && !source.title) problems.push(["source_title", "Anna lähteen otsikko tai tyhjennä lähteen tiedot."]);
    if (source.published && !(/^\d{4}$/.test(source.published) && +source.published >= limits.earliestYear && +source.published <= thisYear()) &&
        !(/^\d{4}-\d{2}-\d{2}$/.test(source.published) && source.published <= today())) {
      problems.push(["source_published", "Anna julkaisupäivä muodossa 2017-10-27 tai vuosi väliltä " + limits.earliestYear + "–" + thisYear() + "."]);
    }
    if (source.url && !WEB_URL.test(source.url)) problems.push(["source_url", "Lähteen osoitteen pitää alkaa https:// tai http://."]);
    if (values.started && (!/^\d{4}$/.test(values.started) || +values.started < limits.earliestYear || +values.started > thisYear())) {
      problems.push(["started", "Anna aloitusvuosi väliltä " + limits.earliestYear + "–" + thisYear() + "."]);
    }
    values.contacts.forEach(function (contact, index) {
      if (!contact.organisation) problems.push(["contacts", "Yhteystieto " + (index + 1) + ": anna organisaatio."]);
      if (contact.email && !/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(contact.email)) problems.push(["contacts", "Yhteystieto " + (index + 1) + ": sähköpostiosoite ei kelpaa."]);
      if (contact.url && !WEB_URL.test(contact.url)) problems.push(["contacts", "Yhteystieto " + (index + 1) + ": palvelusivun osoitteen pitää alkaa https://."]);
      var digits = (contact.phone || "").replace(/\D/g, "").length;
      if (contact.phone && !(PHONE.test(contact.phone) && digits >= limits.phoneDigitsMin && digits <= limits.phoneDigitsMax)) {
        problems.push(["contacts", "Yhteystieto " + (index + 1) + ": puhelinnumero ei kelpaa (esim. 09 123 4567)."]);
      }
    });
    values.links.forEach(function (link, index) {
      if (!link.title) problems.push(["links", "Linkki " + (index + 1) + ": anna linkin teksti."]);
      if (!WEB_URL.test(link.url)) problems.push(["links", "Linkki " + (index + 1) + ": osoitteen pitää alkaa https:// tai http://."]);
    });
    if (!values.body) problems.push(["body", "Kirjoita kuvausteksti."]);
    else if (/^ {0,3}#(\s|$)/m.test(values.body)) problems.push(["body", "Älä käytä pääotsikkoa '# ...' tekstissä; väliotsikot alkavat merkeillä ##."]);
    else if (/<\/?[A-Za-z][^>]*>|<!--/.test(values.body.replace(/```[\s\S]*?```|`[^`\n]*`/g, ""))) problems.push(["body", "Tekstissä on HTML-koodia. Käytä Markdownia: **lihavointi**, [linkki](https://...)."]);
    // A first look only: the build renders the text and has the last word (kirjasto/content/body.py).
    else if (/!\[[^\]]*\]/.test(values.body)) problems.push(["body", "Kuvia ei voi lisätä tekstiin. Linkitä kuvaan tavallisella linkillä: [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)."]);
    else if (/\{:|\{\s*[.#][A-Za-z_]/.test(values.body.replace(/```[\s\S]*?```|`[^`\n]*`/g, ""))) problems.push(["body", "Tekstissä on muotoilumääre ({: ... }), jota ei voi käyttää kuvauksissa. Poista aaltosulkeet ja niiden sisältö."]);
    var leftHints = values.body.split("\n").map(function (line) { return line.trim(); })
      .filter(function (line) { return data.hints.indexOf(line) >= 0; });
    if (leftHints.length) problems.push(["body", "Korvaa apukysymykset omalla tekstilläsi, esim. '" + leftHints[0] + "'"]);
    checkText(problems, "title", values.title, "Otsikko");
    checkText(problems, "summary", values.summary, "Tiivistelmä");
    checkText(problems, "body", values.body, "Kuvausteksti");
    return { values: values, problems: problems };
  }

  // --- the file ---------------------------------------------------------------

  function itemFile(values) {
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

  // --- showing problems and the result -----------------------------------------

  function setStatus(message) { document.getElementById("kk-tila").textContent = message; }

  function showProblems(problems) {
    var summary = document.getElementById("kk-virheet");
    each(".kk-virhe", function (error) { error.hidden = true; error.textContent = ""; }, form);
    each("[aria-invalid]", function (control) { control.removeAttribute("aria-invalid"); }, form);
    summary.textContent = "";
    if (!problems.length) { summary.hidden = true; return; }
    var heading = document.createElement("h3");
    heading.textContent = "Korjaa nämä kohdat (" + problems.length + "):";
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

  function showResult(values) {
    var path = "practices/" + data.kinds[values.kind].folder + "/" + values.slug + ".md";
    var content = itemFile(values);
    document.getElementById("kk-polku").textContent = path;
    document.getElementById("kk-sisalto").textContent = content;
    var github = document.getElementById("kk-github");
    var tooLong = document.getElementById("kk-pitka");
    if (data.repository) {
      var base = data.repository.newFileUrl + "?filename=" + encodeURIComponent(path);
      var full = base + "&value=" + encodeURIComponent(content);
      var fits = full.length <= limits.githubUrlMax;
      github.href = fits ? full : base;
      github.hidden = false;
      tooLong.hidden = fits;
    }
    result.hidden = false;
    result.dataset.path = path;
    result.dataset.content = content;
    result.focus();
    setStatus("Tiedosto on valmis. Tarkista se ja lähetä jollakin alla olevista tavoista.");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    checkHidden(input("slug").value.trim()).then(function () {
      var checkedForm = collect();
      showProblems(checkedForm.problems);
      if (checkedForm.problems.length) { result.hidden = true; return; }
      showResult(checkedForm.values);
    });
  });

  document.getElementById("kk-lataa").addEventListener("click", function () {
    var blob = new Blob([result.dataset.content], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = result.dataset.path.split("/").pop();
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    setStatus("Tiedosto " + link.download + " ladattiin. Tallenna se kansioon " + result.dataset.path.replace(/[^/]+$/, "") + ".");
  });

  document.getElementById("kk-kopioi").addEventListener("click", function () {
    var content = result.dataset.content;
    function fallback() {
      var code = document.getElementById("kk-sisalto");
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      setStatus("Kopiointi ei onnistunut automaattisesti. Teksti on valittuna: kopioi se näppäimillä Ctrl+C.");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(content).then(function () { setStatus("Tiedosto kopioitiin leikepöydälle."); }, fallback);
    } else {
      fallback();
    }
  });

  // --- start ---------------------------------------------------------------------

  input("written").value = today();
  input("written").max = today();
  hideNoScriptNotes();
  form.hidden = false;
}
