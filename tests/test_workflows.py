"""The GitHub workflows are valid, pinned to commit SHAs and run with least permissions."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

WORKFLOWS = ("check.yml", "publish.yml")


@pytest.mark.parametrize("name", WORKFLOWS)
def test_workflow_matches_githubs_schema(root, name):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(root / ".github/workflows" / name),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", WORKFLOWS)
def test_every_action_is_pinned_to_a_commit_with_its_version(root, name):
    text = (root / ".github/workflows" / name).read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for target, rest in uses:
        if target.startswith("./"):
            continue
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", target), target
        assert re.search(r"#\s*v\d+(\.\d+)*", rest), f"{target} has no version comment"


def _load(root, name):
    return yaml.load((root / ".github/workflows" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("name", WORKFLOWS)
def test_permissions_are_empty_by_default(root, name):
    assert _load(root, name)["permissions"] == {}


def test_publishing_runs_only_after_the_checks(root):
    jobs = _load(root, "publish.yml")["jobs"]
    assert jobs["checks"]["uses"] == "./.github/workflows/check.yml"
    assert jobs["build"]["needs"] == "checks"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = " ".join(str(step.get("uses", "")) for job in jobs.values() for step in job.get("steps", []))
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in steps


def test_site_is_rebuilt_daily_for_date_driven_content(root):
    triggers = _load(root, "publish.yml")["on"]
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]


def test_checks_run_on_pull_requests_and_can_be_called(root):
    triggers = _load(root, "check.yml")["on"]
    assert "pull_request" in triggers and "workflow_call" in triggers
    steps = [step.get("run", "") for step in _load(root, "check.yml")["jobs"]["check"]["steps"]]
    assert {"make check", "make test", "make build"} <= set(steps)
