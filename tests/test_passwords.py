"""Staff passwords: the 10,000 most common are refused; the list never loads in a web worker."""

import json
import subprocess
import sys

import pytest
from sqlalchemy import select

from pressroom import ROOT
from pressroom.extensions import db
from pressroom.models import StaffUser
from pressroom.staff.accounts import COMMON_PASSWORDS, common_passwords

from .staff_client import EMAIL, PASSWORD


def create(runner, password: str):
    """Run `staff create` with `password` on standard input."""
    return runner.invoke(args=["staff", "create", EMAIL, "--password-stdin"],
                         input=f"{password}\n")


@pytest.mark.parametrize(
    "password", ["password", "12345678", "iloveyou", "qwertyuiop", "trustno1", "Password1",
                 "BASEBALL"],
)
def test_a_common_password_is_refused(app, runner, password):
    """Common passwords (compared case-insensitively) are refused with a clear message."""
    result = create(runner, password)
    assert result.exit_code != 0
    assert "is one of the 10,000 most common passwords" in result.output
    with app.app_context():
        assert db.session.scalar(select(StaffUser.id)) is None


@pytest.mark.parametrize(
    "password", [PASSWORD, "Съешь же ещё этих мягких булок", "tangerine-lighthouse-47"],
)
def test_an_uncommon_password_is_accepted(app, runner, password):
    """No composition rules: any long enough password off the list will do."""
    result = create(runner, password)
    assert result.exit_code == 0, result.output


def test_the_list_is_the_ten_thousand_most_common():
    """The list from the package has its 10,000 entries, most common first, in lower case."""
    found = common_passwords()
    assert len(found) == COMMON_PASSWORDS == 10_000
    assert {"123456", "password", "qwerty", "letmein"} <= found
    assert all(word == word.lower() for word in found)


def test_web_workers_never_load_the_list(tmp_path):
    """Serving pages and sign-ins loads neither the list nor the package that ships it."""
    script = f"""
import json, os, sys
os.environ.update(DATABASE_URL="sqlite:///{tmp_path / 'p.sqlite3'}",
                  SECRET_KEY="a-key-long-enough-for-production-mode", PRESSROOM_ENV="production",
                  PRESSROOM_STATE_FILE="{tmp_path / 'state.json'}")
sys.path.insert(0, {str(ROOT)!r})
from wsgi import app
from pressroom.extensions import db
with app.app_context():
    db.create_all()
client = app.test_client()
statuses = [client.get(path).status_code for path in ("/en/", "/staff/sign-in", "/widgets/")]
attempt = {{"email": "a@b.c", "password": "password"}}
statuses.append(client.post("/staff/sign-in", data=attempt).status_code)
loaded = sorted(name for name in sys.modules if "zxcvbn" in name)
print(json.dumps({{"statuses": statuses, "loaded": loaded}}))
"""
    environment = {"PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=tmp_path, env=environment, timeout=60, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["statuses"][:3] == [200, 200, 200]
    assert report["loaded"] == []
