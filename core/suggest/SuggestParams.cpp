#include "core/suggest/SuggestParams.h"

#include <map>
#include <variant>

namespace cropwise {

namespace {

using Member = std::variant<double SuggestParams::*, int SuggestParams::*, double FaceDetectorOptions::*,
    int FaceDetectorOptions::*>;

const std::map<QString, Member> &members()
{
    static const std::map<QString, Member> table = {
        { QStringLiteral("analysisLongSide"), &SuggestParams::analysisLongSide },
        { QStringLiteral("spectralWeight"), &SuggestParams::spectralWeight },
        { QStringLiteral("fineGrainedWeight"), &SuggestParams::fineGrainedWeight },
        { QStringLiteral("edgeWeight"), &SuggestParams::edgeWeight },
        { QStringLiteral("skinWeight"), &SuggestParams::skinWeight },
        { QStringLiteral("saturationWeight"), &SuggestParams::saturationWeight },
        { QStringLiteral("cueClip"), &SuggestParams::cueClip },
        { QStringLiteral("centrePrior"), &SuggestParams::centrePrior },
        { QStringLiteral("faceShare"), &SuggestParams::faceShare },
        { QStringLiteral("keepWeight"), &SuggestParams::keepWeight },
        { QStringLiteral("tightWeight"), &SuggestParams::tightWeight },
        { QStringLiteral("cleanWeight"), &SuggestParams::cleanWeight },
        { QStringLiteral("compositionWeight"), &SuggestParams::compositionWeight },
        { QStringLiteral("compositionSpread"), &SuggestParams::compositionSpread },
        { QStringLiteral("faceWeight"), &SuggestParams::faceWeight },
        { QStringLiteral("sizeWeight"), &SuggestParams::sizeWeight },
        { QStringLiteral("freeWidthTarget"), &SuggestParams::freeWidthTarget },
        { QStringLiteral("freeHeightTarget"), &SuggestParams::freeHeightTarget },
        { QStringLiteral("placementWeight"), &SuggestParams::placementWeight },
        { QStringLiteral("placementTolerance"), &SuggestParams::placementTolerance },
        { QStringLiteral("sizeTargetAspect"), &SuggestParams::sizeTargetAspect },
        { QStringLiteral("sizeTolerance"), &SuggestParams::sizeTolerance },
        { QStringLiteral("minScale"), &SuggestParams::minScale },
        { QStringLiteral("alternativeMaxIou"), &SuggestParams::alternativeMaxIou },
        { QStringLiteral("faceMargin"), &SuggestParams::faceMargin },
        { QStringLiteral("faces.workingLongSide"), &FaceDetectorOptions::workingLongSide },
        { QStringLiteral("faces.minFaceSize"), &FaceDetectorOptions::minFaceSize },
        { QStringLiteral("faces.hogUpsample"), &FaceDetectorOptions::hogUpsample },
        { QStringLiteral("faces.minScore"), &FaceDetectorOptions::minScore },
        { QStringLiteral("faces.hogTilt"), &FaceDetectorOptions::hogTilt },
        { QStringLiteral("faces.hogTiltScale"), &FaceDetectorOptions::hogTiltScale },
    };
    return table;
}

const std::map<QString, FaceDetectorKind> &kinds()
{
    static const std::map<QString, FaceDetectorKind> table = {
        { QStringLiteral("none"), FaceDetectorKind::None },
        { QStringLiteral("cascades"), FaceDetectorKind::Cascades },
        { QStringLiteral("hog"), FaceDetectorKind::Hog },
        { QStringLiteral("hogAndProfile"), FaceDetectorKind::HogAndProfile },
        { QStringLiteral("hogAndCascades"), FaceDetectorKind::HogAndCascades },
    };
    return table;
}

} // namespace

QString setSuggestParam(SuggestParams &params, const QString &name, const QString &value)
{
    if (name == QLatin1String("faces.kind")) {
        const auto it = kinds().find(value);
        if (it == kinds().end())
            return QStringLiteral("unknown face detector '%1'").arg(value);
        params.faces.kind = it->second;
        return {};
    }
    const auto it = members().find(name);
    if (it == members().end())
        return QStringLiteral("unknown parameter '%1'").arg(name);
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok)
        return QStringLiteral("parameter '%1' needs a number, got '%2'").arg(name, value);
    std::visit(
        [&](auto member) {
            using M = decltype(member);
            if constexpr (std::is_same_v<M, double SuggestParams::*>)
                params.*member = number;
            else if constexpr (std::is_same_v<M, int SuggestParams::*>)
                params.*member = int(number);
            else if constexpr (std::is_same_v<M, double FaceDetectorOptions::*>)
                params.faces.*member = number;
            else
                params.faces.*member = int(number);
        },
        it->second);
    return {};
}

QStringList suggestParamNames()
{
    QStringList names { QStringLiteral("faces.kind") };
    for (const auto &entry : members())
        names << entry.first;
    return names;
}

} // namespace cropwise
