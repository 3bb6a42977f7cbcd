"""The words the search leaves out, in each language it analyses: so common that
they would match almost every page (`ja`, `och`). The browser drops them from the
query too (the index's `meta.stop`)."""

FINNISH_STOP_WORDS = frozenset(
    [
        "ja", "tai", "sekä", "että", "kun", "jos", "niin", "kuin", "mutta", "vaan", "myös", "jo", "vielä",
        "sen", "se", "ne", "ei", "on", "ovat", "oli", "olivat", "ole", "olla", "olisi", "voi", "voivat",
        "voidaan", "joka", "jotka", "jonka", "joita", "jossa", "joiden", "mikä", "mitä", "miten", "missä",
        "mihin", "kuka", "ketkä", "tämä", "tämän", "tässä", "tätä", "nämä", "näiden", "näitä", "hän", "he",
        "me", "te", "minä", "sinä", "siitä", "sitä", "siinä", "sille", "siihen", "niiden", "niitä", "niissä",
        "heidän", "meidän", "eli", "esim", "mm", "noin", "yli", "alle", "kanssa", "ilman", "mukaan", "kautta",
    ]
)  # fmt: skip

SWEDISH_STOP_WORDS = frozenset(
    # Snowball's Swedish stop list (https://snowballstem.org/algorithms/swedish/stop.txt),
    # with "samt", "också" and "även", which the library's texts use as often as "och".
    [
        "samt", "också", "även", "och", "det", "att", "i", "en", "jag", "hon", "som", "han", "på", "den",
        "med", "var", "sig", "för", "så", "till", "är", "men", "ett", "om", "hade", "de", "av", "icke", "mig",
        "du", "henne", "då", "sin", "nu", "har", "inte", "hans", "honom", "skulle", "hennes", "där", "min",
        "man", "ej", "vid", "kunde", "något", "från", "ut", "när", "efter", "upp", "vi", "dem", "vara", "vad",
        "över", "än", "dig", "kan", "sina", "här", "ha", "mot", "alla", "under", "någon", "eller", "allt",
        "mycket", "sedan", "ju", "denna", "själv", "detta", "åt", "utan", "varit", "hur", "ingen", "mitt",
        "ni", "bli", "blev", "oss", "din", "dessa", "några", "deras", "blir", "mina", "samma", "vilken", "er",
        "sådan", "vår", "blivit", "dess", "inom", "mellan", "sådant", "varför", "varje", "vilka", "ditt",
        "vem", "vilket", "sitta", "sådana", "vart", "dina", "vars", "vårt", "våra", "ert", "era", "vilkas",
    ]
)  # fmt: skip
