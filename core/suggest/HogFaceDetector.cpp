#include "core/suggest/HogFaceDetector.h"

#include "core/suggest/HogScanBackend.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <stdexcept>

namespace cropwise::detail {

std::vector<Face> detectFacesHog(const cv::Mat &grey8, int upsample)
{
    cv::Mat work = grey8;
    double factor = 1.0;
    for (int i = 0; i < upsample; ++i) {
        cv::Mat up;
        cv::resize(work, up, cv::Size(), 2.0, 2.0, cv::INTER_LINEAR);
        work = up;
        factor *= 2.0;
    }

    // More than any photo holds; the scan returns the best ones first.
    constexpr int kCapacity = 512;
    std::vector<CropwiseHogDetection> detections(kCapacity);
    const int n = hogScanFunction()(work.ptr<unsigned char>(), work.cols, work.rows, int(work.step[0]),
        -0.5, detections.data(), kCapacity);
    if (n < 0)
        throw std::runtime_error("dlib's HOG scan failed (out of memory?)");

    std::vector<Face> faces;
    for (int i = 0; i < n; ++i) {
        const CropwiseHogDetection &d = detections[i];
        Face face;
        face.rect = Rect { int(std::lround(d.left / factor)), int(std::lround(d.top / factor)),
            int(std::lround(d.width / factor)), int(std::lround(d.height / factor)) };
        face.score = 1.0 / (1.0 + std::exp(-2.0 * d.confidence));
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
