#!/usr/bin/env bash
# Sets everything up, builds in Release and runs the whole Qt Test suite through ctest,
# then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs it once more.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)

"$root/scripts/setup.sh"
export QT_QPA_PLATFORM=offscreen
echo "== tests (Release)"
ctest --test-dir "$root/build/release" --output-on-failure --parallel "$jobs"

if [[ "${CROPWISE_SKIP_SANITIZERS:-0}" != 1 ]]; then
  echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
  CROPWISE_BUILD_DIR="$root/build/asan" CROPWISE_BUILD_TYPE=RelWithDebInfo \
    CROPWISE_CMAKE_ARGS="-DCROPWISE_SANITIZE=ON" "$root/scripts/setup.sh"
  # Qt's and fontconfig's one-time allocations are not our leaks; real errors still fail.
  export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  ctest --test-dir "$root/build/asan" --output-on-failure --parallel "$jobs"
fi

echo "== architecture: core/ must not include QtGui, QtWidgets or ui/"
if grep -rnE '#include *[<"](QtGui|QtWidgets|QWidget|QImage|QPixmap|QPainter|QUndo|QColorSpace|QTransform)|#include *"ui/' "$root/core"; then
  echo "core/ includes GUI headers" >&2
  exit 1
fi
echo "architecture check passed"
