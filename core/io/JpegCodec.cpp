#include "core/io/JpegCodec.h"

#include <opencv2/core.hpp>

#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE and size_t declared first
#include <cstring>
#include <new>

#include <jpeglib.h>

#include <jerror.h> // after jpeglib.h

namespace cropwise::detail {

namespace {

// Beyond this many scans a progressive JPEG is treated as corrupt: crafted files with thousands of
// tiny scans make libjpeg spin for minutes over a few KB (real encoders use about 10).
constexpr int kMaxProgressiveScans = 1000;
constexpr int kScanLimitCode = -1000; // our own "error code" for the scan limit

enum Phase { PhaseHeader, PhaseStart, PhaseScanlines, PhaseFinish };

// libjpeg reports errors by calling error_exit, which must not return: we longjmp back to the
// setjmp in run*(). Everything here is plain data because longjmp skips C++ destructors.
struct ErrorManager
{
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    int errorCode;
    char errorText[JMSG_LENGTH_MAX];
    static constexpr int kMaxWarnings = 32;
    int warningCount;
    int warningCodes[kMaxWarnings];
    int warningPhases[kMaxWarnings];
    int warningParams[kMaxWarnings]; // first message parameter (e.g. the count of stray bytes)
    char otherWarningText[JMSG_LENGTH_MAX]; // first warning we have no words of our own for
    int phase;
};

[[noreturn]] void errorExit(j_common_ptr cinfo)
{
    auto *err = reinterpret_cast<ErrorManager *>(cinfo->err);
    err->errorCode = err->pub.msg_code;
    (*cinfo->err->format_message)(cinfo, err->errorText);
    std::longjmp(err->jump, 1);
}

bool isKnownWarning(int code)
{
    switch (code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
    case JWRN_EXTRANEOUS_DATA:
    case JWRN_BOGUS_ICC:
        return true;
    default:
        return false;
    }
}

// Warnings (level -1) are recorded, never printed; trace messages (level >= 0) are dropped.
void emitMessage(j_common_ptr cinfo, int level)
{
    if (level >= 0)
        return;
    auto *err = reinterpret_cast<ErrorManager *>(cinfo->err);
    err->pub.num_warnings++;
    if (err->warningCount < ErrorManager::kMaxWarnings) {
        err->warningCodes[err->warningCount] = err->pub.msg_code;
        err->warningPhases[err->warningCount] = err->phase;
        err->warningParams[err->warningCount] = err->pub.msg_parm.i[0];
        ++err->warningCount;
    }
    if (!isKnownWarning(err->pub.msg_code) && err->otherWarningText[0] == '\0')
        (*cinfo->err->format_message)(cinfo, err->otherWarningText);
}

void outputMessage(j_common_ptr) { }

void progressMonitor(j_common_ptr cinfo)
{
    if (!cinfo->is_decompressor)
        return;
    auto *d = reinterpret_cast<j_decompress_ptr>(cinfo);
    if (d->input_scan_number > kMaxProgressiveScans) {
        auto *err = reinterpret_cast<ErrorManager *>(cinfo->err);
        err->errorCode = kScanLimitCode;
        std::longjmp(err->jump, 1);
    }
}

void initErrorManager(ErrorManager &err)
{
    std::memset(&err, 0, sizeof err);
    jpeg_std_error(&err.pub);
    err.pub.error_exit = errorExit;
    err.pub.emit_message = emitMessage;
    err.pub.output_message = outputMessage;
}

struct DecodeState
{
    cv::Mat *pixels;
    bool adobeInverted; // CMYK written by Adobe software: stored inverted (0 = full ink)
    bool cmyk;
};

// Runs the whole decode; returns false when libjpeg gave up (the reason is in err).
bool runDecode(jpeg_decompress_struct *cinfo, ErrorManager *err, jpeg_progress_mgr *progress,
    QByteArrayView data, int denominator, DecodeState *state)
{
    if (setjmp(err->jump))
        return false;
    jpeg_create_decompress(cinfo);
    cinfo->progress = progress;
    jpeg_mem_src(cinfo, reinterpret_cast<const unsigned char *>(data.data()), (unsigned long)data.size());
    err->phase = PhaseHeader;
    jpeg_read_header(cinfo, TRUE);
    cinfo->scale_num = 1;
    cinfo->scale_denom = (unsigned int)denominator;
    cinfo->dct_method = JDCT_ISLOW;
    switch (cinfo->jpeg_color_space) {
    case JCS_GRAYSCALE:
        cinfo->out_color_space = JCS_GRAYSCALE;
        break;
    case JCS_CMYK:
    case JCS_YCCK: // libjpeg turns YCCK into CMYK; we turn CMYK into BGR below
        cinfo->out_color_space = JCS_CMYK;
        state->cmyk = true;
        state->adobeInverted = cinfo->saw_Adobe_marker;
        break;
    default:
        cinfo->out_color_space = JCS_EXT_BGR;
        break;
    }
    err->phase = PhaseStart;
    jpeg_start_decompress(cinfo);
    state->pixels->create(
        int(cinfo->output_height), int(cinfo->output_width), CV_8UC(cinfo->output_components));
    err->phase = PhaseScanlines;
    while (cinfo->output_scanline < cinfo->output_height) {
        JSAMPROW row = state->pixels->ptr<uchar>(int(cinfo->output_scanline));
        jpeg_read_scanlines(cinfo, &row, 1);
    }
    err->phase = PhaseFinish;
    jpeg_finish_decompress(cinfo);
    return true;
}

// Naive CMYK -> BGR (no ICC): R = (1 - C)(1 - K) and so on. Adobe stores the inks inverted.
cv::Mat cmykToBgr(const cv::Mat &cmyk, bool adobeInverted)
{
    cv::Mat bgr(cmyk.rows, cmyk.cols, CV_8UC3);
    for (int y = 0; y < cmyk.rows; ++y) {
        const uchar *s = cmyk.ptr<uchar>(y);
        uchar *d = bgr.ptr<uchar>(y);
        for (int x = 0; x < cmyk.cols; ++x, s += 4, d += 3) {
            // "white" amount of each ink channel in 0..255
            const int c = adobeInverted ? s[0] : 255 - s[0];
            const int m = adobeInverted ? s[1] : 255 - s[1];
            const int yl = adobeInverted ? s[2] : 255 - s[2];
            const int k = adobeInverted ? s[3] : 255 - s[3];
            d[0] = uchar((yl * k + 127) / 255);
            d[1] = uchar((m * k + 127) / 255);
            d[2] = uchar((c * k + 127) / 255);
        }
    }
    return bgr;
}

QString decodeErrorText(const ErrorManager &err)
{
    switch (err.errorCode) {
    case kScanLimitCode:
        return QStringLiteral("corrupt JPEG: more than %1 progressive scans").arg(kMaxProgressiveScans);
    case JERR_BAD_PRECISION:
        return QStringLiteral("JPEG with %1-bit samples is not supported (only 8-bit)")
            .arg(err.pub.msg_parm.i[0]);
    case JERR_SOF_UNSUPPORTED:
        return QStringLiteral("this kind of JPEG (lossless or hierarchical) is not supported");
    case JERR_OUT_OF_MEMORY:
        return QStringLiteral("not enough memory to decode this JPEG");
    case JERR_IMAGE_TOO_BIG:
        return QStringLiteral("image too large for the JPEG decoder");
    case JERR_NO_IMAGE:
        return QStringLiteral("corrupt JPEG: the file contains no image");
    default:
        return QStringLiteral("corrupt JPEG: the decoder gave up (%1)")
            .arg(QString::fromLatin1(err.errorText));
    }
}

// Stray bytes after the image data of a scan mean the entropy decoder lost its way in damaged data
// (it stopped early); a byte or two before the end marker is a common harmless encoder quirk.
constexpr int kMaxHarmlessStrayBytes = 32;

// Our policy (docs/decoding.md): missing or damaged image data is an error, so grey or garbled
// pixels are never shown as if the photo were fine; harmless irregularities are warnings.
// libjpeg signals running out of data with JWRN_JPEG_EOF (it then pads with a fake end marker);
// when the decoder actually needed the missing bits it also warns JWRN_HIT_MARKER. EOF alone means
// only the end marker (or, in a progressive file, whole trailing scans) is missing.
void classifyWarnings(const ErrorManager &err, JpegDecodeResult &result)
{
    bool endOfFile = false;
    bool dataMissing = false;
    bool damaged = false;
    for (int i = 0; i < err.warningCount; ++i) {
        switch (err.warningCodes[i]) {
        case JWRN_JPEG_EOF:
            endOfFile = true;
            break;
        case JWRN_HIT_MARKER:
            dataMissing = true;
            break;
        case JWRN_HUFF_BAD_CODE:
        case JWRN_ARITH_BAD_CODE:
        case JWRN_MUST_RESYNC:
        case JWRN_NOT_SEQUENTIAL:
        case JWRN_BOGUS_PROGRESSION:
            damaged = true;
            break;
        case JWRN_EXTRANEOUS_DATA:
            if (err.warningPhases[i] != PhaseHeader && err.warningParams[i] > kMaxHarmlessStrayBytes)
                damaged = true;
            else
                result.warnings.append(
                    QStringLiteral("stray bytes between JPEG markers were skipped (harmless)"));
            break;
        case JWRN_BOGUS_ICC:
            result.warnings.append(QStringLiteral("ignored a damaged ICC profile marker"));
            break;
        default:
            break;
        }
    }
    if (err.otherWarningText[0] != '\0')
        result.warnings.append(
            QStringLiteral("JPEG decoder warning: %1").arg(QString::fromLatin1(err.otherWarningText)));
    if (endOfFile && !dataMissing)
        result.warnings.append(
            QStringLiteral("the JPEG file has no end marker (the image data looks complete)"));
    result.warnings.removeDuplicates();
    if (endOfFile && dataMissing)
        result.error = QStringLiteral("truncated JPEG: the file ends before the image data is complete");
    else if (dataMissing || damaged)
        result.error = QStringLiteral("corrupt JPEG: the compressed image data is damaged");
}

// ---- encoding ----------------------------------------------------------------------------------

// Destination writing into a QByteArray (jpeg_mem_dest's buffer handling is unsafe after an error).
struct ByteArrayDestination
{
    jpeg_destination_mgr pub;
    QByteArray *out;
};

void initDestination(j_compress_ptr cinfo)
{
    auto *dest = reinterpret_cast<ByteArrayDestination *>(cinfo->dest);
    bool allocated = true;
    try {
        dest->out->resize(64 * 1024);
    } catch (const std::bad_alloc &) {
        allocated = false;
    }
    if (!allocated)
        ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
    dest->pub.next_output_byte = reinterpret_cast<JOCTET *>(dest->out->data());
    dest->pub.free_in_buffer = size_t(dest->out->size());
}

boolean emptyOutputBuffer(j_compress_ptr cinfo)
{
    auto *dest = reinterpret_cast<ByteArrayDestination *>(cinfo->dest);
    const qsizetype used = dest->out->size(); // libjpeg calls this only when the buffer is full
    bool allocated = true;
    try {
        dest->out->resize(used * 2);
    } catch (const std::bad_alloc &) {
        allocated = false;
    }
    if (!allocated)
        ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 1);
    dest->pub.next_output_byte = reinterpret_cast<JOCTET *>(dest->out->data()) + used;
    dest->pub.free_in_buffer = size_t(dest->out->size() - used);
    return TRUE;
}

void termDestination(j_compress_ptr cinfo)
{
    auto *dest = reinterpret_cast<ByteArrayDestination *>(cinfo->dest);
    dest->out->resize(dest->out->size() - qsizetype(dest->pub.free_in_buffer));
}

bool runEncode(jpeg_compress_struct *cinfo, ErrorManager *err, ByteArrayDestination *dest,
    const cv::Mat *pixels, int quality, QByteArrayView icc)
{
    if (setjmp(err->jump))
        return false;
    jpeg_create_compress(cinfo);
    cinfo->dest = &dest->pub;
    cinfo->image_width = JDIMENSION(pixels->cols);
    cinfo->image_height = JDIMENSION(pixels->rows);
    cinfo->input_components = pixels->channels();
    cinfo->in_color_space = pixels->channels() == 1 ? JCS_GRAYSCALE : JCS_EXT_BGR;
    jpeg_set_defaults(cinfo);
    jpeg_set_quality(cinfo, quality, TRUE);
    cinfo->optimize_coding = TRUE;
    // At high quality, keep full colour resolution (4:4:4): chroma subsampling is what smears red
    // edges and fine coloured text, and the file-size gain no longer matters at that quality.
    if (pixels->channels() == 3 && quality >= 90) {
        cinfo->comp_info[0].h_samp_factor = 1;
        cinfo->comp_info[0].v_samp_factor = 1;
    }
    jpeg_start_compress(cinfo, TRUE);
    if (!icc.isEmpty())
        jpeg_write_icc_profile(cinfo, reinterpret_cast<const JOCTET *>(icc.data()), (unsigned int)icc.size());
    while (cinfo->next_scanline < cinfo->image_height) {
        JSAMPROW row = const_cast<uchar *>(pixels->ptr<uchar>(int(cinfo->next_scanline)));
        jpeg_write_scanlines(cinfo, &row, 1);
    }
    jpeg_finish_compress(cinfo);
    return true;
}

} // namespace

