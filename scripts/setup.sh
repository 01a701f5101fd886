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
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
if [ "$want_test" = 1 ] && [ -f requirements-test.txt ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
fi
echo "setup: ready (.venv)" >&2
