// Käytäntökirjasto: the query's stemmer, in the language of the site's index
// (meta.json's "language", written by hooks/kirjasto/site/search/index.py): the
// index's stem table holds that language's Snowball stems.
import { stem as finnish } from "./haku-vartalo.js";
import { stem as swedish } from "./haku-vartalo-sv.js";

/** The Snowball stemmer of `language` ("sv", else Finnish). */
export function stemmerFor(language) {
  return language === "sv" ? swedish : finnish;
}
