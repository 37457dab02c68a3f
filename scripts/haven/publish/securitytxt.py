"""/.well-known/security.txt (RFC 9116): where to report a security problem in the site.

The contact is the haven plugin's `security_contact` option (haven.sources.site reads and checks it), which the
repository's mkdocs.yml takes from HAVEN_SECURITY_CONTACT: the deploy workflow sets it to the repository's
private vulnerability reporting form. Without it no file is written: a security.txt must name a contact
that someone reads, and none can be guessed.

Written by the build, not kept in docs/.well-known/: MkDocs leaves folders starting with a dot out
unless exclude_docs brings them back, and the expiry date must move with every build.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import urljoin

from haven.sources.site import Site

PATH = ".well-known/security.txt"
# RFC 9116 recommends less than a year; a day short of one keeps it so in any time zone.
LIFETIME = datetime.timedelta(days=364)


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


def write(site_dir: Path, site: Site, built: datetime.date) -> None:
    """Write the file when a contact is configured."""
    if site.security_contact is None:
        return
    target = site_dir / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text(site.security_contact, site.site_url, built, site.default.code), encoding="utf-8")


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
