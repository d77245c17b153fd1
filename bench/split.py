#!/usr/bin/env python3
"""Train / held-out split of an eval set, so tuning and reporting use different photos.

Items of annotations.json are sorted by image file name (the key score.py matches on) and
numbered from 0: even numbers are `train` (tune on these), odd numbers are `heldout` (report
these). `all` keeps everything. The split is a pure function of the file names: it does not
change when the annotation file is reordered, and never looks at the pixels or the crops.

  split.py --gt annotations.json --split heldout [--need crops|faces] [--write-gt FILE] [--list]
    --write-gt  writes the subset as a new annotations.json (image paths made absolute) for score.py
    --list      prints the absolute image paths, one per line
"""
import argparse
import json
import os
import sys

SPLITS = ("all", "train", "heldout")


def load_items(gt_path):
    with open(gt_path, encoding="utf-8") as f:
        items = json.load(f)
    base = os.path.dirname(os.path.abspath(gt_path))
    out = []
    for it in items:
        it = dict(it)
        it["image"] = os.path.normpath(os.path.join(base, it["image"]))
        out.append(it)
    return sorted(out, key=lambda it: os.path.basename(it["image"]))


def select(items, split, need=None):
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (use one of {', '.join(SPLITS)})")
    chosen = [it for i, it in enumerate(items)
              if split == "all" or (i % 2 == 0) == (split == "train")]
    if need:
        chosen = [it for it in chosen if it.get(need)]
    return chosen


def write_gt(items, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(items, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gt", required=True)
    ap.add_argument("--split", choices=SPLITS, default="all")
    ap.add_argument("--need", choices=["crops", "faces"], help="keep only items that have this field")
    ap.add_argument("--write-gt")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    chosen = select(load_items(a.gt), a.split, a.need)
    if a.write_gt:
        write_gt(chosen, a.write_gt)
    if a.list:
        for it in chosen:
            print(it["image"])
    if not a.write_gt and not a.list:
        print(f"{a.split}: {len(chosen)} images", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
