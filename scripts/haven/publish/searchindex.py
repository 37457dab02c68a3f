"""One search index per language, so a reader downloads only their own language's.

Material's search plugin (through mkdocs-static-i18n) writes one index holding
every language. It is split here after the build: each language's pages go to
<lang>/search/search_index.json, with addresses relative to that language's
folder, and each page's Material configuration points its search there
(haven.render.material_output.search_in_language). Material has no per-language search under static-i18n.
"""

from __future__ import annotations

import json
from pathlib import Path

from haven.sources.site import Site

INDEX = Path("search") / "search_index.json"
# Material's lunr stemmers, one file per language; a language without one is searched without.
STEMMER = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.{code}.min.js"


def split(site: Site, site_dir: Path) -> dict[str, int]:
    """Write one index per language from the merged one; returns how many entries each got."""
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    prefixes = {language.code: language.prefix for language in site.languages if not language.default}
    docs: dict[str, list[dict]] = {language.code: [] for language in site.languages}
    for doc in merged["docs"]:
        code = next(
            (code for code, prefix in prefixes.items() if doc["location"].startswith(prefix)), site.default.code
        )
        location = doc["location"].removeprefix(prefixes.get(code, ""))
        docs[code].append({**doc, "location": location})
    for code, entries in docs.items():
        stemmed = (site_dir / str(STEMMER).format(code=code)).is_file()
        config = {**merged["config"], "lang": [code] if stemmed else ["en"]}
        target = site_dir / site.language(code).prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps({"config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    return {code: len(entries) for code, entries in docs.items()}


def merged(indexes: dict[str, dict], default: str) -> dict:
    """One index from languages built apart ({code: index}, in build order), as mkdocs-static-i18n merges
    the languages it builds itself: a translation's entry equal to an English one (same title and text, at
    the same path under its language) is a fallback page, and is dropped in favour of the English one."""
    english: dict[tuple[str, str], list[str]] = {}
    for doc in indexes[default]["docs"]:
        english.setdefault((doc["title"], doc["text"]), []).append(doc["location"])
    docs = list(indexes[default]["docs"])
    for code, index in indexes.items():
        if code != default:
            docs += [
                doc
                for doc in index["docs"]
                if not any(
                    doc["location"].endswith(location) for location in english.get((doc["title"], doc["text"]), [])
                )
            ]
    return {"config": indexes[default]["config"], "docs": docs}
