#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"

namespace re2 {
class RE2;
}

namespace weft::runtime {

// Checks a mapped target record against the limits of its schema: lengths, patterns, allowed
// values and number ranges. A value that the target system would reject then rejects the record
// here, with the field and the reason, instead of failing later in that system.
class TargetValidator {
 public:
  // `depth` counts the records above this one; records nested deeper than kMaxNestedRecords,
  // which only a recursive schema reaches, are not checked.
  explicit TargetValidator(const schema::RecordType& record, int depth = 0);
  ~TargetValidator();

  // Returns "" when every present field meets its limits; otherwise the reason for the first
  // field that does not, with its index in `field`.
  std::string Validate(const WeftSlot* slots, int& field) const;
  // False when no field has limits, so that validation can be skipped.
  bool HasConstraints() const { return has_constraints_; }

 private:
  // A number limit parsed once, as the units and scale of an exact decimal.
  struct Limit {
    __int128 units = 0;
    int scale = 0;
  };
  // A field's limits prepared once per run, so that no record pays for parsing them.
  struct FieldLimits {
    bool any = false;
    std::unique_ptr<re2::RE2> pattern;
    std::optional<Limit> minimum;
    std::optional<Limit> maximum;
    // For a record field, or a list of records: the validator of that record.
    std::unique_ptr<TargetValidator> nested;
    // For a list of decimals: the digits that each item may have.
    int item_precision = 0;
  };
  static constexpr int kMaxNestedRecords = 16;

  // Checks the items of a list field, or the fields of a record field.
  std::string ValidateNested(const schema::FieldType& field, const WeftSlot& slot,
                             const FieldLimits& limits) const;

  std::string ValidateField(const schema::FieldType& field, const WeftSlot& slot,
                            const FieldLimits& limits) const;

  const schema::RecordType& record_;
  std::vector<FieldLimits> limits_;
  bool has_constraints_ = false;
};

}  // namespace weft::runtime
