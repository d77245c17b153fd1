"""Helpers shared by the bench/ scripts (Python 3 standard library; runs under /usr/bin/python3)."""
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"          # Debian's: carries python3-gi for the vips peer
DEFAULT_CLI = "/work/main/build/release/app/cropwise-cli"
DEFAULT_EVAL = "/work/shared/eval"
SAMPLE = "/work/main/resources/samples/camera.png"


def default_cli():
    return os.environ.get("CROPWISE_CLI", DEFAULT_CLI)


def default_eval():
    return os.environ.get("CROPWISE_EVAL", DEFAULT_EVAL)


def probe_suggest(cli, sample=SAMPLE):
    """(True, '') when `cli suggest` answers with the contract's JSON, else (False, why)."""
    if not os.access(cli, os.X_OK):
        return False, f"{cli} not found or not executable (build it, or pass --cli / set CROPWISE_CLI)"
    try:
        p = subprocess.run([cli, "suggest", "--aspects", "1:1", sample], capture_output=True,
                           text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return False, "cropwise-cli suggest did not answer within 300 s"
    for line in p.stdout.splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict) and "suggestions" in obj:
            return True, ""
    err = (p.stderr.strip().splitlines() or ["no output"])[-1]
    return False, f"cropwise-cli has no working `suggest` yet (exit {p.returncode}: {err})"


def probe_export(cli, sample=SAMPLE):
    """(True, '') when `cli export --preset social --suggest` writes 4 images for one photo."""
    if not os.access(cli, os.X_OK):
        return False, f"{cli} not found or not executable (build it, or pass --cli / set CROPWISE_CLI)"
    with tempfile.TemporaryDirectory(prefix="cropwise-export-probe-") as d:
        try:
            p = subprocess.run([cli, "export", "--preset", "social", "--suggest", "--out", d, sample],
                               capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            return False, "cropwise-cli export did not answer within 300 s"
        written = [f for f in os.listdir(d) if not f.startswith(".")]
        if p.returncode == 0 and len(written) == 4:
            return True, ""
        err = (p.stderr.strip().splitlines() or ["no output"])[-1]
        return False, (f"cropwise-cli has no working `export --preset social` yet (exit {p.returncode}, "
                       f"{len(written)} files written: {err})")


def run_timed(argv, stdout_path=None):
    """Runs argv once; returns (wall seconds, exit code, stderr). stdout goes to stdout_path."""
    out = open(stdout_path, "w", encoding="utf-8") if stdout_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        p = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
    finally:
        if stdout_path:
            out.close()
    return wall, p.returncode, p.stderr


def median(values):
    return statistics.median(values) if values else float("nan")


def jpeg_size(path):
    """(width, height) from the vips header reader (any format libvips reads)."""
    p = subprocess.run(["vipsheader", "-f", "width", path], capture_output=True, text=True, check=True)
    q = subprocess.run(["vipsheader", "-f", "height", path], capture_output=True, text=True, check=True)
    return int(p.stdout), int(q.stdout)


def make_big_photos(src_dir, dst_dir, count, megapixels=24.0, quality=90):
    """Upscales `count` photos of src_dir (evenly spread over its sorted listing) to about
    `megapixels` MP JPEGs in dst_dir with `vips resize` (lanczos3). Idempotent: a file already
    there at the expected size is kept. Returns the list of written paths.

    Upscaled photos are smoother than real 24 MP photos, so they compress smaller (about 2 MB
    instead of 8-12 MB); decoding cost is dominated by the pixel count all the same."""
    names = sorted(f for f in os.listdir(src_dir) if f.lower().endswith((".jpg", ".jpeg")))
    if not names:
        raise RuntimeError(f"no JPEGs in {src_dir}")
    step = max(1, len(names) // count)
    chosen = names[::step][:count]
    os.makedirs(dst_dir, exist_ok=True)
    keep = set()
    out = []
    for name in chosen:
        src = os.path.join(src_dir, name)
        w, h = jpeg_size(src)
        factor = math.sqrt(megapixels * 1e6 / (w * h))
        dst = os.path.join(dst_dir, os.path.splitext(name)[0] + f"_{round(megapixels)}mp.jpg")
        keep.add(os.path.basename(dst))
        want = (round(w * factor), round(h * factor))
        if os.path.exists(dst):
            try:
                got = jpeg_size(dst)
                if abs(got[0] - want[0]) <= 1 and abs(got[1] - want[1]) <= 1:
                    out.append(dst)
                    continue
            except subprocess.CalledProcessError:
                pass
        tmp = dst + ".part.jpg"
        subprocess.run(["vips", "resize", src, f"{tmp}[Q={quality},strip]", f"{factor:.6f}"], check=True)
        os.replace(tmp, dst)
        out.append(dst)
    # Leftovers from an earlier --big-count would silently join the folder's timings.
    for f in os.listdir(dst_dir):
        if f not in keep:
            os.remove(os.path.join(dst_dir, f))
    return out


def machine_note():
    load = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {load[0]:.2f} at start"


def eprint(*a):
    print(*a, file=sys.stderr, flush=True)
