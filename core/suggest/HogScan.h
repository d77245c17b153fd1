#pragma once

// dlib's HOG frontal face detector on one 8-bit grey image, behind a C signature so that the same
// code (HogScan.cpp) is compiled twice: into the core for every x86-64 CPU, and into a module built
// for AVX2 + FMA that HogScanBackend loads at run time on CPUs that have them (~1.4x faster; the
// detector is most of the suggester's time). The module exports only `kHogScanAvx2Symbol`; its
// copies of dlib and the standard library stay hidden inside it, so no AVX2 code can leak into the
// rest of the program (as it could if two object files of one binary were built for different CPUs).

extern "C" {

struct CropwiseHogDetection
{
    int left, top, width, height; // pixels of the scanned image
    double confidence; // dlib's detection confidence (0 = its threshold)
};

// Scans `grey` (width x height, rows `stride` bytes apart) and writes up to `capacity` detections
// with confidence >= `threshold`, best first. Returns how many it wrote, or -1 when the scan failed.
// Thread: reentrant (each thread keeps its own copy of the detector).
using CropwiseHogScanFn = int (*)(const unsigned char *grey, int width, int height, int stride,
    double threshold, CropwiseHogDetection *out, int capacity);
}

namespace cropwise::detail {

// The portable build of the scan (any x86-64 CPU; every other architecture).
int hogScanPortable(const unsigned char *grey, int width, int height, int stride, double threshold,
    CropwiseHogDetection *out, int capacity);

inline constexpr const char *kHogScanAvx2Symbol = "cropwise_hog_scan_avx2";

} // namespace cropwise::detail
