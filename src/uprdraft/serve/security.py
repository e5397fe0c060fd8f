"""The guard in front of every request (pure ASGI middleware).

1. ``Host`` must be one this server answers to (its address; ``localhost`` too when bound
   to a loopback address): a page from another site that re-points its own name at
   127.0.0.1 (DNS rebinding) is refused.
2. The token: once from the address (``?token=...``, which sets an HttpOnly,
   SameSite=Strict cookie and redirects to the same page without it), then from that
   cookie; scripts send ``Authorization: Bearer TOKEN``. Without it: 403.
3. State-changing requests (anything but GET/HEAD/OPTIONS) authenticated by the cookie
   must come from our own pages: an ``Origin`` (or ``Sec-Fetch-Site``) naming another site
   is refused, so no other site can make the browser post a form here.
4. Request bodies are bounded (``rules.serve.max_body_bytes``): 413 past the bound, read no
   further.
5. Every answer carries a strict Content-Security-Policy (our own scripts and styles only),
   no caching, no referrer to other sites.
"""
from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping, Sequence
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "uprdraft_token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` values this server answers to (lower case, with and without the port)."""
    names = {host.lower()}
    if host in LOOPBACK or host.startswith("127."):
        names |= LOOPBACK
    if host in ("0.0.0.0", "::", "[::]"):  # every interface: the names and addresses of this computer
        names |= LOOPBACK | machine_names()
    if ":" in host and not host.startswith("["):
        names.add(f"[{host.lower()}]")
    out = set()
    for n in names:
        out.add(f"{n}:{port}")
        if port in (80, 443):
            out.add(n)
    out |= {h.lower() for h in extra}
    return frozenset(out)


def machine_names() -> set[str]:
    """This computer's host names and addresses, as a browser elsewhere may write them."""
    import socket

    names: set[str] = set()
    try:
        host = socket.gethostname()
        names |= {host.lower(), socket.getfqdn().lower()}
        for info in socket.getaddrinfo(host, None):
            addr = str(info[4][0]).lower()
            names.add(f"[{addr}]" if ":" in addr else addr)
    except OSError:
        pass
    return names


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in scope.get("headers", []):
        out.setdefault(k.decode("latin-1").lower(), v.decode("latin-1"))
    return out


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


async def _answer(send: Send, status: int, body: dict[str, Any] | str, headers: Sequence[tuple[bytes, bytes]] = ()
                  ) -> None:
    if isinstance(body, dict):
        data = json.dumps(body, ensure_ascii=False).encode()
        ctype = b"application/json"
    else:
        data = body.encode()
        ctype = b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(data)).encode()),
                            *HEADERS, *headers]})
    await send({"type": "http.response.body", "body": data})


def refusal(code: str, message: str) -> dict[str, Any]:
    """A refusal in the shape of the CLI's JSON report."""
    return {"ok": False, "findings": [{"code": code, "severity": "error", "message": message, "location": ""}],
            "stats": {}, "output": None}


class Guard:
    def __init__(self, app: ASGIApp, token: str, hosts: frozenset[str], max_body: int) -> None:
        self.app = app
        self.token = token
        self.hosts = hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets here
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            return
        headers = _headers(scope)
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            await _answer(send, 403, refusal("forbidden", f"this server does not answer to the host '{host}'"))
            return
        method = scope["method"].upper()
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:
            pass
        by_cookie = _same(cookie[COOKIE].value if COOKIE in cookie else None, self.token)
        auth = headers.get("authorization", "")
        by_bearer = auth[:7].lower() == "bearer " and _same(auth[7:].strip(), self.token)
        by_query = _same(query.get("token"), self.token)
        if not (by_cookie or by_bearer or by_query):
            await _answer(send, 403, refusal("forbidden", "open the address printed by 'uprdraft serve' "
                                                          "(with its token), or send 'Authorization: Bearer TOKEN'"))
            return
        if method not in SAFE_METHODS and not by_bearer and not by_query:
            origin = headers.get("origin")
            fetch_site = headers.get("sec-fetch-site")
            foreign_origin = origin not in (None, "null") and origin.split("://", 1)[-1].lower() not in self.hosts
            # a form of our own page says Sec-Fetch-Site: same-origin; an opaque origin ("null")
            # without it, another site or port (same-site: another server on this computer) is refused
            if foreign_origin or fetch_site in ("cross-site", "same-site") \
                    or (origin == "null" and fetch_site != "same-origin"):
                await _answer(send, 403, refusal("forbidden", "a request from another site is refused"))
                return
        if by_query and method in ("GET", "HEAD") and not by_cookie and not by_bearer \
                and not scope["path"].startswith("/api/"):
            # first visit from the printed address: keep the token in a cookie, then show the
            # same page without it in the address (nor in history, nor in a Referer)
            rest = urlencode([(k, v) for k, v in query.items() if k != "token"])
            location = scope["path"] + (f"?{rest}" if rest else "")
            await _answer(send, 303, "", [
                (b"location", location.encode("latin-1")),
                (b"set-cookie", f"{COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/".encode())])
            return
        length = headers.get("content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                await _answer(send, 400, refusal("usage", "the Content-Length header is not a number"))
                return
            if too_big:
                await _answer(send, 413, refusal("too-large", f"the request is larger than {self.max_body:,} bytes "
                                                              "(rules: serve.max_body_bytes)"))
                return
        body = b""
        if method not in SAFE_METHODS:
            # read the whole (bounded) body here, so that nothing past the bound is read
            more = True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    await _answer(send, 413, refusal("too-large", f"the request is larger than {self.max_body:,} "
                                                                  "bytes (rules: serve.max_body_bytes)"))
                    return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, replay, secured)
