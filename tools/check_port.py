"""Say whether `make run` can serve on a port: exit 0 when it is free, 1 with advice when not."""

import errno
import socket
import sys


def main(argv: list[str]) -> int:
    """Try to bind 127.0.0.1:PORT; print what to do instead when that fails."""
    text = argv[1] if len(argv) > 1 else ""
    if not text.isdigit() or not 0 < int(text) < 65536:
        print(f"PORT must be a number from 1 to 65535, not {text!r}: e.g. make run PORT=5001",
              file=sys.stderr)
        return 1
    port = int(text)
    with socket.socket() as probe:
        # As the development server does: a port left in TIME_WAIT by the last run is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            suggestion = 5001 if port < 1024 or port == 5000 else port + 1
            why = ("another program is serving on it" if error.errno == errno.EADDRINUSE
                   else "this user may not serve on it")
            print(f"Port {port} on 127.0.0.1 is not available ({error.strerror}): {why}.\n"
                  f"Choose another port: make run PORT={suggestion}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
