"""The floor of Pressroom's libraries: the bare-Flask floor (bench/floor.py) in a process that
has first imported every module a Pressroom worker has once started, but Pressroom's own.

Its memory is what master + workers take before a line of Pressroom runs: the memory table
compares Pressroom with it as well as with bare Flask. `python -m bench.libraries` (in the
benchmark's environment) prints the names of those modules as JSON; the server reads them from
the file LIBRARY_MODULES names.
"""

import importlib
import json
import os
import sys
from pathlib import Path


def worker_modules() -> list[str]:
    """Return the modules a served worker has once started (the app created and warmed as
    gunicorn.conf.py warms it), Pressroom's and the benchmark's own left out."""
    from pressroom.preforking import warm

    from .site import app

    warm(app)
    own = ("pressroom", "bench", "__main__")
    return sorted(name for name in sys.modules if not name.startswith(own))


if __name__ == "__main__":
    print(json.dumps(worker_modules()))
else:
    for name in json.loads(Path(os.environ["LIBRARY_MODULES"]).read_text()):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 (a module only another one's import can load)
            continue
    from .floor import app  # noqa: E402, F401  (the floor, served as it is)
