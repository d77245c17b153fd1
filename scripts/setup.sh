#!/usr/bin/env bash
# Installs the missing Debian packages (as root) and builds Cropwise in Release (build/release).
# A second run with nothing changed installs nothing and rebuilds incrementally.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${CROPWISE_BUILD_DIR:-$root/build/release}
build_type=${CROPWISE_BUILD_TYPE:-Release}

missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done < "$root/scripts/debian-packages.txt"

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${CROPWISE_CMAKE_ARGS:-}
fi
cmake --build "$build_dir" --parallel "$(nproc)"
