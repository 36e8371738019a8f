"""`make bench`: build the example region, the synthetic national set and their plain baselines, interleaved,
and print the figures and the budgets side by side; write them into BENCHMARKS.md.

Every build runs in a fresh process (bench.build_one). A busy machine slows builds unevenly over time, so
our build and its baseline run in pairs, one right after the other (the order alternating from pair to
pair), and each figure is the median of the pairs' ratios, not a ratio of two best times.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.baseline import baseline
from bench.generate import generate
from macros import cross_region
from macros.data import open_data
from macros.data.loader import load_site
from macros.search_index import build_search_index

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-out"
PAIRS = {"example": 7, "national": 3}
BUDGET_REGIONAL = 1.10  # our build / the plain baseline, example region (30 pages)
BUDGET_NATIONAL = 1.00  # the same at national scale
BUDGET_CHECK_S = 1.0
BUDGET_PAGE_KB = 500
BUDGET_SEARCH_KB = 100  # compressed bytes a page view spends on search before the reader types
BUDGET_LINEAR = 0.15  # output per data record may differ by this much between half and full scale


def build(project: Path, name: str) -> dict:
    # Python may write its byte-code here as on any real machine (some environments forbid it, and then
    # every build would compile the project's code again).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-m", "bench.build_one", str(project), str(OUT / "sites" / name)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**env, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)},
    )
    if result.returncode != 0:
        sys.exit(f"build of {name} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def pairs(ours: Path, base: Path, name: str, count: int) -> dict:
    """Interleaved builds: count pairs of (ours, baseline), the order alternating."""
    runs = []
    for index in range(count):
        if index % 2:
            b, a = build(base, f"perus-{name}"), build(ours, name)
        else:
            a, b = build(ours, name), build(base, f"perus-{name}")
        runs.append((a, b))
        print(f"  {name} pair {index + 1}: ours {a['wall_s']:.2f} s, baseline {b['wall_s']:.2f} s", flush=True)
    return {
        "ours": runs[-1][0],
        "base": runs[-1][1],
        "wall": statistics.median(a["wall_s"] for a, _ in runs),
        "base_wall": statistics.median(b["wall_s"] for _, b in runs),
        "ratio": statistics.median(a["wall_s"] / b["wall_s"] for a, b in runs),
        "ratios": [round(a["wall_s"] / b["wall_s"], 2) for a, b in runs],
        "memory": statistics.median(a["peak_mb"] / b["peak_mb"] for a, b in runs),
    }


def macros_floor(base: Path, out: Path) -> Path:
    """The baseline with mkdocs-macros added and a module that defines nothing: what the host plugin that the
    stack prescribes costs by itself, before any of our code runs."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(base, out)
    (out / "tyhja_moduuli.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    plugin = "plugins:\n  - macros:\n      module_name: tyhja_moduuli\n      render_by_default: false\n"
    (out / "mkdocs.yml").write_text(config.replace("plugins:\n", plugin, 1), encoding="utf-8")
    return out


def check_time(project: Path, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "macros.cli.check", str(project)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"the check failed on {project}:\n{result.stdout[-2000:]}")
    return statistics.median(times)


def gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), 9)) / 1000


def search_figures(site: Path, base: Path) -> dict:
    """What search costs a page view before the reader types: our script only (the Pagefind index loads
    when the search is opened), against Material's whole index that the baseline's pages fetch."""
    started = time.perf_counter()
    pages = build_search_index(site)
    return {
        "index_s": time.perf_counter() - started,
        "pages": pages,
        "ours_kb": gzip_kb(site / "javascripts/haku.js"),
        "material_kb": gzip_kb(base / "search/search_index.json"),
        "index_mb": sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1e6,
    }


