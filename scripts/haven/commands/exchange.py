"""The files translators exchange with Poedit, Weblate or Crowdin: PO and XLIFF, one per page.

translate-toolkit writes and reads both formats, so the files are what those tools expect. Each file
carries, besides its texts, which page and language it is for and the two versions `haven import`
needs to decide the page's `source_hash:`: the English page's, and the one the translation recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from translate.storage import base, pypo, xliff

from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError

_READERS: dict[str, type[base.TranslationStore]] = {
    ".po": pypo.pofile,
    ".xlf": xliff.xlifffile,
    ".xliff": xliff.xlifffile,
}
# Header fields, as PO header lines and as XLIFF header notes.
_FIELDS = {
    "lang": "X-Haven-Language",
    "page": "X-Haven-Page",
    "english_hash": "X-Haven-English-Hash",
    "translation_hash": "X-Haven-Translation-Hash",
}
_NOTE_FROM = "haven"
# XLIFF 1.1 has no field for the source text a translation was made from: it goes in a note.
_PREVIOUS = "The English this translation was made from: "


@dataclass(frozen=True)
class Header:
    lang: str
    page: str  # the page's path inside docs/en/
    english_hash: str  # the English version the texts were exported from
    translation_hash: str  # the version the translation had recorded then ('none': a new translation)


@dataclass
class Entry:
    key: str  # kind and number, e.g. 'paragraph-3' (segments.Unit.key), or 'title'
    source: str
    target: str = ""
    fuzzy: bool = False  # the translation may no longer say what the English says
    location: str = ""  # 'docs/en/rights/at-home.md:14'
    notes: list[str] = field(default_factory=list)  # for the translator, e.g. the glossary's words
    previous: str = ""  # the English text the translation was made from, when it has changed since


def write(path: Path, form: str, header: Header, entries: list[Entry]) -> None:
    store = _po(header, entries) if form == "po" else _xliff(header, entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(store))


def read(path: Path, shown: str) -> tuple[Header, list[Entry]]:
    """The file's header and entries; a finding when it is not a file `haven export` wrote."""
    reader = _READERS.get(path.suffix.lower())
    if not path.is_file():
        raise _unreadable(shown, "there is no such file")
    if reader is None:
        raise _unreadable(shown, "this is not a .po or .xlf file")
    try:
        store = reader.parsefile(str(path))
    except Exception as exc:
        raise _unreadable(shown, f"this file cannot be read ({exc})") from exc
    values = _header_values(store)
    if not all(values.get(name) for name in _FIELDS.values()):
        raise _unreadable(shown, "this file does not say which page and language it is for")
    header = Header(**{key: values[name] for key, name in _FIELDS.items()})
    entries = [
        Entry(_key(unit), unit.source, unit.target or "", _needs_review(unit))
        for unit in store.units
        if not unit.isheader() and unit.source
    ]
    return header, entries


def _po(header: Header, entries: list[Entry]) -> pypo.pofile:
    store = pypo.pofile()
    store.updateheader(
        add=True,
        Project_Id_Version=f"Haven {header.page}",
        Language=header.lang,
        **{name.replace("-", "_"): getattr(header, key) for key, name in _FIELDS.items()},
    )
    for entry in entries:
        unit = store.addsourceunit(entry.source)
        unit.setcontext(entry.key)
        _describe(unit, entry)
    return store


def _xliff(header: Header, entries: list[Entry]) -> xliff.xlifffile:
    store: xliff.xlifffile = xliff.xlifffile(sourcelanguage="en", targetlanguage=header.lang)
    filenode = store.getfilenode("NoName")
    store.setfilename(filenode, f"docs/en/{header.page}")
    # XLIFF 1.1 wants <header> before <body>.
    notes = etree.Element(store.namespaced("header"))
    filenode.insert(0, notes)
    for key, name in _FIELDS.items():
        etree.SubElement(notes, store.namespaced("note"), {"from": _NOTE_FROM}).text = f"{name}: {getattr(header, key)}"
    for entry in entries:
        unit = xliff.xliffunit(entry.source)
        store.addunit(unit)
        unit.setid(entry.key)
        _describe(unit, entry)
    return store


def _describe(unit: base.TranslationUnit, entry: Entry) -> None:
    if entry.location:
        unit.addlocation(entry.location)
    for note in entry.notes:
        unit.addnote(note, origin="developer")
    if not entry.target:
        return
    unit.target = entry.target
    if entry.previous and isinstance(unit, pypo.pounit):
        unit.prev_source = entry.previous  # "#| msgid": Poedit and Weblate show the change word by word
    elif entry.previous:
        unit.addnote(f"{_PREVIOUS}{entry.previous}", origin="developer")
    if isinstance(unit, xliff.xliffunit):
        # "needs-review-translation" rather than translate-toolkit's "needs-translation": the text is there.
        unit.set_state_n(unit.S_NEEDS_REVIEW if entry.fuzzy else unit.S_TRANSLATED)
    else:
        unit.markfuzzy(entry.fuzzy)


def _header_values(store: base.TranslationStore) -> dict[str, str]:
    if isinstance(store, pypo.pofile):
        return {name: str(value) for name, value in store.parseheader().items()}
    assert isinstance(store, xliff.xlifffile)
    values = {}
    for filenode in store.document.getroot().iterchildren(store.namespaced("file")):
        header = store.getheadernode(filenode)
        for note in [] if header is None else header.iterchildren(store.namespaced("note")):
            name, _, value = (note.text or "").partition(": ")
            values[name] = value.strip()
    return values


def _needs_review(unit: base.TranslationUnit) -> bool:
    """Fuzzy in PO; in XLIFF, a target whose state is below "translated" (platforms mark a text
    "translated" or "final" once a translator accepted it, whether or not it was "approved")."""
    if isinstance(unit, xliff.xliffunit):
        return bool(unit.target) and unit.get_state_n() < unit.S_TRANSLATED
    return unit.isfuzzy()


def _key(unit: base.TranslationUnit) -> str:
    if isinstance(unit, xliff.xliffunit):
        return str(unit.xmlelement.get("id") or "")
    return unit.getcontext()


def _unreadable(shown: str, message: str) -> DiagnosticsError:
    return DiagnosticsError(
        [Diagnostic(shown, 1, "H106", message, f"import the .po or .xlf file that {COMMAND} export wrote")]
    )
