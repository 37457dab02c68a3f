"""The site as mkdocs.yml declares it: its languages, and where sources live.

mkdocs.yml is the only place languages are declared (plugins → i18n →
languages); everything else in Haven asks this module.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import material
from babel import Locale, UnknownLocaleError

from haven.core import yamlsource
from haven.core.diagnostics import Diagnostic, DiagnosticsError, display_path

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
# mkdocs-static-i18n accepts two-letter codes with an optional script and region.
_CODE = re.compile(r"^[a-z]{2}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")
# Every language CLDR has a name for (wider than the locales babel has data for: 'tl').
_KNOWN = frozenset(Locale("en").languages)


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's name in itself, as the switcher shows it
    default: bool = False
    nav_translations: frozenset[str] = frozenset()  # English navigation titles it translates
    own_nav: bool = False  # it declares a whole navigation of its own
    line: int = 1  # where mkdocs.yml declares it

    @property
    def prefix(self) -> str:
        """Where the language's pages sit in the built site: '' for the default language, else 'es/'."""
        return "" if self.default else f"{self.code}/"

    @property
    def rtl(self) -> bool:
        try:
            return Locale.parse(self.code.replace("-", "_")).character_order == "right-to-left"
        except UnknownLocaleError:  # no locale data: taken as left to right
            return False


@dataclass(frozen=True)
class Site:
    root: Path
    config_path: Path
    docs_dir: Path
    overrides_dir: Path
    languages: tuple[Language, ...]
    site_url: str | None = None  # the public address, as MkDocs reads it
    # The haven plugin's options (haven.plugin.HavenConfig):
    today: datetime.date | None = None  # build and check as on this day; None: the real date
    security_contact: str | None = None  # where security problems are reported (security.txt)
    # Navigation titles: (title, line in mkdocs.yml) from its nav, or, without a nav,
    # (section title MkDocs makes of a folder of English pages, None).
    nav_titles: tuple[tuple[str, int | None], ...] = ()

    @property
    def default(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def strings_dir(self) -> Path:
        return self.root / "data" / "strings"

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    def only(self, codes: tuple[str, ...]) -> Site:
        """The site as a preview of some of its languages builds it (make serve LANG=es)."""
        return replace(self, languages=tuple(lang for lang in self.languages if lang.code in codes))

    def split_src(self, src_uri: str) -> tuple[str, str]:
        """'es/rights/at-home.md' -> ('es', 'rights/at-home.md')."""
        lang, _, rel = PurePosixPath(src_uri).as_posix().partition("/")
        return lang, rel

    def show(self, path: Path) -> str:
        # Most paths are made from the root (rglob, joins): named without asking the file system, which
        # display_path does, and by their text, which pathlib's relative_to took 10 µs a path to compare, for
        # each of the thousands of paths a check or a build names. A Path's text holds no '.' or empty part.
        text, root = str(path), str(self.root).rstrip(os.sep) + os.sep
        if path.is_absolute() and text.startswith(root) and f"{os.sep}..{os.sep}" not in f"{text}{os.sep}":
            return text[len(root) :].replace(os.sep, "/")
        return display_path(path, self.root)

    def source_of_url(self, url: str) -> Path | None:
        """The Markdown file a built page ('es/about/') came from: its translation, or the English page."""
        lang, _, rest = url.partition("/")
        if lang not in self.codes or lang == self.default.code:
            lang, rest = self.default.code, url
        stem = rest[:-1] if rest.endswith("/") else rest.removesuffix(".html")
        candidates = [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]
        for code in (lang, self.default.code):
            for candidate in candidates:
                path = self.docs_dir / code / candidate
                if path.is_file():
                    return path
        return None


def load(config_path: Path) -> Site:
    """Read mkdocs.yml; raise DiagnosticsError naming each wrong language entry."""
    config_path = Path(config_path).resolve()
    root = config_path.parent
    shown = display_path(config_path, root)
    doc = yamlsource.parse(config_path.read_text(encoding="utf-8"), shown)
    config = doc.data if isinstance(doc.data, dict) else {}
    theme = config["theme"] if isinstance(config.get("theme"), dict) else {}
    overrides = root / (theme.get("custom_dir") or "overrides")
    entries, problems = _language_entries(config, doc)
    languages = []
    for index, entry in entries:
        loc = ("plugins", index[0], "i18n", "languages", index[1])
        language, found = _language(entry, loc, doc, overrides)
        problems += found
        if language:
            languages.append(language)
    defaults = [lang for lang in languages if lang.default]
    if languages and len(defaults) != 1:
        problems.append(
            Diagnostic(
                shown,
                doc.line_of(("plugins",)),
                "H033",
                f"exactly one language must have 'default: true', found {len(defaults)}",
                "mark English (en) as the default language",
            )
        )
    options, found = _haven_options(config, doc)
    problems += found
    if problems:
        raise DiagnosticsError(problems)
    return Site(
        root=root,
        config_path=config_path,
        docs_dir=root / (config.get("docs_dir") or "docs"),
        overrides_dir=overrides,
        languages=tuple(languages),
        site_url=config.get("site_url") if isinstance(config.get("site_url"), str) else None,
        **options,
        nav_titles=tuple(_nav_titles(config.get("nav"), ("nav",), doc))
        if "nav" in config
        else _folder_titles(root / (config.get("docs_dir") or "docs") / defaults[0].code),
    )


def _folder_titles(english: Path) -> tuple[tuple[str, None], ...]:
    """The section titles MkDocs' automatic navigation makes of the English folders."""
    # Imported here, for sites without a nav only: MkDocs' utils load click and more, 30 ms of every
    # `haven check` with MkDocs' exceptions.
    from mkdocs.utils import dirname_to_title

    folders = sorted(p for p in english.rglob("*") if p.is_dir()) if english.is_dir() else []
    return tuple(dict.fromkeys((dirname_to_title(p.name), None) for p in folders))


def _nav_titles(items, loc, doc):
    """Titles in a nav: `- Title: page.md` and `- Section: [...]`; bare `- page.md` has none."""
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            for title, value in item.items():
                yield title, doc.line_of((*loc, index))  # the line the title is written on
                yield from _nav_titles(value, (*loc, index, title), doc)


def _haven_options(config: dict, doc: yamlsource.YamlDocument) -> tuple[dict, list[Diagnostic]]:
    """The options of `- haven:` under plugins, read once for the build, the checks and the commands."""
    plugins = config.get("plugins")
    found_at = [
        (i, entry["haven"])
        for i, entry in enumerate(plugins if isinstance(plugins, list) else [])
        if isinstance(entry, dict) and "haven" in entry
    ]
    if not found_at or not isinstance(found_at[0][1], dict):  # `- haven` alone, or no options
        return {}, []
    index, options = found_at[0]
    loc: yamlsource.Loc = ("plugins", index, "haven")
    found: dict = {}
    problems = []
    day = options.get("today")
    if day:
        try:
            found["today"] = datetime.date.fromisoformat(str(day))
        except ValueError:
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of((*loc, "today")),
                    "H035",
                    f"'{day}' is not a day",
                    "write it as YYYY-MM-DD, e.g. 2026-12-01, or leave it out to use the real date",
                )
            )
    contact = options.get("security_contact")
    if isinstance(contact, str) and contact.strip():
        if _usable_contact(contact.strip()):
            found["security_contact"] = contact.strip()
        else:
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of((*loc, "security_contact")),
                    "H097",
                    f"{contact.strip()!r} is not an address security.txt can give as a contact",
                    "an https:// page, a mailto: or a tel: address, e.g. "
                    "https://github.com/<owner>/<repo>/security/advisories/new",
                )
            )
    return found, problems


