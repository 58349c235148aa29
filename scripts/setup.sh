#!/usr/bin/env bash
# Set up cleantext on a fresh Debian/Ubuntu machine: Apertium (apt) and a virtualenv in .venv.
#   scripts/setup.sh          runtime only (with the [html] extra: HTML pages in)
#   scripts/setup.sh --dev    also the test and evaluation tools (and Ray, which the tests run)
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="apertium apertium-fra-cat apertium-cat-ita apertium-eng-cat apertium-eng-spa apertium-spa-ita apertium-fr-es"
# --dev: Chromium renders the HTML report in a test
[ "${1:-}" = "--dev" ] && APT_PACKAGES="$APT_PACKAGES chromium"
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing Apertium:$missing" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
extra="[html,datasets]"  # the samples hold an HTML page (trafilatura); corpora come as JSONL/Parquet/WARC
[ "${1:-}" = "--dev" ] && extra="[test,html,datasets]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}"
# wordfreq's tables as copies in the cache folder (cleantext/freq.py): once per machine
.venv/bin/python -c "from cleantext.freq import prepare; prepare()" \
  || echo "setup: word-frequency copies not written (runs load the tables instead)" >&2
echo "setup: ready (.venv/bin/cleantext)" >&2
