"""Keyed pseudonyms of the national identifier (IIN) that link one person across HEIs and periods.

``p1:<key id>:<base32>`` is HMAC-SHA256 of the IIN under a secret key the ministry holds and
gives to HEIs. The same IIN gives the same pseudonym in every HEI's file; without the key no
stored value can be turned back into an IIN. A plain hash would not do: an IIN is six digits of
birth date, a century-and-sex digit, four serial digits and a check digit — about 10^9 values,
which a laptop hashes in minutes. See docs/pseudonyms.md for the threat model and key rotation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from datetime import date

from aqyl.domain.errors import AqylError
from aqyl.domain.wording.catalogue import label

SCHEME = "p1"
KEY_FORMAT = "aqyl-pseudonym-key"
KEY_BYTES = 32
DIGEST_BYTES = 20  # 160 bits: collisions need ~10^24 people; the stored value fits in 64 characters
_KEY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,15}$")
PSEUDONYM = re.compile(r"^p1:[a-z0-9][a-z0-9-]{0,15}:[a-z2-7]{32}$")


class PseudonymError(AqylError):
    """A key file, key id or IIN that cannot be used; the message says what to do."""


@dataclass(frozen=True)
class Key:
    key_id: str
    secret: bytes = b""

    def __post_init__(self) -> None:
        if not _KEY_ID.match(self.key_id):
            raise PseudonymError("bad_key_id", value=self.key_id)
        if len(self.secret) < 16:
            raise ValueError("a pseudonymisation key needs at least 16 secret bytes")

    def __repr__(self) -> str:  # never print the secret in a log or a traceback
        return f"Key(key_id={self.key_id!r})"


def new_key(key_id: str) -> Key:
    return Key(key_id, secrets.token_bytes(KEY_BYTES))


def key_to_text(key: Key, created: date | None = None) -> str:
    return json.dumps({"format": KEY_FORMAT, "version": 1, "key_id": key.key_id,
                       "secret": base64.b64encode(key.secret).decode("ascii"),
                       "created": (created or date.today()).isoformat()}, indent=2) + "\n"


def key_from_text(text: str, file: str = "") -> Key:
    # The reason is a label, rendered in the message's language (aqyl.domain.wording.privacy).
    reasons = {"json": label("key_file_not_json"), "format": label("key_file_other_format"),
               "secret": label("key_file_secret_damaged")}
    try:
        data = json.loads(text)
    except ValueError:
        raise PseudonymError("bad_key_file", file=file, reason=reasons["json"]) from None
    if not isinstance(data, dict) or data.get("format") != KEY_FORMAT or data.get("version") != 1:
        raise PseudonymError("bad_key_file", file=file, reason=reasons["format"])
    try:
        secret = base64.b64decode(str(data.get("secret", "")), validate=True)
    except ValueError:
        raise PseudonymError("bad_key_file", file=file, reason=reasons["secret"]) from None
    if len(secret) < 16:
        raise PseudonymError("bad_key_file", file=file, reason=reasons["secret"])
    return Key(str(data.get("key_id", "")), secret)


def iin_checksum_ok(iin: str) -> bool:
    """The IIN's twelfth digit: Σ digit·weight mod 11 over weights 1…11, and if that gives 10,
    over weights 3…11, 1, 2; a second 10 means no valid IIN has these eleven digits."""
    if len(iin) != 12 or not iin.isdigit():
        return False
    d = [int(c) for c in iin]
    for weights in (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)):
        check = sum(a * w for a, w in zip(d, weights, strict=False)) % 11
        if check != 10:
            return check == d[11]
    return False


def normalise_iin(text: str) -> str:
    """The 12 digits of an IIN written with spaces or dashes; raises PseudonymError otherwise."""
    digits = re.sub(r"[\s-]", "", text)
    if len(digits) == 11 and digits.isdigit():
        digits = "0" + digits  # Excel stored it as a number and dropped the leading zero (born 2000–2009)
    if not iin_checksum_ok(digits):
        raise PseudonymError("bad_iin", value=text.strip()[:40])
    return digits


def pseudonym(iin: str, key: Key) -> str:
    """``p1:<key id>:<32 base32 letters>`` for a valid IIN (PseudonymError for anything else)."""
    digits = normalise_iin(iin)
    mac = hmac.new(key.secret, f"aqyl-iin:{digits}".encode("ascii"), hashlib.sha256).digest()[:DIGEST_BYTES]
    return f"{SCHEME}:{key.key_id}:{base64.b32encode(mac).decode('ascii').lower()}"


def is_pseudonym(text: str) -> bool:
    return bool(PSEUDONYM.match(text))


def rekey_map(iins, old: Key, new: Key) -> dict[str, str]:
    """Old pseudonym → new pseudonym for the people listed: what the ministry, holding the IINs
    and both keys, hands over when a key is replaced (the stored values are then rewritten)."""
    return {pseudonym(i, old): pseudonym(i, new) for i in iins}
