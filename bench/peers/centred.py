#!/usr/bin/env python3
"""Centred-crop baseline in cropwise JSON Lines (standard library only).

For an aspect a:b: the largest crop of that aspect, centred. For `free`: a centred crop of
--free-scale of each side (0.9 = the "centred 90 %" baseline of shared/eval/README.md,
1.0 = the whole image).

Image sizes are read from the files' headers (JPEG, PNG) without decoding. Sizes are as stored:
EXIF orientation is not applied, so use it on photos without a rotating orientation tag (the
eval sets have none; score.py would show any mismatch as a wrong size).

  centred.py [--aspects LIST | --aspect-map FILE] [--free-scale S] [--out FILE] PATH...
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peercommon as pc  # noqa: E402


def image_size(path):
    with open(path, "rb") as f:
        head = f.read(26)
        if head[:8] == b"\x89PNG\r\n\x1a\n":
            w, h = struct.unpack(">II", head[16:24])
            return w, h
        if head[:2] != b"\xff\xd8":
            raise ValueError("not a JPEG or PNG file")
        f.seek(2)
        while True:
            b = f.read(1)
            while b and b != b"\xff":
                b = f.read(1)
            while b == b"\xff":
                b = f.read(1)
            if not b:
                raise ValueError("no JPEG frame header")
            marker = b[0]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                continue
            (length,) = struct.unpack(">H", f.read(2))
            # SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                f.read(1)
                h, w = struct.unpack(">HH", f.read(4))
                return w, h
            f.seek(length - 2, 1)


def main():
    ap = pc.argparser(__doc__)
    pc.add_common_args(ap)
    ap.add_argument("--free-scale", type=float, default=0.9,
                    help="share of each side kept by a `free` crop (default 0.9)")
    args = ap.parse_args()
    if not 0 < args.free_scale <= 1:
        ap.error("--free-scale must be in (0, 1]")
    out = pc.Writer(args.out)
    for path, aspects in pc.jobs_from_args(args):
        try:
            W, H = image_size(path)
        except (OSError, ValueError, struct.error) as e:
            out.error(path, str(e))
            continue
        sugg = []
        for a in aspects:
            if a == "free":
                w, h = max(1, round(W * args.free_scale)), max(1, round(H * args.free_scale))
                sugg.append(pc.suggestion(a, pc.centred(W, H, w, h), [f"centred {args.free_scale:.0%}"]))
            else:
                w, h = pc.largest_crop(W, H, a)
                sugg.append(pc.suggestion(a, pc.centred(W, H, w, h), ["centred, largest crop"]))
        out.image(path, W, H, sugg)
    return out.close()


if __name__ == "__main__":
    sys.exit(main())
