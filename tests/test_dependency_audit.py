""".ci/audit.py, the CI's dependency audit: it fails on a known vulnerability, on a package it
could not audit (unless listed by exact version in .ci/audit-gaps.txt) and when nothing was
audited, and it always says how many packages it checked. pip-audit and PyPI are stood in for.
"""

import importlib.util

import pytest

from pressroom import ROOT


@pytest.fixture
def audit(monkeypatch):
    """The audit module with the installed packages, pip-audit and PyPI replaced by stand-ins:
    set `audit.report` (pip-audit's dependencies) and `audit.newest` (PyPI's answers)."""
    spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.packages = {"flask": "3.1.3", "redis": "7.4.1", "oddity": "0.1", "pressroom": "0.1.0"}
    module.report = []
    module.newest = {}
    monkeypatch.setattr(module, "osv_answers", lambda: False)
    monkeypatch.setattr(module, "installed", lambda python: dict(module.packages))
    monkeypatch.setattr(module, "known_gaps", lambda: {"redis==7.4.1": "held below 8"})
    monkeypatch.setattr(module, "pip_audit", lambda python, service: module.report)
    monkeypatch.setattr(
        module, "newest_release_vulnerabilities", lambda name, version: module.newest.get(name)
    )
    return module


def checked(name: str, vulns=()) -> dict:
    """A dependency pip-audit looked up, with its vulnerabilities."""
    return {"name": name, "version": "1", "vulns": list(vulns)}


def skipped(name: str) -> dict:
    """A dependency pip-audit could not look up."""
    return {"name": name, "skip_reason": "Dependency not found on PyPI"}


def test_all_audited_and_clean_passes_and_says_how_many(audit, capsys):
    """Clean, with the one unauditable package listed: exit 0, and the counts are printed."""
    audit.report = [checked("flask"), skipped("redis"), skipped("pressroom")]
    audit.newest = {}  # redis: no answer, but listed in the gaps file
    assert audit.main("python") == 0
    out = capsys.readouterr().out
    assert "audited 1 of 4 installed packages" in out
    assert "1 could not be audited (1 listed" in out


def test_a_package_that_could_not_be_audited_fails(audit, capsys):
    """A package pip-audit skipped and PyPI cannot speak for, not listed: exit 1, named."""
    audit.report = [checked("flask"), skipped("oddity")]
    assert audit.main("python") == 1
    out = capsys.readouterr().out
    assert "COULD NOT AUDIT: oddity 0.1" in out
    assert "audited 1 of 4 installed packages" in out


def test_a_skipped_package_pypi_speaks_for_counts_as_audited(audit, capsys):
    """Skipped by pip-audit but at PyPI's newest release without vulnerabilities: audited."""
    audit.report = [checked("flask"), skipped("oddity")]
    audit.newest = {"oddity": []}
    assert audit.main("python") == 0
    assert "audited 2 of 4 installed packages: 1 by pip-audit" in capsys.readouterr().out


def test_a_known_vulnerability_fails(audit, capsys):
    """A known vulnerability: exit 1, with its id and fix."""
    audit.report = [checked("flask", [{"id": "PYSEC-0000-1", "fix_versions": ["9.9"]}])]
    assert audit.main("python") == 1
    assert "VULNERABLE: flask 3.1.3: PYSEC-0000-1 (fixed in: 9.9)" in capsys.readouterr().out


def test_nothing_audited_fails(audit, capsys):
    """An empty report is a failure, not a pass."""
    audit.report = []
    assert audit.main("python") == 1
    out = capsys.readouterr().out
    assert "audited 0 of 4 installed packages" in out
    assert "nothing was audited" in out


def test_a_listed_gap_of_another_version_fails(audit, capsys):
    """The gaps file names exact versions: an upgraded, still unauditable package fails."""
    audit.packages["redis"] = "7.4.2"
    audit.report = [checked("flask"), skipped("redis")]
    assert audit.main("python") == 1
    assert "COULD NOT AUDIT: redis 7.4.2" in capsys.readouterr().out
