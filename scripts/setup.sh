#!/usr/bin/env bash
# Set up this project on a fresh machine: system packages, a virtualenv in .venv, Python packages.
#   bash scripts/setup.sh          what the extractor and the app need
#   bash scripts/setup.sh --test   also what the tests need (Debian's chromium for the browser test, playwright)
# Idempotent: a second run only checks. Needs network access to Debian's and PyPI's registries at setup
# time only; nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

apt_pkgs=()
[ -f apt-packages.txt ] && while read -r p; do [ -n "$p" ] && [ "${p#\#}" = "$p" ] && apt_pkgs+=("$p"); done < apt-packages.txt
[ "$want_test" = 1 ] && [ -f apt-packages-test.txt ] && while read -r p; do [ -n "$p" ] && [ "${p#\#}" = "$p" ] && apt_pkgs+=("$p"); done < apt-packages-test.txt
missing=()
for p in "${apt_pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    echo "setup: installing system packages: ${missing[*]}" >&2
    $sudo_cmd apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these system packages yourself: ${missing[*]} (OCR and the browser test need them)" >&2
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
pip_install() { .venv/bin/python -m pip install -q --disable-pip-version-check "$@"; }
# The lock files pin every package to the exact version and sha256 the tests passed with (README:
# "Reproducible set-up"); the requirements files are the ranges they were made from.
lock=requirements.lock
[ "$want_test" = 1 ] && lock=requirements-test.lock
if [ -f "$lock" ]; then
  pip_install --require-hashes -r "$lock"
else
  pip_install -r requirements.txt
  [ "$want_test" = 1 ] && [ -f requirements-test.txt ] && pip_install -r requirements-test.txt
fi
# the project itself, editable: the legal-facts command and the spaCy entry points point at this checkout
pip_install --no-deps --no-build-isolation -e . || pip_install --no-deps -e .
echo "setup: ready (.venv)" >&2
