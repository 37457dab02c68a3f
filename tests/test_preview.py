"""make serve LANG=es: a quick preview of English and one language, with live reload."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import REPO
from haven.commands import preview
from haven.render import static_i18n
from haven.sources import site as site_module


def test_only_english_and_the_previewed_language_are_built(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    # As `haven serve --lang es` hands MkDocs the plugins.
    plugins = preview.with_preview_language(fixture_site.config, "es")
    mkdocs_build(
        load_config(str(fixture_site.config), site_dir=str(fixture_site.site_dir), strict=True, plugins=plugins)
    )
    built = sorted(p.name for p in fixture_site.site_dir.iterdir() if (p / "index.html").is_file())
    assert "es" in built and "ar" not in built and "ht" not in built
    assert "No abra la puerta." in fixture_site.html("es/")
    # The language menu offers what the preview has, and the English page is there to compare.
    menu = fixture_site.html("es/")
    assert 'hreflang="en"' in menu and 'hreflang="ar"' not in menu
    assert fixture_site.html("rights/at-home/")
    assert (fixture_site.site_dir / "es" / "search" / "search_index.json").is_file()


def test_an_unknown_language_is_refused_before_anything_is_built(fixture_site, capsys):
    from haven.commands.cli import main

    assert main(["-f", str(fixture_site.config), "serve", "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "'fr' is not a language of this site; choose one of: en es ar ht" in err
    assert not fixture_site.site_dir.exists()


def test_an_address_in_use_is_refused_before_anything_is_built(fixture_site, capsys):
    from haven.commands.cli import main

    with socket.create_server(("127.0.0.1", 0)) as earlier_preview:
        address = f"127.0.0.1:{earlier_preview.getsockname()[1]}"
        assert main(["-f", str(fixture_site.config), "serve", "--lang", "es", "-a", address]) == 2
    assert capsys.readouterr().err == (
        f"serve: {address} is in use, perhaps by another preview: stop it, or serve on another address, "
        "e.g. make serve ADDR=127.0.0.1:8001\n"
    )
    assert not fixture_site.site_dir.exists()


@pytest.mark.parametrize(
    "command_line, expected",
    [
        (["LANG=es"], '--lang "es"'),
        ([], '--lang ""'),
    ],
)
def test_make_serve_takes_lang_from_the_command_line_only(command_line, expected):
    # The shell's LANG is the locale (C.UTF-8, es_ES.UTF-8...), not a language of the site.
    env = {**os.environ, "LANG": "es_ES.UTF-8"}
    out = subprocess.run(
        ["make", "-n", "-C", str(REPO), "serve", *command_line], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert f"haven serve {expected}" in out, out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_a_saved_change_is_served_again_within_seconds(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    port = _free_port()
    haven = [sys.executable, "-m", "haven.commands.cli", "-f", str(fixture_site.config)]
    server = subprocess.Popen(
        [*haven, "serve", "--lang", "es", "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while _get_or_none(base + "es/") is None:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "not served within 120 s"
            time.sleep(0.3)
        assert _get(base + "ar/")[0] == 404
        page = fixture_site.root / "docs" / "es" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nCierre la puerta con llave.\n", encoding="utf-8")
        while "Cierre la puerta con llave." not in _get(base + "es/")[1]:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "the change was not served within 120 s"
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get_or_none(url: str) -> str | None:
    try:
        status, body = _get(url)
    except OSError:
        return None
    return body if status == 200 else None


def test_the_preview_of_the_default_language_builds_english_alone():
    site = site_module.load(REPO / "mkdocs.yml")

    class Entry:
        def __init__(self, locale):
            self.locale, self.build = locale, True

    entries = [Entry(code) for code in site.codes]
    static_i18n.limit(entries, site, "en")
    assert [e.locale for e in entries if e.build] == ["en"]
    static_i18n.limit(entries, site, "ar")
    assert [e.locale for e in entries if e.build] == ["en", "ar"]
