#pragma once

#include <QLoggingCategory>

// Logging category of core/model ("cropwise.model").
Q_DECLARE_LOGGING_CATEGORY(lcModel)
