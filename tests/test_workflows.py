"""The GitHub Actions workflows are valid, pinned, bounded in time, and run real make targets."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
COMMAND_SPLIT = re.compile(r"&&|\|\||[;|\n]")


def load(path: Path) -> dict:
    """Parse a workflow; PyYAML reads the key ``on`` as True, so put it back."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    """Every (job id, step) pair of a workflow."""
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_the_two_workflows_exist() -> None:
    """deploy.yml publishes on pushes to main; test.yml tests pull requests."""
    names = {p.name for p in WORKFLOWS}
    assert {"deploy.yml", "test.yml"} <= names
    assert load(ROOT / ".github/workflows/deploy.yml")["on"]["push"]["branches"] == ["main"]
    assert "pull_request" in load(ROOT / ".github/workflows/test.yml")["on"]


@pytest.mark.parametrize(
    "schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"]
)
def test_workflows_match_the_schema(schema: str) -> None:
    """check-jsonschema's vendored copy of schemastore's workflow schema accepts each file."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            schema,
            *map(str, WORKFLOWS),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_matches_the_schema() -> None:
    """Dependabot keeps the pinned SHAs current; its file is valid too."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.dependabot",
            str(ROOT / ".github" / "dependabot.yml"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_catches_a_mistake(tmp_path: Path) -> None:
    """Guard against a check that accepts anything: a misspelt key is refused."""
    bad = tmp_path / "bad.yml"
    text = (ROOT / ".github/workflows/test.yml").read_text(encoding="utf-8")
    bad.write_text(text.replace("runs-on:", "runs_on:"), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(bad),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    """`uses:` names a full 40-hex commit SHA, never a movable tag or branch."""
    used = [step["uses"] for _, step in steps(load(path)) if "uses" in step]
    assert used
    for ref in used:
        assert PINNED.match(ref), f"{path.name}: {ref} is not pinned to a full commit SHA"


# The only jobs that may write, and what: deploying to Pages; publishing a refresh (the branch
# or main, its pull request, starting test.yml / deploy.yml); opening an issue for a refusal.
WRITES: dict[tuple[str, str], set[str]] = {
    ("deploy.yml", "deploy"): {"pages", "id-token"},
    ("refresh.yml", "publish"): {"contents", "pull-requests", "actions"},
    ("refresh.yml", "report"): {"issues"},
}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_timeout_and_least_permissions(path: Path) -> None:
    """Each job is bounded in time; only the jobs in WRITES may write, and only what it says."""
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert "concurrency" in workflow
    for job_id, job in workflow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"{path.name}: {job_id} has no timeout"
        permissions = job.get("permissions", {})
        writes = {k for k, v in permissions.items() if v == "write"}
        allowed = WRITES.get((path.name, job_id), set())
        assert writes == allowed, f"{path.name}: {job_id} asks for {writes}, not {allowed}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_pasted_into_a_script(path: Path) -> None:
    """`run:` scripts read values from env, so a ref name or a pull request title cannot
    become code."""
    for job_id, step in steps(load(path)):
        assert "${{" not in step.get("run", ""), f"{path.name}: {job_id}: {step.get('name')}"


def make_targets() -> list[tuple[str, str]]:
    """Every (workflow, target) of a `make X` command the workflows run."""
    found = []
    for path in WORKFLOWS:
        for _, step in steps(load(path)):
            script = step.get("run", "").replace("\\\n", " ")
            for command in COMMAND_SPLIT.split(script):
                try:
                    words = shlex.split(command)
                except ValueError:  # a `;` or `|` inside quotes split it mid-string: no make
                    words = command.split()
                if words and words[0] == "make":
                    targets = [w for w in words[1:] if not w.startswith("-") and "=" not in w]
                    found.extend((path.name, t) for t in targets)
    return found


def test_workflows_run_make() -> None:
    """The workflows go through the Makefile, as a developer does."""
    assert {"test", "build"} <= {target for _, target in make_targets()}


@pytest.mark.parametrize(("workflow", "target"), make_targets())
def test_make_targets_exist(workflow: str, target: str) -> None:
    """`make -n X` knows every target the workflows call."""
    result = subprocess.run(
        ["make", "-n", "-C", str(ROOT), target],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, f"{workflow}: make {target}: {result.stderr}"


def test_site_url_comes_from_configure_pages() -> None:
    """The build takes its address from the Pages settings, so forks publish under their URL."""
    workflow = load(ROOT / ".github/workflows/deploy.yml")
    build = workflow["jobs"]["build"]
    pages = [s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@")]
    assert pages and pages[0]["id"] == "pages"
    make_build = [s for s in build["steps"] if "make build" in s.get("run", "")]
    assert make_build[0]["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"


def test_refresh_runs_twice_a_day_and_on_demand() -> None:
    """The refresh workflow has two scheduled times a day and can be started by hand."""
    on = load(ROOT / ".github/workflows/refresh.yml")["on"]
    crons = [entry["cron"] for entry in on["schedule"]]
    hours = {h for cron in crons for h in cron.split()[1].split(",")}
    assert len(hours) == 2, crons
    assert "workflow_dispatch" in on


def test_refresh_acts_on_the_commands_exit_codes() -> None:
    """publish runs after an import and report after a refusal, by the codes refresh exits with;
    the jobs holding a write token run none of the project's code."""
    from site287g.ingest.outcome import IMPORTED, REFUSED

    jobs = load(ROOT / ".github/workflows/refresh.yml")["jobs"]
    run = next(s["run"] for s in jobs["refresh"]["steps"] if s.get("id") == "run")
    assert "python -m site287g.ingest.refresh" in run and '--outputs "$GITHUB_OUTPUT"' in run
    assert jobs["publish"]["if"] == f"needs.refresh.outputs.code == '{IMPORTED}'"
    assert jobs["report"]["if"] == f"needs.refresh.outputs.code == '{REFUSED}'"
    for job_id in ("publish", "report"):
        scripts = " ".join(s.get("run", "") for s in jobs[job_id]["steps"])
        assert "site287g" not in scripts and "make " not in scripts, job_id


def test_refresh_commits_to_main_only_when_the_variable_says_so() -> None:
    """A pull request by default; the repository variable REFRESH_TO_MAIN=true pushes to main."""
    publish = load(ROOT / ".github/workflows/refresh.yml")["jobs"]["publish"]
    assert publish["env"]["TO_MAIN"] == "${{ vars.REFRESH_TO_MAIN }}"
    to_main = [s for s in publish["steps"] if "HEAD:main" in s.get("run", "")]
    to_pr = [s for s in publish["steps"] if "gh pr create" in s.get("run", "")]
    assert [s["if"] for s in to_main] == ["env.TO_MAIN == 'true'"]
    assert [s["if"] for s in to_pr] == ["env.TO_MAIN != 'true'"]
