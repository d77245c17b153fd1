#include "core/model/ModelLogging.h"

Q_LOGGING_CATEGORY(lcModel, "cropwise.model")
