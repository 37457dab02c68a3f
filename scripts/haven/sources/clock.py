"""Dates: which day Haven takes as today, and how a date is written for readers.

The haven plugin's `today` option builds and checks the site as it will be on
that day (to preview an urgent notice before it starts); otherwise it is the
real date. The repository's mkdocs.yml takes it from HAVEN_TODAY.
"""

from __future__ import annotations

import datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from haven.sources.site import Site


def today(site: Site) -> datetime.date:
    return site.today or datetime.date.today()


def long_date(date: datetime.date, lang: str) -> str:
    """'November 28, 2026' in the reader's language; the ISO form where babel has no data.

    CLDR has Haitian Creole's date patterns but not its month names: it would
    write '2026 M11 28', so such languages get 2026-11-28 instead.
    """
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return date.isoformat()
    if locale.months["format"]["wide"][date.month] == f"M{date.month:02d}":
        return date.isoformat()
    return format_date(date, format="long", locale=locale)