# Fictional regions for the finder across regions (a region's name is letters only).
REGION_NAMES = [
    "Aapamaa",
    "Harjumaa",
    "Kalliomaa",
    "Koivumaa",
    "Kuusimaa",
    "Lehtomaa",
    "Lintumaa",
    "Marjamaa",
    "Niittymaa",
    "Pajumaa",
    "Rantamaa",
    "Saarimaa",
    "Salomaa",
    "Sammalmaa",
    "Suomaa",
    "Tammimaa",
    "Tunturimaa",
    "Vaaramaa",
    "Vesimaa",
    "Ylämaa",
]


def cross_region_figures(count: int = 20) -> dict:
    """Finland's regions (about 20), each at the national set's size divided by their number: their open
    data, then one finder across them."""
    folders = []
    for index in range(count):
        project = OUT / "alueet" / f"alue-{index}"
        generate(project, seed=100 + index, scale=1 / count)
        region_file = project / "data/alue.yml"  # each region its own name
        text = region_file.read_text(encoding="utf-8")
        name = REGION_NAMES[index % len(REGION_NAMES)]
        for key, form in (("nimi", ""), ("nimi_genetiivi", "n"), ("nimi_inessiivi", "lla")):
            text = re.sub(rf"^{key}: .*$", f"{key}: {name}{form}", text, count=1, flags=re.M)
        region_file.write_text(text, encoding="utf-8")
        site, _problems = load_site(project, date(2026, 11, 29))
        folder = OUT / "alueet" / f"data-{index}"
        folder.mkdir(parents=True, exist_ok=True)
        documents = open_data.documents(site, f"https://alue{index}.example/", date(2026, 11, 29))
        for name, document in documents.items():
            (folder / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        folders.append(folder)
    started = time.perf_counter()
    regions, left_out = cross_region.build(OUT / "alueet" / "haku", folders)
    seconds = time.perf_counter() - started
    page = OUT / "alueet" / "haku" / "index.html"
    return {"regions": regions, "left_out": len(left_out), "s": seconds, "kb": page.stat().st_size / 1000}


def machine() -> str:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else ""
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu or 'unknown CPU'}), "
        f"Python {platform.python_version()}"
    )


def records(counts: dict) -> int:
    return counts["parties"] + counts["contacts"] + counts["reports"] + counts["activities"]


