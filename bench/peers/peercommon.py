"""Shared by the peer croppers in bench/peers (Python 3 standard library only).

They all print the JSON Lines of `cropwise-cli suggest` (issue 3, point 5) so that
/work/shared/eval/score.py scores peers and Cropwise the same way:
  {"image": "<path>", "width": W, "height": H, "faces": [],
   "suggestions": [{"aspect": "a:b", "rect": [x, y, w, h], "score": 0, "reasons": [...]}]}
"""
import argparse
import json
import os
import sys
from fractions import Fraction

# Same rule as the CLI contract: folders yield files with image extensions, hidden files skipped,
# recursive, sorted by path.
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp"}
DEFAULT_ASPECTS = "1:1,4:5,16:9,9:16"


def list_images(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in files:
                    if not f.startswith(".") and os.path.splitext(f)[1].lower() in IMAGE_EXTENSIONS:
                        found.append(os.path.join(root, f))
            out.extend(sorted(found))
        else:
            out.append(p)
    return out


def parse_aspect(text):
    """'a:b' -> Fraction(a, b); 'free' -> None. Raises ValueError on anything else."""
    if text == "free":
        return None
    a, b = text.split(":")
    a, b = int(a), int(b)
    if a <= 0 or b <= 0:
        raise ValueError(f"bad aspect {text!r}")
    return Fraction(a, b)


def largest_crop(width, height, aspect_text):
    """The largest w x h of the aspect 'a:b' that fits in width x height (w, h >= 1).

    Exact to within one pixel of the ratio, which is what score.py's `valid` accepts."""
    a, b = (int(v) for v in aspect_text.split(":"))
    if width * b >= height * a:          # image wider than the aspect: full height
        h = height
        w = max(1, min(width, (height * a) // b))
    else:                                # image taller: full width
        w = width
        h = max(1, min(height, (width * b) // a))
    return w, h


def centred(width, height, w, h):
    return [(width - w) // 2, (height - h) // 2, w, h]


def clamp_rect(rect, width, height):
    x, y, w, h = (int(v) for v in rect)
    w, h = max(1, min(w, width)), max(1, min(h, height))
    x, y = max(0, min(x, width - w)), max(0, min(y, height - h))
    return [x, y, w, h]


def add_common_args(ap):
    ap.add_argument("paths", nargs="*", help="images or folders (searched recursively, sorted by path)")
    ap.add_argument("--aspects", default=DEFAULT_ASPECTS,
                    help=f"comma-separated a:b (or free where the tool has one); default {DEFAULT_ASPECTS}")
    ap.add_argument("--aspect-map",
                    help="JSON object {image path: 'a:b[,...]'}: per-image aspects (overrides --aspects "
                         "for those images; with no PATH, its keys are the images)")
    ap.add_argument("--out", help="write JSON Lines here instead of stdout")


def jobs_from_args(args):
    """[(image path, [aspect text, ...])] in the order the tool must print them."""
    default = [s.strip() for s in args.aspects.split(",") if s.strip()]
    for s in default:
        parse_aspect(s)
    amap = {}
    if args.aspect_map:
        with open(args.aspect_map, encoding="utf-8") as f:
            amap = json.load(f)
    paths = list_images(args.paths) if args.paths else sorted(amap)
    jobs = []
    for p in paths:
        asp = amap.get(p)
        aspects = [s.strip() for s in asp.split(",")] if asp else default
        jobs.append((p, aspects))
    return jobs


class Writer:
    """JSON Lines to a file or stdout; counts failed images for the exit code."""

    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8") if path else sys.stdout
        self.failed = 0

    def image(self, path, width, height, suggestions):
        self.f.write(json.dumps({"image": path, "width": width, "height": height, "faces": [],
                                 "suggestions": suggestions}) + "\n")

    def error(self, path, reason):
        self.failed += 1
        self.f.write(json.dumps({"image": path, "error": reason}) + "\n")

    def close(self):
        if self.f is not sys.stdout:
            self.f.close()
        else:
            self.f.flush()
        return 1 if self.failed else 0


def suggestion(aspect, rect, reasons):
    return {"aspect": aspect, "rect": [int(v) for v in rect], "score": 0, "reasons": reasons}


def argparser(description):
    return argparse.ArgumentParser(description=description,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
