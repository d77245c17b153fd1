#!/usr/bin/python3
"""Speed of `cropwise-cli export --preset social` beside vipsthumbnail (issue 5, point 6).

Run through bench/speed_export.sh. On a folder of about 24 MP JPEGs (made by upscaling fcdb-dev
photos into bench/out/big/, shared with speed_suggest.sh), both make the 4 social renditions
1080x1080, 1080x1350, 1920x1080 and 1080x1920 of every photo:
  cropwise  `cropwise-cli export --preset social --suggest --out DIR PHOTO...` (one process;
            --suggest so that it also chooses the crops, as vips does);
  vips      `vipsthumbnail --smartcrop attention -s WxH -o DIR/%s_WxH.jpg[Q=90] PHOTO...`, once
            per size (4 processes, one after the other; each shrinks on load and smart-crops).
Wall-clock time of everything each side runs; after one warm-up run each, the median of --runs.
Every output is then checked for its exact size. Exits with a message (status 3) while
`cropwise-cli export` is missing, unless --peer-only asks for the vips figures alone.
"""
import argparse
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchlib as bl  # noqa: E402

SIZES = [(1080, 1080), (1080, 1350), (1920, 1080), (1080, 1920)]


def check_outputs(folder, n_photos):
    """Every image in folder has one of the 4 sizes, and there are 4 per photo."""
    files = sorted(f for f in os.listdir(folder) if not f.startswith("."))
    if len(files) != 4 * n_photos:
        return f"{len(files)} files for {n_photos} photos (expected {4 * n_photos})"
    counts = {s: 0 for s in SIZES}
    for f in files:
        size = bl.jpeg_size(os.path.join(folder, f))
        if size not in counts:
            return f"{f} is {size[0]}x{size[1]}, not one of the social sizes"
        counts[size] += 1
    if any(c != n_photos for c in counts.values()):
        return f"sizes per rendition {counts}, expected {n_photos} each"
    return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=bl.default_cli())
    ap.add_argument("--eval", default=bl.default_eval())
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big-count", type=int, default=12)
    ap.add_argument("--quality", type=int, default=90, help="JPEG quality for vipsthumbnail")
    ap.add_argument("--peer-only", action="store_true", help="time vipsthumbnail even without our export")
    ap.add_argument("--out-dir", default=os.path.join(HERE, "out"))
    a = ap.parse_args()

    start_note = bl.machine_note()
    ours_ok, why = bl.probe_export(a.cli)
    if not ours_ok and not a.peer_only:
        print(f"speed_export: {why}.\nThe benchmark needs `cropwise-cli export --preset social --out DIR PATH...` "
              f"(issue 5); run with --peer-only to time vipsthumbnail alone.", file=sys.stderr)
        return 3
    big = os.path.join(a.out_dir, "big")
    bl.eprint(f"speed_export: making {a.big_count} big photos in {big} (kept between runs)")
    photos = sorted(bl.make_big_photos(os.path.join(a.eval, "fcdb-dev", "images"), big, a.big_count))
    mp = sum(w * h for w, h in map(bl.jpeg_size, photos)) / len(photos) / 1e6

    def ours_cmds(dst):
        return [[a.cli, "export", "--preset", "social", "--suggest", "--out", dst, *photos]]

    def vips_cmds(dst):
        return [["vipsthumbnail", "--smartcrop", "attention", "-s", f"{w}x{h}",
                 "-o", os.path.join(dst, f"%s_{w}x{h}.jpg[Q={a.quality}]"), *photos] for w, h in SIZES]

    tools = ([("cropwise", ours_cmds)] if ours_ok else []) + [("vips", vips_cmds)]
    walls = {name: [] for name, _ in tools}
    for run in range(a.runs + 1):                 # run 0 is the warm-up
        for name, cmds in tools:
            dst = os.path.join(a.out_dir, f"export-{name}")
            shutil.rmtree(dst, ignore_errors=True)
            os.makedirs(dst)
            total = 0.0
            for argv in cmds(dst):
                wall, code, err = bl.run_timed(argv)
                total += wall
                if code != 0:
                    raise SystemExit(f"speed_export: {name} exited {code} (run {run}): {err.strip()[-3000:]}")
            bad = check_outputs(dst, len(photos))
            if bad:
                raise SystemExit(f"speed_export: {name} outputs wrong: {bad}")
            if run:
                walls[name].append(total)
                bl.eprint(f"  run {run}: {name} {total:.2f} s")

    print()
    print(f"export speed, 4 social renditions of {len(photos)} photos of {mp:.1f} MP; median of {a.runs} runs; "
          f"{start_note}; load average {os.getloadavg()[0]:.2f} at the end")
    head = f"{'tool':<58}{'seconds':>9}{'ms/photo':>10}"
    print(head)
    print("-" * len(head))
    desc = {"cropwise": "cropwise-cli export --preset social --suggest",
            "vips": f"vipsthumbnail --smartcrop attention x4 sizes (Q={a.quality})"}
    for name in walls:
        s = bl.median(walls[name])
        print(f"{desc[name]:<58}{s:>9.2f}{1000 * s / len(photos):>10.1f}")
    if ours_ok:
        ratio = bl.median(walls["vips"]) / bl.median(walls["cropwise"])
        print(f"ratio vips / cropwise = {ratio:.2f} ({'cropwise faster' if ratio > 1 else 'libvips faster'})")
    else:
        print(f"no ratio: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
