"""MkDocs hooks: thin adapters between the MkDocs build and the haven library.

mkdocs-static-i18n runs one nested build per language in the same process, with
the same config object; every hook below therefore works out which language is
being built from the config it is handed, never from module state.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from haven import (
    bidi,
    clock,
    deadline,
    finishing,
    formnumbers,
    headlinks,
    legal_help,
    offline,
    pageview,
    preview,
    qr,
    safehtml,
    searchdialog,
    searchindex,
    sharing,
    static_i18n,
    stories,
    templatecache,
    unusedcss,
)
from haven import content as content_module
from haven import site as site_module
from haven.content import CONTENT_KEY, Content
from haven.diagnostics import DiagnosticsError

# Under this name MkDocs counts our warnings, so --strict fails on them.
log = logging.getLogger("mkdocs.plugins.haven")
# jieba (Chinese words for Material's search) reports loading its dictionary on every build.
logging.getLogger("jieba").setLevel(logging.WARNING)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The nested language builds of mkdocs-static-i18n reuse what the first one set up.
    if "haven_stylesheet" in config.extra:
        return config
    # A part of a parallel build is handed the content its parent validated (haven.parts).
    if not isinstance(config.extra.get(CONTENT_KEY), Content):
        try:
            config.extra[CONTENT_KEY] = content_module.load(site_module.load(Path(config.config_file_path)))
        except DiagnosticsError as exc:
            for diagnostic in exc.diagnostics:
                log.error(diagnostic.format())
            count = len(exc.diagnostics)
            raise PluginError(
                f"{count} problem{'s' if count > 1 else ''} in the sources (listed above); nothing was published."
            ) from None
    try:
        preview.limit(static_i18n.languages(config), config.extra[CONTENT_KEY].site, os.environ.get(preview.ENV))
    except preview.UnknownLanguage as exc:
        raise PluginError(f"{preview.ENV}: {exc}") from None
    config.extra["haven_bundle"] = _material_asset(config, "assets/javascripts/bundle.*.min.js")
    config.extra["haven_stylesheet"] = _material_asset(config, "assets/stylesheets/main.*.min.css")
    config.extra["haven_stylesheet_all"] = unusedcss.full_name(config.extra["haven_stylesheet"])
    # Stories without consent leave the navigation of every language.
    config.nav = stories.without(config.nav, stories.unpublished(config.extra[CONTENT_KEY], clock.today()))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    content: Content = config.extra[CONTENT_KEY]
    deadline.start(
        deadline.READING,
        lambda page: content.site.show(content.site.docs_dir / page.file.src_uri) if isinstance(page, Page) else None,
    )


def on_build_error(error: Exception) -> None:
    deadline.cancel()


def on_files(files, config: MkDocsConfig):
    """Leave out, in every language, the stories whose consent is pending or withdrawn."""
    content: Content = config.extra[CONTENT_KEY]
    hidden = stories.unpublished(content, clock.today())
    for file in list(files):
        if file.src_uri.endswith(".md") and content.site.split_src(file.src_uri)[1] in hidden:
            files.remove(file)
    return files


def _material_asset(config: MkDocsConfig, pattern: str) -> str:
    """One of Material's files by its hashed name: its script, which haven-loader.js loads when search
    opens, or its stylesheet, which unusedcss cuts."""
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob(pattern))
        if found:
            return found[0].relative_to(folder).as_posix()
    raise PluginError(f"Material's {pattern} was not found in the theme")


def _build_language(config: MkDocsConfig) -> str:
    # mkdocs-static-i18n sets the theme language to the language being built.
    return config.theme["language"]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    content: Content = config.extra[CONTENT_KEY]
    lang = _build_language(config)
    _, rel = content.site.split_src(page.file.src_uri)
    # Replace the meta MkDocs read itself (with YAML 1.1 coercions) by the validated one.
    page.meta = pageview.page_meta(content, lang, rel, page.url, clock.today())
    if page.meta["haven"]["state"] == "fallback" and config.site_url:
        # Not a translation: point search engines at the English original.
        page.canonical_url = urljoin(config.site_url, page.meta["haven"]["english_url"])
    # The body as Haven read it (haven.textfile): MkDocs misses the front matter of a file with CR line endings.
    return content.source_of(page.file.src_uri).body


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    content: Content = config.extra[CONTENT_KEY]
    lang = _build_language(config)
    if page.meta["haven"]["state"] != "fallback":  # an English stand-in is checked in the English build
        source = content.source_of(page.file.src_uri)
        page.meta["haven"]["unsafe"] = safehtml.findings(
            safehtml.content_problems(html), content.site.show(source.path), source.body, source.body_line
        )
    if stories.MARKER in html:
        html = html.replace(stories.MARKER, stories.index_html(content, lang, clock.today()))
    if legal_help.MARKER in html:
        html = html.replace(
            legal_help.MARKER, legal_help.render(content.directory, content.strings[lang].directory, content.site, lang)
        )
        page.meta["haven"]["directory"] = True  # the template adds directory.js
    if offline.MARKER in html:
        html = html.replace(
            offline.MARKER, offline.download_html(lang, page.url, content.strings[lang].offline_download)
        )
    page.meta["haven"]["flyer"] = sharing.has_key_actions(html)
    if content.site.language(lang).rtl and page.meta["haven"]["content_lang"] is None:
        html = bidi.isolate_latin_parentheticals(html)
    return formnumbers.keep_whole(html)


def on_env(env, config: MkDocsConfig, files):
    """Stop before any page is written when a page's content holds what may not be published."""
    deadline.cancel()  # every page is read
    unsafe = [
        finding
        for file in files.documentation_pages()
        if file.page is not None
        for finding in file.page.meta.get("haven", {}).get("unsafe", [])
    ]
    if unsafe:
        raise DiagnosticsError(unsafe)
    templatecache.use(env)
    return env


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """Give the 404 page its words, and its language menu the home pages.

    mkdocs-static-i18n rewrites the menu's links for every page and leaves them
    as they were for the last page built, so a lost reader would be sent to
    that page. Its untouched list (links to each home page) is restored here.
    """
    if template_name == "404.html":
        context["haven_not_found"] = pageview.not_found(
            config.extra[CONTENT_KEY], _build_language(config), clock.today()
        )
        static_i18n.restore_home_pages_menu(config)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep one 404 page per language instead of the last-built one at the root."""
    lang = _build_language(config)
    if template_name != "404.html":
        return output
    output = _finished(output)
    if lang == config.extra[CONTENT_KEY].site.default.code:
        return output
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs writes nothing for empty output: the root 404 stays English


def _finished(output: str) -> str:
    return searchdialog.named(headlinks.without_alternates(output))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    content: Content = config.extra[CONTENT_KEY]
    output = _finished(output)
    # The page's QR code as a picture beside it, for flyers people make themselves.
    qr_file = Path(page.file.abs_dest_path).with_name(qr.PNG_NAME)
    qr_file.parent.mkdir(parents=True, exist_ok=True)
    qr_file.write_bytes(qr.png(page.meta["haven"]["share"]["qr_code"]))
    return searchindex.language_base(output, _build_language(config), content.site.default.code)


# `mkdocs serve` (make serve) adds its live-reload script to every page it serves, which the pages'
# Content-Security-Policy would block. MkDocs names the command only once, here, and keeps this module for
# the whole process, rebuilds included: the one thing kept in module state.
_command = {"serve": False}


def on_startup(command: str, dirty: bool) -> None:
    _command["serve"] = command == "serve"


# Last: mkdocs-static-i18n builds the other languages, then merges their search
# entries, in its own on_post_build of the first build; `building` is its flag
# for "inside that", so the outer call comes after every language. Parts of a
# parallel build (haven.parallel) keep the flag raised: the merge finishes them.
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    if static_i18n.is_inner_build(config):
        return
    built = static_i18n.built_languages(config)
    finishing.finish(
        config.extra[CONTENT_KEY],
        Path(config.site_dir),
        config.extra["haven_stylesheet"],
        built,
        live_reload=_command["serve"],
    )