int jpegScaleDenominator(int storedLongSide, int maxLongSide)
{
    if (maxLongSide <= 0)
        return 1;
    for (const int d : { 8, 4, 2 }) {
        if ((storedLongSide + d - 1) / d >= maxLongSide)
            return d;
    }
    return 1;
}

JpegDecodeResult decodeJpeg(QByteArrayView data, int scaleDenominator)
{
    JpegDecodeResult result;
    jpeg_decompress_struct cinfo;
    std::memset(&cinfo, 0, sizeof cinfo);
    ErrorManager err;
    initErrorManager(err);
    cinfo.err = &err.pub;
    jpeg_progress_mgr progress;
    std::memset(&progress, 0, sizeof progress);
    progress.progress_monitor = progressMonitor;
    DecodeState state { &result.pixels, false, false };
    bool ok = false;
    try {
        ok = runDecode(&cinfo, &err, &progress, data, scaleDenominator, &state);
    } catch (const cv::Exception &) { // cv::Mat::create out of memory
        err.errorCode = JERR_OUT_OF_MEMORY;
    } catch (const std::bad_alloc &) {
        err.errorCode = JERR_OUT_OF_MEMORY;
    }
    jpeg_destroy_decompress(&cinfo);
    if (!ok) {
        result.pixels.release();
        result.error = decodeErrorText(err);
        return result;
    }
    classifyWarnings(err, result);
    if (!result.error.isEmpty()) {
        result.pixels.release();
        return result;
    }
    if (state.cmyk)
        result.pixels = cmykToBgr(result.pixels, state.adobeInverted);
    return result;
}

