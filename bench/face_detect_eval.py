#!/usr/bin/env python3
"""Precision and recall of the faces that `cropwise-cli suggest` reports (stdlib only).

Reads the JSON Lines of `cropwise-cli suggest` (their "faces" arrays) and an annotations.json of
../shared/eval (its "faces" boxes). A detection matches an unmatched ground-truth face when their
IoU is >= --iou (default 0.3: people's boxes run eyebrows-to-chin, detectors' boxes differ in how
much forehead and chin they take, so a strict 0.5 would count good detections as misses).
Greedy matching by detection score. Prints precision, recall and F1, optionally at several
score thresholds (--thresholds 0.5,0.6,...).

  cropwise-cli suggest --aspects 1:1 ../shared/eval/dlib-faces/images > d.jsonl
  python3 bench/face_detect_eval.py --gt ../shared/eval/dlib-faces/annotations.json --pred d.jsonl
"""
import argparse
import json
import os


def iou(a, b):
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    i = max(0, x1 - x0) * max(0, y1 - y0)
    u = a[2] * a[3] + b[2] * b[3] - i
    return i / u if u > 0 else 0.0


def evaluate(gt, preds, threshold, min_iou):
    tp = fp = fn = 0
    for name, item in gt.items():
        truth = item.get("faces") or []
        pred = preds.get(name)
        dets = [f for f in (pred or {}).get("faces", []) if f["score"] >= threshold]
        dets.sort(key=lambda f: -f["score"])
        used = [False] * len(truth)
        for d in dets:
            best, best_i = min_iou, -1
            for i, t in enumerate(truth):
                if not used[i]:
                    v = iou(d["rect"], t)
                    if v >= best:
                        best, best_i = v, i
            if best_i >= 0:
                used[best_i] = True
                tp += 1
            else:
                fp += 1
        fn += used.count(False)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"threshold": threshold, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gt", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--iou", type=float, default=0.3)
    ap.add_argument("--thresholds", default="0.5")
    ap.add_argument("--all-images", action="store_true",
                    help="score every annotated image, also those without faces (false alarms count)")
    a = ap.parse_args()
    with open(a.gt, encoding="utf-8") as f:
        items = json.load(f)
    gt = {os.path.basename(it["image"]): it for it in items if a.all_images or it.get("faces")}
    preds = {}
    with open(a.pred, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                preds[os.path.basename(obj.get("image", ""))] = obj
    for t in [float(x) for x in a.thresholds.split(",")]:
        r = evaluate(gt, preds, t, a.iou)
        print("faces: threshold={threshold:.2f} tp={tp} fp={fp} fn={fn} precision={precision:.3f} "
              "recall={recall:.3f} f1={f1:.3f}".format(**r))


if __name__ == "__main__":
    main()
