#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/schema/types.h"
#include "runtime/abi.h"

namespace re2 {
class RE2;
}

namespace weft::runtime {

// Checks a mapped target record against the limits of its schema (lengths, patterns, allowed
// values, number ranges), so that a value the target system would refuse rejects the record
// here, with the field and the reason, instead of failing later in that system.
class TargetValidator {
 public:
  explicit TargetValidator(const schema::RecordType& record);
  ~TargetValidator();

  // Returns "" when every present field meets its limits; otherwise the reason for the first
  // field that does not, with its index in `field`.
  std::string Validate(const WeftSlot* slots, int& field) const;
  // False when no field has limits, so that validation can be skipped.
  bool HasConstraints() const { return has_constraints_; }

 private:
  std::string ValidateField(const schema::FieldType& field, const WeftSlot& slot,
                            const re2::RE2* pattern) const;

  const schema::RecordType& record_;
  // Each field's compiled pattern, or null; compiled once per run.
  std::vector<std::unique_ptr<re2::RE2>> patterns_;
  bool has_constraints_ = false;
};

}  // namespace weft::runtime
