// dlib first: its headers must not see Qt's keyword macros.
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>

#include "core/suggest/HogFaceDetector.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace cropwise::detail {

std::vector<Face> detectFacesHog(const cv::Mat &grey8, int upsample)
{
    // The detector's weights are compiled in (no file) but compressed: decode them once, then give
    // each thread its own copy, since operator() is not const.
    static const dlib::frontal_face_detector decoded = dlib::get_frontal_face_detector();
    thread_local dlib::frontal_face_detector detector = decoded;

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
        face.rect = Rect { int(std::lround(r.left() / factor)), int(std::lround(r.top() / factor)),
            int(std::lround(r.width() / factor)), int(std::lround(r.height() / factor)) };
        face.score = 1.0 / (1.0 + std::exp(-2.0 * d.detection_confidence));
        faces.push_back(face);
    }
    return faces;
}

std::vector<Face> detectFacesHogRotated(const cv::Mat &grey8, double degrees, int upsample)
{
    const cv::Point2f centre((grey8.cols - 1) / 2.0f, (grey8.rows - 1) / 2.0f);
    const cv::Mat turn = cv::getRotationMatrix2D(centre, degrees, 1.0);
    cv::Mat turned;
    cv::warpAffine(grey8, turned, turn, grey8.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::Mat back;
    cv::invertAffineTransform(turn, back);
    std::vector<Face> faces = detectFacesHog(turned, upsample);
    for (Face &f : faces) {
        const double cx = f.rect.x + f.rect.width / 2.0, cy = f.rect.y + f.rect.height / 2.0;
        const double x = back.at<double>(0, 0) * cx + back.at<double>(0, 1) * cy + back.at<double>(0, 2);
        const double y = back.at<double>(1, 0) * cx + back.at<double>(1, 1) * cy + back.at<double>(1, 2);
        f.rect.x = int(std::lround(x - f.rect.width / 2.0));
        f.rect.y = int(std::lround(y - f.rect.height / 2.0));
    }
    return faces;
}

} // namespace cropwise::detail
