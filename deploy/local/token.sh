#!/usr/bin/env bash
# Prints a signed development JWT for the local run and for trying the APIs by hand.
#   deploy/local/token.sh ROLE [DEPARTMENT] [claim=value ...]
#   roles: department (needs DEPARTMENT, e.g. 034), reviewer, admin, integration
#   e.g.   deploy/local/token.sh reviewer sub=张审核 office=绩效管理股
#   tokens carry aud=jixiao; claim=value overrides any claim (aud=other gives a token every service refuses)
# Signed with the development key in common/src/test/resources; production trusts its OIDC issuer instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: $0 ROLE [DEPARTMENT] [claim=value ...]   (roles: department reviewer admin integration)" >&2
  exit 2
fi
exec java "$root/common/src/test/java/org/jixiao/common/test/DevTokens.java" \
  "$root/common/src/test/resources/jixiao/DEVELOPMENT-ONLY-jwt-private.pem" "$@"
