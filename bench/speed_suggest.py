#!/usr/bin/python3
"""Speed of `cropwise-cli suggest` beside libvips smartcrop attention (issue 3, point 7).

Run through bench/speed_suggest.sh. For each folder — the fcdb-dev photos (about 0.4 MP, as
published on Flickr) and big photos (about 24 MP JPEGs made by upscaling fcdb-dev photos into
bench/out/big/) — both tools compute the rectangles for 1:1, 4:5, 16:9 and 9:16 of every photo:
  cropwise   `cropwise-cli suggest --aspects 1:1,4:5,16:9,9:16 FOLDER`, wall-clock time of the
             whole process (start-up included, which only counts against it);
  vips       libvips smartcrop attention in-process (bench/peers/vips_smartcrop.py: decode once,
             orient, 4 smartcrops); time measured inside the process, its start-up (python, gi,
             vips_init) reported apart;
  vips-shrink  the same with JPEG shrink-on-load down to a shorter side >= 512 px and the
             rectangles scaled back: the fastest way to use libvips here, though its rectangles
             are not the full-resolution ones.
Runs alternate between the tools; after one warm-up run each, the median of --runs runs is kept.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchlib as bl  # noqa: E402

ASPECTS = "1:1,4:5,16:9,9:16"


def count_lines(path, key):
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                n += key in json.loads(line)
            except ValueError:
                pass
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=bl.default_cli())
    ap.add_argument("--eval", default=bl.default_eval())
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool and folder (median kept)")
    ap.add_argument("--big-count", type=int, default=12, help="how many 24 MP photos to make")
    ap.add_argument("--sets", default="fcdb,big", help="fcdb, big or both")
    ap.add_argument("--shrink-on-load", type=int, default=512, metavar="N",
                    help="shorter side kept by the vips-shrink variant (0 = skip it)")
    ap.add_argument("--out-dir", default=os.path.join(HERE, "out"))
    a = ap.parse_args()

    start_note = bl.machine_note()
    ours_ok, why = bl.probe_suggest(a.cli)
    if not ours_ok:
        bl.eprint(f"speed_suggest: timing libvips alone: {why}")
    folders = []
    sets = [s.strip() for s in a.sets.split(",") if s.strip()]
    if "fcdb" in sets:
        folders.append(("fcdb-dev", os.path.join(a.eval, "fcdb-dev", "images")))
    if "big" in sets:
        big = os.path.join(a.out_dir, "big")
        bl.eprint(f"speed_suggest: making {a.big_count} big photos in {big} (kept between runs)")
        bl.make_big_photos(os.path.join(a.eval, "fcdb-dev", "images"), big, a.big_count)
        folders.append(("24 MP", big))

    vips_script = os.path.join(HERE, "peers", "vips_smartcrop.py")
    rows = []
    for label, folder in folders:
        tag = "fcdb" if label == "fcdb-dev" else "big"
        images = [p for p in os.listdir(folder) if p.lower().endswith((".jpg", ".jpeg"))]
        mp = sum(w * h for w, h in (bl.jpeg_size(os.path.join(folder, p)) for p in images)) / len(images) / 1e6
        tools = []
        if ours_ok:
            tools.append(("cropwise", [a.cli, "suggest", "--aspects", ASPECTS, folder], None))
        timing = os.path.join(a.out_dir, f"speed-{tag}-vips-timing.json")
        tools.append(("vips", [bl.PY, vips_script, "--interesting", "attention", "--aspects", ASPECTS,
                               "--timing", timing, folder], timing))
        # Shrink-on-load only changes anything on photos at least twice the kept side.
        shortest = min(min(bl.jpeg_size(os.path.join(folder, p))) for p in images)
        if a.shrink_on_load and shortest >= 2 * a.shrink_on_load:
            timing_s = os.path.join(a.out_dir, f"speed-{tag}-vips-shrink-timing.json")
            tools.append(("vips-shrink", [bl.PY, vips_script, "--interesting", "attention",
                                          "--aspects", ASPECTS, "--shrink-on-load", str(a.shrink_on_load),
                                          "--timing", timing_s, folder], timing_s))
        walls = {t[0]: [] for t in tools}
        inner = {t[0]: [] for t in tools}
        startup = {t[0]: [] for t in tools}
        for run in range(a.runs + 1):          # run 0 is the warm-up
            for name, argv, timing_path in tools:
                out = os.path.join(a.out_dir, f"speed-{tag}-{name}.jsonl")
                wall, code, err = bl.run_timed(argv, out)
                if code != 0:
                    bl.eprint(f"speed_suggest: {name} exited {code}: {err.strip()[-500:]}")
                done = count_lines(out, "suggestions")
                if done != len(images):
                    raise SystemExit(f"speed_suggest: {name} answered for {done} of {len(images)} images in {folder}")
                if run == 0:
                    continue
                walls[name].append(wall)
                if timing_path:
                    with open(timing_path, encoding="utf-8") as f:
                        t = json.load(f)
                    inner[name].append(t["work_seconds"])
                    startup[name].append(wall - t["work_seconds"])
                bl.eprint(f"  {label} run {run}: {name} {wall:.2f} s")
        rows.append((label, len(images), mp, walls, inner, startup))

    print()
    print(f"suggest speed, 4 aspects ({ASPECTS}) per photo; median of {a.runs} runs; {start_note}; "
          f"load average {os.getloadavg()[0]:.2f} at the end")
    head = f"{'photos':<10}{'n':>4}{'MP':>6}  {'tool':<34}{'seconds':>9}{'ms/photo':>10}{'start-up':>10}"
    print(head)
    print("-" * len(head))
    for label, n, mp, walls, inner, startup in rows:
        for name in walls:
            if name == "cropwise":
                s, su, desc = bl.median(walls[name]), None, "cropwise-cli suggest (whole process)"
            else:
                s, su = bl.median(inner[name]), bl.median(startup[name])
                desc = ("libvips smartcrop attention" if name == "vips"
                        else f"libvips attention, shrink-on-load {a.shrink_on_load}")
            print(f"{label:<10}{n:>4}{mp:>6.1f}  {desc:<34}{s:>9.2f}{1000 * s / n:>10.1f}"
                  + (f"{su:>9.2f}s" if su is not None else f"{'(in)':>10}"))
        if "cropwise" in walls:
            ours = bl.median(walls["cropwise"])
            for name in [k for k in walls if k != "cropwise"]:
                ratio = bl.median(inner[name]) / ours
                print(f"{'':<10}ratio {name} / cropwise = {ratio:.2f} "
                      f"({'cropwise faster' if ratio > 1 else 'libvips faster'})")
    if not ours_ok:
        print(f"no ratio: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
