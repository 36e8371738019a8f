"""`make bench`: build the example region, the synthetic national set and plain baselines; print the
figures and the budgets side by side, and write them into BENCHMARKS.md.

Every build runs in a fresh process (bench.build_one); each figure is the best of RUNS runs.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.baseline import baseline
from bench.generate import generate

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-out"
RUNS = 3
BUDGET_OVERHEAD = 0.15
BUDGET_CHECK_S = 1.0
BUDGET_PAGE_KB = 500
BUDGET_LINEAR = 0.15   # output per data record may differ by this much between half and full scale


def build(project: Path, name: str, runs: int = RUNS) -> dict:
    best = None
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-m", "bench.build_one", str(project), str(OUT / "sites" / name)],
                                capture_output=True, text=True, cwd=ROOT, check=False,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if result.returncode != 0:
            sys.exit(f"build of {name} failed:\n{result.stderr[-3000:]}")
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        if best is None or figures["wall_s"] < best["wall_s"]:
            best = figures
    return best


def check_time(project: Path, runs: int = RUNS) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(["make", "-s", "check", f"CHECK_ROOT={project}"], cwd=ROOT, capture_output=True,
                                text=True, check=False)
        best = min(best, time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"make check failed on {project}:\n{result.stdout[-2000:]}")
    return best


def machine() -> str:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else ""
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu or 'unknown CPU'}), "
            f"Python {platform.python_version()}")


def records(counts: dict) -> int:
    return counts["parties"] + counts["contacts"] + counts["reports"] + counts["activities"]


def main() -> int:
    OUT.mkdir(exist_ok=True)
    print("Generating the national data set and the baselines…", flush=True)
    national = generate(OUT / "kansallinen")
    half = generate(OUT / "puolikas", scale=0.5)
    baseline(ROOT, OUT / "perus-esimerkki")
    baseline(OUT / "kansallinen", OUT / "perus-kansallinen")

    print("Building (best of %d runs each)…" % RUNS, flush=True)
    a = build(ROOT, "esimerkki")
    b = build(OUT / "kansallinen", "kansallinen")
    c_a = build(OUT / "perus-esimerkki", "perus-esimerkki")
    c_b = build(OUT / "perus-kansallinen", "perus-kansallinen")
    h = build(OUT / "puolikas", "puolikas", runs=1)
    check_s = check_time(OUT / "kansallinen")

    rows = [("(a) example region", a), ("(c) baseline, same pages as (a)", c_a),
            ("(b) national data set", b), ("(c) baseline, same pages as (b)", c_b),
            ("national data set at half scale", h)]
    lines = [f"Machine: {machine()}; {date.today().isoformat()}", "",
             "| build | wall s | peak MB | output MB | HTML MB | pages | largest page KB | data loads |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, f in rows:
        lines.append(f"| {name} | {f['wall_s']:.2f} | {f['peak_mb']:.0f} | {f['output_mb']:.2f} | {f['html_mb']:.2f} "
                     f"| {f['pages']} | {f['largest_kb']:.0f} | {f['data_loads']} |")
    ratio_a = a["wall_s"] / c_a["wall_s"]
    ratio_b = b["wall_s"] / c_b["wall_s"]
    per_record_full = b["output_mb"] / records(national)
    per_record_half = h["output_mb"] / records(half)
    linear = abs(per_record_full / per_record_half - 1)
    largest = max(a["largest_kb"], b["largest_kb"])
    lines += ["",
              f"Ratios: (a)/(c) wall {ratio_a:.2f}, output {a['output_mb'] / c_a['output_mb']:.2f}; "
              f"(b)/(c) wall {ratio_b:.2f}, output {b['output_mb'] / c_b['output_mb']:.2f}.",
              f"`make check` on the national set: {check_s:.2f} s "
              f"({national['parties']} parties, {national['contacts']} contacts, {national['reports']} reports, "
              f"{national['activities']} activities).", ""]
    budgets = [
        ("overhead at national scale ≤ 15 % over the plain baseline", ratio_b - 1 <= BUDGET_OVERHEAD,
         f"{(ratio_b - 1) * 100:.1f} %"),
        ("`make check` on the national set < 1 s", check_s < BUDGET_CHECK_S, f"{check_s:.2f} s"),
        ("no page's HTML over 500 KB", largest <= BUDGET_PAGE_KB,
         f"largest {largest:.0f} KB ({b['largest_page']})"),
        ("output grows linearly with the data", linear <= BUDGET_LINEAR,
         f"{per_record_half * 1000:.1f} → {per_record_full * 1000:.1f} KB per record from half to full scale"),
        ("data read and validated once per build", a["data_loads"] == 1 and b["data_loads"] == 1,
         f"{a['data_loads']} and {b['data_loads']} loads"),
    ]
    lines += ["| budget | result | figure |", "| --- | --- | --- |"]
    lines += [f"| {name} | {'met' if ok else '**MISSED**'} | {figure} |" for name, ok, figure in budgets]
    report = "\n".join(lines)
    print()
    print(report)
    doc = ROOT / "BENCHMARKS.md"
    if doc.exists():
        text = doc.read_text(encoding="utf-8")
        text = re.sub(r"(<!-- results:start -->\n).*?(<!-- results:end -->)", lambda m: m.group(1) + report + "\n"
                      + m.group(2), text, flags=re.S)
        doc.write_text(text, encoding="utf-8")
        print("\nBENCHMARKS.md updated.")
    return 0 if all(ok for _, ok, _ in budgets) else 1


if __name__ == "__main__":
    sys.exit(main())
