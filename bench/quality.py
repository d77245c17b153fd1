#!/usr/bin/python3
"""Crop quality of `cropwise-cli suggest` beside its peers, scored by shared/eval/score.py.

Run through bench/quality.sh (which installs the peers first). Sections:
  free    fcdb-dev, --aspects free: Cropwise vs the whole image and a centred 90 % crop
          (IoU / BDE of the first suggestion against the human best crop).
  aspect  fcdb-dev, each photo's aspect given as its human crop's w:h reduced with
          Fraction(w, h).limit_denominator(16): Cropwise, libvips smartcrop attention and
          entropy, smartcrop.js, centred largest crop (IoU / BDE).
  faces   1:1, 4:5, 16:9, 9:16 on dlib-faces, sample-faces and the fcdb-dev photos that have
          face boxes: share of suggestions that cut a face, share of suggestions keeping every
          face where all faces fit (score.py faces).
Every output is checked with score.py valid too (integer rect, inside the image, exact aspect).
The split (--split train|heldout) applies to fcdb-dev (split.py: even / odd by file name);
dlib-faces and sample-faces are always used whole.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchlib  # noqa: E402
import split as splitter  # noqa: E402

PY = benchlib.PY
FACE_ASPECTS = "1:1,4:5,16:9,9:16"

# key -> (label, sections it takes part in)
TOOLS = OrderedDict([
    ("ours", ("cropwise suggest", {"free", "aspect", "faces"})),
    ("vips-attention", ("libvips smartcrop attention", {"aspect", "faces"})),
    ("vips-entropy", ("libvips smartcrop entropy", {"aspect", "faces"})),
    ("smartcrop-js", ("smartcrop.js (sharp)", {"aspect", "faces"})),
    ("centred", ("centred largest crop", {"aspect", "faces"})),
    ("whole", ("whole image", {"free"})),
    ("centred90", ("centred 90 %", {"free"})),
])


class Runner:
    def __init__(self, out_dir, log_path, verbose):
        self.out_dir = out_dir
        self.log = open(log_path, "w", encoding="utf-8")
        self.verbose = verbose
        self.lock = threading.Lock()

    def run(self, argv, stdout_path=None, stdout_mode="w"):
        """Runs argv; its stdout goes to stdout_path (if given). Returns (exit code, stderr)."""
        text = " ".join(shlex.quote(a) for a in argv)
        redirect = (" >> " if stdout_mode == "a" else " > ") + stdout_path if stdout_path else ""
        with self.lock:
            self.log.write(text + redirect + "\n")
            self.log.flush()
            if self.verbose:
                print("+ " + (text if len(text) <= 300 else text[:300] + " ...") + redirect, file=sys.stderr)
        out = open(stdout_path, stdout_mode, encoding="utf-8") if stdout_path else subprocess.DEVNULL
        try:
            p = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, text=True)
        finally:
            if stdout_path:
                out.close()
        return p.returncode, p.stderr


def tool_command(key, cli, aspects=None, amap_path=None, paths=()):
    """argv for a tool; aspects is a LIST string or None when an aspect map is used."""
    sel = ["--aspect-map", amap_path] if amap_path else ["--aspects", aspects]
    if key == "ours":
        return [cli, "suggest", "--aspects", aspects, *paths]
    if key in ("vips-attention", "vips-entropy"):
        return [PY, os.path.join(HERE, "peers", "vips_smartcrop.py"),
                "--interesting", key.split("-")[1], *sel, *paths]
    if key == "smartcrop-js":
        return ["node", os.path.join(HERE, "peers", "smartcrop_js.mjs"), *sel, *paths]
    if key == "centred":
        return [PY, os.path.join(HERE, "peers", "centred.py"), *sel, *paths]
    if key == "whole":
        return [PY, os.path.join(HERE, "peers", "centred.py"), "--free-scale", "1", *sel, *paths]
    if key == "centred90":
        return [PY, os.path.join(HERE, "peers", "centred.py"), "--free-scale", "0.9", *sel, *paths]
    raise KeyError(key)


def run_tool(runner, key, cli, out_path, paths, aspects=None, amap=None):
    """Writes the tool's JSON Lines for `paths` to out_path; returns seconds taken.

    With amap (image path -> 'a:b'), each image gets its own aspect. Cropwise's CLI takes one
    aspect list per run, so its images are grouped by aspect, one run per group."""
    t0 = time.perf_counter()
    if amap is None:
        code, err = runner.run(tool_command(key, cli, aspects=aspects, paths=paths), out_path)
        note(key, code, err)
    elif key == "ours":
        groups = OrderedDict()
        for p in paths:
            groups.setdefault(amap[p], []).append(p)
        # One run per aspect; runs go side by side (one per core) so that the per-process
        # start-up does not add up, and their outputs are joined in the groups' order.
        parts = [f"{out_path}.part{i}" for i in range(len(groups))]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            futures = [pool.submit(runner.run, tool_command(key, cli, aspects=aspect, paths=group), part)
                       for (aspect, group), part in zip(groups.items(), parts)]
            for f in futures:
                note(key, *f.result())
        with open(out_path, "w", encoding="utf-8") as out:
            for part in parts:
                with open(part, encoding="utf-8") as f:
                    out.write(f.read())
                os.remove(part)
    else:
        amap_path = out_path[:-len(".jsonl")] + ".aspects.json"
        with open(amap_path, "w", encoding="utf-8") as f:
            json.dump({p: amap[p] for p in paths}, f, indent=0)
        code, err = runner.run(tool_command(key, cli, amap_path=amap_path), out_path)
        note(key, code, err)
    return time.perf_counter() - t0


def note(key, code, err):
    if code != 0:
        last = err.strip().splitlines()[-3:] if err.strip() else []
        print(f"quality: {key} exited {code}" + ("".join("\n  " + l for l in last)), file=sys.stderr)


def score(score_py, metric, pred, gt=None):
    argv = [PY, score_py, metric, "--pred", pred, "--json"] + (["--gt", gt] if gt else [])
    p = subprocess.run(argv, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"score.py {metric} failed on {pred}: {p.stderr.strip()}")
    return json.loads(p.stdout)


def aspect_of(crop):
    f = Fraction(crop[2], crop[3]).limit_denominator(16)
    return f"{f.numerator}:{f.denominator}"


def fmt(v, kind):
    if v is None:
        return "-"
    if kind == "iou":
        return f"{v:.3f}"
    if kind == "pct":
        return f"{100 * v:.1f}%"
    return str(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=benchlib.default_cli())
    ap.add_argument("--eval", default=benchlib.default_eval())
    ap.add_argument("--split", choices=splitter.SPLITS, default="all")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of: " + ", ".join(TOOLS))
    ap.add_argument("--sections", default="free,aspect,faces")
    ap.add_argument("--out-dir", default=os.path.join(HERE, "out"))
    ap.add_argument("-v", "--verbose", action="store_true", help="echo every command")
    a = ap.parse_args()

    tools = [t.strip() for t in a.tools.split(",") if t.strip()]
    for t in tools:
        if t not in TOOLS:
            ap.error(f"unknown tool {t!r}")
    sections = [s.strip() for s in a.sections.split(",") if s.strip()]
    os.makedirs(a.out_dir, exist_ok=True)
    score_py = os.path.join(a.eval, "score.py")
    prefix = os.path.join(a.out_dir, f"quality-{a.split}")
    runner = Runner(a.out_dir, prefix + "-commands.txt", a.verbose)

    fcdb = splitter.select(splitter.load_items(os.path.join(a.eval, "fcdb-dev", "annotations.json")), a.split)
    fcdb_crops = [it for it in fcdb if it.get("crops")]
    fcdb_faces = [it for it in fcdb if it.get("faces")]
    dlib = splitter.load_items(os.path.join(a.eval, "dlib-faces", "annotations.json"))
    samples = splitter.load_items(os.path.join(a.eval, "sample-faces", "annotations.json"))
    for it in samples:    # its paths point at shared/samples; the repo bundles the same photos
        if not os.path.exists(it["image"]):
            it["image"] = os.path.join("/work/main/resources/samples", os.path.basename(it["image"]))

    ours_ok, ours_why = (False, "not asked for")
    if "ours" in tools:
        ours_ok, ours_why = benchlib.probe_suggest(a.cli)
        if not ours_ok:
            print(f"quality: skipping Cropwise: {ours_why}", file=sys.stderr)
    active = [t for t in tools if t != "ours" or ours_ok]

    results = {"split": a.split, "cli": a.cli, "ours": ours_ok, "ours_note": ours_why,
               "free": {}, "aspect": {}, "faces": {}, "seconds": {}}

    def gt_file(name, items):
        path = f"{prefix}-gt-{name}.json"
        splitter.write_gt(items, path)
        return path

    if "free" in sections:
        gt = gt_file("fcdb", fcdb_crops)
        paths = [it["image"] for it in fcdb_crops]
        if a.split == "all":     # the documented command: the folder itself
            paths = [os.path.join(a.eval, "fcdb-dev", "images")]
        for t in [t for t in active if "free" in TOOLS[t][1]]:
            pred = f"{prefix}-free-{t}.jsonl"
            results["seconds"][f"free/{t}"] = run_tool(runner, t, a.cli, pred, paths, aspects="free")
            r = score(score_py, "crops", pred, gt)
            r["invalid"] = score(score_py, "valid", pred)["invalid"]
            results["free"][t] = r

    if "aspect" in sections:
        gt = gt_file("fcdb", fcdb_crops)
        amap = {it["image"]: aspect_of(it["crops"][0]) for it in fcdb_crops}
        results["aspect_count"] = len(set(amap.values()))
        paths = [it["image"] for it in fcdb_crops]
        for t in [t for t in active if "aspect" in TOOLS[t][1]]:
            pred = f"{prefix}-aspect-{t}.jsonl"
            results["seconds"][f"aspect/{t}"] = run_tool(runner, t, a.cli, pred, paths, amap=amap)
            r = score(score_py, "crops", pred, gt)
            r["invalid"] = score(score_py, "valid", pred)["invalid"]
            results["aspect"][t] = r

    face_sets = [("dlib", "dlib-faces", dlib), ("samples", "sample-faces", samples),
                 ("fcdb", "fcdb-dev faces", fcdb_faces)]
    if "faces" in sections:
        for set_key, _, items in face_sets:
            items = [it for it in items if it.get("faces")]
            gt = gt_file(f"faces-{set_key}", items)
            paths = [it["image"] for it in items]
            results["faces"][set_key] = {"images": len(items),
                                         "faces": sum(len(it["faces"]) for it in items)}
            for t in [t for t in active if "faces" in TOOLS[t][1]]:
                pred = f"{prefix}-faces-{set_key}-{t}.jsonl"
                results["seconds"][f"faces-{set_key}/{t}"] = run_tool(
                    runner, t, a.cli, pred, paths, aspects=FACE_ASPECTS)
                r = score(score_py, "faces", pred, gt)
                r["invalid"] = score(score_py, "valid", pred)["invalid"]
                results["faces"][set_key][t] = r

    with open(prefix + ".json", "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)

    # One table: a row per tool, the sections side by side.
    cols = [("tool", 28)]
    if "free" in sections:
        cols += [("free IoU", 9), ("free BDE", 9)]
    if "aspect" in sections:
        cols += [("aspect IoU", 11), ("aspect BDE", 11)]
    if "faces" in sections:
        for set_key, _, _ in face_sets:
            cols += [(f"{set_key} cut", 10), (f"{set_key} kept", 11)]
    cols += [("invalid", 8)]
    head = " ".join(f"{n:<{w}}" if i == 0 else f"{n:>{w}}" for i, (n, w) in enumerate(cols))
    print()
    print(f"Crop quality, split={a.split}: fcdb-dev {len(fcdb_crops)} photos "
          f"({results.get('aspect_count', '?')} distinct aspects), fcdb-dev faces {len(fcdb_faces)}, "
          f"dlib-faces {len(dlib)}, sample-faces {len(samples)}")
    print(head)
    print("-" * len(head))
    for t in [t for t in tools if t in TOOLS]:
        cells = [TOOLS[t][0]]
        invalid = 0
        if "free" in sections:
            r = results["free"].get(t)
            cells += [fmt(r and r["iou"], "iou"), fmt(r and r["bde"], "iou")]
            invalid += r["invalid"] if r else 0
        if "aspect" in sections:
            r = results["aspect"].get(t)
            cells += [fmt(r and r["iou"], "iou"), fmt(r and r["bde"], "iou")]
            invalid += r["invalid"] if r else 0
        if "faces" in sections:
            for set_key, _, _ in face_sets:
                r = results["faces"][set_key].get(t)
                cells += [fmt(r and r["cut_rate"], "pct"), fmt(r and r["all_faces_kept_when_feasible"], "pct")]
                invalid += r["invalid"] if r else 0
        ran = any(t in results[s] for s in ("free", "aspect")) or any(
            t in results["faces"].get(k, {}) for k, _, _ in face_sets)
        cells.append(str(invalid) if ran else "-")
        if t == "ours" and not ours_ok:
            cells = [cells[0] + " (n/a)"] + ["-"] * (len(cols) - 1)
        print(" ".join(f"{c:<{w}}" if i == 0 else f"{c:>{w}}" for i, (c, (_, w)) in enumerate(zip(cells, cols))))
    print()
    if "free" in sections or "aspect" in sections:
        print("free/aspect: mean IoU (higher is better) and BDE (lower) of the first suggestion vs the human crop.")
    if "faces" in sections:
        print("cut: share of suggestions that cut a face (10-90 % inside); kept: share of suggestions that keep")
        print("every face, among those large enough to hold them all.")
    print("invalid: rects failing score.py valid (integer, inside the image, exact aspect).")
    if "ours" in tools and not ours_ok:
        print(f"Cropwise not scored: {ours_why}")
    missing = {f"{s}/{t}": r["missing"] for s in ("free", "aspect") for t, r in results[s].items() if r["missing"]}
    if missing:
        print("images with no usable prediction (scored IoU 0, BDE 0.5): "
              + ", ".join(f"{k}={v}" for k, v in missing.items()))
    print(f"outputs: {prefix}-*.jsonl, numbers: {prefix}.json, commands: {prefix}-commands.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
