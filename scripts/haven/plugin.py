"""The haven plugin for MkDocs: thin adapters between the MkDocs build and the haven library.

A site uses it by naming it under `plugins:` in mkdocs.yml, after mkdocs-static-i18n (`- i18n`):

    plugins:
      - search
      - i18n: ...
      - haven:
          today: 2026-12-01            # build as on this day; leave out for the real date
          security_contact: https://…  # where security problems are reported (security.txt)
          preview_language: es         # build English and this language only (make serve LANG=es)

mkdocs-static-i18n runs one nested build per language in the same process, with the same config
object and the same plugin instance; every event below therefore works out which language is being
built from the config it is handed. What the whole build shares (the validated content, the names of
Material's files) lives on the instance, set afresh by each outer build.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urljoin

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from haven.core import deadline, safehtml
from haven.core.diagnostics import DiagnosticsError
from haven.publish import finishing, offline, unusedcss
from haven.render import (
    bidi,
    formnumbers,
    legal_help,
    material_output,
    pageview,
    qr,
    sharing,
    static_i18n,
    templatecache,
    templates,
    themefiles,
)
from haven.sources import clock, stories
from haven.sources import content as content_module
from haven.sources import site as site_module
from haven.sources.content import Content

# Under this name MkDocs counts our warnings, so --strict fails on them.
log = logging.getLogger("mkdocs.plugins.haven")
# jieba (Chinese words for Material's search) reports loading its dictionary on every build.
logging.getLogger("jieba").setLevel(logging.WARNING)


class HavenConfig(base.Config):
    """The plugin's options. haven.sources.site reads them too, with the line of each, for Haven's own messages:
    the commands (`haven check`) need them without a build."""

    # Build and check as on this day (YYYY-MM-DD), to preview an urgent notice before it starts.
    today = c.Optional(c.Type((str, datetime.date)))
    # Where to report a security problem: an https:// page, a mailto: or a tel: address.
    security_contact = c.Optional(c.Type(str))
    # Build English and this language only, for a quick preview (`haven serve --lang es`).
    preview_language = c.Optional(c.Type(str))


class HavenPlugin(BasePlugin[HavenConfig]):
    def __init__(self) -> None:
        self.content: Content | None = None
        self.today = datetime.date.min
        self.unpublished: frozenset[str] = frozenset()  # stories without consent today, left out everywhere
        self.bundle = ""  # Material's script, which haven-loader.js loads when search opens
        self.stylesheet = ""  # Material's stylesheet, which unusedcss cuts
        self.serving = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # `mkdocs serve` adds its live-reload script to every page, which a Content-Security-Policy would block.
        # Its presence also makes MkDocs keep this instance across the rebuilds of `mkdocs serve`.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.serving = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # A language's inner build, or a part of a parallel build (haven.publish.parts), uses the content its outer
        # build (or the parent process) validated; any other build reads the sources afresh.
        if self.content is None or not static_i18n.is_inner_build(config):
            self.content = self._load(config)
        content = self.content
        try:
            static_i18n.limit(static_i18n.languages(config), content.site, self.config.preview_language)
        except static_i18n.UnknownLanguage as exc:
            raise PluginError(f"preview_language: {exc}") from None
        self.today = clock.today(content.site)
        self.bundle = _material_asset(config, "assets/javascripts/bundle.*.min.js")
        self.stylesheet = _material_asset(config, "assets/stylesheets/main.*.min.css")
        # Stories without consent leave the navigation of every language.
        self.unpublished = stories.unpublished(content, self.today)
        config.nav = stories.without(config.nav, self.unpublished)
        return config

    @staticmethod
    def _load(config: MkDocsConfig) -> Content:
        try:
            return content_module.load(site_module.load(Path(config.config_file_path)))
        except DiagnosticsError as exc:
            for diagnostic in exc.diagnostics:
                log.error(diagnostic.format())
            count = len(exc.diagnostics)
            raise PluginError(
                f"{count} problem{'s' if count > 1 else ''} in the sources (listed above); nothing was published."
            ) from None

    def _content(self) -> Content:
        assert self.content is not None, "on_config sets the content before any page is read"
        return self.content

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        content = self._content()
        deadline.start(
            deadline.READING,
            lambda page: (
                content.site.show(content.site.docs_dir / page.file.src_uri) if isinstance(page, Page) else None
            ),
        )
        themefiles.keep()  # for MkDocs' listing of the theme's files, next

    def on_build_error(self, *, error: Exception) -> None:
        deadline.cancel()
        themefiles.stop()

    def on_files(self, files, *, config: MkDocsConfig):
        """Leave out, in every language, the stories whose consent is pending or withdrawn."""
        themefiles.stop()
        content = self._content()
        for file in list(files):
            if file.src_uri.endswith(".md") and content.site.split_src(file.src_uri)[1] in self.unpublished:
                files.remove(file)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
        content = self._content()
        lang = _build_language(config)
        _, rel = content.site.split_src(page.file.src_uri)
        # Replace the meta MkDocs read itself (with YAML 1.1 coercions) by the validated one.
        page.meta = pageview.page_meta(content, lang, rel, page.url, self.today)
        if page.meta["haven"]["state"] == "fallback" and config.site_url:
            # Not a translation: point search engines at the English original.
            page.canonical_url = urljoin(config.site_url, page.meta["haven"]["english_url"])
        # The body as Haven read it (haven.core.textfile): MkDocs misses the front matter of a file with CR
        # line endings.
        return content.source_of(page.file.src_uri).body

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files) -> str:
        content = self._content()
        lang = _build_language(config)
        if page.meta["haven"]["state"] != "fallback":  # an English stand-in is checked in the English build
            source = content.source_of(page.file.src_uri)
            page.meta["haven"]["unsafe"] = safehtml.findings(
                safehtml.content_problems(html), content.site.show(source.path), source.body, source.body_line
            )
        if stories.MARKER in html:
            listed = stories.listed(content, lang, self.unpublished)
            html = html.replace(stories.MARKER, templates.render(content.site, "stories.html", stories=listed))
        if legal_help.MARKER in html:
            html = html.replace(
                legal_help.MARKER,
                legal_help.render(content.directory, content.strings[lang].directory, content.site, lang),
            )
            page.meta["haven"]["directory"] = True  # the template adds directory.js
        if offline.MARKER in html:
            html = html.replace(
                offline.MARKER,
                offline.download_html(content.site, lang, page.url, content.strings[lang].offline_download),
            )
        page.meta["haven"]["flyer"] = sharing.has_key_actions(html)
        if content.site.language(lang).rtl and page.meta["haven"]["content_lang"] is None:
            html = bidi.isolate_latin_parentheticals(html)
        return formnumbers.keep_whole(html)

    def on_env(self, env, *, config: MkDocsConfig, files):
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

    def _theme_files(self, context: TemplateContext) -> TemplateContext:
        # Material's hashed script and its whole stylesheet, which the theme loads when search opens.
        # Haven's own names beside MkDocs' (TemplateContext lists only MkDocs').
        cast(dict[str, Any], context).update(
            haven_bundle=self.bundle, haven_stylesheet_all=unusedcss.full_name(self.stylesheet)
        )
        return context

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav) -> TemplateContext:
        return self._theme_files(context)

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """Give the 404 page its words, and its language menu the home pages.

        mkdocs-static-i18n rewrites the menu's links for every page and leaves them
        as they were for the last page built, so a lost reader would be sent to
        that page. Its untouched list (links to each home page) is restored here.
        """
        if template_name == "404.html":
            not_found = pageview.not_found(self._content(), _build_language(config), self.today)
            cast(dict[str, Any], context)["haven_not_found"] = not_found
            static_i18n.restore_home_pages_menu(config)
        return self._theme_files(context)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Keep one 404 page per language instead of the last-built one at the root."""
        lang = _build_language(config)
        if template_name != "404.html":
            return output_content
        output = material_output.finished(output_content)
        if lang == self._content().site.default.code:
            return output
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""  # MkDocs writes nothing for empty output: the root 404 stays English

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = material_output.finished(output)
        # The page's QR code as a picture beside it, for flyers people make themselves.
        qr_file = Path(page.file.abs_dest_path).with_name(qr.PNG_NAME)
        qr_file.parent.mkdir(parents=True, exist_ok=True)
        qr_file.write_bytes(qr.png(page.meta["haven"]["share"]["qr_code"]))
        return material_output.search_in_language(output, _build_language(config), self._content().site.default.code)

    # Last: mkdocs-static-i18n builds the other languages, then merges their search
    # entries, in its own on_post_build of the first build; `building` is its flag
    # for "inside that", so the outer call comes after every language. Parts of a
    # parallel build (haven.publish.parts) keep the flag raised: the merge finishes them.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if static_i18n.is_inner_build(config):
            return
        finishing.finish(
            self._content(),
            Path(config.site_dir),
            self.stylesheet,
            static_i18n.built_languages(config),
            live_reload=self.serving,
        )


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
