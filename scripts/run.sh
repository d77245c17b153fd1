#!/usr/bin/env bash
# Sets everything up, then starts the Cropwise GUI on the bundled sample photos.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
app="$root/build/release/app/cropwise"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
  echo "run: no display found; starting Cropwise inside a virtual X server (xvfb-run)." >&2
  echo "run: on a desktop session the window opens normally. Stop it with Ctrl+C." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$root/resources/samples"
fi
exec "$app" "$root/resources/samples"
