"""Problem reports in the formats other tools read."""

from __future__ import annotations

from kirjasto.content.characters import printable
from kirjasto.content.messages import _, messages_in
from kirjasto.content.problems import Problem, Severity


def _escape_data(text: str) -> str:
    # GitHub's own escapes for line breaks first; then every other control character as text.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github_annotations(problems: list[Problem]) -> str:
    """GitHub workflow commands, so that each problem shows on its line of the pull request:
    `::error file=practices/x.md,line=4,title=municipalities::Tuntematon kunta ...`
    (each in its problem's language, like `Problem.format`)."""
    lines = []
    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        command = "error" if problem.severity is Severity.ERROR else "warning"
        properties = [f"file={_escape_property(problem.path)}"]
        if problem.line:
            properties.append(f"line={problem.line}")
        field = problem.field or messages_in(problem.language).say(_("tiedosto"))
        properties.append(f"title={_escape_property(field)}")
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(problem.message)}")
    return "\n".join(lines)
