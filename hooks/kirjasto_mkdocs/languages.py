"""A site in a language other than Finnish with MkDocs (`extra.kirjasto.language: sv`):
the theme must speak it, and the site takes the shared scripts and stylesheets from
the Finnish docs folder (`kirjasto.site.site_language`)."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from kirjasto.content import SOURCE_LANGUAGE, MarkdownConfig, _, messages_in, other_language_config
from kirjasto.site import (
    THEME_LANGUAGE_MESSAGE,
    docs_dir_in,
    language_data_files,
    language_switch,
    markdown_configs_in,
    shared_files,
    switch_sides,
)

log = logging.getLogger("mkdocs.hooks.kirjasto")


def speak_site_language(config: Any, settings: Any) -> tuple[Any, MarkdownConfig]:
    """The theme speaks the site's language (`<html lang>`, its own words), or the build
    stops; the Markdown configuration's words (headings' link titles) are said in it.
    Returns the settings, with the site's address in its language's folder when another
    language's build started this one, and the Markdown configuration as written, which
    items are validated with: the validated bodies are then the same for every language's
    build, which shares them (kirjasto.site.pages.body_html says their words in the page's)."""
    language = settings.language
    messages = messages_in(language)
    written = MarkdownConfig.from_mkdocs(config.markdown_extensions, config.mdx_configs)
    # A Finnish site's theme language is the maintainer's as before (the repository's is `fi`).
    if language != SOURCE_LANGUAGE and config.theme.get("language") != language:
        raise PluginError(f"{config.config_file_path}: " + messages.say(THEME_LANGUAGE_MESSAGE, language=language))
    config.mdx_configs = markdown_configs_in(config.mdx_configs, messages)
    nested_site_url(config, language)
    if root_language(config) and config.site_url:
        settings = dataclasses.replace(settings, site_url=config.site_url)
    return settings, written


def language_files(config: Any, language: str, known: set[str]) -> list[File]:
    """What a site in `language` publishes besides its own folder's files (`known`: their
    site paths): the shared scripts and stylesheets, and the scripts' texts."""
    files = [File.generated(config, path, content=text) for path, text in language_data_files(language).items()]
    for source, relative in shared_files(Path(config.docs_dir), language):
        if relative not in known:
            files.append(File(relative, str(source), config.site_dir, config.use_directory_urls))
    return files


NESTED_VARIABLE = "KIRJASTO_KIELEN_JUURI"
"""Set for a build that another language's build started (`other_language_builds`): that
build's language, whose site is one folder up; such a build builds no further languages."""
ROOT_URL_VARIABLE = "KIRJASTO_JUUREN_OSOITE"
"""The starting build's site address (`mkdocs serve` sets its own), for its `<language>/` folder."""


def root_language(config: Any = None) -> str | None:
    """The language of the build that started this one, whose site is one folder up
    (None: no other build started this one)."""
    return os.environ.get(NESTED_VARIABLE) or None


@dataclass(frozen=True)
class OtherLanguageBuild:
    """One other language's site, built by the same engine in a process of its own into
    `<site_dir>/<language>/`. A process of its own: the hook keeps one build's state,
    and the other language's peak memory is then not added to this build's."""

    language: str
    command: tuple[str, ...]
    cwd: str
    environment: tuple[tuple[str, str], ...]
    watched: tuple[str, ...] = ()
    """What `mkdocs serve` watches for it: its configuration file and hand-written pages."""

    def run(self, *, background: bool = False) -> str | None:
        """Build it; None when it was built, else its report. In the `background`
        (while serving), at a lower priority: the next save's page first."""
        return self.start(background=background).finish()

    def start(self, *, background: bool = False) -> RunningBuild:
        """Start it; `RunningBuild.finish` waits for it. Its output goes to a file, which
        never fills as a pipe would while no one reads it."""
        output = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by finish or cancel)
        process = subprocess.Popen(
            self.command, cwd=self.cwd, env=dict(self.environment), stdout=output, stderr=subprocess.STDOUT, text=True
        )
        if background:
            with contextlib.suppress(OSError, AttributeError):
                os.setpriority(os.PRIO_PROCESS, process.pid, 10)
        return RunningBuild(self.language, process, output)


