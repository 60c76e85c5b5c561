#pragma once

// The code generator's state, shared by the files that emit statements and expressions.
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "runtime/abi.h"

namespace weft::codegen::internal {

using ir::Node;
using ir::Op;
using ir::Repr;

// Slot layout, fixed by WeftSlot in runtime/abi.h.
constexpr uint64_t kSlotSize = 32;
constexpr uint64_t kPresentOffset = 16;
constexpr uint64_t kMissingOffset = 17;
constexpr uint64_t kPlainOffset = 18;
static_assert(offsetof(WeftSlot, plain) == kPlainOffset);

// Slot layout, fixed by WeftSlot in runtime/abi.h: the scale of a `decimal` without digits.
constexpr uint64_t kScaleOffset = 20;

// A value in generated code. `present` is null when the value is always present. `scale` (an
// i32) is set only for decimals whose type has no fixed scale.
struct Value {
  llvm::Value* present = nullptr;
  llvm::Value* payload = nullptr;
  llvm::Value* scale = nullptr;
  // For an optional value read from a slot: its `missing` byte, which a copy keeps.
  llvm::Value* missing = nullptr;
  // For a string read from a slot: its `plain` byte, which a copy keeps.
  llvm::Value* plain = nullptr;
};

// Sets `value.plain` to the `plain` byte of `slot` when the slot contains a string, for a field
// that is read and may be copied as it is.
inline void LoadPlain(llvm::IRBuilder<>& builder, llvm::Value* slot, const ir::ValueType& type,
                      Value& value) {
  if (type.repr != ir::Repr::String) return;
  value.plain = builder.CreateLoad(
      builder.getInt8Ty(),
      builder.CreateConstInBoundsGEP1_64(builder.getInt8Ty(), slot, kPlainOffset));
}

inline bool HasRuntimeScale(const ir::ValueType& type) {
  return type.repr == ir::Repr::Decimal && type.scale == schema::kAnyScale;
}

// Emits one rule as an LLVM function over the slot layout of runtime/abi.h.
class Generator {
 public:
  Generator(const ir::Rule& rule, const std::string& function_name, llvm::LLVMContext& context)
      : rule_(rule),
        context_(context),
        module_(std::make_unique<llvm::Module>("weft." + rule.name, context)),
        builder_(context) {
    string_type_ = llvm::StructType::create(context, {builder_.getPtrTy(), builder_.getInt64Ty()},
                                            "WeftString");
    list_type_ = llvm::StructType::create(context, {builder_.getPtrTy(), builder_.getInt64Ty()},
                                          "WeftList");
    auto* function_type = llvm::FunctionType::get(
        builder_.getInt32Ty(), {builder_.getPtrTy(), builder_.getPtrTy(), builder_.getPtrTy()},
        false);
    function_ = llvm::Function::Create(function_type, llvm::Function::ExternalLinkage,
                                       function_name, module_.get());
    context_arg_ = function_->getArg(0);
    source_arg_ = function_->getArg(1);
    target_arg_ = function_->getArg(2);
    context_arg_->setName("context");
    source_arg_->setName("source");
    target_arg_->setName("target");
    target_base_ = target_arg_;
  }

  std::unique_ptr<llvm::Module> Run();

