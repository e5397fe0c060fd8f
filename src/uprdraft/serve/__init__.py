"""``uprdraft serve``: the same engine in a browser (Starlette on uvicorn, local only).

:func:`create_app` builds the ASGI application (pages and JSON API behind the token guard);
:func:`serve` runs it. Nothing here applies a rule: every check, render and import goes
through the registry, pipeline and API the CLI uses (see :mod:`uprdraft.serve.engine`).
"""
from __future__ import annotations

import secrets
from typing import Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def new_token() -> str:
    return secrets.token_urlsafe(24)


def address(host: str, port: int, token: str) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/?token={token}"


def check_free(host: str, port: int) -> None:
    """One plain line (exit 2) when the address cannot be listened on, before printing it."""
    import socket

    from ..findings import InputError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as e:
        raise InputError(f"--host {host}: not an address of this computer ({e.strerror or e})", code="usage") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(address)
        except OSError as e:
            raise InputError(f"cannot listen on {host}:{port}: {e.strerror or e}; choose another --port",
                             code="usage") from None


def create_app(token: str, **kw: Any) -> Any:
    from .app import create_app as make

    return make(token, **kw)


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, token: str | None = None, *, db: str | None = None,
          rules: Any = None, open_browser: bool = True, echo: Any = print) -> None:
    """Run the server until interrupted; prints the address (with its token) first."""
    import uvicorn

    token = token or new_token()
    app = create_app(token, host=host, port=port, rules=rules, db=db)
    check_free(host, port)
    url = address(host, port, token)
    echo(f"uprdraft serve: open {url}")
    echo("press Ctrl+C to stop")
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False,
                            date_header=False, proxy_headers=False, lifespan="off")
    server = uvicorn.Server(config)
    if open_browser:
        import threading
        import webbrowser

        def later() -> None:
            import time

            for _ in range(100):
                if server.started:
                    break
                time.sleep(0.05)
            webbrowser.open(url)

        threading.Thread(target=later, daemon=True).start()
    server.run()
