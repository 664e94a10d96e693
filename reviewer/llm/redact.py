"""Credentials embedded in URLs (`user:password@host`, `?api-key=...`) never reach the screen or a log.

Azure-style and proxy endpoints carry secrets in the URL itself, so masking only the API-key setting
is not enough: `mask_url` is what `reviewer settings`, error messages and the call log print, and
`url_secrets` feeds the values to the scrubbers that clean server text.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

MASK = "***"
# Query parameters whose value is a credential (compared case-insensitively, '-' and '_' ignored).
_SECRET_PARAMS = frozenset({
    "apikey", "key", "token", "accesstoken", "authtoken", "auth", "secret", "clientsecret", "password",
    "passwd", "pwd", "sig", "signature", "code", "xapikey", "subscriptionkey", "session", "sessiontoken",
})
_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<userinfo>[^/?#@\s]*)@")


def _is_secret_param(name: str) -> bool:
    return name.lower().replace("-", "").replace("_", "") in _SECRET_PARAMS


def mask_url(url: str | None) -> str | None:
    """`url` with any password (and user name) and any credential-like query value replaced by ***."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return _USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{MASK}@{netloc.rsplit('@', 1)[1]}"
    query = parts.query
    if query:
        pieces = []
        for piece in query.split("&"):
            name, sep, _value = piece.partition("=")
            pieces.append(f"{name}={MASK}" if sep and _is_secret_param(unquote(name)) else piece)
        query = "&".join(pieces)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def url_secrets(url: str | None) -> tuple[str, ...]:
    """The secret values inside `url` (raw and percent-decoded), for scrubbing arbitrary text."""
    if not url:
        return ()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ()
    found: list[str] = []
    if "@" in parts.netloc:
        userinfo = parts.netloc.rsplit("@", 1)[0]
        user, _, password = userinfo.partition(":")
        found += [userinfo, password, user] if password else [userinfo, user]
    for name, value in parse_qsl(parts.query, keep_blank_values=False):
        if _is_secret_param(name):
            found.append(value)
    for piece in parts.query.split("&"):
        name, _, value = piece.partition("=")
        if value and _is_secret_param(unquote(name)):
            found.append(value)
    out = {s for v in found for s in (v, unquote(v)) if s and len(s) >= 4}
    return tuple(sorted(out, key=len, reverse=True))  # longest first: a substring never half-masks another


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """`text` with every secret (4+ chars) replaced by ***, then any URL credentials masked."""
    for secret in sorted(secrets, key=len, reverse=True):
        if secret and len(secret) >= 4:
            text = text.replace(secret, MASK)
    return _USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", text)
