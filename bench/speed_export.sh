#!/usr/bin/env bash
# Speed of `cropwise-cli export --preset social` beside `vipsthumbnail --smartcrop attention`
# making the same 4 sizes (1080x1080, 1080x1350, 1920x1080, 1080x1920) of 24 MP JPEGs made into
# bench/out/big/. Prints the medians and the ratio. See docs/benchmarks.md.
#
#   bench/speed_export.sh [--cli PATH] [--runs N] [--big-count N] [--peer-only]
# Exits 3 with a message while `cropwise-cli export` does not exist (unless --peer-only).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/install-peers.sh"
exec /usr/bin/python3 "$here/speed_export.py" "$@"
