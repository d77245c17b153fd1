#include "core/suggest/ImportanceMap.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/saliency.hpp>

#include <algorithm>
#include <cmath>

namespace cropwise {

namespace {

// cue / mean(cue), clipped: every cue then has the same scale and no cue is all-or-nothing.
cv::Mat normalisedCue(const cv::Mat &cue32, double clip)
{
    const double mean = cv::mean(cue32)[0];
    cv::Mat out;
    if (mean <= 1e-12) {
        out = cv::Mat::zeros(cue32.size(), CV_32F);
        return out;
    }
    cue32.convertTo(out, CV_32F, 1.0 / mean);
    cv::min(out, clip, out);
    return out;
}

cv::Mat spectralResidual(const cv::Mat &bgr8)
{
    cv::Ptr<cv::saliency::StaticSaliencySpectralResidual> sr
        = cv::saliency::StaticSaliencySpectralResidual::create();
    cv::Mat map;
    if (!sr->computeSaliency(bgr8, map))
        return cv::Mat::zeros(bgr8.size(), CV_32F);
    cv::Mat out;
    map.convertTo(out, CV_32F);
    // Its 64 x 64 internal grid makes speckles; a blur turns them into regions.
    const double sigma = std::max(bgr8.cols, bgr8.rows) * 0.02;
    cv::GaussianBlur(out, out, cv::Size(), sigma);
    return out;
}

cv::Mat fineGrained(const cv::Mat &bgr8)
{
    cv::Ptr<cv::saliency::StaticSaliencyFineGrained> fg = cv::saliency::StaticSaliencyFineGrained::create();
    cv::Mat map;
    if (!fg->computeSaliency(bgr8, map))
        return cv::Mat::zeros(bgr8.size(), CV_32F);
    cv::Mat out;
    map.convertTo(out, CV_32F);
    const double sigma = std::max(bgr8.cols, bgr8.rows) * 0.01;
    cv::GaussianBlur(out, out, cv::Size(), sigma);
    return out;
}

cv::Mat edgeDetail(const cv::Mat &grey8)
{
    cv::Mat gx, gy, magnitude;
    cv::Sobel(grey8, gx, CV_32F, 1, 0, 3);
    cv::Sobel(grey8, gy, CV_32F, 0, 1, 3);
    cv::magnitude(gx, gy, magnitude);
    const double sigma = std::max(grey8.cols, grey8.rows) * 0.015;
    cv::GaussianBlur(magnitude, magnitude, cv::Size(), sigma);
    return magnitude;
}

// Soft skin membership in YCrCb (the usual Cr 135-175, Cb 85-130 box with smooth edges), ignoring
// very dark pixels where chroma is noise.
cv::Mat skin(const cv::Mat &bgr8)
{
    cv::Mat ycrcb;
    cv::cvtColor(bgr8, ycrcb, cv::COLOR_BGR2YCrCb);
    cv::Mat out(bgr8.size(), CV_32F);
    for (int y = 0; y < ycrcb.rows; ++y) {
        const cv::Vec3b *in = ycrcb.ptr<cv::Vec3b>(y);
        float *o = out.ptr<float>(y);
        for (int x = 0; x < ycrcb.cols; ++x) {
            const double luma = in[x][0], cr = in[x][1], cb = in[x][2];
            const double dcr = (cr - 155.0) / 18.0;
            const double dcb = (cb - 108.0) / 20.0;
            const double chroma = std::exp(-(dcr * dcr + dcb * dcb) * 1.5);
            const double light = std::clamp((luma - 40.0) / 40.0, 0.0, 1.0);
            o[x] = float(chroma * light);
        }
    }
    const double sigma = std::max(bgr8.cols, bgr8.rows) * 0.01;
    cv::GaussianBlur(out, out, cv::Size(), sigma);
    return out;
}

cv::Mat saturation(const cv::Mat &bgr8)
{
    cv::Mat hsv;
    cv::cvtColor(bgr8, hsv, cv::COLOR_BGR2HSV);
    cv::Mat out(bgr8.size(), CV_32F);
    for (int y = 0; y < hsv.rows; ++y) {
        const cv::Vec3b *in = hsv.ptr<cv::Vec3b>(y);
        float *o = out.ptr<float>(y);
        for (int x = 0; x < hsv.cols; ++x) {
            const double s = in[x][1] / 255.0;
            const double v = std::clamp((in[x][2] - 30.0) / 60.0, 0.0, 1.0);
            o[x] = float(s * v);
        }
    }
    const double sigma = std::max(bgr8.cols, bgr8.rows) * 0.01;
    cv::GaussianBlur(out, out, cv::Size(), sigma);
    return out;
}

} // namespace

Rect headBox(const Rect &face, double margin)
{
    // A tight face box runs from the eyebrows to the chin; hair adds ~0.5 of its height above.
    const double mx = face.width * margin;
    const double top = face.height * (margin + 0.3);
    const double bottom = face.height * margin;
    return Rect::fromEdges(int(std::floor(face.x - mx)), int(std::floor(face.y - top)),
        int(std::ceil(face.rightEdge() + mx)), int(std::ceil(face.bottomEdge() + bottom)));
}

ImportanceMap computeImportanceMap(
    const cv::Mat &bgr8, const std::vector<Face> &faces, const SuggestParams &params, QString *error)
{
    ImportanceMap result;
    if (bgr8.empty() || bgr8.type() != CV_8UC3) {
        if (error)
            *error = QStringLiteral("importance map needs 8-bit BGR pixels");
        return result;
    }
    try {
        cv::Mat grey;
        cv::cvtColor(bgr8, grey, cv::COLOR_BGR2GRAY);
        const double clip = params.cueClip;
        struct Cue
        {
            double weight;
            cv::Mat (*compute)(const cv::Mat &);
            bool usesGrey;
        };
        const Cue cues[] = {
            { params.spectralWeight, spectralResidual, false },
            { params.fineGrainedWeight, fineGrained, false },
            { params.edgeWeight, edgeDetail, true },
            { params.skinWeight, skin, false },
            { params.saturationWeight, saturation, false },
        };
        cv::Mat base = cv::Mat::zeros(bgr8.size(), CV_32F);
        double weights = 0.0;
        for (const Cue &cue : cues) {
            if (cue.weight <= 0.0)
                continue;
            const cv::Mat c = normalisedCue(cue.compute(cue.usesGrey ? grey : bgr8), clip);
            cv::scaleAdd(c, cue.weight, base, base);
            weights += cue.weight;
        }
        if (weights > 0.0)
            base /= weights;
        else
            base.setTo(1.0f); // no cue: every pixel matters the same

        // Mild centre prior: photographers centre subjects more often than not, and the cues are
        // noisy near the frame (vignetting, cut-off clutter).
        const double cx = (bgr8.cols - 1) / 2.0, cy = (bgr8.rows - 1) / 2.0;
        for (int y = 0; y < base.rows; ++y) {
            float *row = base.ptr<float>(y);
            const double dy = cy > 0 ? (y - cy) / cy : 0.0;
            for (int x = 0; x < base.cols; ++x) {
                const double dx = cx > 0 ? (x - cx) / cx : 0.0;
                const double r2 = (dx * dx + dy * dy) / 2.0;
                row[x] *= float(std::max(0.0, 1.0 - params.centrePrior * r2));
            }
        }
        const double baseMass = cv::sum(base)[0];

        cv::Mat faceMap = cv::Mat::zeros(bgr8.size(), CV_32F);
        double faceWeights = 0.0;
        for (const Face &f : faces) {
            const Rect head = headBox(f.rect, 0.0).intersected(Rect { 0, 0, bgr8.cols, bgr8.rows });
            if (head.isEmpty())
                continue;
            // Each face weighs its score (not its area): a small face in a group matters as much.
            const double density = f.score / double(head.area());
            faceMap(cv::Rect(head.x, head.y, head.width, head.height)) += density;
            faceWeights += f.score;
        }
        cv::Mat importance = base.clone();
        const double share = std::clamp(params.faceShare, 0.0, 0.95);
        if (faceWeights > 0.0 && share > 0.0 && baseMass > 0.0) {
            // Faces hold `share` of the total: faceMass / (baseMass + faceMass) = share.
            const double faceMass = baseMass * share / (1.0 - share);
            cv::scaleAdd(faceMap, faceMass / faceWeights, importance, importance);
        }
        const double total = cv::sum(importance)[0];
        if (total <= 0.0)
            importance.setTo(1.0f / float(importance.total()));
        else
            importance /= total;
        result.importance = importance;
        result.base = baseMass > 0.0 ? base / baseMass : base;
    } catch (const cv::Exception &e) {
        if (error)
            *error = QStringLiteral("importance map failed: %1").arg(QString::fromStdString(e.msg));
        result = {};
    }
    return result;
}

} // namespace cropwise
