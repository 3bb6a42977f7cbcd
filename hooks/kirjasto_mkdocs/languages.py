"""A site in a language other than Finnish with MkDocs (`extra.kirjasto.language: sv`):
the theme must speak it, and the site takes the shared scripts and stylesheets from
the Finnish docs folder (`kirjasto.site.site_language`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from kirjasto.content import SOURCE_LANGUAGE, messages_in
from kirjasto.site import THEME_LANGUAGE_MESSAGE, language_data_files, markdown_configs_in, shared_files


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
