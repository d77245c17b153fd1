#!/usr/bin/env bash
# Installs the peer croppers the benchmarks compare against (idempotent):
#   - Debian: libvips-tools (vips, vipsthumbnail), python3-gi + gir1.2-vips-8.0 (libvips in-process
#     from Debian's own python3);
#   - npm: smartcrop + sharp into bench/node_modules (sharp's libvips binaries come with its npm package).
# Nothing else is downloaded. Run as root (apt-get) or with the Debian packages already present.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

debs=(libvips-tools python3-gi gir1.2-vips-8.0)
missing=()
for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "install-peers: apt-get install ${missing[*]}" >&2
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    # Update the lists only when a package cannot be found in the current ones.
    if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
        "${sudo_cmd[@]}" apt-get update -q
    fi
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Debian's python3 carries python3-gi; a pyenv or venv python3 earlier on PATH does not.
/usr/bin/python3 -c "import gi; gi.require_version('Vips', '8.0'); from gi.repository import Vips" \
    || { echo "install-peers: libvips is not importable from /usr/bin/python3 via gi" >&2; exit 1; }

if ! (cd "$here" && node -e "require.resolve('smartcrop'); require('sharp')" >/dev/null 2>&1); then
    echo "install-peers: npm install in $here" >&2
    (cd "$here" && npm install --no-audit --no-fund --loglevel=error)
fi
(cd "$here" && node -e "const s = require('sharp'); console.error('install-peers: sharp ' + require('sharp/package.json').version + ' (libvips ' + s.versions.vips + '), smartcrop ' + require('smartcrop/package.json').version)")