 private:
  Value Emit(const Node& node);
  Value EmitConstant(const Node& node);
  // Emits a call of a builtin. An absent receiver in `x?.f()` skips the call.
  Value EmitCall(const Node& node);
  // Emits the other arguments and the call of the builtin's runtime function, given the
  // emitted first argument.
  Value EmitBuiltinCall(const Node& node, const Value& receiver);
  Value EmitTableLookup(const Node& node);
  // Emits a time or a date-time as its count of seconds, which is absent when the value is.
  Value EmitSeconds(const Node& node);
  Value EmitSource(const Node& node);
  // Loads the payload (and the run-time scale) of a value of `type` from a slot; the caller
  // decides its presence.
  Value LoadSlot(llvm::Value* slot, const ir::ValueType& type);
  Value EmitArithmetic(const Node& node);
  Value EmitIntArithmetic(Op op, llvm::Value* lhs, llvm::Value* rhs);
  Value EmitDecimalArithmetic(Op op, llvm::Value* lhs, llvm::Value* rhs);
  // Emits `/` or `%` on decimals of fixed result scale, rejecting a zero divisor.
  Value EmitDecimalDivision(const Node& node);
  // Rejects the record with a division by zero when the decimal `divisor` is zero.
  void RejectDivisionByZero(llvm::Value* divisor);
  Value EmitComparison(const Node& node);
  // Returns a decimal's `units` with `places` more places, for comparing it with a decimal of a
  // larger scale. A result beyond 128 bits becomes the largest or smallest 128-bit integer.
  llvm::Value* WidenScale(llvm::Value* units, int places);
  Value EmitLogical(const Node& node);
  Value EmitCoalesce(const Node& node);
  Value EmitSelect(const Node& node);
  Value EmitConcat(const Node& node);
  // Joins the values of two branches at the current block, which both end in, with PHI nodes.
  Value Merge(const ir::ValueType& type, Value first, llvm::BasicBlock* first_end, Value second,
              llvm::BasicBlock* second_end);
  Value EmitToString(const Node& node);
  Value EmitDateTimeText(const Node& node);
  Value EmitRescale(const Node& node);
  Value EmitAbs(const Node& node);
  // Emits min or max; both operands have the node's type.
  Value EmitMinimumOrMaximum(const Node& node);
  Value EmitScaledArithmetic(const Node& node);
  Value EmitFloatArithmetic(const Node& node);
  // The scale of a decimal value: its run-time scale, or its type's fixed one.
  llvm::Value* ScaleOf(const ir::ValueType& type, const Value& value) {
    return value.scale != nullptr ? value.scale : builder_.getInt32(type.scale);
  }
  void EmitStatement(const ir::Statement& statement);
  void EmitStore(const ir::Statement& statement);
  // Writes a value of `type` into the slot at `slot`: its payload, presence and run-time scale.
  void StoreSlot(llvm::Value* slot, const Value& value, const ir::ValueType& type);
  // Lists and records, in list_codegen.cc.
  Value EmitEach(const Node& node);
  Value EmitConstruct(const Node& node);
  Value EmitListOf(const Node& node);
  Value EmitField(const Node& node);
  Value EmitElement(const Node& node);
  // Emits a loop over `count` slots from `items`. `body` emits the code for one item, given its
  // slot, its position and the block that goes on to the next item, and ends in a block that
  // falls through.
  void EmitLoop(llvm::Value* items, llvm::Value* count,
                const std::function<void(llvm::Value*, llvm::Value*, llvm::BasicBlock*)>& body);
  // Loads the list item in `slot`, of type `type`, with its presence, as local `local`.
  void BindItem(llvm::Value* slot, const ir::ValueType& type, int local);
  // Emits `min` or `max` of a list, which call a runtime helper.
  Value EmitListExtreme(const Node& node);
  // Emits `sort_by`, `distinct` or `group_sum`, which call a runtime helper.
  Value EmitListHelper(const Node& node);
  // Computes `key` for each item of the list `node` reads, with the item bound to `local`, into
  // new slots, and returns them.
  llvm::Value* EmitKeys(const Node& node, int local, const Node& key, llvm::Value* items,
                        llvm::Value* count);
  // Emits a loop that folds a list into one value: `sum`, `any` or `all`.
  Value EmitFold(const Node& node);
  // `count` slots from the record's arena, zeroed.
  llvm::Value* AllocateSlots(llvm::Value* count);
  // A constant run of `count` zeroed slots, read in place of an absent record or list.
  llvm::Value* ZeroSlots(size_t count);
  llvm::Value* MakeList(llvm::Value* items, llvm::Value* count);
  // The address of slot `index` in the run of slots at `items`.
  llvm::Value* SlotAt(llvm::Value* items, llvm::Value* index);

  llvm::Type* PayloadType(Repr repr);
  llvm::Value* Zero(Repr repr) { return llvm::Constant::getNullValue(PayloadType(repr)); }
  // Returns `value`, present when `present` is true, with a zero payload and scale otherwise.
  // Later steps, such as the precision check, rely on absent values carrying zeros.
  Value AbsentUnless(llvm::Value* present, Value value, Repr repr);
  llvm::Value* Present(const Value& value) {
    return value.present ? value.present : builder_.getTrue();
  }
  llvm::Value* StringConstant(const std::string& text);
  llvm::Value* FieldName();
  llvm::Value* PlaceName();
  // Stores `value` in a new stack slot of the entry block and returns its address.
  llvm::Value* Spill(llvm::Value* value);
  llvm::Value* Temporary(llvm::Type* type);
  llvm::FunctionCallee Helper(const char* name, llvm::Type* result,
                              std::vector<llvm::Type*> parameters);
  // Continues in a new block when `ok` is true; otherwise calls `reject` and returns kWeftRejected.
  void RejectUnless(llvm::Value* ok, const std::function<void()>& reject);
  // Rejects the record when a helper's `status` is kWeftCallRejected. The helper has written the
  // reason, and the field or place being computed is added to it.
  void RejectIfCallRejected(llvm::Value* status);
  // Rejects with a decimal (38 digits) or an int (64 bits) overflow reason unless `ok`.
  void RejectOverflowUnless(llvm::Value* ok, bool decimal);
  llvm::BasicBlock* NewBlock(const char* name) {
    return llvm::BasicBlock::Create(context_, name, function_);
  }

  const ir::Rule& rule_;
  llvm::LLVMContext& context_;
  std::unique_ptr<llvm::Module> module_;
  llvm::IRBuilder<> builder_;
  llvm::StructType* string_type_ = nullptr;
  llvm::StructType* list_type_ = nullptr;
  llvm::Function* function_ = nullptr;
  llvm::Value* context_arg_ = nullptr;
  llvm::Value* source_arg_ = nullptr;
  llvm::Value* target_arg_ = nullptr;
  // The slots that Store statements write: the target record's, or a construction's.
  llvm::Value* target_base_ = nullptr;
  llvm::BasicBlock* entry_ = nullptr;
  std::vector<Value> locals_;
  // The target field whose value is being computed, named in reject reasons; empty outside one.
  std::string current_field_;
  // Inside a construction, the path of the field that contains it, such as "lines[].", which
  // prefixes the names of its fields.
  std::string field_prefix_;
  // The statement being computed outside a field, named in reject reasons: "`let total`",
  // "`require`" or "the `when` condition"; empty inside a field assignment.
  std::string current_place_;
};

}  // namespace weft::codegen::internal
