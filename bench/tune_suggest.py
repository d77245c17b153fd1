#!/usr/bin/env python3
"""Tune the crop suggester's knobs on the TRAINING half of fcdb-dev (stdlib only).

Coordinate search: for each knob in turn, try its candidate values with the others fixed and keep
the best by the objective on the even-index images (sorted by file name) of fcdb-dev; repeat for
--passes. The odd-index half is never looked at here (bench/eval_suggest.py reports it as
held-out). The knobs are SuggestParams members (core/suggest/SuggestParams.h), set through
`cropwise-cli suggest --param name=value`; nothing is per image.

Objective: mean IoU of `free` plus mean IoU with the human crop's ratio given (see
bench/eval_suggest.py), minus BDE of free (all on the training half). A change is kept only when
it gains at least --min-gain (0.002): smaller differences are noise on 84 photos.

  python3 bench/tune_suggest.py --cli build/release/app/cropwise-cli > tune.log
The best values found are printed at the end as --param arguments; copy them into the defaults
of SuggestParams.h by hand.
"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_suggest as ev  # noqa: E402

# Candidate values per knob (the first pass starts from the code's defaults).
GRID = [
    ("sizeWeight", [0.25, 0.5, 1.0, 2.0, 4.0]),
    ("sizeTolerance", [0.05, 0.1, 0.15, 0.25]),
    ("freeWidthTarget", [0.8, 0.85, 0.9, 0.95]),
    ("freeHeightTarget", [0.75, 0.8, 0.85, 0.9]),
    ("sizeTargetAspect", [0.85, 0.9, 0.95, 1.0]),
    ("placementWeight", [0.0, 0.25, 0.5, 1.0, 2.0]),
    ("placementTolerance", [0.02, 0.05, 0.1, 0.2]),
    ("keepWeight", [0.5, 1.0, 2.0, 4.0]),
    ("tightWeight", [0.0, 0.15, 0.3, 0.6]),
    ("cleanWeight", [0.0, 0.15, 0.3, 0.6]),
    ("compositionWeight", [0.0, 0.2, 0.4, 0.8, 1.6]),
    ("compositionSpread", [0.05, 0.1, 0.2, 0.3]),
    ("centrePrior", [0.0, 0.3, 0.6]),
    ("edgeWeight", [0.0, 0.5, 1.0, 2.0]),
    ("spectralWeight", [0.0, 0.5, 1.0, 2.0]),
    ("fineGrainedWeight", [0.0, 0.5, 1.0, 2.0]),
    ("saturationWeight", [0.0, 0.5, 1.0]),
    ("skinWeight", [0.0, 0.5, 1.0]),
    ("faceShare", [0.1, 0.3, 0.5]),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--eval", default=ev.DEFAULT_EVAL)
    ap.add_argument("--passes", type=int, default=1)
    ap.add_argument("--knobs", help="comma-separated subset of the grid's knobs")
    ap.add_argument("--start", action="append", default=[], help="name=value to start from (repeatable)")
    ap.add_argument("--jobs", type=int)
    ap.add_argument("--min-gain", type=float, default=0.002,
                    help="a change is kept only if it raises the objective by this much (smaller is noise "
                         "on 84 photos)")
    a = ap.parse_args()

    score_mod = ev.load_score_module(a.eval)
    data_dir = os.path.join(a.eval, "fcdb-dev")
    with open(os.path.join(data_dir, "annotations.json"), encoding="utf-8") as f:
        items = [it for it in json.load(f) if it.get("crops")]
    train = ev.split_items(items, "even")

    current = dict(s.split("=", 1) for s in a.start)
    cache = {}

    # Faces do not depend on the knobs tuned here: detect them once, then pass them back in.
    faces_file = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
    for obj in ev.predict(a.cli, data_dir, train, "free", [], a.jobs).values():
        faces_file.write(json.dumps({"image": obj["image"], "faces": obj.get("faces", [])}) + "\n")
    faces_file.close()
    extra = ["--faces-from", faces_file.name]

    def objective(params):
        key = tuple(sorted(params.items()))
        if key in cache:
            return cache[key]
        plist = [f"{k}={v}" for k, v in sorted(params.items())]
        free = ev.score(score_mod, train, ev.predict(a.cli, data_dir, train, "free", plist, a.jobs, extra))
        given = ev.score(score_mod, train, ev.predict(a.cli, data_dir, train, "given", plist, a.jobs, extra))
        value = free["iou"] + given["iou"] - free["bde"]
        cache[key] = (value, free, given)
        print(f"  {value:.4f} free IoU={free['iou']:.4f} BDE={free['bde']:.4f} given IoU={given['iou']:.4f}"
              f"  {' '.join(plist)}", flush=True)
        return cache[key]

    best = objective(current)
    knobs = [g for g in GRID if not a.knobs or g[0] in a.knobs.split(",")]
    for p in range(a.passes):
        print(f"pass {p + 1}", flush=True)
        for name, values in knobs:
            for v in values:
                trial = dict(current)
                trial[name] = str(v)
                result = objective(trial)
                if result[0] > best[0] + a.min_gain:
                    best, current = result, trial
            print(f"after {name}: {best[0]:.4f} {current}", flush=True)
    print("best:", " ".join(f"--param {k}={v}" for k, v in sorted(current.items())))
    os.unlink(faces_file.name)
    print(f"train: free IoU={best[1]['iou']:.4f} BDE={best[1]['bde']:.4f} given IoU={best[2]['iou']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
