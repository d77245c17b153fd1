#!/usr/bin/env bash
# Retakes docs/screenshots/labels.png (docs/datasets.md, "In the app"): a copy of the bundled
# samples with a label set, imported object boxes and three labelled sidecars, shown with the
# Labels panel in front. Needs the Release build and xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=$(mktemp -d)
trap 'rm -rf "$demo"' EXIT
cp resources/samples/*.png resources/samples/*.jpg "$demo"/
chmod u+w "$demo"/*
python3 - "$demo" <<'PY'
import json, sys, os
d = sys.argv[1]
def save(name, value):
    with open(os.path.join(d, name), "w") as f:
        json.dump(value, f, indent=4)
save("cropwise-labels.json", {"format": "cropwise.labels", "version": 1, "labels": [
    {"name": "face", "colour": "#e6194b", "hotkey": 1}, {"name": "portrait", "colour": "#3cb44b", "hotkey": 2},
    {"name": "helmet", "colour": "#ffe119", "hotkey": 3}, {"name": "patch", "colour": "#f032e6", "hotkey": 7},
    {"name": "flag", "colour": "#4363d8", "hotkey": 4}, {"name": "spacecraft", "colour": "#f58231", "hotkey": 5},
    {"name": "cat", "colour": "#46f0f0", "hotkey": 6}]})
def box(l, x, y, w, h, d=False, t=False):
    return {"label": l, "x": x, "y": y, "width": w, "height": h, "difficult": d, "truncated": t}
save("cropwise-objects.json", {"format": "cropwise.objects", "version": 1, "images": [
    {"file": "astronaut.png", "width": 512, "height": 512, "verified": False, "boxes": [
        box("face", 170, 66, 116, 122), box("flag", 0, 0, 96, 512, t=True),
        box("spacecraft", 354, 0, 108, 282), box("helmet", 278, 343, 234, 169, t=True)]},
    {"file": "chelsea.png", "width": 451, "height": 300, "verified": False, "boxes": [box("cat", 180, 20, 230, 270)]},
    {"file": "rocket.jpg", "width": 640, "height": 427, "verified": False,
     "boxes": [box("spacecraft", 290, 40, 70, 300, d=True)]}]})
def crop(i, name, label, rect, aspect=None):
    return {"id": "00000000-0000-4000-8000-%012d" % i, "name": name, "label": label, "rect": rect, "aspect": aspect}
def sidecar(name, w, h, crops, verified):
    save(name + ".cropwise.json", {"format": "cropwise.sidecar", "version": 1,
        "image": {"file": name, "width": w, "height": h}, "verified": verified, "crops": crops})
sidecar("astronaut.png", 512, 512, [crop(3, "Headshot", "face", [158, 52, 140, 140], "1:1"),
    crop(1, "Head and shoulders", "portrait", [104, 20, 272, 340], "4:5"),
    crop(2, "Mission patch", "patch", [118, 336, 112, 100])], True)
sidecar("chelsea.png", 451, 300, [crop(4, "Cat", "cat", [160, 0, 280, 280], "1:1")], True)
sidecar("grace_hopper.jpg", 512, 600, [crop(5, "Portrait", "portrait", [96, 40, 320, 400], "4:5"),
    crop(6, "Face", "face", [170, 80, 170, 170], "1:1")], False)
PY
xvfb-run -a -s "-screen 0 1600x1000x24" build/release/app/cropwise --screenshot docs/screenshots/labels.png \
    --window-size 1500x950 --panel Labels "$demo"
