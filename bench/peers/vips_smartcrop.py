#!/usr/bin/python3
"""libvips smartcrop as a peer cropper, in-process, printing cropwise JSON Lines.

Runs with Debian's python3 (python3-gi + gir1.2-vips-8.0; see bench/install-peers.sh):
  /usr/bin/python3 bench/peers/vips_smartcrop.py --interesting attention|entropy
      [--aspects LIST | --aspect-map FILE] [--out FILE] [--timing FILE] [--verify] PATH...

For each image (EXIF orientation applied with vips autorot) and each aspect a:b, it asks
vips_smartcrop for the largest crop of that aspect that fits the image, exactly what a user of
`vips smartcrop` / `vipsthumbnail --smartcrop` gets for that rendition.

Where the crop is: vips_smartcrop returns the cropped image, not its position. Its output is an
extract_area of the input, and libvips documents that "you can test xoffset / yoffset on out to
find the location of the crop": in libvips 8.14 (Debian 12) the output's xoffset/yoffset are
-left/-top. --verify checks that on the pixels (the output equals the input's extract_area at
that position) and fails loudly if a libvips version ever changes it.

Timing (--timing FILE): a JSON object with the seconds spent inside this process for the
import + vips_init (start-up) and for the images (load, orient, all aspects), per image too.
--shrink-on-load N decodes JPEGs with libjpeg's shrink-on-load (1, 2, 4 or 8; the largest factor
that keeps the shorter side >= N px), runs smartcrop there and scales the rectangles back: the
fastest way to use vips for a crop position, though not the same rectangles as full resolution.
"""
import time

T_PROCESS = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import gi  # noqa: E402

gi.require_version("Vips", "8.0")
from gi.repository import GObject, Vips  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peercommon as pc  # noqa: E402


class VipsError(Exception):
    pass


def call(name, **kw):
    """Build libvips operation `name` with GObject properties (trailing _ allowed: in_)."""
    op = Vips.Operation.new(name)
    for k, v in kw.items():
        GObject.Object.set_property(op, k.rstrip("_").replace("_", "-"), v)
    built = Vips.cache_operation_build(op)
    if built is None:
        msg = Vips.error_buffer().strip()
        Vips.error_clear()
        Vips.Object.unref_outputs(op)
        raise VipsError(f"{name}: {msg}")
    return built


def out(op, name="out"):
    return GObject.Object.get_property(op, name)


def load(path, shrink_min_side):
    loader = Vips.Foreign.find_load(path)
    if not loader:
        msg = Vips.error_buffer().strip()
        Vips.error_clear()
        raise VipsError(msg or "no loader")
    shrink = 1
    if shrink_min_side and "Jpeg" in loader:
        head = out(call(loader, filename=path))
        short = min(head.get_width(), head.get_height())
        for s in (8, 4, 2):
            if short // s >= shrink_min_side:
                shrink = s
                break
    kw = {"shrink": shrink} if shrink > 1 else {}
    img = out(call(loader, filename=path, **kw))
    img = out(call("autorot", in_=img))
    return img, shrink


def max_abs_difference(a, b):
    d = out(call("subtract", left=a, right=b))
    d = out(call("abs", in_=d))
    return out(call("max", in_=d))


def crop_rect(img, w, h, interesting, verify):
    op = call("smartcrop", input=img, width=w, height=h, interesting=interesting)
    res = out(op)
    x, y = -res.get_xoffset(), -res.get_yoffset()
    if not (0 <= x <= img.get_width() - w and 0 <= y <= img.get_height() - h):
        raise VipsError(f"smartcrop offset ({x}, {y}) outside the image: libvips changed how it reports it")
    if verify:
        ref = out(call("extract_area", input=img, left=x, top=y, width=w, height=h))
        if max_abs_difference(ref, res) != 0:
            raise VipsError(f"smartcrop output is not the extract at ({x}, {y})")
    return x, y


def main():
    ap = pc.argparser(__doc__)
    pc.add_common_args(ap)
    ap.add_argument("--interesting", choices=["attention", "entropy", "centre"], default="attention")
    ap.add_argument("--timing", help="write in-process timings (JSON) here")
    ap.add_argument("--verify", action="store_true", help="check every offset on the pixels (slow)")
    ap.add_argument("--shrink-on-load", type=int, default=0, metavar="N",
                    help="decode JPEGs reduced, keeping the shorter side >= N px (0 = full size)")
    args = ap.parse_args()
    jobs = pc.jobs_from_args(args)
    interesting = {"attention": Vips.Interesting.ATTENTION, "entropy": Vips.Interesting.ENTROPY,
                   "centre": Vips.Interesting.CENTRE}[args.interesting]
    if Vips.init(sys.argv[0]) != 0:
        print("vips_smartcrop: vips_init failed", file=sys.stderr)
        return 2
    # No operation cache: every image is decoded and searched once, as a batch tool would.
    Vips.cache_set_max(0)
    t_ready = time.perf_counter()
    reason = f"libvips {Vips.version_string()} smartcrop {args.interesting}"

    writer = pc.Writer(args.out)
    per_image = []
    for path, aspects in jobs:
        t0 = time.perf_counter()
        try:
            img, shrink = load(path, args.shrink_on_load)
            W, H = img.get_width(), img.get_height()
            sugg = []
            for a in aspects:
                if a == "free":
                    continue            # libvips has no free-aspect crop
                fw, fh = pc.largest_crop(W * shrink, H * shrink, a)
                if shrink == 1:
                    x, y = crop_rect(img, fw, fh, interesting, args.verify)
                    rect = [x, y, fw, fh]
                else:
                    w, h = pc.largest_crop(W, H, a)
                    x, y = crop_rect(img, w, h, interesting, args.verify)
                    # Centre of the reduced crop, scaled back, holds the full-size crop.
                    cx, cy = (x + w / 2) * shrink, (y + h / 2) * shrink
                    rect = pc.clamp_rect([round(cx - fw / 2), round(cy - fh / 2), fw, fh],
                                         W * shrink, H * shrink)
                sugg.append(pc.suggestion(a, rect, [reason]))
            writer.image(path, W * shrink, H * shrink, sugg)
        except VipsError as e:
            writer.error(path, str(e))
        per_image.append({"image": path, "seconds": time.perf_counter() - t0})
    t_end = time.perf_counter()
    if args.timing:
        with open(args.timing, "w", encoding="utf-8") as f:
            json.dump({"tool": reason, "images": len(jobs),
                       "startup_seconds": t_ready - T_PROCESS,
                       "work_seconds": t_end - t_ready,
                       "concurrency": Vips.concurrency_get(),
                       "shrink_on_load": args.shrink_on_load,
                       "per_image": per_image}, f, indent=1)
    return writer.close()


if __name__ == "__main__":
    sys.exit(main())