@dataclass
class RunningBuild:
    """An other language's build under way."""

    language: str
    process: subprocess.Popen[str]
    output: IO[str]

    def finish(self) -> str | None:
        """Wait for it; None when it was built, else its report. Its warnings are this
        build's (so that `--strict` counts them)."""
        self.process.wait()
        self.output.seek(0)
        text = self.output.read()
        self.output.close()
        # Its own last word (MkDocs' English "Aborted with ...") is the starting build's to say.
        said = [line for line in text.splitlines() if line.strip() and not line.startswith(("INFO", "Aborted with"))]
        if self.process.returncode != 0:
            return "\n".join(said).strip() or text.strip()
        for line in said:
            if line.startswith("WARNING"):
                log.warning(f"{self.language}: {line.removeprefix('WARNING').strip(' -')}")
        return None

    def cancel(self) -> None:
        """This build failed: the other language's stops too."""
        if self.process.poll() is None:
            self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
        self.output.close()


def other_language_builds(config: Any, settings: Any) -> list[OtherLanguageBuild]:
    """The other languages' builds (`extra.kirjasto.other_languages`); none in a build
    that another language's build started, nor in a preview of one page."""
    if root_language(config) or settings.preview:
        return []
    engine = type(config).__module__.split(".")[0]  # mkdocs or properdocs
    root = Path(config.config_file_path).parent
    own_config = Path(config.config_file_path).name
    environment = {
        **os.environ,
        NESTED_VARIABLE: settings.language,
        ROOT_URL_VARIABLE: config.site_url or "",
        "NO_MKDOCS_2_WARNING": "1",
    }
    return [
        OtherLanguageBuild(
            language,
            (sys.executable, "-m", engine, "build", *(["--strict"] if config.strict else []),
             "-f", str(root / other_language_config(root, own_config, language, config_file)),
             "-d", str(Path(config.site_dir) / language)),
            str(root),
            tuple(sorted(environment.items())),
            (str(root / config_file), str(docs_dir_in(Path(config.docs_dir), settings.language, language))),
        )
        for language, config_file in settings.other_languages
        if language != settings.language
    ]  # fmt: skip


@dataclass
class OtherLanguages:
    """The other languages' builds of one `mkdocs build`, started as soon as this build's
    validation results are stored and its site folder is in place (on_nav), so that they
    read the stored results and build their pages while this build builds its own: on two
    cores, neither build's one-process phases leave a core idle."""

    running: list[RunningBuild] = field(default_factory=list)
    language: str = SOURCE_LANGUAGE
    """This site's language, which a failure is reported in."""

    @classmethod
    def start(cls, config: Any, settings: Any) -> OtherLanguages:
        """Start each other language's build into `<site_dir>/<language>/`."""
        return cls([build.start() for build in other_language_builds(config, settings)], settings.language)

    def finish(self) -> None:
        """Wait for them all; a failure stops this build with that build's report."""
        running, self.running = self.running, []
        reports = [(build.language, build.finish()) for build in running]
        say = messages_in(self.language).say
        for language, report in reports:
            if report is not None:
                raise PluginError(say(OTHER_LANGUAGE_FAILED, language=language) + "\n" + report)

    def cancel(self) -> None:
        running, self.running = self.running, []
        for build in running:
            build.cancel()


OTHER_LANGUAGE_FAILED = _("Kielen {language} sivustoa ei voitu rakentaa:")


def nested_site_url(config: Any, language: str) -> None:
    """A site built by another language's build lives in its `<language>/` folder."""
    if not root_language(config):
        return
    root_url = os.environ.get(ROOT_URL_VARIABLE, config.site_url)
    if root_url:
        config.site_url = root_url.rstrip("/") + f"/{language}/"


def page_language_switch(config: Any, settings: Any, page: Any, item: Any, library: Any) -> list[dict[str, str]]:
    """The language switch of one MkDocs page (`kirjasto.site.language_switch`)."""
    sides = switch_sides(settings.language, settings.other_languages, root_language(config))
    hand_written = None if page.file.generated_by else (Path(config.docs_dir), settings.language, page.file.src_uri)
    return language_switch(page.url, sides, item=item, library=library, hand_written=hand_written, site_url=config.site_url)
