// FG_VERIFY_OK(expr): the Status `expr` returns is ok; when it is not, the test fails with its
// message ("Could not write /x.png: No space left on device"), not only "false".
#pragma once

#include "engines/core/status.h"

#include <QTest>

#define FG_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const ::fg::Status fgVerifiedStatus_ = (expr);                                             \
        QVERIFY2(fgVerifiedStatus_.isOk(), fgVerifiedStatus_.message().c_str());                   \
    } while (false)
