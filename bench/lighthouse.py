"""Lighthouse scores of the built site, printed for developers (a printout, not a gate).

    .venv/bin/python bench/lighthouse.py                 # build the site into a temp dir, then measure
    .venv/bin/python bench/lighthouse.py --site site     # measure an existing build
    .venv/bin/python bench/lighthouse.py --json out.json --report-dir /tmp/lh   # raw summary, full reports

The site is served from 127.0.0.1 by http.server in a thread, like GitHub Pages: text files gzipped when the
browser accepts it, `Cache-Control: max-age=600`, 404.html for missing paths. Lighthouse (pinned below,
installed from npm on first use into ~/.cache/yhteistyon-linjaukset/, outside the repository) runs on each
page with the system Chromium, in its default mobile emulation and simulated throttling, for the categories
performance, accessibility, best practices and SEO; with --runs N, N times, and the run with the median
performance score stands for the page (simulated throttling scales the CPU time it observes, so a busy
machine lowers the performance score: the benchmarkIndex printed per page shows how busy it was).

The output is a score table and, per page, every audit that costs points: accessibility, best-practices
and SEO audits scoring below 1, the performance metrics that lose points, and the performance diagnostics
that Lighthouse flags (these change no score by themselves).

Exit status: 0 whatever the scores; 1 when Lighthouse failed on a page (error, timeout, no report);
2 when nothing could be measured (the build, the npm install or the Chromium check failed).

Only the standard library: it runs with the project's .venv or any Python 3.11+; Node.js and npm must be
on PATH. Environment: CHROME_PATH or CHROMIUM_PATH (default /usr/bin/chromium), LIGHTHOUSE_DIR (the
install folder), LINJAUKSET_PAIVA (the build date, default 2026-11-29).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE_VERSION = "12.8.2"  # the newest 12.x on npm when this was written; supports Node 18.16+
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
PAGES = (
    "/",
    "/tunnistamisraportit/",
    "/vastuuhenkilot/",
    "/vuosikello/",
    "/hinnoittelu/",
    "/tunnistamisraportit/seudun-kierratyspaja-pyorahuolto/",
)
DEFAULT_DATE = "2026-11-29"
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",  # Chromium refuses to start as root without it
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# Types GitHub Pages serves gzipped (when the browser accepts it); images other than SVG are left as they are.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends for every file


def fail(message: str, status: int = 2) -> None:
    print(f"lighthouse.py: {message}", file=sys.stderr)
    sys.exit(status)


# --- The site ------------------------------------------------------------------------------------------


def build_site(project: Path, site_dir: Path, day: str, site_url: str) -> None:
    """A strict MkDocs build of `project` into site_dir, as `make build` does (without `make check`)."""
    mkdocs = ROOT / ".venv" / "bin" / "mkdocs"
    if not mkdocs.exists():
        fail(f"{mkdocs} is missing: run `make -C {ROOT} build` once to create the virtual environment")
    env = {
        **os.environ,
        "LINJAUKSET_PAIVA": day,
        "SITE_URL": site_url,  # canonical links and the sitemap point to the server, as on GitHub Pages
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "PYTHONPATH": str(project),  # a copy of the project imports its own macros, not the editable install
    }
    command = [str(mkdocs), "build", "--strict", "--site-dir", str(site_dir)]
    print(f"Building the site: {' '.join(command)} (in {project}, LINJAUKSET_PAIVA={day})", file=sys.stderr)
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(result.stdout[-4000:] + result.stderr[-4000:], file=sys.stderr)
        fail(f"the MkDocs build failed (exit {result.returncode}); fix the build or pass --site DIR")


class SiteServer(http.server.ThreadingHTTPServer):
    """The site on 127.0.0.1, on a free port; serve_forever runs in a thread."""

    daemon_threads = True

    def __init__(self, site_dir: Path, use_gzip: bool) -> None:
        self.site_dir = site_dir
        self.use_gzip = use_gzip
        self.gzip_cache: dict[tuple[str, float], bytes] = {}
        super().__init__(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site_dir)))


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files like GitHub Pages: gzip for text types, a short cache lifetime, 404.html for misses."""

    server: SiteServer

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        content_type = super().guess_type(path)
        if content_type.startswith(COMPRESSIBLE) and content_type != "image/svg+xml":
            return content_type + "; charset=utf-8"  # as GitHub Pages labels text
        return content_type

    def log_message(self, *args: Any) -> None:
        pass  # Lighthouse's requests would drown the table

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urllib.parse.urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return self.send_body(404, "text/html; charset=utf-8", self.not_found_page())
        content_type = self.guess_type(path)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.server.use_gzip and accepts_gzip and content_type.startswith(COMPRESSIBLE)):
            return super().send_head()
        key = (path, os.path.getmtime(path))
        body = self.server.gzip_cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            self.server.gzip_cache[key] = body
        return self.send_body(
            200,
            content_type,
            body,
            {
                "Content-Encoding": "gzip",
                "Vary": "Accept-Encoding",
                "Last-Modified": self.date_time_string(int(key[1])),
            },
        )

    def not_found_page(self) -> bytes:
        page = self.server.site_dir / "404.html"
        return page.read_bytes() if page.is_file() else b"Not found"

    def send_body(self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None) -> Any:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(body)  # send_head's caller copies it to the socket (nothing for HEAD)


