// dlib first: its headers must not see Qt's keyword macros. No Qt or OpenCV here: this file is also
// the whole of the AVX2 module (core/CMakeLists.txt), which links dlib alone.
#include <dlib/image_processing/frontal_face_detector.h>

#include "core/suggest/HogScan.h"

#include <algorithm>
#include <cstring>

namespace {

// The frontal detector's filters scanned over a pyramid whose levels are 4/5 apart instead of
// dlib's 5/6: 15 % fewer pixels to describe, and the filters still meet every face size (measured
// in docs/suggest.md: same or better recall on fcdb-dev, 20 % less CPU for the whole suggester).
using Scanner = dlib::scan_fhog_pyramid<dlib::pyramid_down<5>>;
dlib::object_detector<Scanner> coarserPyramid(const dlib::frontal_face_detector &frontal)
{
    const auto &from = frontal.get_scanner();
    Scanner scanner;
    scanner.set_detection_window_size(from.get_detection_window_width(), from.get_detection_window_height());
    scanner.set_padding(from.get_padding());
    scanner.set_cell_size(from.get_cell_size());
    scanner.set_min_pyramid_layer_size(from.get_min_pyramid_layer_width(), from.get_min_pyramid_layer_height());
    scanner.set_max_pyramid_levels(from.get_max_pyramid_levels());
    std::vector<dlib::matrix<double, 0, 1>> weights;
    for (unsigned long i = 0; i < frontal.num_detectors(); ++i)
        weights.push_back(frontal.get_w(i));
    return dlib::object_detector<Scanner>(scanner, frontal.get_overlap_tester(), weights);
}

int scan(const unsigned char *grey, int width, int height, int stride, double threshold,
    CropwiseHogDetection *out, int capacity)
{
    // The detector's weights are compiled in (no file) but compressed: decode them once, then give
    // each thread its own copy, since operator() is not const.
    static const dlib::object_detector<Scanner> decoded = coarserPyramid(dlib::get_frontal_face_detector());
    thread_local dlib::object_detector<Scanner> detector = decoded;

    try {
        dlib::array2d<unsigned char> image(height, width);
        for (int y = 0; y < height; ++y)
            std::memcpy(&image[y][0], grey + std::size_t(y) * std::size_t(stride), std::size_t(width));
        std::vector<dlib::rect_detection> detections;
        detector(image, detections, threshold);
        std::sort(detections.begin(), detections.end(),
            [](const auto &a, const auto &b) { return a.detection_confidence > b.detection_confidence; });
        const int n = std::min(capacity, int(detections.size()));
        for (int i = 0; i < n; ++i) {
            const dlib::rectangle &r = detections[i].rect;
            out[i] = CropwiseHogDetection { int(r.left()), int(r.top()), int(r.width()), int(r.height()),
                detections[i].detection_confidence };
        }
        return n;
    } catch (...) { // nothing may cross the C boundary (dlib throws on allocation failure)
        return -1;
    }
}

} // namespace

#ifdef CROPWISE_HOG_MODULE
extern "C" __attribute__((visibility("default"))) int cropwise_hog_scan_avx2(const unsigned char *grey,
    int width, int height, int stride, double threshold, CropwiseHogDetection *out, int capacity)
{
    return scan(grey, width, height, stride, threshold, out, capacity);
}
#else
int cropwise::detail::hogScanPortable(const unsigned char *grey, int width, int height, int stride,
    double threshold, CropwiseHogDetection *out, int capacity)
{
    return scan(grey, width, height, stride, threshold, out, capacity);
}
#endif
