"""What schemathesis needs to know beyond /api/openapi.json to test callsign.

Loaded by tests/openapi_conformance.rs through SCHEMATHESIS_HOOKS.

The description marks address fields (and free text, and routing numbers)
with callsign's own string formats, because what makes an address valid (a
dialable E.164 number, a user part, a host that is a DNS name) is more than
JSON Schema can say. Here each format
gets a generator of values the server must accept, so "valid data is
accepted" is tested on real addresses instead of random text. Invalid data
is still drawn from the rest of each schema (types, lengths, patterns).
"""

import json

import schemathesis
from hypothesis import strategies as st

_user = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,11}\Z")
_domain = st.sampled_from(["example.com", "example.net", "voice.example.org"])
# 555-0100 to 555-0199: the fictional range of each North American area code.
_tel = st.integers(min_value=100, max_value=199).map(lambda n: f"tel:+1212555{n:04d}")


def _at(scheme):
    return st.builds(lambda user, host: f"{scheme}:{user}@{host}", _user, _domain)


_address = st.one_of(
    _tel,
    _at("sip"),
    _at("sips"),
    _at("xmpp"),
    _at("mailto"),
    _at("h323"),
    st.builds(lambda host, path: f"https://{host}/{path}", _domain, _user),
)
_lookup_key = st.one_of(_address, _at("acct"))
_handle_prefix = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,11}\Z")

# An address URI of a kind callsign stores.
schemathesis.openapi.format("address", _address)
# What lookup and WebFinger take: an address or an `acct:` URI.
schemathesis.openapi.format("lookup-key", _lookup_key)
# What subject search takes: a lookup key or a handle prefix.
schemathesis.openapi.format("search-key", st.one_of(_lookup_key, _handle_prefix))
# Free text (labels, display names): the server takes what shows as itself
# by the PRECIS FreeformClass (RFC 8264), which no pattern can say; valid
# values are drawn from letters, digits, spaces and common punctuation.
schemathesis.openapi.format(
    "free-text", st.from_regex(r"\A[A-Za-z0-9\u00c0-\u017f .,'()&-]{0,40}\Z")
)
# A routing number: a whole E.164 number (London's fictional 020 7946 0xxx,
# so it is never one of the +1 212 555 numbers above).
schemathesis.openapi.format(
    "e164", st.integers(min_value=0, max_value=999).map(lambda n: f"+44207946{n:04d}")
)

# Free text (labels): what the server's Unicode rules accept, which JSON
# Schema cannot state (PRECIS excludes private-use and invisible characters
# anywhere in Unicode); the pattern still yields the invalid cases.
schemathesis.openapi.format(
    "free-text", st.from_regex(r"\A[A-Za-z0-9 .,'()&\u00e4\u00f6\u00fc\u00e9\u00f1-]{0,30}\Z")
)
# A domain named in a path (domain profiles).
schemathesis.openapi.format("domain-name", _domain)

# WebFinger links of subjects and domains: a relation (a registered name or
# an absolute URI), a target in a scheme the server allows, a URI template
# with an expression, a media type.
_https = st.builds(lambda host, path: f"https://{host}/{path}", _domain, _user)
schemathesis.openapi.format(
    "link-rel",
    st.one_of(
        st.sampled_from(["self", "lrdd", "http://webfinger.net/rel/avatar",
                         "http://openid.net/specs/connect/1.0/issuer"]),
        st.builds(lambda path: f"https://rel.example.com/{path}", _user),
    ),
)
schemathesis.openapi.format("link-href", st.one_of(_https, _address, _at("acct")))
schemathesis.openapi.format(
    "link-template", _https.map(lambda url: url + "?resource={uri}")
)
schemathesis.openapi.format(
    "media-type",
    st.sampled_from(["application/activity+json", "image/png", "text/html",
                     'application/ld+json; profile="https://www.w3.org/ns/activitystreams"']),
)
# XEP-0156 endpoints of a domain.
schemathesis.openapi.format(
    "websocket-url", st.builds(lambda host, path: f"wss://{host}/{path}", _domain, _user)
)
schemathesis.openapi.format("bosh-url", _https)


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    """The import body: each item of the described array on a line of its own."""
    lines = value if isinstance(value, list) else [value]
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


