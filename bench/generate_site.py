"""Generate a large Haven site for benchmarks: N languages x M pages, all translated.

Every page has headings, links to other pages (some with anchors), a table and
an admonition, like the real pages. Translations are stamped against their
English page, so the site is clean: a benchmark measures work, not findings.

    python bench/generate_site.py OUT_DIR [--languages 12] [--pages 200]
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# The real site's twelve languages, in its order.
LANGUAGES = {
    "en": "English",
    "es": "Español",
    "zh": "中文",
    "vi": "Tiếng Việt",
    "ar": "العربية",
    "ht": "Kreyòl ayisyen",
    "ko": "한국어",
    "tl": "Tagalog",
    "ru": "Русский",
    "pt": "Português",
    "fa": "فارسی",
    "ps": "پښتو",
}


def page(index: int, pages: int, lang: str) -> str:
    after, later = (index + 1) % pages, (index + 7) % pages
    return f"""# Topic {index} ({lang})

!!! tip "What to do"
    - Keep the door closed.
    - Ask for a lawyer.

## Ask to see the warrant {index}

Ask for a warrant signed by a judge. See [topic {after}](topic-{after}.md) and
[the warrant part of topic {later}](topic-{later}.md#ask-to-see-the-warrant-{later}).

| | ICE form | Judge's warrant |
|---|---|---|
| Signed by | An immigration officer | A judge |

## Stay silent {index}

You have the right to stay silent. Go back to [the start](index.md) or to
[the first heading](#ask-to-see-the-warrant-{index}). Call [1-800-898-7180](tel:+18008987180).
"""


def stand_in_translation(body: str) -> str:
    """The English text in capitals, its link targets and admonition kinds as they were: a translation's work
    for the build, whose lines never read exactly as the English page's (haven check counts such lines as
    untranslated)."""
    upper = re.sub(r"\]\(([^)]*)\)", lambda link: "](" + link.group(1).lower() + ")", body.upper())
    return re.sub(r"^(\s*!!! )(\w+)", lambda kind: kind.group(1) + kind.group(2).lower(), upper, flags=re.MULTILINE)


def generate(out: Path, languages: int = 12, pages: int = 200) -> Path:
    from haven.sources import content, site, translations

    codes = list(LANGUAGES)[:languages]
    out.mkdir(parents=True, exist_ok=True)
    entries = "\n".join(
        f"        - locale: {code}\n          name: {LANGUAGES[code]}\n          build: true"
        + ("\n          default: true" if code == "en" else "")
        for code in codes
    )
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    haven = config[config.index("  - haven:") :]  # the plugin after i18n, with its options
    config = config[: config.index("      languages:")] + "      languages:\n" + entries + "\n" + haven
    # The real site's reading order names pages this site does not have.
    config = re.sub(r"^nav:\n(?:[ ].*\n)*", "", config, flags=re.MULTILINE)
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    strings = out / "data" / "strings"
    strings.mkdir(parents=True, exist_ok=True)
    for code in codes:
        source = REPO / "data" / "strings" / f"{code}.yml"
        shutil.copy(source if source.exists() else REPO / "data" / "strings" / "en.yml", strings / f"{code}.yml")
    english = out / "docs" / "en"
    english.mkdir(parents=True, exist_ok=True)
    front = (
        "---\ntitle: {title}\nreviewed: 2026-11-01\nsources:\n  - name: AFSC\n"
        "    url: https://www.afsc.org/knowyourrights/your-rights-home\n    kind: organization\n"
        '    checked: 2026-11-01\n    quote: "You do not have to open the door."\n---\n\n'
    )
    links = "".join(f"- [Topic {i}](topic-{i}.md)\n" for i in range(pages))
    (english / "index.md").write_text(front.format(title="Home") + "# Home\n\n" + links, encoding="utf-8")
    for index in range(pages):
        (english / f"topic-{index}.md").write_text(
            front.format(title=f"Topic {index}") + page(index, pages, "en"), encoding="utf-8"
        )
    the_site = site.load(out / "mkdocs.yml")
    for path in sorted(english.glob("*.md")):
        source, problems = content.read_page(path, the_site)
        assert not problems, problems
        stamp = translations.source_hash(source)
        for code in codes[1:]:
            body = stand_in_translation(source.body.replace("(en)", f"({code})"))
            (out / "docs" / code).mkdir(exist_ok=True)
            (out / "docs" / code / path.name).write_text(
                f"---\ntitle: {source.meta.title} [{code}]\nsource_hash: {stamp}\nhuman_reviewed:\n"
                f"  by: Bench reviewer\n  date: 2026-11-01\n  source_hash: {stamp}\n---\n{body}",
                encoding="utf-8",
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--languages", type=int, default=12)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args(argv)
    print(generate(args.out, args.languages, args.pages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
