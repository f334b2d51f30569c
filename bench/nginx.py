"""Run nginx with the site configuration from deploy/, its paths and ports moved to a folder."""

import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_SITE = ROOT / "deploy" / "nginx" / "pressroom.conf"


def adapted_site(folder: Path, port: int, app_port: int) -> str:
    """Return the shipped site configuration with its paths and ports moved into `folder`."""
    site = NGINX_SITE.read_text()
    for old, new in {
        "/srv/pressroom/static/": f"{ROOT / 'static'}/",
        "/srv/pressroom/instance/media/": f"{folder / 'media'}/",
        "/var/cache/nginx/pressroom": str(folder / "cache"),
        "/var/log/nginx/": f"{folder}/",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
    }.items():
        if old not in site:
            raise ValueError(f"deploy/nginx/pressroom.conf no longer has {old!r}")
        site = site.replace(old, new)
    return site


def write_config(folder: Path, servers: str, *, workers: int = 1, daemon: bool = False) -> Path:
    """Write a main configuration around `servers`, as /etc/nginx/nginx.conf would be."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "servers.conf").write_text(servers)
    main = folder / "nginx.conf"
    main.write_text(
        f"""
        daemon {"on" if daemon else "off"};
        master_process {"on" if workers > 1 else "off"};
        worker_processes {workers};
        pid {folder}/nginx.pid;
        error_log {folder}/error.log;
        events {{ worker_connections 1024; }}
        http {{
            include /etc/nginx/mime.types;
            client_body_temp_path {folder}/body;
            proxy_temp_path {folder}/proxy;
            include {folder}/servers.conf;
        }}
        """
    )
    return main


def static_server(port: int, folder: Path, page: str) -> str:
    """Return a server block answering every path with the static file `page` in `folder`."""
    return f"""
    server {{
        listen 127.0.0.1:{port};
        access_log off;
        root {folder};
        location / {{ try_files /{page} =404; }}
    }}
    """


class Nginx:
    """An nginx process on a configuration written by `write_config`."""

    def __init__(self, config: Path, url: str):
        self.url = url
        self.process = subprocess.Popen(
            ["nginx", "-c", str(config), "-e", str(config.parent / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(url + "/static/css/site.css", timeout=1):
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((config.parent / "error.log").read_text()) from None
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop nginx."""
        self.process.terminate()
        self.process.wait(10)
