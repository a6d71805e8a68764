#!/usr/bin/env bash
# Lints marketplace.yaml with Redocly's recommended rules and Spectral's spectral:oas, at the
# versions pinned in package-lock.json; any error or warning fails. The build runs it (pom.xml).
# Exceptions are made per place only, with their reasons: .redocly.lint-ignore.yaml.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v npm > /dev/null; then
  if [ -n "${CI:-}" ]; then
    echo "contract lint: npm is missing, and CI must lint the contract (.ci/run installs it)" >&2
    exit 1
  fi
  echo "contract lint: SKIPPED, npm is not installed (apt-get install nodejs npm to run it)" >&2
  exit 0
fi

# Installs the pinned linters once, and again only when package-lock.json changes.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
redocly_status=0
redocly_report=$(node_modules/.bin/redocly lint marketplace.yaml --format=stylish --max-problems=1000 2>&1) \
  || redocly_status=$?
# Redocly's notice that its next major version leaves Node.js 20 is about Redocly, not the contract.
grep -v "Node.js 20\|Node.js 22\|[║╔╚]" <<< "$redocly_report" || true
if [ "$redocly_status" -ne 0 ] || grep -q " warning " <<< "$redocly_report"; then
  echo "contract lint: Redocly found problems (above): fix them, or except the one place with a reason" >&2
  exit 1
fi
node_modules/.bin/spectral lint marketplace.yaml --fail-severity=warn
echo "contract lint: Redocly (recommended) and Spectral (spectral:oas): 0 errors, 0 warnings"
