// Käytäntökirjasto, the submission form: "today", the day in Finland the form's dates
// are checked against and written with (a part of lomake.js).

// "Today" for contributors is today in Finland, whatever the browser's time zone:
// the build checks dates against the same day (kirjasto/content/clock.py).
export function today() {
  var parts = {};
  new Intl.DateTimeFormat("en", { timeZone: "Europe/Helsinki", year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
  return parts.year + "-" + parts.month + "-" + parts.day;
}
export function thisYear() { return +today().slice(0, 4); }
