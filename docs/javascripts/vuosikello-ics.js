// Käytäntökirjasto: a year wheel as an iCalendar file, in the browser ("Tee oma
// vuosikello"). The same events as the build's (hooks/kirjasto/site/exports/calendar.py,
// made there with the icalendar package): for every month a row covers, an all-day
// event on the first day of the month, repeating yearly, with a stable UID.
import { monthLabel, monthsOf } from "./vuosikello-piirto.js";
import { _ } from "./tekstit.js";

// RFC 5545: text values escape \ ; , and line breaks; lines fold at 75 octets.
function escapeText(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

function fold(line) {
  var encoder = new TextEncoder(), out = [], current = "", limit = 75;
  Array.from(line).forEach(function (character) {
    if (encoder.encode(current + character).length > limit) { out.push(current); current = " "; limit = 75; }
    current += character;
  });
  out.push(current);
  return out.join("\r\n");
}

function pad(number) { return String(number).padStart(2, "0"); }
function day(date) { return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()); }

/** The calendar text for `rows` of the wheel called `title`; dates in the school year of `today` (VVVV-KK-PP). */
export function wheelCalendar(rows, title, slug, today) {
  var year = +today.slice(0, 4), startYear = +today.slice(5, 7) >= 8 ? year : year - 1;
  var stamp = today.replace(/-/g, "") + "T000000Z";
  var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Käytäntökirjasto//Vuosikello//FI", "CALSCALE:GREGORIAN",
    "X-WR-CALNAME:" + escapeText(_("Vuosikello: {title}", { title: title }))];
  rows.forEach(function (row, index) {
    monthsOf(row).forEach(function (month) {
      var start = new Date(Date.UTC(month >= 8 ? startYear : startYear + 1, month - 1, 1));
      var end = new Date(start.getTime() + 86400000);
      var details = [row.role ? _("Vastuu: {role}.", { role: row.role }) : "", row.description || "",
        _("Ajankohta: {when}.", { when: monthLabel(row) }), _("Lähde: {title}.", { title: title })];
      lines.push("BEGIN:VEVENT", "UID:" + slug + "-" + (index + 1) + "-" + month + "@kaytantokirjasto", "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + day(start), "DTEND;VALUE=DATE:" + day(end), "RRULE:FREQ=YEARLY",
        "SUMMARY:" + escapeText(row.title), "DESCRIPTION:" + escapeText(details.filter(Boolean).join(" ")),
        "TRANSP:TRANSPARENT", "END:VEVENT");
    });
  });
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
