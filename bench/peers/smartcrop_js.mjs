#!/usr/bin/env node
// smartcrop.js (npm `smartcrop`) on sharp as a peer cropper, printing cropwise JSON Lines.
//
//   node bench/peers/smartcrop_js.mjs [--aspects LIST | --aspect-map FILE] [--out FILE] PATH...
//
// Same use as smartcrop-sharp: smartcrop.crop(image, {width, height}) with the image behind
// sharp, so smartcrop.js picks the largest crop of the aspect (minScale = maxScale = 1) on its
// own 256 px prescaled copy. EXIF orientation is applied (sharp's rotate()) so that rectangles
// are in displayed pixels, as score.py expects.
//
// smartcrop.js rounds its crop on the prescaled grid, so its rectangle can be a few pixels
// smaller than the largest crop and off the exact aspect. We keep its choice (the centre of its
// crop) and report the exact largest crop of the aspect centred there, clamped inside the image;
// its own rectangle is kept in "peer_rect" for reference.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const sharp = require('sharp');
const smartcrop = require('smartcrop');

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp', '.bmp']);

function listImages(paths) {
  const out = [];
  for (const p of paths) {
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      const found = [];
      const walk = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          if (e.name.startsWith('.')) continue;
          const full = path.join(dir, e.name);
          if (e.isDirectory()) walk(full);
          else if (IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) found.push(full);
        }
      };
      walk(p);
      // Python's sorted() on str compares code points; so does this comparator.
      found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      out.push(...found);
    } else {
      out.push(p);
    }
  }
  return out;
}

function largestCrop(width, height, aspect) {
  const [a, b] = aspect.split(':').map((v) => parseInt(v, 10));
  if (!(a > 0 && b > 0)) throw new Error(`bad aspect ${aspect}`);
  if (width * b >= height * a) return [Math.max(1, Math.min(width, Math.floor((height * a) / b))), height];
  return [width, Math.max(1, Math.min(height, Math.floor((width * b) / a)))];
}

function parseArgs(argv) {
  const args = { aspects: '1:1,4:5,16:9,9:16', aspectMap: null, out: null, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--aspects') args.aspects = argv[++i];
    else if (a === '--aspect-map') args.aspectMap = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: smartcrop_js.mjs [--aspects LIST | --aspect-map FILE] [--out FILE] PATH...');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.paths.push(a);
  }
  return args;
}

// smartcrop's imageOperations over sharp, as smartcrop-sharp does: the decoded, oriented image is
// resampled to the size smartcrop asks for and handed over as RGBA. The resampled pixels do not
// depend on the aspect, so they are made once per image.
function sharpOperations(file) {
  let cache = null;
  return {
    open: async () => {
      const meta = await sharp(file).metadata();
      const swap = meta.orientation >= 5; // 5..8 rotate by 90 degrees
      return { width: swap ? meta.height : meta.width, height: swap ? meta.width : meta.height };
    },
    resample: (image, width, height) => ({ width: Math.floor(width), height: Math.floor(height) }),
    getData: async (image) => {
      const key = `${image.width}x${image.height}`;
      if (!cache || cache.key !== key) {
        const { data, info } = await sharp(file)
          .rotate()
          .resize(image.width, image.height, { fit: 'fill' })
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        cache = { key, data: new smartcrop.ImgData(info.width, info.height, data) };
      }
      return cache.data;
    },
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const defaults = args.aspects.split(',').map((s) => s.trim()).filter(Boolean);
  const amap = args.aspectMap ? JSON.parse(fs.readFileSync(args.aspectMap, 'utf8')) : {};
  const images = args.paths.length ? listImages(args.paths) : Object.keys(amap).sort();
  const outStream = args.out ? fs.createWriteStream(args.out) : process.stdout;
  const reason = `smartcrop.js ${require('smartcrop/package.json').version} on sharp ${require('sharp/package.json').version}`;
  let failed = 0;
  for (const file of images) {
    const aspects = amap[file] ? amap[file].split(',').map((s) => s.trim()) : defaults;
    try {
      const iop = sharpOperations(file);
      const { width: W, height: H } = await iop.open();
      const suggestions = [];
      for (const aspect of aspects) {
        if (aspect === 'free') continue; // smartcrop.js needs a target aspect
        const [a, b] = aspect.split(':').map((v) => parseInt(v, 10));
        const result = await smartcrop.crop(file, { width: a, height: b, imageOperations: iop });
        const c = result.topCrop;
        const [w, h] = largestCrop(W, H, aspect);
        const cx = c.x + c.width / 2;
        const cy = c.y + c.height / 2;
        const x = Math.max(0, Math.min(W - w, Math.round(cx - w / 2)));
        const y = Math.max(0, Math.min(H - h, Math.round(cy - h / 2)));
        suggestions.push({
          aspect, rect: [x, y, w, h], score: 0, reasons: [reason],
          peer_rect: [c.x, c.y, c.width, c.height],
        });
      }
      outStream.write(JSON.stringify({ image: file, width: W, height: H, faces: [], suggestions }) + '\n');
    } catch (e) {
      failed++;
      outStream.write(JSON.stringify({ image: file, error: String(e && e.message ? e.message : e) }) + '\n');
    }
  }
  if (outStream !== process.stdout) await new Promise((resolve) => outStream.end(resolve));
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`smartcrop_js: ${e.message}`);
  process.exit(2);
});
