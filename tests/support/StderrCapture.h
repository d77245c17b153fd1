#pragma once

// Captures everything written to file descriptor 2 (stderr) while alive, including output of C
// libraries (libpng, libtiff, libjpeg) that bypass Qt: proves "nothing reaches stderr".
// Not thread-safe (fd 2 is process-wide): wrap single-threaded code in tests only. Header-only
// (tests/support/*.cpp are compiled into every test); POSIX.

#include <QByteArray>
#include <QTemporaryFile>

#include <cstdio>
#include <unistd.h>

namespace cropwise::test {

class StderrCapture
{
public:
    StderrCapture()
    {
        if (!m_file.open())
            return;
        std::fflush(stderr);
        m_savedFd = ::dup(2);
        ::dup2(m_file.handle(), 2);
    }
    ~StderrCapture() { finish(); }
    StderrCapture(const StderrCapture &) = delete;
    StderrCapture &operator=(const StderrCapture &) = delete;

    // Restores stderr (once) and returns what was written meanwhile.
    QByteArray finish()
    {
        if (m_savedFd < 0)
            return m_captured;
        std::fflush(stderr);
        ::dup2(m_savedFd, 2);
        ::close(m_savedFd);
        m_savedFd = -1;
        m_file.seek(0);
        m_captured = m_file.readAll();
        return m_captured;
    }

private:
    QTemporaryFile m_file;
    int m_savedFd = -1;
    QByteArray m_captured;
};

} // namespace cropwise::test
