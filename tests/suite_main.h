// The Qt Test suites of one folder of tests/ (app, widgets, engines, models...) are linked into one
// program, tests/CMakeLists.txt: each suite ends with FG_TEST_MAIN(Class) (or the GUILESS and
// APPLESS forms) in place of Qt's QTEST_MAIN, which registers it under its file's name, and CTest
// runs `program test_reader [Qt Test options]` for test_reader.cpp. What a suite sees is what
// QTEST_MAIN gives it: the same application object (QApplication, QCoreApplication or none),
// set up the same way, in a process of its own. One program per folder instead of one per suite
// made a clean build and test several minutes shorter on 2 cores (one link instead of twenty, the
// Qt headers compiled a few times instead of once per suite).
#pragma once

#include <QtTest/qtest.h>
#include <string>

namespace fg::test {

using SuiteMain = int (*)(int argc, char* argv[]);

// Registers `run` under the name of `sourceFile` without its folder and extension
// ("…/test_reader.cpp" -> "test_reader"); two suites of one name stop the program.
bool addSuite(const char* sourceFile, SuiteMain run);

} // namespace fg::test

// As Qt's QTEST_MAIN_WRAPPER (qtest.h, Qt 6.4), in a function of the suite's own instead of main().
#define FG_TEST_SUITE_WRAPPER(TestObject, ...)                                                     \
    static int fgRunSuite##TestObject(int argc, char* argv[]) {                                    \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                         \
        __VA_ARGS__                                                                                \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }                                                                                              \
    [[maybe_unused]] static const bool fgSuiteAdded##TestObject =                                  \
        fg::test::addSuite(__FILE__, &fgRunSuite##TestObject);

#define FG_TEST_MAIN(TestObject) FG_TEST_SUITE_WRAPPER(TestObject, QTEST_MAIN_SETUP())
#define FG_TEST_GUILESS_MAIN(TestObject)                                                           \
    FG_TEST_SUITE_WRAPPER(TestObject, QTEST_QAPP_SETUP(QCoreApplication))
#define FG_TEST_APPLESS_MAIN(TestObject) FG_TEST_SUITE_WRAPPER(TestObject)
