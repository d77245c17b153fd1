#!/usr/bin/env bash
# Speed of `cropwise-cli suggest` (4 aspects) beside libvips smartcrop attention computing the
# same 4 rectangles in-process, on the fcdb-dev photos and on 24 MP JPEGs made into bench/out/big/.
# Prints the medians and the ratio. See docs/benchmarks.md.
#
#   bench/speed_suggest.sh [--cli PATH] [--runs N] [--big-count N] [--sets fcdb,big] [--shrink-on-load N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/install-peers.sh"
exec /usr/bin/python3 "$here/speed_suggest.py" "$@"