# --- Lighthouse ----------------------------------------------------------------------------------------


def default_lighthouse_dir() -> Path:
    if os.environ.get("LIGHTHOUSE_DIR"):
        return Path(os.environ["LIGHTHOUSE_DIR"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "yhteistyon-linjaukset" / f"lighthouse-{LIGHTHOUSE_VERSION}"


def ensure_lighthouse(prefix: Path) -> Path:
    """The Lighthouse CLI script, installed with npm into prefix when it is not there in the pinned version."""
    package = prefix / "node_modules" / "lighthouse"
    cli = package / "cli" / "index.js"
    try:
        installed = json.loads((package / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        installed = None
    if installed == LIGHTHOUSE_VERSION and cli.exists():
        return cli
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            fail(f"`{tool}` is not on PATH; Lighthouse needs Node.js 18.16 or newer and npm")
    prefix.mkdir(parents=True, exist_ok=True)
    command = ["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "--loglevel=error"]
    command += ["--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"]
    print(f"Installing Lighthouse {LIGHTHOUSE_VERSION}: {' '.join(command)}", file=sys.stderr)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        fail("npm install did not finish in 10 minutes (is the npm registry reachable?)")
    if result.returncode != 0 or not cli.exists():
        print(result.stdout[-3000:] + result.stderr[-3000:], file=sys.stderr)
        fail(f"npm install of lighthouse@{LIGHTHOUSE_VERSION} into {prefix} failed (exit {result.returncode})")
    return cli


def check_chromium(chrome: str) -> str:
    """Chromium's version line; stops with a message when it is missing or does not start."""
    if not (os.path.isfile(chrome) and os.access(chrome, os.X_OK)):
        fail(f"Chromium not found at {chrome}; install Debian's `chromium` or set CHROME_PATH")
    try:
        result = subprocess.run([chrome, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except subprocess.TimeoutExpired:
        fail(f"`{chrome} --version` did not answer in 30 s")
    if result.returncode != 0:
        fail(f"`{chrome} --version` failed: {result.stderr.strip()[-500:]}")
    return result.stdout.strip() or chrome


def kill_marked_processes(marker: str) -> None:
    """Kill the Chromium that one Lighthouse run started, found by the marker flag on its command line.

    chrome-launcher starts Chromium in a process group of its own, so killing Lighthouse's group would leave
    it running; only processes carrying this run's unique marker are touched."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if marker.encode() in (proc / "cmdline").read_bytes():
                os.kill(int(proc.name), signal.SIGKILL)
        except (OSError, ProcessLookupError):
            continue  # gone meanwhile, or not ours to read


def signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have ended meanwhile
        os.killpg(pgid, signum)


@dataclass
class PageResult:
    path: str
    url: str
    error: str | None = None
    seconds: float = 0.0
    lhr: dict[str, Any] | None = field(default=None, repr=False)
    performance_runs: list[float] = field(default_factory=list)


def run_lighthouse(cli: Path, url: str, chrome: str, out_json: Path, timeout: float) -> str | None:
    """Run Lighthouse on one URL into out_json; None on success, else the reason it failed."""
    marker = f"--lighthouse-run={uuid.uuid4().hex}"  # Chromium ignores unknown switches
    flags = " ".join((*CHROME_FLAGS, marker))
    command = [
        "node",
        str(cli),
        url,
        "--output=json",
        f"--output-path={out_json}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    # A session of its own, so that a timeout can signal Lighthouse's process group without touching ours.
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    ) as process:
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            # SIGINT first: chrome-launcher's handler closes Chromium and removes its temporary profile.
            signal_group(process.pid, signal.SIGINT)
            try:
                process.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                signal_group(process.pid, signal.SIGKILL)
                process.communicate()
            kill_marked_processes(marker)
            return f"timed out after {timeout:.0f} s"
    kill_marked_processes(marker)  # normally none is left; a crash of Lighthouse may leave Chromium behind
    if process.returncode != 0:
        lines = [line for line in stderr.strip().splitlines() if line.strip()]
        return f"Lighthouse exited with {process.returncode}: " + " | ".join(lines[-5:])
    if not out_json.exists():
        return "Lighthouse wrote no report"
    return None


# --- The summary ---------------------------------------------------------------------------------------


def failing_audits(lhr: dict[str, Any]) -> list[dict[str, Any]]:
    """The audits that cost points, category by category, in the report's order."""
    audits = lhr["audits"]
    found: list[dict[str, Any]] = []
    for category in CATEGORIES:
        cat = lhr["categories"].get(category)
        if not cat:
            continue
        total_weight = sum(ref["weight"] for ref in cat["auditRefs"]) or 1
        for ref in cat["auditRefs"]:
            audit = audits[ref["id"]]
            score = audit.get("score")
            if score is None or score >= 1 or audit.get("scoreDisplayMode") in ("manual", "notApplicable"):
                continue
            if category == "performance":
                if ref["weight"] > 0:
                    kind = "metric"  # weighted: the only audits that change the performance score
                elif ref.get("group") == "hidden" or score >= 0.9:
                    continue  # Lighthouse itself shows diagnostics below 0.9 only, and hides the "hidden" group
                else:
                    kind = "diagnostic"
            else:
                kind = "audit"
            found.append(
                {
                    "category": category,
                    "kind": kind,
                    "id": ref["id"],
                    "title": audit.get("title", ""),
                    "displayValue": audit.get("displayValue", ""),
                    "score": score,
                    "weight": ref["weight"],
                    "pointsLost": round(100 * ref["weight"] * (1 - score) / total_weight, 1),
                    "items": offending_items(audit),
                }
            )
    return found


def offending_items(audit: dict[str, Any]) -> list[str]:
    """One line per element or resource that an audit names (selector and snippet, or URL)."""
    details = audit.get("details") or {}
    items = details.get("items") or []
    lines: list[str] = []
    for item in items:
        node = item.get("node") if isinstance(item, dict) else None
        if isinstance(node, dict):
            text = f"{node.get('selector', '')}  {node.get('snippet', '')}".strip()
            explanation = (node.get("explanation") or "").splitlines()
            if explanation:
                text += f"  [{explanation[-1].strip()}]"
            lines.append(text)
        elif isinstance(item, dict) and item.get("url"):
            lines.append(f"{item['url']}{saving(item)}")
        elif isinstance(item, dict) and item.get("source"):
            lines.append(str(item["source"]))
    return lines


def saving(item: dict[str, Any]) -> str:
    """What one resource costs, in the units Lighthouse measured it in."""
    if isinstance(item.get("wastedMs"), int | float) and item["wastedMs"] > 0:
        return f"  ({item['wastedMs']:.0f} ms)"
    for key in ("wastedBytes", "totalBytes", "transferSize"):
        if isinstance(item.get(key), int | float) and item[key] > 0:
            return f"  ({item[key] / 1024:.1f} KiB)"
    return ""


def summary(results: list[PageResult], meta: dict[str, Any]) -> dict[str, Any]:
    pages = []
    for result in results:
        entry: dict[str, Any] = {"path": result.path, "url": result.url, "seconds": round(result.seconds, 1)}
        if result.lhr is None:
            entry["error"] = result.error
        else:
            entry["scores"] = {c: result.lhr["categories"].get(c, {}).get("score") for c in CATEGORIES}
            entry["failing"] = failing_audits(result.lhr)
            entry["runWarnings"] = result.lhr.get("runWarnings", [])
            entry["performanceRuns"] = result.performance_runs
            entry["benchmarkIndex"] = result.lhr.get("environment", {}).get("benchmarkIndex")
        pages.append(entry)
    return {**meta, "pages": pages}


def print_report(data: dict[str, Any], items: int) -> None:
    print(
        f"Lighthouse {data['lighthouseVersion']} ({data['chromium']}), mobile emulation, simulated throttling; "
        f"site {data['site']}, served {'with' if data['gzip'] else 'without'} gzip"
    )
    print()
    width = max(len("page"), *(len(p["path"]) for p in data["pages"]))
    print(f"{'page':<{width}}  " + "  ".join(f"{SHORT[c]:>4}" for c in CATEGORIES))
    for page in data["pages"]:
        if "error" in page:
            print(f"{page['path']:<{width}}  FAILED: {page['error']}")
            continue
        scores = [page["scores"][c] for c in CATEGORIES]
        print(f"{page['path']:<{width}}  " + "  ".join("   -" if s is None else f"{s:.2f}" for s in scores))
    for page in data["pages"]:
        if "error" in page:
            continue
        print()
        runs = page["performanceRuns"]
        spread = f", performance over {len(runs)} runs {min(runs):.2f}–{max(runs):.2f}" if len(runs) > 1 else ""
        print(f"{page['path']}  ({page['seconds']:.0f} s, benchmarkIndex {page['benchmarkIndex']}{spread})")
        for warning in page["runWarnings"]:
            print(f"  warning: {warning}")
        if not page["failing"]:
            print("  every audit passes")
        for audit in page["failing"]:
            label = {"metric": "perf", "diagnostic": "perf*"}.get(audit["kind"], SHORT[audit["category"]])
            value = f"  {audit['displayValue']}" if audit["displayValue"] else ""
            cost = f"  (-{audit['pointsLost']} points)" if audit["kind"] == "metric" else ""
            score = f"score {audit['score']:.2f}"
            print(f"  {label:<5} {audit['id']}: {audit['title']}{value}  [{score}]{cost}")
            for line in audit["items"][:items]:
                print(f"          - {line[:200]}")
            if len(audit["items"]) > items:
                print(f"          - … {len(audit['items']) - items} more")
    if any(a["kind"] == "diagnostic" for page in data["pages"] for a in page.get("failing", [])):
        print()
        print("perf* = a performance diagnostic: it does not change the score by itself.")


def measure_page(cli: Path, base: str, path: str, args: argparse.Namespace, stem: Path) -> PageResult:
    """args.runs Lighthouse runs on one page; the run with the median performance score stands for it."""
    runs: list[PageResult] = []
    for run in range(1, args.runs + 1):
        out = stem.with_name(f"{stem.name}-run{run}.json")
        started = time.monotonic()
        error = run_lighthouse(cli, base + path, args.chrome, out, args.timeout)
        result = PageResult(path, base + path, error, time.monotonic() - started)
        if error is None:
            try:
                result.lhr = json.loads(out.read_text())
            except (OSError, ValueError) as exc:
                result.error = f"unreadable report: {exc}"
        if result.lhr is not None and result.lhr.get("runtimeError"):
            problem = result.lhr["runtimeError"]
            result.error, result.lhr = f"{problem.get('code')}: {problem.get('message')}", None
        if args.report_dir is not None and out.exists():
            args.report_dir.mkdir(parents=True, exist_ok=True)
            name = path.strip("/").replace("/", "--") or "index"
            suffix = f"-run{run}" if args.runs > 1 else ""
            shutil.copyfile(out, args.report_dir / f"{name}{suffix}.json")
        if result.lhr is None:
            return result  # a page that fails once is reported as failed
        runs.append(result)
    perf = lambda r: r.lhr["categories"]["performance"]["score"] or 0
    ordered = sorted(runs, key=perf)
    chosen = ordered[len(ordered) // 2]
    chosen.performance_runs = [perf(r) for r in runs]
    return chosen


# --- Main ----------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site directory (default: build one into a temp dir)")
    parser.add_argument("--project", type=Path, default=ROOT, help="project to build (default: this repository)")
    parser.add_argument("--date", default=os.environ.get("LINJAUKSET_PAIVA", DEFAULT_DATE), help="build date")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the summary as JSON to OUT")
    parser.add_argument("--report-dir", type=Path, help="keep Lighthouse's full JSON report of each page here")
    parser.add_argument("--page", action="append", dest="pages", help="a page path (repeatable; default: six)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds per Lighthouse run (default 180)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median performance run is shown")
    parser.add_argument("--items", type=int, default=3, help="offending elements shown per audit (default 3)")
    parser.add_argument("--no-gzip", action="store_true", help="serve without compression")
    parser.add_argument("--lighthouse-dir", type=Path, default=default_lighthouse_dir(), help="npm install prefix")
    parser.add_argument(
        "--chrome",
        default=os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium",
        help="Chromium binary (default: $CHROME_PATH, $CHROMIUM_PATH or /usr/bin/chromium)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.timeout <= 0:
        parser.error("--runs must be at least 1 and --timeout positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    chromium = check_chromium(args.chrome)
    cli = ensure_lighthouse(args.lighthouse_dir.resolve())
    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    server: SiteServer | None = None
    serving = False
    try:
        if args.site is not None:
            site_dir = args.site.resolve()
            if not (site_dir / "index.html").is_file():
                fail(f"{site_dir} has no index.html: is it a built site?")
        else:
            site_dir = work / "site"
        server = SiteServer(site_dir, use_gzip=not args.no_gzip)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        if args.site is None:
            build_site(args.project.resolve(), site_dir, args.date, base + "/")
        threading.Thread(target=server.serve_forever, name="site-server", daemon=True).start()
        serving = True

        pages = args.pages or list(PAGES)
        results: list[PageResult] = []
        for number, path in enumerate(pages, 1):
            print(f"[{number}/{len(pages)}] Lighthouse on {path} …", file=sys.stderr)
            result = measure_page(cli, base, path, args, work / f"page-{number}")
            if result.error:
                print(f"    failed: {result.error}", file=sys.stderr)
            results.append(result)

        measured = [r.lhr for r in results if r.lhr is not None]
        meta = {
            "lighthouseVersion": measured[0]["lighthouseVersion"] if measured else LIGHTHOUSE_VERSION,
            "chromium": chromium,
            "site": f"built for {args.date}" if args.site is None else f"prebuilt in {site_dir}",
            "gzip": not args.no_gzip,
            "formFactor": "mobile",
        }
        data = summary(results, meta)
        print_report(data, args.items)
        if args.json is not None:
            args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            print(f"Summary written to {args.json}", file=sys.stderr)
        return 1 if any(r.lhr is None for r in results) else 0
    finally:
        if serving:
            server.shutdown()  # waits for serve_forever, so only once it runs
        if server is not None:
            server.server_close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
