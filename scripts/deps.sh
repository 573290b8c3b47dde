#!/bin/sh
# deps.sh: make sure the Debian packages slotgen needs are installed.
#
# Usage: scripts/deps.sh PACKAGE...
# Installs the missing ones with apt-get when run as root; otherwise prints
# the exact apt-get line to run and fails.  Sourced knowledge of package
# names lives in the callers (example.sh, test.sh, bench/run.sh).
set -eu

missing=""
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "slotgen: installing missing packages:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
else
    echo "slotgen: missing packages:$missing" >&2
    echo "run:  sudo apt-get install -y$missing" >&2
    exit 1
fi