def _usable_contact(value: str) -> bool:
    """An address RFC 9116 allows as a Contact, one that leads somewhere."""
    parts = urlsplit(value)
    return bool(
        (parts.scheme == "https" and parts.netloc)
        or (parts.scheme == "mailto" and "@" in parts.path)
        or (parts.scheme == "tel" and any(char.isdigit() for char in parts.path))
    )


def _language_entries(config: dict, doc: yamlsource.YamlDocument):
    plugins = config.get("plugins") or []
    for index, plugin in enumerate(plugins if isinstance(plugins, list) else []):
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            languages = plugin["i18n"].get("languages")
            if isinstance(languages, list) and languages:
                return [((index, i), entry) for i, entry in enumerate(languages)], []
    return [], [
        Diagnostic(
            doc.path,
            doc.line_of(("plugins",)),
            "H034",
            "mkdocs.yml declares no languages",
            "add the i18n plugin with a 'languages:' list (see README, 'Adding a language')",
        )
    ]


def _language(entry, loc, doc, overrides: Path) -> tuple[Language | None, list[Diagnostic]]:
    line = doc.line_of(loc)
    if not isinstance(entry, dict):
        return None, [Diagnostic(doc.path, line, "H030", "a language entry must have 'locale:' and 'name:'")]
    problems = []
    for key in ("locale", "name"):
        if (*loc, key) in doc.coerced:
            value = entry.get(key)
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of((*loc, key)),
                    "H003",
                    f"MkDocs reads the unquoted {key} {value} as {doc.coerced[(*loc, key)]}, not as text",
                    f'write it in quotes: {key}: "{value}"',
                )
            )
    code, name = entry.get("locale"), entry.get("name")
    if not isinstance(code, str) or not isinstance(name, str) or not name.strip():
        problems.append(Diagnostic(doc.path, line, "H030", "a language entry needs a 'locale:' code and a 'name:'"))
        return None, problems
    if not _CODE.match(code) or code.split("-")[0] not in _KNOWN:
        problems.append(
            Diagnostic(
                doc.path,
                doc.line_of((*loc, "locale")),
                "H030",
                f"'{code}' is not a known language code",
                "use the language's ISO 639-1 code, e.g. 'es' for Spanish or 'ht' for Haitian Creole",
            )
        )
    elif (
        not (MATERIAL_LANGUAGES / f"{code}.html").exists()
        and not (overrides / "partials" / "languages" / f"{code}.html").exists()
    ):
        problems.append(
            Diagnostic(
                doc.path,
                doc.line_of((*loc, "locale")),
                "H031",
                f"the theme has no interface strings for '{code}'",
                f"add overrides/partials/languages/{code}.html "
                "(translate a copy of overrides/partials/languages/ht.html)",
            )
        )
    if problems:
        return None, problems
    translations = entry.get("nav_translations")
    return Language(
        code=code,
        name=name.strip(),
        default=_yaml11_true(entry.get("default")),
        nav_translations=frozenset(translations) if isinstance(translations, dict) else frozenset(),
        own_nav=isinstance(entry.get("nav"), list),
        line=line,
    ), []


def _yaml11_true(value) -> bool:
    """Whether MkDocs, which reads mkdocs.yml as YAML 1.1, sees `value` as true."""
    return isinstance(value, str) and value.lower() in {"true", "yes", "on", "y"}
