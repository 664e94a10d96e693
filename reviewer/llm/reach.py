"""A TCP probe before the first request, so a dead endpoint costs about a second and no heavy imports.

Building ChatOpenAI imports langchain-openai and openai, which alone takes seconds on a busy machine;
when nothing listens at the endpoint (connection refused, unknown host, no route) that cost buys
nothing. The probe retries within `budget` seconds (a server that is just restarting), then reports
the endpoint down. Endpoints reached through a proxy are not probed: the proxy would answer instead.
"""

from __future__ import annotations

import socket
import time
import urllib.request
from collections.abc import Callable
from urllib.parse import urlsplit


def endpoint_address(base_url: str | None) -> tuple[str, int] | None:
    """(host, port) the client will connect to; None when the URL names no host."""
    try:
        parts = urlsplit(base_url or "https://api.openai.com/v1")
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    return (parts.hostname, port) if parts.hostname else None


def _proxied(host: str) -> bool:
    proxies = urllib.request.getproxies()
    return bool(proxies) and not urllib.request.proxy_bypass(host)


def probe(base_url: str | None, connect_timeout: float, budget: float,
          sleep: Callable[[float], None]) -> tuple[OSError, int, float] | None:
    """None if a TCP connection opens within `budget` s, else (last error, attempts, seconds)."""
    address = endpoint_address(base_url)
    if address is None or _proxied(address[0]):
        return None
    started, attempts, wait = time.monotonic(), 0, 0.25
    while True:
        attempts += 1
        try:
            socket.create_connection(address, timeout=connect_timeout).close()
            return None
        except OSError as exc:  # refused, unknown host, unreachable network, connect timeout
            error = exc
        elapsed = time.monotonic() - started
        if elapsed >= budget:
            return error, attempts, elapsed
        sleep(min(wait, budget - elapsed))
        wait *= 2
