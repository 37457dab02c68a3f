"""`haven verify URL` (make verify): passes on the site served as built, with its `_headers`; fails, with
one line naming the page, when the host adds a script, another site's or inline, or sends readers away.

Its report is run in the tests' own Chromium: a second Playwright cannot start beside it."""

from __future__ import annotations

import pytest

from conftest import REPO
from haven.checks import verify
from haven.commands.cli import main
from haven.publish.serving import Server, StaticHandler
from test_real_site import SITE

pytestmark = pytest.mark.browser

PAGE = "es/rights/at-home/"


def test_the_site_as_built_passes(browser, real_site, capsys):
    _, base = real_site  # served with the headers of its _headers file
    paths = ["", PAGE, "ko/404.html", "editors/status/"]
    assert verify.report(browser, base, paths, SITE) == 0
    assert capsys.readouterr().out == (
        f"4 pages at {base}: no request to another host, no policy violation, "
        "every inline script and style in its page's policy\n"
    )


@pytest.mark.parametrize(
    "added,problems",
    [
        (
            '<script src="https://beacon.example/b.js" defer></script>',
            ["policy violation: script-src-elem blocked https://beacon.example/b.js"],
        ),
        (
            "<script>track()</script>",
            [
                "policy violation: script-src-elem blocked inline (track())",
                "an inline <script> without its hash in the policy: 'track()'",
            ],
        ),
        (
            '<meta http-equiv="refresh" content="0; url=https://beacon.example/">',
            ["request to another host: https://beacon.example/"],
        ),
    ],
    ids=["beacon", "inline", "away"],
)
def test_a_host_that_adds_to_pages_fails_naming_the_page(browser, real_site, capsys, added, problems):
    site_dir, _ = real_site

    class AddingHost(StaticHandler):
        """A host that adds to every page, as analytics, e-mail obfuscation and banners do."""

        def content(self, path):
            body = super().content(path)
            return body.replace(b"</body>", added.encode() + b"</body>") if path.suffix == ".html" else body

    server = Server(site_dir, handler=AddingHost)
    try:
        assert verify.report(browser, server.url, [PAGE], SITE) == 1
    finally:
        server.close()
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{server.url}{PAGE}: {problem}" for problem in problems] + [
        f"{len(problems)} problem{'s' if len(problems) > 1 else ''} on 1 of 1 pages at {server.url}"
    ]


def test_a_site_without_security_txt_is_named(browser, tmp_path):
    server = Server(tmp_path)
    try:
        assert verify.check(browser, server.url, [], SITE, security_txt=True) == [
            f"{server.url}.well-known/security.txt: answered 404 File not found (the build writes it when "
            "the haven plugin's security_contact is set: HAVEN_SECURITY_CONTACT in mkdocs.yml)"
        ]
    finally:
        server.close()


def test_an_address_that_is_not_a_site_is_refused(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["-f", str(REPO / "mkdocs.yml"), "verify", "haven.example"])
    assert exit.value.code == 2
    assert "'haven.example' is not the address of a site, like https://haven.example/" in capsys.readouterr().err
