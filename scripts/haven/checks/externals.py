"""Links to other sites, checked only when asked: `haven check --external`.

Never part of CI (it needs the internet, and other sites' answers change from
hour to hour). Requests run a few at a time, each with a timeout, and answers
are cached for a week in .cache/haven-external.json so a second run is quick
and asks nobody again. A failing site is a warning: it may be down today.
"""

from __future__ import annotations

import datetime
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from haven.core.diagnostics import Diagnostic, Severity

CACHE_FOR = datetime.timedelta(days=7)
WORKERS = 8
TIMEOUT = 10.0
Places = Mapping[str, list[tuple[str, int]]]  # url -> [(path, line)]


def fetch(url: str, timeout: float = TIMEOUT) -> str:
    """'ok', or what went wrong ('404', 'timed out', …)."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": "haven-link-check"})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return "ok"
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return str(exc.code)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return str(getattr(exc, "reason", exc))
    return "no answer"


def check(places: Places, cache_path: Path, now: datetime.datetime, timeout: float = TIMEOUT) -> list[Diagnostic]:
    cache = _read_cache(cache_path)
    fresh = {
        url: entry["result"]
        for url, entry in cache.items()
        if now - datetime.datetime.fromisoformat(entry["checked"]) < CACHE_FOR
    }
    todo = [url for url in places if url not in fresh]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        fresh.update(zip(todo, pool.map(lambda url: fetch(url, timeout), todo), strict=True))
    cache.update({url: {"result": fresh[url], "checked": now.isoformat()} for url in todo})
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    cache_path.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
    return [
        Diagnostic(
            path,
            line,
            "H068",
            f"the link {url} did not work today ({fresh[url]})",
            "open it in a browser; if the page moved, link to its new address",
            Severity.WARNING,
        )
        for url in sorted(places)
        if fresh[url] != "ok"
        for path, line in places[url]
    ]


def _read_cache(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
