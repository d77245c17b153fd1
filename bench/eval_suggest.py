#!/usr/bin/env python3
"""Measure Cropwise's crop suggestions against people's crops (stdlib only).

Runs `cropwise-cli suggest` on ../shared/eval/fcdb-dev (or another set with "crops") and scores the
result with ../shared/eval/score.py:
  free   `--aspects free`, IoU / BDE of the first suggestion against the human crop;
  given  each photo with the human crop's own ratio as the nearest small-term ratio,
         Fraction(w, h).limit_denominator(16), so the solver is told the shape but not the size.
Reports the even-index half (the one bench/tune_suggest.py tunes on), the odd-index half (held
out) and all images. Also usable as a library by bench/tune_suggest.py.

  python3 bench/eval_suggest.py --cli build/release/app/cropwise-cli
  python3 bench/eval_suggest.py --cli ... --param keepWeight=1.5   # try a knob
"""
import argparse
import collections
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EVAL = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "eval"))


def load_score_module(eval_dir):
    spec = importlib.util.spec_from_file_location("score", os.path.join(eval_dir, "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def given_aspect(crop):
    f = Fraction(crop[2], crop[3]).limit_denominator(16)
    return f"{f.numerator}:{f.denominator}"


def run_cli(cli, images, aspects, params=(), jobs=None, extra=()):
    """Runs the CLI on `images` with one --aspects value; returns {basename: json object}."""
    cmd = [cli, "suggest", "--aspects", aspects]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    for p in params:
        cmd += ["--param", p]
    cmd += list(extra) + list(images)
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if res.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:8])} ... failed ({res.returncode}): {res.stderr.strip()}")
    out = {}
    for line in res.stdout.splitlines():
        if line.strip():
            obj = json.loads(line)
            out[os.path.basename(obj["image"])] = obj
    return out


def split_items(items, split):
    items = sorted(items, key=lambda it: os.path.basename(it["image"]))
    if split == "even":
        return items[0::2]
    if split == "odd":
        return items[1::2]
    return items


def predict(cli, data_dir, items, mode, params=(), jobs=None, extra=()):
    """Predictions for `items` in `mode` free|given, as {basename: object}."""
    if mode == "free":
        return run_cli(cli, [os.path.join(data_dir, it["image"]) for it in items], "free", params, jobs, extra)
    groups = collections.defaultdict(list)
    for it in items:
        groups[given_aspect(it["crops"][0])].append(os.path.join(data_dir, it["image"]))
    preds = {}
    for aspect, paths in sorted(groups.items()):
        preds.update(run_cli(cli, paths, aspect, params, jobs, extra))
    return preds


def score(score_mod, items, preds):
    gt = {os.path.basename(it["image"]): it for it in items}
    return score_mod.score_crops(gt, preds, None)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True, help="path of cropwise-cli")
    ap.add_argument("--eval", default=DEFAULT_EVAL, help="the shared eval folder")
    ap.add_argument("--set", default="fcdb-dev")
    ap.add_argument("--modes", default="free,given")
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--jobs", type=int)
    ap.add_argument("--save", help="folder to keep the JSON Lines in (free.jsonl, given.jsonl)")
    a = ap.parse_args()
    score_mod = load_score_module(a.eval)
    data_dir = os.path.join(a.eval, a.set)
    with open(os.path.join(data_dir, "annotations.json"), encoding="utf-8") as f:
        items = [it for it in json.load(f) if it.get("crops")]
    for mode in a.modes.split(","):
        preds = predict(a.cli, data_dir, items, mode, a.param, a.jobs)
        if a.save:
            os.makedirs(a.save, exist_ok=True)
            with open(os.path.join(a.save, f"{mode}.jsonl"), "w", encoding="utf-8") as f:
                for name in sorted(preds):
                    f.write(json.dumps(preds[name]) + "\n")
        for split in ("even", "odd", "all"):
            r = score(score_mod, split_items(items, split), preds)
            label = {"even": "train (even)", "odd": "held-out (odd)", "all": "all"}[split]
            print(f"{mode:5s} {label:15s} images={r['images']:3d} missing={r['missing']} "
                  f"IoU={r['iou']:.4f} BDE={r['bde']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
