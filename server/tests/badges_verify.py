"""Verifies an Open Badges VC-JWT the way a relying party would, with
joserfc (PyPI): the signature against the issuer's published key (EdDSA
only), then the registered claims. Prints the claims as JSON; exits
non-zero on any failure. Used by tests/learning.rs.

Usage: badges_verify.py <jwt> <issuer profile JSON> <issuer id>
"""

import json
import sys
import warnings

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey

warnings.filterwarnings("ignore", category=Warning, module="joserfc")

token, profile, issuer = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
key = OKPKey.import_key(profile["publicKeyJwk"])
try:
    decoded = jwt.decode(token, key, algorithms=["EdDSA"])
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": issuer},
        jti={"essential": True},
        nbf={"essential": True},
        exp={"essential": True},
    ).validate(decoded.claims)
except JoseError as error:
    print(f"rejected: {error!r}", file=sys.stderr)
    sys.exit(1)
print(json.dumps({"header": decoded.header, "claims": decoded.claims}))
