#pragma once

#include <ostream>
#include <vector>

#include "tester/runner.h"

namespace weft::tester {

// Writes `results` as JUnit XML, which CI services show as test reports: one <testsuite> per
// .map file, one <testcase> per test with its file and line, and a <failure> holding the same
// explanation that `weft test` prints.
void WriteJunit(const SourceManager& sources, const std::vector<TestResult>& results,
                std::ostream& out);

}  // namespace weft::tester
