"""External link check (`kirjasto linkit`, and the second half of `kirjasto
tarkista`): every http(s) address in the items' bodies and front matter, checked
over the network, reported in Finnish.

Each address (without its #fragment) is checked once however many items use it.
One job a module:

- `options`: `LinkCheckOptions` and the defaults a command line starts from;
- `results`: outcomes, the report and its counts (and the policy: what is broken);
- `collect`: the addresses of items, each on the first line that shows it;
- `fetch`: asking the servers (HEAD, then GET), paced per host;
- `cache`: the JSON file of recent results;
- `run`: a whole check, cache and network, and the library's items;
- `report`: the Finnish lines for the terminal;
- `markdown`: the GitHub issue body.

`DEFAULT_OPTIONS` is read from `links.options` when used: to change it (as the
tests do), replace `kirjasto.tools.links.options.DEFAULT_OPTIONS`.
"""

from kirjasto.tools.links.collect import collect_links, links_in_front_matter, links_in_html
from kirjasto.tools.links.fetch import LinkChecker
from kirjasto.tools.links.markdown import markdown_report, markdown_url, write_markdown_report
from kirjasto.tools.links.options import DEFAULT_OPTIONS, LinkCheckOptions, command_options
from kirjasto.tools.links.report import format_finding, format_findings, summary_line
from kirjasto.tools.links.results import Failure, LinkFinding, LinkReport, LinkResult, LinkUse, Outcome
from kirjasto.tools.links.run import check_links, run_link_check

__all__ = [
    "DEFAULT_OPTIONS",
    "Failure",
    "LinkCheckOptions",
    "LinkChecker",
    "LinkFinding",
    "LinkReport",
    "LinkResult",
    "LinkUse",
    "Outcome",
    "check_links",
    "collect_links",
    "command_options",
    "format_finding",
    "format_findings",
    "links_in_front_matter",
    "links_in_html",
    "markdown_report",
    "markdown_url",
    "run_link_check",
    "summary_line",
    "write_markdown_report",
]
