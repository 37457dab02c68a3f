import datetime

from haven import clock

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


def test_today_can_be_set_to_preview_a_day(monkeypatch):
    monkeypatch.setenv("HAVEN_TODAY", "2027-01-15")
    assert clock.today() == datetime.date(2027, 1, 15)
    monkeypatch.delenv("HAVEN_TODAY")
    assert clock.today() == datetime.date.today()
