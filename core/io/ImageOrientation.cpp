#include "core/io/ImageOrientation.h"

#include <opencv2/core.hpp>

namespace cropwise {

cv::Mat applyOrientation(const cv::Mat &stored, int orientation)
{
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(stored, out, 1);
        break;
    case 3:
        cv::rotate(stored, out, cv::ROTATE_180);
        break;
    case 4:
        cv::flip(stored, out, 0);
        break;
    case 5:
        cv::transpose(stored, out);
        break;
    case 6:
        cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE);
        break;
    case 7:
        cv::transpose(stored, out);
        cv::flip(out, out, -1);
        break;
    case 8:
        cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
    default:
        return stored;
    }
    return out;
}

} // namespace cropwise
