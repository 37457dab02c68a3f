"""The `haven` command: build, check and stamp the site.

Each verb is `main(argv) -> int`, so tests call it exactly as a person does.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from haven.checks import check as check_module
from haven.commands import exchangeformats
from haven.core.diagnostics import Diagnostic, DiagnosticsError, Severity, display_path, file_being_read
from haven.publish import mkdocs_warnings
from haven.sources import site as site_module

# The verbs' own modules are imported by each verb: `haven check` starts its second process before it loads
# the content's readers and their pydantic models (haven.checks.check).


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="haven", description=__doc__.splitlines()[0])
    parser.add_argument(
        "-f",
        "--config",
        type=Path,
        default=_nearest_config(),
        help="the site's mkdocs.yml (default: the nearest one in this folder or above)",
    )
    verbs = parser.add_subparsers(dest="verb", required=True)
    build = verbs.add_parser("build", help="build every language into the site folder, replacing it only on success")
    build.add_argument("-d", "--site-dir", type=Path, help="where to write the site (default: site/ beside mkdocs.yml)")
    build.add_argument("-j", "--jobs", type=_jobs, help="languages built at once (default: one per core)")
    check = verbs.add_parser("check", help="report every problem in the sources and the build, without touching site/")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="stale translations are errors (use before a release)")
    check.add_argument(
        "--details", action="store_true", help="list each informational note, not one line per language and kind"
    )
    check.add_argument(
        "--external", action="store_true", help="also visit links to other sites (needs the internet; never in CI)"
    )
    stamp = verbs.add_parser("stamp", help="record in translations which English version they match")
    stamp.add_argument(
        "paths",
        nargs="+",
        help="translated pages, e.g. docs/es/index.md, or a language and pages: es rights/at-home.md",
    )
    review = verbs.add_parser(
        "review", help="record that a fluent speaker reviewed translations against the English page: who and when"
    )
    review.add_argument("paths", nargs="+", help="translated pages, in the forms stamp takes")
    review.add_argument("--by", required=True, help="the reviewer's name or handle, as shown on the page")
    changes = verbs.add_parser(
        "changes",
        help="show, word by word, what changed in the English page since a translation was made from it",
    )
    changes.add_argument(
        "paths",
        nargs="+",
        help="translated pages, e.g. docs/es/index.md, or a language and pages: es rights/at-home.md, "
        "or a language alone (es): every translation of it that is behind its English page",
    )
    status = verbs.add_parser("status", help="how far each language has come")
    status.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    new = verbs.add_parser("new-translation", help="start a translation from the current English page")
    new.add_argument("lang", help="the language code, e.g. es")
    new.add_argument("page", help="the English page, e.g. rights/at-home.md")
    export = verbs.add_parser(
        "export",
        help="write one PO or XLIFF file per page, for translating in Poedit, Weblate or Crowdin",
    )
    export.add_argument("lang", help="the language code, e.g. es")
    export.add_argument("pages", nargs="*", help="English pages, e.g. rights/at-home.md (default: every page)")
    export.add_argument("--format", choices=tuple(exchangeformats.FORMATS), default="po", help="default: %(default)s")
    export.add_argument(
        "-o", "--output", type=Path, required=True, help="the folder to write into (files go in <folder>/<lang>/)"
    )
    imports = verbs.add_parser("import", help="write translated PO or XLIFF files back into the pages")
    imports.add_argument("files", nargs="+", type=Path, help="files haven export wrote, e.g. es/rights/at-home.po")
    serve = verbs.add_parser("serve", help="build and serve the site with live reload (make serve)")
    serve.add_argument("--lang", help="build only English and this language, for a quick preview (make serve LANG=es)")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="where to serve (default: %(default)s)")
    verbs.add_parser("addresses", help="build the site, then add its new pages to data/published-urls.txt")
    sources = verbs.add_parser(
        "sources",
        help="visit every source the pages and the directory cite, and report "
        "those that fail, moved or no longer hold their quote (internet)",
    )
    sources.add_argument("files", nargs="*", type=Path, help="pages or directory files (default: all of them)")
    verify = verbs.add_parser(
        "verify",
        help="check a served copy of the site in Chromium: no request to another "
        "host, no Content-Security-Policy violation (make verify URL=…)",
    )
    verify.add_argument("url", type=_site_address, help="where the site is served, e.g. https://haven.example/")
    verify.add_argument(
        "paths",
        nargs="*",
        help="pages to check, e.g. es/rights/at-home/ (default: every "
        "published address, each 404 page and the editors' page)",
    )
    return parser


def _jobs(text: str) -> int | None:
    """A number of processes; empty (make build without JOBS=) means one per core."""
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return int(text)


def _site_address(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"{text!r} is not the address of a site, like https://haven.example/")
    return text if text.endswith("/") else text + "/"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Serving shows what MkDocs is doing (the address, each rebuild); other verbs only what is wrong.
    with _mkdocs_messages_to_stderr(logging.INFO if args.verb == "serve" else logging.WARNING):
        try:
            code = _run(args)
            sys.stdout.flush()  # so that a reader who has gone is noticed here, not as Python exits
        except BrokenPipeError:
            # The reader stopped reading (`haven changes es | head`): stop without a word, as a command killed by
            # SIGPIPE does; what is left to print goes nowhere (Python's docs, "Note on SIGPIPE").
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 128 + signal.SIGPIPE
        return code


def _mkdocs_errors() -> tuple[type[Exception], ...]:
    """MkDocs' own errors, which only the verbs that run MkDocs raise: imported when an error reaches the
    clause that names them, as their module loads click (16 ms of every `haven check`)."""
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    return (Abort, ConfigurationError, PluginError)


def _run(args: argparse.Namespace) -> int:
    try:
        if args.verb == "build":
            from haven.publish import build as build_module  # MkDocs' build machinery: slow to import

            site_dir = args.site_dir or args.config.resolve().parent / "site"
            build_module.build(args.config, site_dir, args.jobs)
            print(f"Built the site into {site_dir}")
        elif args.verb == "check":
            return _check(args)
        elif args.verb == "stamp":
            from haven.commands import stamp as stamp_module

            site = site_module.load(args.config)
            for path in stamp_module.translations_named(site, args.paths):
                shown, old, new = stamp_module.stamp(site, path)
                print(f"{shown}: source_hash {old or '(none)'} -> {new}")
        elif args.verb == "review":
            from haven.commands import review as review_module
            from haven.commands import stamp as stamp_module
            from haven.sources import content as content_module

            content = content_module.load(site_module.load(args.config))
            for path in stamp_module.translations_named(content.site, args.paths):
                print(f"{review_module.review(content, path, args.by)}: reviewed by {args.by.strip()}")
        elif args.verb == "changes":
            from haven.commands import changes as changes_module  # git and the word diff: only for this verb

            return changes_module.run(site_module.load(args.config), args.paths, sys.stdout, sys.stdout.isatty())
        elif args.verb == "status":
            from haven.publish import status as status_module  # Jinja: only for this verb
            from haven.sources import content as content_module

            content, _ = content_module.collect(site_module.load(args.config))
            rows = status_module.compute(content)
            print(
                {"text": status_module.as_text, "markdown": status_module.as_markdown, "json": status_module.as_json}[
                    args.format
                ](rows)
            )
        elif args.verb == "serve":
            from haven.commands import preview
            from haven.render import static_i18n

            try:
                preview.serve(args.config, site_module.load(args.config), args.lang or None, args.dev_addr)
            except (static_i18n.UnknownLanguage, preview.AddressInUse) as exc:
                print(f"serve: {exc}", file=sys.stderr)
                return 2
        elif args.verb == "addresses":
            _add_addresses(args.config)
        elif args.verb == "sources":
            return _sources(args)
        elif args.verb == "verify":
            from haven.checks import verify  # Playwright: only when verifying

            return verify.run(site_module.load(args.config), args.url, args.paths)
        elif args.verb == "export":
            return _export(args)
        elif args.verb == "import":
            return _import(args)
        elif args.verb == "new-translation":
            from haven.commands import new_translation

            target = new_translation.start(site_module.load(args.config), args.lang, args.page)
            print(f"Started {target}: translate the title, the description and the text, then run make serve.")
    except DiagnosticsError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        count = len(exc.diagnostics)
        # Only a build publishes; after another command the words would mislead.
        tail = "; nothing was published." if args.verb == "build" else "."
        print(f"{count} problem{'s' if count > 1 else ''} found{tail}", file=sys.stderr)
        return 1
    except _mkdocs_errors() as exc:
        print(f"{args.config}: build failed: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise  # not Haven's error: main stops quietly
    except Exception as exc:
        print(
            Diagnostic(
                file_being_read(exc) or str(args.config),
                1,
                "H099",
                f"Haven stopped on an error of its own ({type(exc).__name__}: {exc})",
                "this is a bug in Haven, not in your change; please report this line to the maintainers",
            ).format(),
            file=sys.stderr,
        )
        return 2
    return 0


def _sources(args: argparse.Namespace) -> int:
    from haven.checks import sourcewatch  # httpx and pdfium: only when sources are visited
    from haven.sources import content as content_module

    content = content_module.load(site_module.load(args.config))
    cited = sourcewatch.citations(content, args.files)
    findings = sorted(sourcewatch.check(cited))
    for finding in findings:
        print(finding.format())
    addresses = len({citation.url for citation in cited})
    print(
        f"{len(findings)} finding{'' if len(findings) == 1 else 's'} in {addresses} source "
        f"address{'' if addresses == 1 else 'es'}"
    )
    return 1 if findings else 0


def _export(args: argparse.Namespace) -> int:
    from haven.commands import export as export_module
    from haven.commands import new_translation

    the_site = site_module.load(args.config)
    pages = [new_translation.relative(the_site, page) for page in args.pages]
    written, warnings = export_module.export(the_site, args.lang, pages, args.format, args.output)
    for warning in warnings:
        print(warning.format(), file=sys.stderr)
    print(f"Wrote {len(written)} file{'' if len(written) == 1 else 's'} into {args.output / args.lang}")
    return 0


def _import(args: argparse.Namespace) -> int:
    """Each file on its own: one with a problem is named and skipped, the others are imported."""
    from haven.commands import import_translation

    the_site = site_module.load(args.config)
    failed = 0
    for path in args.files:
        try:
            print(import_translation.import_file(the_site, path))
        except DiagnosticsError as exc:
            failed += 1
            for diagnostic in exc.diagnostics:
                print(diagnostic.format(), file=sys.stderr)
            print(f"{display_path(path)}: not imported; no page was changed.", file=sys.stderr)
    return 1 if failed else 0


def _add_addresses(config: Path) -> None:
    """Build into a scratch folder and list every page it has that the published list lacks."""
    from haven.publish import build as build_module
    from haven.sources import addresses

    the_site = site_module.load(config)
    published = the_site.strings_dir.parent / addresses.PUBLISHED
    with tempfile.TemporaryDirectory(prefix="haven-addresses-") as scratch:
        build_module.build(config, Path(scratch) / "site")
        old = published.read_text(encoding="utf-8") if published.exists() else ""
        new = addresses.with_new_pages(old, Path(scratch) / "site")
    published.write_text(new, encoding="utf-8")
    added = len(new.splitlines()) - len(old.splitlines())
    print(f"{the_site.show(published)}: {added} new address{'' if added == 1 else 'es'} added")


def _check(args: argparse.Namespace) -> int:
    findings, skipped = check_module.run(args.config, strict=args.strict, external=args.external)
    if args.format == "json":
        print(check_module.as_json(findings, skipped))
    else:
        for line in check_module.as_text(findings, args.details):
            print(line)
        if skipped:
            print(skipped)
        print(check_module.summary(findings))
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _nearest_config() -> Path:
    """mkdocs.yml in the current folder or the nearest folder above it, so commands work from docs/es/."""
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return Path("mkdocs.yml")


@contextlib.contextmanager
def _mkdocs_messages_to_stderr(level: int):
    """Show MkDocs' messages from `level` up as the mkdocs command would, for this call only."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.addFilter(lambda record: not mkdocs_warnings.is_finding_again(record.getMessage()))
    before = logger.level
    logger.addHandler(handler)
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(before)


if __name__ == "__main__":
    raise SystemExit(main())