JpegEncodeResult encodeJpeg(const cv::Mat &pixels, int quality, QByteArrayView iccProfile)
{
    JpegEncodeResult result;
    if (pixels.empty() || pixels.depth() != CV_8U || (pixels.channels() != 1 && pixels.channels() != 3)) {
        result.error = QStringLiteral("internal error: JPEG needs 8-bit grey or BGR pixels");
        return result;
    }
    jpeg_compress_struct cinfo;
    std::memset(&cinfo, 0, sizeof cinfo);
    ErrorManager err;
    initErrorManager(err);
    cinfo.err = &err.pub;
    QByteArray bytes;
    ByteArrayDestination dest;
    std::memset(&dest, 0, sizeof dest);
    dest.out = &bytes;
    dest.pub.init_destination = initDestination;
    dest.pub.empty_output_buffer = emptyOutputBuffer;
    dest.pub.term_destination = termDestination;
    // ICC.1 Annex B: at most 255 APP2 chunks of 65519 bytes.
    const QByteArrayView icc = iccProfile.size() <= 255 * 65519 ? iccProfile : QByteArrayView();
    const bool ok = runEncode(&cinfo, &err, &dest, &pixels, qBound(1, quality, 100), icc);
    jpeg_destroy_compress(&cinfo);
    if (!ok) {
        result.error = err.errorCode == JERR_OUT_OF_MEMORY
            ? QStringLiteral("not enough memory to encode the JPEG")
            : QStringLiteral("JPEG encoding failed (%1)").arg(QString::fromLatin1(err.errorText));
        return result;
    }
    result.bytes = bytes;
    return result;
}

} // namespace cropwise::detail
