"""Audit the packages installed in a Python environment for known vulnerabilities.

Usage: python .ci/audit.py PYTHON   (run by an interpreter that has pip-audit installed;
PYTHON is the interpreter of the environment to audit, e.g. .venv/bin/python)

pip-audit checks every installed package against OSV when OSV answers, else against PyPI's
per-release JSON. This machine reaches PyPI only as package registries are reached (the simple
index and /pypi/NAME/json), so pip-audit may skip packages it cannot look up; each of those is
looked up again in /pypi/NAME/json, whose `vulnerabilities` describe the newest release, which
tells about the installed one only when it is that release.

Fails (exit 1) on any known vulnerability, when nothing was audited, and when a package could
not be audited, unless it is the local project or listed by exact version in
.ci/audit-gaps.txt (with the reason). Prints how many packages were audited and how.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAPS = ROOT / ".ci" / "audit-gaps.txt"
OSV_QUERY = "https://api.osv.dev/v1/query"
PYPI_PROJECT = "https://pypi.org/pypi/{name}/json"
TIMEOUT = 15


def canonical(name: str) -> str:
    """Return a package name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def local_project() -> str:
    """Return the name of the project in this repository."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return canonical(tomllib.load(f)["project"]["name"])


def known_gaps() -> dict[str, str]:
    """Return {"name==version": reason} from the gaps file."""
    gaps = {}
    for line in GAPS.read_text().splitlines():
        entry, _, reason = line.partition("#")
        if entry.strip():
            name, _, version = entry.strip().partition("==")
            gaps[f"{canonical(name)}=={version.strip()}"] = reason.strip()
    return gaps


def osv_answers() -> bool:
    """Tell whether the OSV service can be reached from here."""
    query = json.dumps({"package": {"name": "pip", "ecosystem": "PyPI"}, "version": "1.0"})
    request = urllib.request.Request(
        OSV_QUERY, query.encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5):
            return True
    except urllib.error.HTTPError:
        return True  # it answered
    except OSError:
        return False


def installed(python: str) -> dict[str, str]:
    """Return {canonical name: version} of every package installed for `python`."""
    listing = subprocess.run(
        [python, "-m", "pip", "list", "--format", "json", "--disable-pip-version-check"],
        check=True, capture_output=True, text=True,
    ).stdout
    return {canonical(p["name"]): p["version"] for p in json.loads(listing)}


def pip_audit(python: str, service: str) -> list[dict]:
    """Run pip-audit on `python`'s environment; return its JSON list of dependencies."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "audit.json"
        done = subprocess.run(
            [sys.executable, "-m", "pip_audit", "--vulnerability-service", service,
             "--format", "json", "--output", str(report), "--progress-spinner", "off",
             "--skip-editable", "--timeout", str(TIMEOUT)],
            env={**os.environ, "PIPAPI_PYTHON_LOCATION": python},
            capture_output=True, text=True,
        )
        # 0: nothing found; 1: vulnerabilities found (listed in the report).
        if done.returncode not in (0, 1) or not report.exists():
            sys.exit(f"pip-audit failed ({done.returncode}):\n{done.stderr}")
        return json.loads(report.read_text())["dependencies"]


def newest_release_vulnerabilities(name: str, version: str) -> list[dict] | None:
    """Return the vulnerabilities PyPI lists for `name` if `version` is its newest release;
    None when PyPI cannot say (another release is newest, or no answer)."""
    try:
        with urllib.request.urlopen(PYPI_PROJECT.format(name=name), timeout=TIMEOUT) as r:
            project = json.load(r)
    except OSError:
        return None
    if project["info"]["version"] != version:
        return None
    return [
        {"id": v["id"], "fix_versions": v.get("fixed_in") or [], "aliases": v.get("aliases")}
        for v in project.get("vulnerabilities") or []
        if not v.get("withdrawn")
    ]


def main(python: str) -> int:
    """Audit, print the figures, and return the exit status."""
    service = "osv" if osv_answers() else "pypi"
    packages = installed(python)
    local = local_project()
    gaps = known_gaps()
    report = pip_audit(python, service)

    audited: dict[str, list[dict]] = {}
    skipped = {canonical(d["name"]): d["skip_reason"] for d in report if "skip_reason" in d}
    for dep in report:
        if "skip_reason" not in dep:
            audited[canonical(dep["name"])] = dep["vulns"]
    by_pip_audit = len(audited)
    skipped.pop(local, None)
    with ThreadPoolExecutor(8) as pool:
        second = dict(zip(skipped, pool.map(
            lambda name: newest_release_vulnerabilities(name, packages.get(name, "")), skipped
        ), strict=True))
    unaudited = []
    for name, vulns in second.items():
        if vulns is not None:
            audited[name] = vulns
        else:
            unaudited.append(name)

    vulnerable = {name: vulns for name, vulns in audited.items() if vulns}
    accepted = [n for n in unaudited if f"{n}=={packages.get(n)}" in gaps]
    failing = [n for n in unaudited if n not in accepted]
    print(
        f"audited {len(audited)} of {len(packages)} installed packages: {by_pip_audit} by "
        f"pip-audit against {service}, {len(audited) - by_pip_audit} against PyPI's data for "
        f"their newest release; {len(unaudited)} could not be audited "
        f"({len(accepted)} listed in {GAPS.relative_to(ROOT)}); local project {local} skipped"
    )
    for name in accepted:
        pinned = f"{name}=={packages.get(name)}"
        print(f"  not audited (listed): {pinned}: {gaps[pinned]}")
    for name in failing:
        print(f"  COULD NOT AUDIT: {name} {packages.get(name)}: {skipped[name]}")
    for name, vulns in vulnerable.items():
        for v in vulns:
            fixes = ", ".join(v.get("fix_versions") or []) or "no fix"
            print(f"  VULNERABLE: {name} {packages.get(name)}: {v['id']} (fixed in: {fixes})")
    if not audited:
        print("nothing was audited")
    return 1 if vulnerable or failing or not audited else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
