"""README's configuration table names every variable the code reads."""

import re

from pressroom import ROOT


def documented_variables() -> set[str]:
    """Return the variables in the first column of README's configuration table."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z_]+)` \|", section, re.MULTILINE))


def test_every_environment_variable_is_documented():
    """Each variable config.py or gunicorn.conf.py reads has a row in the table."""
    config = (ROOT / "pressroom" / "config.py").read_text()
    gunicorn = (ROOT / "gunicorn.conf.py").read_text()
    read = set(re.findall(r'_(?:env|number|positive|words)\(\s*"([A-Z_]+)"', config))
    read |= set(re.findall(r'os\.environ\.(?:get|setdefault)\("([A-Z_]+)"', gunicorn))
    assert read, "no variables found: has the way config.py reads them changed?"
    assert read - documented_variables() == set()
