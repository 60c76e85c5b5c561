#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/format/layout_plan.h"
#include "compiler/syntax/tokens.h"

namespace weft::format {

// Prints `tokens`, the tokens of `text`, in the layout that `plan` directs, with every token and
// comment in its order. The result ends with a line feed unless it is empty.
std::string PrintTokens(std::string_view text, const std::vector<syntax::Token>& tokens,
                        const LayoutPlan& plan);

}  // namespace weft::format
