"""The synthetic national data set validates and is deterministic; the baseline has no template code left.
(Timings are measured by `make bench`, not here.)"""

from __future__ import annotations

import hashlib

from bench.baseline import baseline
from bench.generate import COUNTS, generate
from macros.data.loader import load_site


def digest(folder):
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(path.relative_to(folder).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def test_national_set_validates_with_the_promised_counts(tmp_path):
    counts = generate(tmp_path / "kansallinen")
    assert counts["parties"] == COUNTS["workshops"] + COUNTS["providers"]
    assert counts["contacts"] == COUNTS["contacts"] and counts["reports"] == COUNTS["reports"]
    site, problems = load_site(tmp_path / "kansallinen")
    assert [p.plain() for p in problems if p.level != "huomautus"][:5] == []
    assert len(site.parties) == 370 and len(site.contacts) == 1500 and len(site.reports) == 700
    assert len(site.clock.toiminnot) == COUNTS["activities"]
    assert len({q.koodi for r in site.reports for q in r.tutkinnot}) >= 5


def test_generator_is_deterministic_and_leaves_the_example_alone(tmp_path, root):
    before = digest(root / "data")
    generate(tmp_path / "x", seed=7, scale=0.1)
    generate(tmp_path / "y", seed=7, scale=0.1)
    assert digest(tmp_path / "x") == digest(tmp_path / "y")
    generate(tmp_path / "z", seed=8, scale=0.1)
    assert digest(tmp_path / "x") != digest(tmp_path / "z")
    assert digest(root / "data") == before


def test_baseline_pages_hold_the_rendered_output(tmp_path, root):
    pages = baseline(root, tmp_path / "perus")
    assert pages >= 25
    text = (tmp_path / "perus/docs/linjaukset/sopijaosapuolet.md").read_text(encoding="utf-8")
    assert "{{" not in text and "Harjulan kunnan työpaja" in text and "LINJAUKSETHTML" not in text
    config = (tmp_path / "perus/mkdocs.yml").read_text(encoding="utf-8")
    assert "macros" not in config.split("plugins:")[1].split("\n#")[0] and "macros.markdown_extension" not in config
