#!/usr/bin/env bash
# Installs the given Debian packages that are missing (only those), with root or sudo. One place for the
# project's apt use: CI's unit-test tools (.ci/run) and the editor tests' tools (scripts/e2e/install-tools.sh).
# Usage: scripts/ci/apt-install.sh PACKAGE...
set -euo pipefail
missing=(); for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "== [apt $(date +%T)] apt-get install ${missing[*]}"
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
