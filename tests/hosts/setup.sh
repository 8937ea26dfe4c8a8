#!/usr/bin/env bash
# Creates the host environments that tests/test_hosts.py builds with:
#   .venvs/properdocs  ProperDocs + its 'mkdocs' theme + this checkout (editable)
#   .venvs/zensical    Zensical + this checkout (editable)
#   .venvs/techdocs    mkdocs-techdocs-core (Backstage TechDocs' MkDocs set-up) + this checkout
# Safe to run again: it reuses existing environments and reinstalls this
# checkout, so an environment never runs another clone's code.
#
# Pins (see docs/hosts/*.md):
# - ProperDocs 1.6.7 and properdocs-theme-mkdocs 1.6.7: the newest releases when
#   the tests were written.
# - Zensical 0.0.73: 0.1.x depends on 'zensical-ui', which the package index
#   used here does not serve, so 0.0.73 is the newest release that installs.
#   It needs Python >= 3.11.
# - mkdocs-techdocs-core 1.7.1: the newest release when the tests were written. It pins
#   Material, pymdown-extensions and Markdown, so it gets an environment of its own.
set -euo pipefail

PROPERDOCS_VERSION=1.6.7
PROPERDOCS_THEME_VERSION=1.6.7
ZENSICAL_VERSION=0.0.73
TECHDOCS_CORE_VERSION=1.7.1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${PYTHON:-python3}"

make_env() {
    local name="$1" command="$2"
    shift 2
    local venv="$root/.venvs/$name"
    if [ ! -x "$venv/bin/python" ]; then
        "$python" -m venv "$venv"
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "$@" --editable "$root"
    echo "$name ready: $("$venv/bin/$command" --version) ($venv)"
}

make_env properdocs properdocs "properdocs==$PROPERDOCS_VERSION" \
    "properdocs-theme-mkdocs==$PROPERDOCS_THEME_VERSION"
make_env zensical zensical "zensical==$ZENSICAL_VERSION"
make_env techdocs mkdocs "mkdocs-techdocs-core==$TECHDOCS_CORE_VERSION"
