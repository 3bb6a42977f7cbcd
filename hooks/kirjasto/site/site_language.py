"""Where a site in a language other than Finnish finds what every language shares.

Its hand-written pages are in their own folder, by convention the Finnish folder's name
with the language after it (`docs-sv`); the scripts and stylesheets stay in the Finnish
folder (`docs/javascripts`, `docs/stylesheets`), and the site adds the table of the
scripts' texts in its language (`javascripts/kaannokset-sv.js`, read by `tekstit.js`).
"""

from __future__ import annotations

from pathlib import Path

from kirjasto.content.messages import SOURCE_LANGUAGE
from kirjasto.site.script_texts import script_translations, script_translations_path

SHARED_FOLDERS = ("javascripts", "stylesheets")


def docs_dir_in(docs_dir: Path, language: str, other: str) -> Path:
    """The hand-written pages' folder of the `other` language beside `docs_dir`, which is
    `language`'s: `docs` for Finnish, `docs-sv` for Swedish."""
    source = docs_dir.with_name(docs_dir.name.removesuffix(f"-{language}"))
    return source if other == SOURCE_LANGUAGE else source.with_name(f"{source.name}-{other}")


def shared_files(docs_dir: Path, language: str) -> list[tuple[Path, str]]:
    """(folder, site path) of each shared file a `language` site takes from the Finnish
    docs folder beside its own; none for Finnish, or when there is no such folder."""
    source = docs_dir_in(docs_dir, language, SOURCE_LANGUAGE)
    if language == SOURCE_LANGUAGE or source == docs_dir or not source.is_dir():
        return []
    return [
        (source, path.relative_to(source).as_posix())
        for folder in SHARED_FOLDERS
        for path in sorted((source / folder).rglob("*"))
        if path.is_file()
    ]


def language_data_files(language: str) -> dict[str, str]:
    """Generated files a `language` site needs: the scripts' texts (none for Finnish)."""
    return {} if language == SOURCE_LANGUAGE else {script_translations_path(language): script_translations(language)}