def main() -> int:
    OUT.mkdir(exist_ok=True)
    print("Generating the national data set and the baselines…", flush=True)
    national = generate(OUT / "kansallinen")
    half = generate(OUT / "puolikas", scale=0.5)
    baseline(ROOT, OUT / "perus-esimerkki")
    baseline(OUT / "kansallinen", OUT / "perus-kansallinen")

    print("Building, our build and its baseline in interleaved pairs…", flush=True)
    example = pairs(ROOT, OUT / "perus-esimerkki", "esimerkki", PAIRS["example"])
    floor = pairs(
        macros_floor(OUT / "perus-esimerkki", OUT / "makrot-esimerkki"),
        OUT / "perus-esimerkki",
        "makrot",
        PAIRS["example"],
    )
    whole = pairs(OUT / "kansallinen", OUT / "perus-kansallinen", "kansallinen", PAIRS["national"])
    h = build(OUT / "puolikas", "puolikas")
    check_s = check_time(OUT / "kansallinen")
    print("Search index and the finder across regions…", flush=True)
    search = search_figures(OUT / "sites" / "kansallinen", OUT / "sites" / "perus-kansallinen")
    regions = cross_region_figures()

    rows = [
        ("(a) example region", example["ours"], example["wall"]),
        ("(c) baseline, same pages as (a)", example["base"], example["base_wall"]),
        ("(b) national data set", whole["ours"], whole["wall"]),
        ("(c) baseline, same pages as (b)", whole["base"], whole["base_wall"]),
        ("national data set at half scale", h, h["wall_s"]),
    ]
    lines = [
        f"Machine: {machine()}; {date.today().isoformat()}",
        "",
        "| build | median wall s | peak MB | output MB | HTML MB | pages | largest page KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, f, wall in rows:
        lines.append(
            f"| {name} | {wall:.2f} | {f['peak_mb']:.0f} | {f['output_mb']:.2f} | {f['html_mb']:.2f} "
            f"| {f['pages']} | {f['largest_kb']:.0f} |"
        )
    per_record_full = whole["ours"]["output_mb"] / records(national)
    per_record_half = h["output_mb"] / records(half)
    linear = abs(per_record_full / per_record_half - 1)
    largest = max(example["ours"]["largest_kb"], whole["ours"]["largest_kb"])
    lines += [
        "",
        f"Time, ours / baseline, median of {PAIRS['example']} interleaved pairs: (a)/(c) {example['ratio']:.2f} "
        f"(pairs: {', '.join(map(str, example['ratios']))}); memory {example['memory']:.2f}.",
        f"The host plugin alone (the baseline of (a) with mkdocs-macros and an empty module) / baseline: "
        f"{floor['ratio']:.2f} (pairs: {', '.join(map(str, floor['ratios']))}): the part of (a)/(c) that no "
        "change to our code can remove.",
        f"Time, ours / baseline, median of {PAIRS['national']} pairs: (b)/(c) {whole['ratio']:.2f} "
        f"(pairs: {', '.join(map(str, whole['ratios']))}); memory {whole['memory']:.2f}.",
        f"The check on the national set: {check_s:.2f} s "
        f"({national['parties']} parties, {national['contacts']} contacts, {national['reports']} reports, "
        f"{national['activities']} activities).",
        f"Search at national scale: a page view fetches {search['ours_kb']:.1f} KB (gzip) for search before the "
        f"reader types, against {search['material_kb']:.0f} KB for Material's own index; the Pagefind index "
        f"({search['pages']} pages, {search['index_mb']:.1f} MB in chunks fetched as needed) took "
        f"{search['index_s']:.1f} s to build.",
        f"Finder across regions: {regions['regions']} regions' open data in {regions['s']:.1f} s, a page of "
        f"{regions['kb']:.0f} KB; {regions['left_out']} region(s) left out.",
        "",
    ]
    budgets = [
        (
            f"example region: ours / baseline ≤ {BUDGET_REGIONAL:.2f}",
            example["ratio"] <= BUDGET_REGIONAL,
            f"{example['ratio']:.2f}",
        ),
        (
            f"national scale: ours / baseline ≤ {BUDGET_NATIONAL:.2f}",
            whole["ratio"] <= BUDGET_NATIONAL,
            f"{whole['ratio']:.2f}",
        ),
        ("the check on the national set < 1 s", check_s < BUDGET_CHECK_S, f"{check_s:.2f} s"),
        (
            f"search before typing ≤ {BUDGET_SEARCH_KB} KB per page view (national)",
            search["ours_kb"] <= BUDGET_SEARCH_KB,
            f"{search['ours_kb']:.1f} KB",
        ),
        (
            "no page's HTML over 500 KB",
            largest <= BUDGET_PAGE_KB,
            f"largest {largest:.0f} KB ({whole['ours']['largest_page']})",
        ),
        (
            "output grows linearly with the data",
            linear <= BUDGET_LINEAR,
            f"{per_record_half * 1000:.1f} → {per_record_full * 1000:.1f} KB per record from half to full scale",
        ),
    ]
    lines += ["| budget | result | figure |", "| --- | --- | --- |"]
    lines += [f"| {name} | {'met' if ok else '**MISSED**'} | {figure} |" for name, ok, figure in budgets]
    report = "\n".join(lines)
    print()
    print(report)
    doc = ROOT / "BENCHMARKS.md"
    if doc.exists():
        text = doc.read_text(encoding="utf-8")
        text = re.sub(
            r"(<!-- results:start -->\n).*?(<!-- results:end -->)",
            lambda m: m.group(1) + report + "\n" + m.group(2),
            text,
            flags=re.S,
        )
        doc.write_text(text, encoding="utf-8")
        print("\nBENCHMARKS.md updated.")
    return 0 if all(ok for _, ok, _ in budgets) else 1


if __name__ == "__main__":
    sys.exit(main())
