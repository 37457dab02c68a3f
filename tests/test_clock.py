import datetime
from types import SimpleNamespace

import pytest

from conftest import FIXTURE_LANGUAGES, mkdocs_yml
from haven.core.diagnostics import DiagnosticsError
from haven.sources import clock, site

DAY = datetime.date(2026, 11, 28)


def test_dates_are_written_in_the_readers_language():
    assert clock.long_date(DAY, "en") == "November 28, 2026"
    assert clock.long_date(DAY, "es") == "28 de noviembre de 2026"


def test_a_language_without_locale_data_gets_the_iso_date():
    assert clock.long_date(DAY, "tl") == "Nobyembre 28, 2026"  # babel knows Tagalog as Filipino
    assert clock.long_date(DAY, "xx") == "2026-11-28"


def test_a_language_without_month_names_gets_the_iso_date_not_a_month_number():
    # CLDR would write Haitian Creole's date as '2026 M11 28'.
    assert clock.long_date(DAY, "ht") == "2026-11-28"


class _ClockOnDay(datetime.date):
    """The system clock, stopped on DAY: the test passes on any day it runs, and at midnight."""

    @classmethod
    def today(cls) -> datetime.date:
        return DAY


def test_today_is_the_plugins_day_when_one_is_set_else_the_real_date(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(mkdocs_yml(FIXTURE_LANGUAGES), encoding="utf-8")  # today: !ENV [HAVEN_TODAY, null]
    monkeypatch.setattr(clock, "datetime", SimpleNamespace(date=_ClockOnDay))
    monkeypatch.setenv("HAVEN_TODAY", "2027-01-15")
    assert clock.today(site.load(config)) == datetime.date(2027, 1, 15)
    monkeypatch.delenv("HAVEN_TODAY")
    assert clock.today(site.load(config)) == DAY


def test_a_day_that_is_not_one_is_named_at_its_line(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(mkdocs_yml(FIXTURE_LANGUAGES), encoding="utf-8")
    line = next(i for i, text in enumerate(config.read_text().splitlines(), 1) if "today:" in text)
    monkeypatch.setenv("HAVEN_TODAY", "2026-13-01")
    with pytest.raises(DiagnosticsError) as raised:
        site.load(config)
    assert [d.format() for d in raised.value.diagnostics] == [
        f"mkdocs.yml:{line}: H035 '2026-13-01' is not a day "
        "(hint: write it as YYYY-MM-DD, e.g. 2026-12-01, or leave it out to use the real date)"
    ]
