
// dlib first: its headers must not see Qt's keyword macros.
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>

#include "core/suggest/HogFaceDetector.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace cropwise::detail {

std::vector<Face> detectFacesHog(const cv::Mat &grey8, int upsample)
{
    // The detector's weights are compiled in (no file); operator() is not const, so one per thread.
    thread_local dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();

    cv::Mat work = grey8;
    double factor = 1.0;
    for (int i = 0; i < upsample; ++i) {
        cv::Mat up;
        cv::resize(work, up, cv::Size(), 2.0, 2.0, cv::INTER_LINEAR);
        work = up;
        factor *= 2.0;
    }
    if (!work.isContinuous())
        work = work.clone();

    const dlib::cv_image<unsigned char> image(work);
    std::vector<dlib::rect_detection> detections;
    detector(image, detections, -0.5);

    std::vector<Face> faces;
    faces.reserve(detections.size());
    for (const dlib::rect_detection &d : detections) {
        const dlib::rectangle &r = d.rect;
        Face face;
        face.rect = Rect{int(std::lround(r.left() / factor)), int(std::lround(r.top() / factor)),
                         int(std::lround(r.width() / factor)), int(std::lround(r.height() / factor))};
        face.score = 1.0 / (1.0 + std::exp(-2.0 * d.detection_confidence));
        faces.push_back(face);
    }
    return faces;
}

} // namespace cropwise::detail
