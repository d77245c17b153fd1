#pragma once

// Output file names of renditions, from a template such as "{stem}_{rendition}_{w}x{h}".
//
// Safety: an expanded name is always ONE file name inside the output folder, whatever the template
// and the values (a label "../../etc", a stem with control characters). Templates with a path
// separator are refused when the preset is read; in values, / \ and the characters Windows and
// web servers choke on (< > : " | ? * and control characters) become "_"; leading dots become "_"
// (no hidden files, no "." or ".."); the name is cut to 200 bytes of UTF-8 before the extension.
// outputPathIn() checks the result really lands in the folder.

#include "core/io/ImageEncoder.h"

#include <QString>
#include <QStringList>

namespace cropwise {

struct FileNameFields
{
    QString stem; // the image's file name without its last extension ("IMG_0042")
    QString rendition; // the rendition's name
    QString label; // the saved crop's label; empty when none
    int width = 0; // output pixels
    int height = 0;
};

// The placeholders a template may use, with braces: {stem} {rendition} {w} {h} {label}.
QStringList fileNamePlaceholders();

// Empty when `tpl` is a usable template, else what is wrong ("unknown placeholder {size}; use
// {stem} {rendition} {w} {h} {label}", "must be a file name, not a path (no / or \\)", ...).
QString checkFileNameTemplate(const QString &tpl);

// "jpg", "png", "webp", "tif".
QString fileExtension(OutputFormat format);

// The expanded, sanitised file name with the format's extension (not doubled when the template
// already ends with it, e.g. "{stem}.jpg" or ".jpeg" for JPEG). Empty + *error for a bad template.
QString expandFileName(
    const QString &tpl, const FileNameFields &fields, OutputFormat format, QString *error = nullptr);

// folder + "/" + fileName, after checking that fileName is one plain name and the result lies
// directly inside folder. Empty + *error otherwise.
QString outputPathIn(const QString &folder, const QString &fileName, QString *error = nullptr);

} // namespace cropwise
