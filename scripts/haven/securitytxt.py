"""/.well-known/security.txt (RFC 9116): where to report a security problem in the site.

The contact comes from HAVEN_SECURITY_CONTACT, set by whoever publishes the site (the deploy workflow sets
it to the repository's private vulnerability reporting form). Without it no file is written: a
security.txt must name a contact that someone reads, and none can be guessed.

Written by the build, not kept in docs/.well-known/: MkDocs leaves folders starting with a dot out
unless exclude_docs brings them back, and the expiry date must move with every build.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from haven.diagnostics import Diagnostic, DiagnosticsError

PATH = ".well-known/security.txt"
CONTACT_VARIABLE = "HAVEN_SECURITY_CONTACT"
# RFC 9116 recommends less than a year; a day short of one keeps it so in any time zone.
LIFETIME = datetime.timedelta(days=364)


def contact(environ: dict[str, str] | None = None) -> str | None:
    """The configured contact, checked; None when none is configured."""
    value = (os.environ if environ is None else environ).get(CONTACT_VARIABLE, "").strip()
    if not value:
        return None
    parts = urlsplit(value)
    usable = (
        (parts.scheme == "https" and parts.netloc)
        or (parts.scheme == "mailto" and "@" in parts.path)
        or (parts.scheme == "tel" and any(char.isdigit() for char in parts.path))
    )
    if not usable:
        raise DiagnosticsError(
            [
                Diagnostic(
                    CONTACT_VARIABLE,
                    0,
                    "H097",
                    f"{value!r} is not an address security.txt can give as a contact",
                    "an https:// page, a mailto: or a tel: address, e.g. "
                    "https://github.com/<owner>/<repo>/security/advisories/new",
                )
            ]
        )
    return value


def text(contact_address: str, site_url: str | None, built: datetime.date, language: str) -> str:
    """The file: its contact, when it expires (a year after `built`, less a day), the language reports are
    read in, and where it lives."""
    expires = datetime.datetime.combine(built + LIFETIME, datetime.time(), datetime.UTC)
    lines = [
        "# Where to report a security problem in this site (RFC 9116).",
        f"Contact: {contact_address}",
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        f"Preferred-Languages: {language}",
    ]
    if site_url:
        lines.append(f"Canonical: {urljoin(site_url, PATH)}")
    return "\n".join(lines) + "\n"


def write(site_dir: Path, site_url: str | None, built: datetime.date, language: str) -> None:
    """Write the file when a contact is configured (see contact())."""
    address = contact()
    if address is None:
        return
    target = site_dir / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text(address, site_url, built, language), encoding="utf-8")


def problems(served: str, now: datetime.datetime) -> list[str]:
    """What makes a served security.txt of no use: no contact, no expiry date, or one that has passed."""
    fields: dict[str, str] = {}
    for line in served.splitlines():
        name, colon, value = line.partition(":")
        if colon and not line.startswith("#"):
            fields.setdefault(name.strip().lower(), value.strip())
    found = [] if "contact" in fields else ["it names no Contact"]
    try:
        expires = datetime.datetime.fromisoformat(fields["expires"])
    except (KeyError, ValueError):
        return [*found, "it has no Expires date that can be read"]
    if expires <= now:
        found.append(f"it expired on {fields['expires']}: build and publish the site again")
    return found
