#pragma once

// File and folder names made from user text (label names, image names) for dataset exports.
// A safe name is one path component that cannot leave the folder it is joined to and works on
// Linux, macOS and Windows: never empty, never "." or ".." (nor ".." inside), no separators or characters
// Windows refuses (\ / : * ? " < > |), no control characters, no leading dot (hidden files), no trailing dot
// or space, not a Windows device name (CON, NUL, COM1...), at most kMaxSafeNameBytes bytes of UTF-8. Letters
// of any script are kept (NFC-normalised); whitespace becomes "_". Thread: plain values.

#include <QHash>
#include <QSet>
#include <QString>

namespace cropwise {

inline constexpr int kMaxSafeNameBytes = 120;

// The safe form of text; "_" for text with nothing usable (empty, only dots, only separators).
QString safeFileName(const QString &text);

// Gives each distinct text its own safe name, so two labels never share a folder silently:
// "a/b" and "a_b" both sanitise to "a_b"; the second one asked for becomes "a_b-2" (then -3, ...).
// Names are compared ignoring case, since macOS and Windows file systems do ("Cat" and "cat" would
// be one folder there). Asking again for the same text returns the same name.
class SafeNameAllocator
{
public:
    // Names that must not be handed out (e.g. "manifest.csv" beside label folders). Compared
    // ignoring case.
    void reserve(const QString &name);
    // The name for text (stable for equal text). `suffix` (e.g. ".jpg") is appended after the
    // de-duplication counter: "img.jpg", "img-2.jpg".
    QString nameFor(const QString &text, const QString &suffix = {});
    // A fresh name for text on every call ("img", "img-2", ...), for things that may share a name
    // (two photos called img.jpg in different folders). Uniqueness is on the returned name alone,
    // so callers add extensions afterwards and stems stay unique across extensions.
    QString claim(const QString &text);

private:
    QHash<QString, QString> m_given; // text + '\0' + suffix -> name
    QSet<QString> m_taken; // case-folded names
};

} // namespace cropwise
