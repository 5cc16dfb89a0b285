// main() of a folder's test program (tests/suite_main.h): `program SUITE [Qt Test options]` runs
// one suite, as its own program did; without a known suite it lists them and exits with 2.
#include "tests/suite_main.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

namespace fg::test {
namespace {

// Every suite of the program by name.
std::map<std::string, SuiteMain>& registry() {
    static std::map<std::string, SuiteMain> all;
    return all;
}

} // namespace

bool addSuite(const char* sourceFile, SuiteMain run) {
    std::string name = sourceFile;
    if (const auto slash = name.find_last_of('/'); slash != std::string::npos) {
        name.erase(0, slash + 1);
    }
    if (const auto dot = name.find('.'); dot != std::string::npos) {
        name.erase(dot);
    }
    if (!registry().emplace(name, run).second) {
        std::fprintf(stderr, "two test suites are named %s\n", name.c_str());
        std::abort();
    }
    return true;
}

} // namespace fg::test

int main(int argc, char* argv[]) {
    const auto& all = fg::test::registry();
    const auto suite = argc >= 2 ? all.find(argv[1]) : all.end();
    if (suite == all.end()) {
        std::fprintf(stderr, "usage: %s SUITE [Qt Test options], SUITE one of:\n", argv[0]);
        for (const auto& entry : all) {
            std::fprintf(stderr, "  %s\n", entry.first.c_str());
        }
        return 2;
    }
    // The suite sees the program's name and the options after its own name, as QTEST_MAIN did.
    std::vector<char*> args{argv[0]};
    args.insert(args.end(), argv + 2, argv + argc);
    args.push_back(nullptr);
    return suite->second(int(args.size()) - 1, args.data());
}
