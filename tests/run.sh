#!/usr/bin/env bash
# Every check of mkdocs-biml, from a fresh machine: installs what the checks
# need (idempotent, quick when already done), then lints, type-checks and tests.
#
#   bash tests/run.sh              # everything
#   bash tests/run.sh -k callout   # extra arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

# The checks run in their own environment, .venv/ (created once, then reused),
# so running them never changes the packages of the user's own interpreter.
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
python=.venv/bin/python
"$python" -m pip install --quiet --disable-pip-version-check -e ".[test]"

# Browser tests drive Debian's Chromium; without it they skip (CI requires it, and
# .ci/run installs it). This script installs no system package: it says what to do.
if [ -z "${BIML_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ] && ! command -v chromium >/dev/null 2>&1; then
    echo "== no Chromium: the browser tests will skip. To run them, install Debian's" \
        "chromium (sudo apt-get install chromium) or set BIML_CHROMIUM=/path/to/chromium." >&2
fi

# ProperDocs and Zensical each get their own environment (see docs/hosts/).
if [ -f tests/hosts/setup.sh ]; then
    PYTHON="$python" bash tests/hosts/setup.sh
fi

echo "== ruff"
"$python" -m ruff check .
"$python" -m ruff format --check .
echo "== mypy (strict)"
"$python" -m mypy
echo "== import-linter (the layers of docs/architecture.md)"
.venv/bin/lint-imports
echo "== pytest"
"$python" -m pytest -q -n 2 --dist loadgroup -p no:cacheprovider "$@"
