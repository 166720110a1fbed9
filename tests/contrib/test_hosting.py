"""The CI workflow and Read the Docs build what the project promises, with targets that exist."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([\w-]+):", makefile, re.MULTILINE))


def test_pull_requests_run_the_checks_and_the_suite_and_keep_the_editions() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML reads `on` as True
    assert "pull_request" in triggers
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    commands = "\n".join(step.get("run", "") for step in steps)
    assert "make check" in commands and "bash .ci/run" in commands  # .ci/run ends in make test
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for target in re.findall(r"\bmake ((?:[\w-]+ ?)+)", commands):
        assert set(target.split()) <= make_targets(), f"no such Makefile target: make {target}"
    uploads = {step["with"]["name"]: step["with"]["path"] for step in steps
               if step.get("uses", "").startswith("actions/upload-artifact")}
    assert set(uploads) == {"html", "pdf", "epub"}
    assert uploads["pdf"].endswith(".pdf") and uploads["epub"].endswith(".epub")
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # "Last updated" needs the history


def test_read_the_docs_builds_every_format_from_the_pins() -> None:
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert set(config["formats"]) == {"pdf", "epub"}  # HTML is always built
    assert config["sphinx"]["configuration"] == "conf.py"
    assert config["sphinx"]["fail_on_warning"] is True
    assert {"requirements": "requirements.txt"} in config["python"]["install"]
    assert (ROOT / "requirements.txt").exists()
