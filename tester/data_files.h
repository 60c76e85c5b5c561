#pragma once

#include "tester/outcomes.h"

namespace weft::tester {

// Decides a test that gives records from a file: every record must be mapped or skipped, and the
// mapped records must equal the expected file's records one by one, field by field.
void JudgeFileRun(const check::CheckedTest& test, const RuleRun& run, TestResult& result);

}  // namespace weft::tester
