#!/usr/bin/env python3
"""Independent checker for datasets written by `cropwise-cli export-dataset`.

Uses only the Python standard library (json, xml.etree, csv, struct), so it shares no code with
Cropwise: it reads the files the way training code would and checks them against the format
specifications and against the boxes the test expected.

usage: check_dataset.py FORMAT MODE OUT_DIR EXPECTED_JSON
  FORMAT   coco | voc | yolo | csv | folders
  MODE     boxes | crops
  EXPECTED {"classes": [...],                      # the full class list in id order (optional)
            "images": {"<file stem>": {"width": W or null, "height": H or null,
                                       "boxes": [[label, x, y, w, h], ...]}},   # detection formats
            "crops": [{"label": L, "source": "<file name>", "rect": [x, y, w, h]}]}  # folders
Boxes are pixels with edges at x and x + w. Prints "OK ..." and exits 0, or prints one problem per
line on stderr and exits 1.
"""

import csv
import json
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

problems = []
TOLERANCE = 0.5  # pixels: VOC stores integers


def problem(text):
    problems.append(text)


def image_info(path):
    """(width, height, exif_orientation) of a PNG or JPEG file, from its headers."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        width, height = struct.unpack(">II", data[16:24])
        return width, height, 1
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a PNG or JPEG file")
    orientation = 1
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError("bad JPEG marker at %d" % pos)
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        segment = data[pos + 4:pos + 2 + length]
        if marker == 0xE1 and segment[:6] == b"Exif\x00\x00":
            orientation = exif_orientation(segment[6:])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", segment[1:5])
            return width, height, orientation
        pos += 2 + length
    raise ValueError("no JPEG frame header")


def exif_orientation(tiff):
    endian = "<" if tiff[:2] == b"II" else ">"
    ifd = struct.unpack(endian + "I", tiff[4:8])[0]
    count = struct.unpack(endian + "H", tiff[ifd:ifd + 2])[0]
    for i in range(count):
        entry = tiff[ifd + 2 + 12 * i: ifd + 14 + 12 * i]
        tag, kind = struct.unpack(endian + "HH", entry[:4])
        if tag == 0x0112:
            return struct.unpack(endian + "H", entry[8:10])[0]
    return 1


def check_image_file(path, width=None, height=None):
    """The file exists, is upright for every reader, and has the size the annotations say."""
    if not os.path.isfile(path):
        problem("%s: missing" % path)
        return None
    try:
        w, h, orientation = image_info(path)
    except ValueError as e:
        problem("%s: %s" % (path, e))
        return None
    if orientation != 1:
        problem("%s: EXIF orientation %d: the image is not stored upright" % (path, orientation))
    if width is not None and (w, h) != (width, height):
        problem("%s: the file is %dx%d but the annotation says %dx%d" % (path, w, h, width, height))
    return w, h


def inside(path, root):
    root = os.path.realpath(root)
    return os.path.realpath(path).startswith(root + os.sep)


def compare_boxes(where, expected, got):
    key = lambda b: (b[0], round(b[1], 3), round(b[2], 3))
    expected = sorted(expected, key=key)
    got = sorted(got, key=key)
    if len(expected) != len(got):
        problem("%s: expected %d boxes %s, found %d %s" % (where, len(expected), expected, len(got), got))
        return
    for e, g in zip(expected, got):
        if e[0] != g[0] or any(abs(a - b) > TOLERANCE for a, b in zip(e[1:5], g[1:5])):
            problem("%s: expected box %s, found %s" % (where, e, g))


def check_boxes_inside(where, boxes, width, height):
    for b in boxes:
        if b[3] <= 0 or b[4] <= 0 or b[1] < -1e-6 or b[2] < -1e-6 \
                or b[1] + b[3] > width + 1e-6 or b[2] + b[4] > height + 1e-6:
            problem("%s: box %s is not inside the %dx%d image" % (where, b, width, height))


def compare_images(found, expected):
    """found: {stem: (width, height, boxes)}."""
    for stem, exp in expected.get("images", {}).items():
        if stem not in found:
            problem("image %s: not in the dataset (found %s)" % (stem, sorted(found)))
            continue
        width, height, boxes = found[stem]
        if exp.get("width") is not None and (width, height) != (exp["width"], exp["height"]):
            problem("image %s: size %dx%d, expected %dx%d" % (stem, width, height, exp["width"], exp["height"]))
        compare_boxes("image " + stem, exp["boxes"], boxes)
    for stem in found:
        if stem not in expected.get("images", {}):
            problem("image %s: in the dataset but not expected" % stem)


def stem(name):
    return os.path.splitext(os.path.basename(name))[0]


def check_coco(out, expected):
    with open(os.path.join(out, "annotations.json"), encoding="utf-8") as f:
        data = json.load(f)
    for key in ("images", "annotations", "categories"):
        if not isinstance(data.get(key), list):
            problem("annotations.json: %s is not a list" % key)
            return
    categories = {c["id"]: c["name"] for c in data["categories"]}
    if len(categories) != len(data["categories"]):
        problem("annotations.json: repeated category ids")
    names = [categories[i] for i in sorted(categories)]
    if "classes" in expected and names != expected["classes"]:
        problem("annotations.json: categories %s, expected %s" % (names, expected["classes"]))
    images = {}
    for im in data["images"]:
        for key in ("id", "file_name", "width", "height"):
            if key not in im:
                problem("annotations.json: image without %s: %s" % (key, im))
        check_image_file(os.path.join(out, "images", im["file_name"]), im["width"], im["height"])
        images[im["id"]] = (stem(im["file_name"]), im["width"], im["height"], [])
    ids = set()
    for a in data["annotations"]:
        if a["id"] in ids:
            problem("annotations.json: repeated annotation id %s" % a["id"])
        ids.add(a["id"])
        if a["image_id"] not in images or a["category_id"] not in categories:
            problem("annotations.json: annotation %s refers to a missing image or category" % a["id"])
            continue
        bbox = a["bbox"]
        if len(bbox) != 4 or not all(isinstance(v, (int, float)) for v in bbox):
            problem("annotations.json: annotation %s: bbox is not 4 numbers" % a["id"])
            continue
        if abs(a["area"] - bbox[2] * bbox[3]) > 0.01 or a.get("iscrowd") != 0:
            problem("annotations.json: annotation %s: area or iscrowd wrong" % a["id"])
        images[a["image_id"]][3].append([categories[a["category_id"]]] + [float(v) for v in bbox])
    found = {}
    for s, w, h, boxes in images.values():
        check_boxes_inside("annotations.json: " + s, boxes, w, h)
        found[s] = (w, h, boxes)
    compare_images(found, expected)


def check_voc(out, expected):
    folder = os.path.join(out, "Annotations")
    found = {}
    for name in sorted(os.listdir(folder)):
        root = ET.parse(os.path.join(folder, name)).getroot()
        if root.tag != "annotation":
            problem("%s: root is <%s>" % (name, root.tag))
            continue
        filename = root.findtext("filename")
        width = int(root.findtext("size/width"))
        height = int(root.findtext("size/height"))
        int(root.findtext("size/depth"))
        check_image_file(os.path.join(out, root.findtext("folder") or "JPEGImages", filename), width, height)
        boxes = []
        for obj in root.findall("object"):
            for flag in ("truncated", "difficult"):
                if obj.findtext(flag) not in ("0", "1"):
                    problem("%s: <%s> is not 0 or 1" % (name, flag))
            values = [obj.findtext("bndbox/" + k) for k in ("xmin", "ymin", "xmax", "ymax")]
            if not all(v is not None and re.fullmatch(r"\d+", v) for v in values):
                problem("%s: bndbox values are not integers: %s" % (name, values))
                continue
            xmin, ymin, xmax, ymax = map(int, values)
            if not (1 <= xmin <= xmax <= width and 1 <= ymin <= ymax <= height):
                problem("%s: bndbox %s outside 1..%d x 1..%d" % (name, values, width, height))
            boxes.append([obj.findtext("name"), xmin - 1, ymin - 1, xmax - xmin + 1, ymax - ymin + 1])
        found[stem(filename)] = (width, height, boxes)
    listed = open(os.path.join(out, "ImageSets", "Main", "trainval.txt"), encoding="utf-8").read().split()
    if sorted(listed) != sorted(found):
        problem("ImageSets/Main/trainval.txt lists %s, annotations are %s" % (listed, sorted(found)))
    compare_images(found, expected)


def check_yolo(out, expected):
    classes = open(os.path.join(out, "classes.txt"), encoding="utf-8").read().split("\n")
    if classes[-1] == "":
        classes.pop()
    if "classes" in expected and classes != expected["classes"]:
        problem("classes.txt: %s, expected %s" % (classes, expected["classes"]))
    if "names:" not in open(os.path.join(out, "data.yaml"), encoding="utf-8").read():
        problem("data.yaml: no names")
    found = {}
    number = re.compile(r"^[01]\.\d{6,}$")
    for name in sorted(os.listdir(os.path.join(out, "images"))):
        size = check_image_file(os.path.join(out, "images", name))
        if size is None:
            continue
        w, h = size
        label_file = os.path.join(out, "labels", stem(name) + ".txt")
        if not os.path.isfile(label_file):
            problem("labels/%s.txt: missing" % stem(name))
            continue
        boxes = []
        for n, line in enumerate(open(label_file, encoding="utf-8").read().splitlines(), 1):
            parts = line.split()
            if len(parts) != 5 or not re.fullmatch(r"\d+", parts[0]) or int(parts[0]) >= len(classes):
                problem("labels/%s.txt:%d: bad line %r" % (stem(name), n, line))
                continue
            if not all(number.match(p) for p in parts[1:]):
                problem("labels/%s.txt:%d: values need 6 decimals in 0..1: %r" % (stem(name), n, line))
            cx, cy, bw, bh = map(float, parts[1:])
            if not all(0.0 <= v <= 1.0 for v in (cx, cy, bw, bh)):
                problem("labels/%s.txt:%d: values outside 0..1: %r" % (stem(name), n, line))
            # Edges may leave 0..1 by the rounding of the 6th decimal only.
            if not all(-1e-6 <= v <= 1.0 + 1e-6 for v in (cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2)):
                problem("labels/%s.txt:%d: box leaves the image" % (stem(name), n))
            boxes.append([classes[int(parts[0])], (cx - bw / 2) * w, (cy - bh / 2) * h, bw * w, bh * h])
        found[stem(name)] = (w, h, boxes)
    compare_images(found, expected)


def check_csv(out, expected):
    with open(os.path.join(out, "annotations.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = ["image", "image_width", "image_height", "label", "class_id", "x", "y", "width", "height",
              "difficult", "truncated"]
    if rows[0] != header:
        problem("annotations.csv: header %s" % rows[0])
    found = {}
    for row in rows[1:]:
        record = dict(zip(header, row))
        w, h = int(record["image_width"]), int(record["image_height"])
        s = stem(record["image"])
        if s not in found:
            check_image_file(os.path.join(out, "images", record["image"]), w, h)
            found[s] = (w, h, [])
        found[s][2].append([record["label"]] + [float(record[k]) for k in ("x", "y", "width", "height")])
    for name in os.listdir(os.path.join(out, "images")):  # images without boxes have no rows
        if stem(name) not in found:
            size = check_image_file(os.path.join(out, "images", name))
            if size is not None:
                found[stem(name)] = (size[0], size[1], [])
    compare_images(found, expected)


def check_manifest(out):
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        crops = json.load(f)["crops"]
    with open(os.path.join(out, "manifest.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if [r["file"] for r in rows] != [c["file"] for c in crops]:
        problem("manifest.csv and manifest.json list different files")
    for c in crops:
        path = os.path.join(out, c["file"])
        if not inside(path, out):
            problem("manifest: %s is outside the dataset folder" % c["file"])
        size = check_image_file(path, c["output_size"]["width"], c["output_size"]["height"])
        if not os.path.isfile(c["source"]):
            problem("manifest: source %s does not exist" % c["source"])
        r = c["rect"]
        if r["x"] < 0 or r["y"] < 0 or r["x"] + r["width"] > c["source_size"]["width"] \
                or r["y"] + r["height"] > c["source_size"]["height"]:
            problem("manifest: rect of %s is outside its source" % c["file"])
    return crops


def check_folders(out, expected):
    crops = check_manifest(out)
    for c in crops:
        folder = c["file"].split("/")[0]
        if len(c["file"].split("/")) != 2 or folder in ("", ".", ".."):
            problem("folders: %s is not <label folder>/<file>" % c["file"])
        r = c["rect"]
        if (c["output_size"]["width"], c["output_size"]["height"]) != (r["width"], r["height"]):
            problem("folders: %s is not the crop's size" % c["file"])
    # Crops of one label share one folder; different labels never do.
    folder_of = {}
    for c in crops:
        folder = c["file"].split("/")[0]
        if folder_of.setdefault(c["label"], folder) != folder:
            problem("folders: label %r is in two folders" % c["label"])
    if len(set(folder_of.values())) != len(folder_of):
        problem("folders: two labels share a folder: %s" % folder_of)
    got = sorted((c["label"], os.path.basename(c["source"]),
                  [c["rect"][k] for k in ("x", "y", "width", "height")]) for c in crops)
    want = sorted((c["label"], c["source"], c["rect"]) for c in expected.get("crops", []))
    if got != want:
        problem("folders: crops %s, expected %s" % (got, want))


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    fmt, mode, out, expected_path = sys.argv[1:]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    checks = {"coco": check_coco, "voc": check_voc, "yolo": check_yolo, "csv": check_csv,
              "folders": check_folders}
    try:
        checks[fmt](out, expected)
        if mode == "crops" and fmt != "folders":
            check_manifest(out)
    except (OSError, ValueError, KeyError, TypeError, ET.ParseError) as e:
        problem("%s: %s: %s" % (fmt, type(e).__name__, e))
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print("OK %s %s %s" % (fmt, mode, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
