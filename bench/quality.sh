#!/usr/bin/env bash
# Crop quality of `cropwise-cli suggest` beside libvips smartcrop, smartcrop.js and trivial
# baselines, on /work/shared/eval (scored by its score.py). See docs/benchmarks.md.
#
#   bench/quality.sh [--cli PATH] [--split all|train|heldout] [--tools LIST] [--sections LIST] [-v]
#
# --cli defaults to $CROPWISE_CLI, else /work/main/build/release/app/cropwise-cli. Cropwise's
# rows are left empty (and said so) while that binary has no working `suggest`.
# --split train|heldout: even / odd photos of fcdb-dev by file name (bench/split.py); tune on
# train, report heldout. Outputs: bench/out/quality-<split>-*.jsonl and quality-<split>.json.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/install-peers.sh"
exec /usr/bin/python3 "$here/quality.py" "$@"
