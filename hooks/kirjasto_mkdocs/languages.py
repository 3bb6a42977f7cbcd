"""A site in a language other than Finnish with MkDocs (`extra.kirjasto.language: sv`):
the theme must speak it, and the site takes the shared scripts and stylesheets from
the Finnish docs folder (`kirjasto.site.site_language`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from kirjasto.content import SOURCE_LANGUAGE, messages_in, url_of
from kirjasto.site import THEME_LANGUAGE_MESSAGE, docs_dir_in, language_data_files, markdown_configs_in, shared_files


def speak_site_language(config: Any, language: str) -> None:
    """The theme speaks the site's language (`<html lang>`, its own words), or the build
    stops; the Markdown configuration's words (headings' link titles) are said in it."""
    messages = messages_in(language)
    # A Finnish site's theme language is the maintainer's as before (the repository's is `fi`).
    if language != SOURCE_LANGUAGE and config.theme.get("language") != language:
        raise PluginError(f"{config.config_file_path}: " + messages.say(THEME_LANGUAGE_MESSAGE, language=language))
    config.mdx_configs = markdown_configs_in(config.mdx_configs, messages)


def language_files(config: Any, language: str, known: set[str]) -> list[File]:
    """What a site in `language` publishes besides its own folder's files (`known`: their
    site paths): the shared scripts and stylesheets, and the scripts' texts."""
    files = [File.generated(config, path, content=text) for path, text in language_data_files(language).items()]
    for source, relative in shared_files(Path(config.docs_dir), language):
        if relative not in known:
            files.append(File(relative, str(source), config.site_dir, config.use_directory_urls))
    return files


NESTED_KEY = "kirjasto_kielen_juuri"
"""`extra` key of a build run by another language's build: that build's language, whose
site is one folder up; such a build builds no further languages."""
LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska"}
"""The language switch's link text, in the language it leads to."""


def build_other_languages(config: Any, settings: Any) -> None:
    """The same library in each other language (`extra.kirjasto.other_languages`), built
    from its configuration file into `<site_dir>/<language>/`, after this site's pages."""
    if config.extra.get(NESTED_KEY):
        return
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for language, config_file in settings.other_languages:
        if language == settings.language:
            continue
        path = Path(config.config_file_path).parent / config_file
        other = load_config(str(path), site_dir=str(Path(config.site_dir) / language), strict=config.strict)
        other.extra[NESTED_KEY] = settings.language
        if config.site_url:
            other.site_url = config.site_url.rstrip("/") + f"/{language}/"
        build(other, dirty=False)


def language_switch(config: Any, settings: Any, page: Any, item: Any, library: Any) -> list[dict[str, str]]:
    """For one page: a link to the same page in each other language (for an item, its
    translation, or the other side's listing of its kind when it has none; a
    hand-written page the other side lacks leads to its front page)."""
    switch = []
    depth = "../" * page.url.count("/")
    root_language = config.extra.get(NESTED_KEY)
    sides = (
        [(root_language, "../")]
        if root_language
        else [(language, f"{language}/") for language, _ in settings.other_languages if language != settings.language]
    )
    for language, side in sides:
        target = page.url
        if item is not None:
            translation = next((library.by_slug[s] for s in item.translations if s in library.by_slug), None)
            target = url_of(translation.src_uri) if translation is not None else f"{item.kind.folder}/"
        elif not page.file.generated_by and not _hand_written_in(config, settings.language, language, page.file.src_uri):
            target = ""
        switch.append({"lang": language, "name": LANGUAGE_NAMES[language], "link": depth + side + target})
    return switch


def _hand_written_in(config: Any, language: str, other: str, src_uri: str) -> bool:
    """Whether the `other` language's hand-written pages have this one (every generated
    page is on both sides): the same file in its folder (`docs`, `docs-sv`)."""
    return (docs_dir_in(Path(config.docs_dir), language, other) / src_uri).is_file()
