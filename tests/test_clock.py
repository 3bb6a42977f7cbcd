"""One clock: "today" is today in Finland, read once at the edge and passed to
everything that writes or checks a date; the test suite fixes it (KIRJASTO_TODAY)
and nothing in it depends on the wall clock."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys

import pytest

from conftest import BUILD_ENV, REPOSITORY_ROOT, TODAY
from kirjasto.content.clock import TODAY_VARIABLE, ClockError, today_in_finland

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("moment", "finnish_date"),
    [
        (datetime.datetime(2026, 11, 30, 21, 59, tzinfo=UTC), datetime.date(2026, 11, 30)),  # 23.59 in Finland (UTC+2)
        (datetime.datetime(2026, 11, 30, 22, 0, tzinfo=UTC), datetime.date(2026, 12, 1)),  # midnight in Finland
        (datetime.datetime(2026, 6, 30, 21, 30, tzinfo=UTC), datetime.date(2026, 7, 1)),  # summer time, UTC+3
        (datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC), datetime.date(2027, 1, 1)),  # a new year starts in Finland first
    ],
)
def test_today_is_the_date_in_finland(moment, finnish_date):
    assert today_in_finland(now=moment, environ={}) == finnish_date


def test_a_fixed_today_overrides_the_clock_and_a_bad_one_is_explained():
    assert today_in_finland(environ={TODAY_VARIABLE: "2031-06-15"}) == datetime.date(2031, 6, 15)
    with pytest.raises(ClockError, match=re.escape("ei ole kelvollinen päivämäärä. Anna se muodossa VVVV-KK-PP")):
        today_in_finland(environ={TODAY_VARIABLE: "15.6.2031"})


def test_the_suite_and_every_build_it_starts_share_one_today():
    assert os.environ[TODAY_VARIABLE] == TODAY.isoformat() and BUILD_ENV[TODAY_VARIABLE] == TODAY.isoformat()


# The modules whose tests write or check dates: validation, `kirjasto new`, the form
# in the browser, the synthetic (dated) library of the scale tests, the age of facts
# (freshness notice, `kirjasto tarkista`) and the dates item pages and listings show.
DATE_MODULES = [
    "tests/test_validation.py",
    "tests/test_contributing.py",
    # The form's tests whose output is dated and then validated or built (the others
    # check its messages and buttons, which no date changes).
    "tests/test_form.py::test_form_output_validates_unchanged",
    "tests/test_form.py::test_form_output_builds",
    "tests/test_form.py::test_what_github_receives_validates_unchanged",
    "tests/test_form.py::test_after_midnight_in_finland_the_form_and_validation_agree",
    "tests/test_form.py::test_teams_and_wheel_rows_from_the_form_validate_unchanged",
    "tests/test_scale.py",
    "tests/test_provenance.py",
    "tests/test_pages.py",
]


@pytest.mark.skipif(os.environ.get("KIRJASTO_AHEAD") == "1", reason="already running years ahead")
def test_the_date_logic_holds_years_ahead():
    """The same tests with "today" five years on: nothing may assume the year 2026."""
    ahead = TODAY.replace(year=TODAY.year + 5)
    env = {**BUILD_ENV, TODAY_VARIABLE: ahead.isoformat(), "KIRJASTO_AHEAD": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *DATE_MODULES],
        cwd=REPOSITORY_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:]