_KINDS = {"tel", "sip", "sips", "xmpp", "mailto", "h323", "https"}


def _canonical(uri):
    """Close enough to the server's canonical form to spot a repeat."""
    scheme, _, rest = uri.partition(":")
    if scheme.lower() == "tel":
        return "tel:" + "".join(c for c in rest if c not in " -.()")
    return uri.lower()


def _agree(value):
    """Make addresses consistent the way the descriptions say: `kind` agrees
    with the scheme of `uri`, only a `tel:` address has a `routing_number`,
    and a list names each address once."""
    if isinstance(value, list):
        items, seen = [], set()
        for item in map(_agree, value):
            uri = item.get("uri") if isinstance(item, dict) else None
            if isinstance(uri, str):
                if _canonical(uri) in seen:
                    continue
                seen.add(_canonical(uri))
            items.append(item)
        return items
    if not isinstance(value, dict):
        return value
    value = {key: _agree(item) for key, item in value.items()}
    # A link has exactly one target: `href` or `template`.
    if isinstance(value.get("rel"), str):
        if "href" in value and "template" in value:
            del value["template"]
        elif "href" not in value and "template" not in value:
            value["href"] = "https://example.com/target"
    uri, kind = value.get("uri"), value.get("kind")
    scheme = uri.split(":", 1)[0].lower() if isinstance(uri, str) and ":" in uri else None
    if isinstance(kind, str) and kind in _KINDS and scheme in _KINDS and kind != scheme:
        value["kind"] = scheme
    # Only a number has a routing number.
    if scheme in _KINDS and scheme != "tel" and isinstance(value.get("routing_number"), str):
        del value["routing_number"]
    return value


def _token(value):
    """A new token names a subject exactly when its scope is `self`, and a
    `self` token belongs to no audience."""
    if not isinstance(value, dict):
        return value
    if value.get("scope") == "self":
        if "subject" not in value:
            value["subject"] = "acct:alice@example.com"
        value.pop("audiences", None)
    elif value.get("scope") in ("admin", "lookup"):
        value.pop("subject", None)
    return value


@schemathesis.hook
def map_case(ctx, case):
    """Rules across fields and items that JSON Schema cannot state readably
    (`kind` agrees with the scheme of `uri`; each address once per subject,
    compared canonically), applied to generated bodies. Each value that is
    invalid in itself is left alone, so invalid data still reaches the server."""
    case.body = _agree(case.body)
    negative = case.meta is not None and case.meta.generation.mode.is_negative
    if ctx.operation is not None and ctx.operation.path == "/api/v1/tokens" and not negative:
        case.body = _token(case.body)
    return case


@schemathesis.hook
def filter_case(ctx, case):
    """With `skip_invalid=true` an import counts and skips invalid lines by
    design (200 with a report), so invalid bodies are sent without it."""
    if ctx.operation is None or ctx.operation.path != "/api/v1/import":
        return True
    negative = case.meta is not None and case.meta.generation.mode.is_negative
    skipping = str((case.query or {}).get("skip_invalid")).lower() == "true"
    return not (negative and skipping)

# Visibilities and audience names: the conformance test creates the
# audience `partners` (and keeps it in use), so valid values may name it;
# other names are refused as unknown, which the pattern cannot say.
schemathesis.openapi.format(
    "visibility",
    st.sampled_from(["public", "authenticated", "private", "audience:partners"]),
)
schemathesis.openapi.format("audience-name", st.just("partners"))
schemathesis.openapi.format(
    "discoverable",
    st.sampled_from(["everyone", "authenticated", "nobody", "audience:partners"]),
)
# The subject of a `self` token: the conformance test stores Alice.
schemathesis.openapi.format("subject-key", st.just("acct:alice@example.com"))
