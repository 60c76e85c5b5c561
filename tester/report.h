#pragma once

#include <string>

#include "tester/runner.h"

namespace weft::tester {

// `file:line` of the start of `range`, as test reports name places.
std::string Place(const SourceManager& sources, SourceRange range);

// `file:line:column` of the start of `range`.
std::string PlaceWithColumn(const SourceManager& sources, SourceRange range);

// Explains a failed test: the sentence of `failure`, then a table of the differing fields with
// their expected and actual values and where each expected value is written.
std::string FailureText(const SourceManager& sources, const TestResult& result);

}  // namespace weft::tester
