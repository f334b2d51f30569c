"""`make run` on a first visit: the port it serves on, what it says, and the README's promises."""

import re
import shutil
import socket
import subprocess
import sys

import pytest

from pressroom import ROOT

CHECK_PORT = [sys.executable, str(ROOT / "tools" / "check_port.py")]


def check_port(port: str) -> subprocess.CompletedProcess:
    """Run tools/check_port.py as `make run` does."""
    return subprocess.run([*CHECK_PORT, port], capture_output=True, text=True, timeout=30)


def test_a_taken_port_is_named_with_the_command_to_use_instead():
    """A port something listens on stops `make run` with a message naming another port."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = check_port(str(port))
    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is not available" in result.stderr
    assert "another program is serving on it" in result.stderr
    assert f"make run PORT={port + 1}" in result.stderr
    # Once it is free again, the check lets `make run` go on.
    assert check_port(str(port)).returncode == 0


@pytest.mark.parametrize("port", ["", "http", "0", "70000", "50 01"])
def test_a_port_that_is_no_port_is_refused_with_an_example(port):
    """Whatever PORT holds, the answer is a sentence with an example, never a traceback."""
    result = check_port(port)
    assert result.returncode == 1
    assert "PORT must be a number from 1 to 65535" in result.stderr
    assert "make run PORT=5001" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_serves_on_port_and_says_each_step():
    """`make run PORT=…` checks and serves that port, with a line before each step."""
    result = subprocess.run(
        ["make", "-n", "run", "PORT=5123"], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    commands = result.stdout
    assert "tools/check_port.py '5123'" in commands
    assert "--port 5123" in commands and "--port 5000" not in commands
    steps = re.findall(r"^printf '\\n==> %s\\n' \"(.+)\"$", commands, re.MULTILINE)
    # The port first: the set-up after it takes minutes on a fresh clone.
    assert steps[0] == "Checking that port 5123 is free"
    assert steps[-4:] == [
        "Compiling the message catalogues",
        "Building the SQLite database in instance/ (flask db upgrade)",
        "Loading the demo content (flask demo)",
        "Serving http://127.0.0.1:5123/ (Ctrl+C stops; make run PORT=… for another port)",
    ]


def test_readme_quick_start_is_two_commands_and_warns_about_the_test_database():
    """Quick start stays `make run` and `make test`; the suite's emptying of its database is
    said."""
    readme = (ROOT / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick_start, re.DOTALL).group(1)
    assert [line.split()[:2] for line in block.splitlines()] == [["make", "run"], ["make", "test"]]
    assert "make run PORT=5001" in quick_start
    assert "The database named in `TEST_DATABASE_URL` is emptied by the suite" in quick_start
