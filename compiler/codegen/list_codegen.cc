// Code generation for lists and records. Both are a WeftList in a slot: a pointer to slots in a
// row and their count. Lists that a rule builds live in the record's arena.
#include <llvm/IR/IRBuilder.h>

#include <vector>

#include "compiler/codegen/generator.h"
#include "stdlib/list_functions.h"

namespace weft::codegen::internal {

llvm::Value* Generator::AllocateSlots(llvm::Value* count) {
  auto* ptr = builder_.getPtrTy();
  return builder_.CreateCall(
      Helper("weft_allocate_slots", ptr, {ptr, builder_.getInt64Ty()}), {context_arg_, count});
}

llvm::Value* Generator::ZeroSlots(size_t count) {
  auto* type = llvm::ArrayType::get(builder_.getInt8Ty(), (count == 0 ? 1 : count) * kSlotSize);
  auto* zeros = new llvm::GlobalVariable(*module_, type, true, llvm::GlobalValue::PrivateLinkage,
                                         llvm::ConstantAggregateZero::get(type), "zero.slots");
  zeros->setAlignment(llvm::Align(16));
  return zeros;
}

llvm::Value* Generator::MakeList(llvm::Value* items, llvm::Value* count) {
  llvm::Value* list = llvm::UndefValue::get(list_type_);
  list = builder_.CreateInsertValue(list, items, 0);
  return builder_.CreateInsertValue(list, count, 1);
}

llvm::Value* Generator::SlotAt(llvm::Value* items, llvm::Value* index) {
  llvm::Value* offset = builder_.CreateMul(index, builder_.getInt64(kSlotSize));
  return builder_.CreateInBoundsGEP(builder_.getInt8Ty(), items, offset);
}

namespace {

// Loads a slot's presence and `missing` bytes into `value` when the slot's type is optional.
void LoadPresence(llvm::IRBuilder<>& builder, llvm::Value* slot, bool optional, Value& value) {
  if (!optional) return;
  llvm::Value* present = builder.CreateLoad(
      builder.getInt8Ty(), builder.CreateConstInBoundsGEP1_64(builder.getInt8Ty(), slot,
                                                              kPresentOffset));
  value.present = builder.CreateICmpNE(present, builder.getInt8(0));
  value.missing = builder.CreateLoad(
      builder.getInt8Ty(),
      builder.CreateConstInBoundsGEP1_64(builder.getInt8Ty(), slot, kMissingOffset));
}

// The kind and scale by which the list helpers compare values of `type`.
int32_t ItemKind(const ir::ValueType& type) {
  switch (type.repr) {
    case Repr::Int:
      return kWeftItemInt;
    case Repr::Decimal:
      return kWeftItemDecimal;
    case Repr::Bool:
      return kWeftItemBool;
    default:
      return kWeftItemString;
  }
}

int32_t ItemScale(const ir::ValueType& type) {
  return HasRuntimeScale(type) ? -1 : type.scale;
}

}  // namespace

void Generator::EmitLoop(
    llvm::Value* items, llvm::Value* count,
    const std::function<void(llvm::Value*, llvm::Value*, llvm::BasicBlock*)>& body) {
  auto* i64 = builder_.getInt64Ty();
  llvm::Value* position = Spill(builder_.getInt64(0));
  llvm::BasicBlock* head = NewBlock("loop.head");
  llvm::BasicBlock* item_block = NewBlock("loop.item");
  llvm::BasicBlock* next = NewBlock("loop.next");
  llvm::BasicBlock* done = NewBlock("loop.done");
  builder_.CreateBr(head);

  builder_.SetInsertPoint(head);
  llvm::Value* index = builder_.CreateLoad(i64, position);
  builder_.CreateCondBr(builder_.CreateICmpSLT(index, count), item_block, done);

  builder_.SetInsertPoint(item_block);
  body(SlotAt(items, index), index, next);
  builder_.CreateBr(next);

  builder_.SetInsertPoint(next);
  builder_.CreateStore(builder_.CreateAdd(index, builder_.getInt64(1)), position);
  builder_.CreateBr(head);
  builder_.SetInsertPoint(done);
}

void Generator::BindItem(llvm::Value* slot, const ir::ValueType& type, int local) {
  Value item = LoadSlot(slot, type);
  LoadPresence(builder_, slot, type.optional, item);
  locals_[local] = item;
}

Value Generator::EmitEach(const Node& node) {
  Value list = Emit(*node.operands[0]);
  const ir::ValueType& item_type = *node.operands[0]->type.element;
  auto* i64 = builder_.getInt64Ty();
  llvm::Value* items = builder_.CreateExtractValue(list.payload, 0);
  // An absent list has a zero payload, so it has no items.
  llvm::Value* count = builder_.CreateExtractValue(list.payload, 1);
  llvm::Value* results = AllocateSlots(count);
  llvm::Value* kept_count = Spill(builder_.getInt64(0));
  // Reasons name the list's field with `[]` while its items are computed.
  std::string outer_field = current_field_;
  if (!current_field_.empty()) current_field_ += "[]";

  // The depth of this loop among the loops of the field, for reject reasons.
  size_t depth = 0;
  for (size_t at = current_field_.find("[]"); at != std::string::npos;
       at = current_field_.find("[]", at + 2)) {
    ++depth;
  }
  EmitLoop(items, count, [&](llvm::Value* item_slot, llvm::Value* position,
                             llvm::BasicBlock* next) {
    if (depth > 0) {
      builder_.CreateCall(
          Helper("weft_enter_item", builder_.getVoidTy(),
                 {builder_.getPtrTy(), builder_.getInt32Ty(), builder_.getInt64Ty()}),
          {context_arg_, builder_.getInt32(static_cast<int32_t>(depth - 1)), position});
    }
    BindItem(item_slot, item_type, node.index);
    llvm::Value* condition = Emit(*node.operands[1]).payload;
    llvm::BasicBlock* keep = NewBlock("each.keep");
    builder_.CreateCondBr(condition, keep, next);

    builder_.SetInsertPoint(keep);
    Value value = Emit(*node.operands[2]);
    llvm::Value* stored = builder_.CreateLoad(i64, kept_count);
    StoreSlot(SlotAt(results, stored), value, node.operands[2]->type);
    builder_.CreateStore(builder_.CreateAdd(stored, builder_.getInt64(1)), kept_count);
  });
  current_field_ = outer_field;
  return {list.present, MakeList(results, builder_.CreateLoad(i64, kept_count))};
}

Value Generator::EmitConstruct(const Node& node) {
  size_t field_count = node.type.record->fields.size();
  llvm::Value* fields = AllocateSlots(builder_.getInt64(field_count));
  // A field that the construction leaves out is marked unassigned, so that the writer gives it
  // the schema's default or null, as it does for the fields of the target record.
  std::vector<bool> assigned(field_count, false);
  for (const ir::Statement& statement : node.statements) {
    if (statement.kind == ir::StatementKind::Store) assigned[statement.index] = true;
  }
  for (size_t i = 0; i < field_count; ++i) {
    if (assigned[i]) continue;
    builder_.CreateStore(builder_.getInt8(kWeftUnassigned),
                         builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), fields,
                                                             i * kSlotSize + kMissingOffset));
  }

  llvm::Value* outer_base = target_base_;
  std::string outer_prefix = field_prefix_;
  std::string outer_field = current_field_;
  std::string outer_place = current_place_;
  target_base_ = fields;
  field_prefix_ = current_field_.empty() ? field_prefix_ : current_field_ + ".";
  for (const ir::Statement& statement : node.statements) EmitStatement(statement);
  target_base_ = outer_base;
  field_prefix_ = outer_prefix;
  current_field_ = outer_field;
  current_place_ = outer_place;
  return {nullptr, MakeList(fields, builder_.getInt64(field_count))};
}

Value Generator::EmitListOf(const Node& node) {
  llvm::Value* items = AllocateSlots(builder_.getInt64(node.operands.size()));
  for (size_t i = 0; i < node.operands.size(); ++i) {
    Value value = Emit(*node.operands[i]);
    StoreSlot(SlotAt(items, builder_.getInt64(i)), value, node.operands[i]->type);
  }
  return {nullptr, MakeList(items, builder_.getInt64(node.operands.size()))};
}

Value Generator::EmitField(const Node& node) {
  const Node& record = *node.operands[0];
  Value base = Emit(record);
  llvm::Value* fields = builder_.CreateExtractValue(base.payload, 0);
  // An absent record reads as zeroed slots, whose fields are absent too.
  if (base.present != nullptr) {
    fields = builder_.CreateSelect(base.present, fields,
                                   ZeroSlots(record.type.record->fields.size()));
  }
  llvm::Value* slot = builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), fields,
                                                          node.index * kSlotSize);
  Value value = LoadSlot(slot, node.type);
  LoadPlain(builder_, slot, node.type, value);
  LoadPresence(builder_, slot, node.type.optional, value);
  return value;
}

Value Generator::EmitElement(const Node& node) {
  Value list = Emit(*node.operands[0]);
  llvm::Value* index = Emit(*node.operands[1]).payload;
  llvm::Value* items = builder_.CreateExtractValue(list.payload, 0);
  llvm::Value* count = builder_.CreateExtractValue(list.payload, 1);
  // One unsigned comparison rules out negative indexes too.
  llvm::Value* inside = builder_.CreateICmpULT(index, count);
  if (list.present != nullptr) inside = builder_.CreateAnd(inside, list.present);
  items = builder_.CreateSelect(inside, items, ZeroSlots(1));
  llvm::Value* slot = SlotAt(items, builder_.CreateSelect(inside, index, builder_.getInt64(0)));
  Value value = LoadSlot(slot, node.type);
  LoadPresence(builder_, slot, true, value);
  return value;
}

Value Generator::EmitFold(const Node& node) {
  Value list = Emit(*node.operands[0]);
  llvm::Value* items = builder_.CreateExtractValue(list.payload, 0);
  llvm::Value* count = builder_.CreateExtractValue(list.payload, 1);
  // Ints add up in 128 bits and decimals in 256, and the sum is checked once at the end, so the
  // order of the items cannot make a sum that fits overflow on the way. Fewer than 2^63 items of
  // 38 digits stay below 2^190.
  bool wide_int = node.op == Op::Sum && node.type.repr == Repr::Int;
  bool wide_decimal = node.op == Op::Sum && node.type.repr == Repr::Decimal;
  llvm::IntegerType* i256 = builder_.getIntNTy(256);
  llvm::Value* start = wide_decimal             ? llvm::ConstantInt::get(i256, 0)
                       : wide_int               ? builder_.getIntN(128, 0)
                       : node.op == Op::AnyTrue ? builder_.getFalse()
                                                : builder_.getTrue();
  llvm::Value* total = Spill(start);

  EmitLoop(items, count, [&](llvm::Value* item_slot, llvm::Value*, llvm::BasicBlock*) {
    ir::ValueType item_type = node.op == Op::Sum ? node.type : ir::ValueType{Repr::Bool};
    llvm::Value* item = LoadSlot(item_slot, item_type).payload;
    llvm::Value* before = builder_.CreateLoad(start->getType(), total);
    llvm::Value* after;
    if (wide_int) {
      after = builder_.CreateAdd(before, builder_.CreateSExt(item, builder_.getInt128Ty()));
    } else if (wide_decimal) {
      after = builder_.CreateAdd(before, builder_.CreateSExt(item, i256));
    } else if (node.op == Op::AnyTrue) {
      after = builder_.CreateOr(before, item);
    } else {
      after = builder_.CreateAnd(before, item);
    }
    builder_.CreateStore(after, total);
  });
  llvm::Value* result = builder_.CreateLoad(start->getType(), total);
  if (wide_int) {
    llvm::Value* narrow = builder_.CreateTrunc(result, builder_.getInt64Ty());
    RejectOverflowUnless(
        builder_.CreateICmpEQ(builder_.CreateSExt(narrow, builder_.getInt128Ty()), result), false);
    result = narrow;
  }
  if (wide_decimal) {
    // 38 nines, the largest decimal magnitude.
    llvm::APInt largest(256, "99999999999999999999999999999999999999", 10);
    llvm::Value* fits =
        builder_.CreateAnd(builder_.CreateICmpSLE(result, llvm::ConstantInt::get(i256, largest)),
                           builder_.CreateICmpSGE(result, llvm::ConstantInt::get(i256, -largest)));
    RejectOverflowUnless(fits, true);
    result = builder_.CreateTrunc(result, builder_.getInt128Ty());
  }
  return {list.present, result};
}

llvm::Value* Generator::EmitKeys(const Node& node, int local, const Node& key, llvm::Value* items,
                                 llvm::Value* count) {
  const ir::ValueType& item_type = *node.operands[0]->type.element;
  llvm::Value* keys = AllocateSlots(count);
  EmitLoop(items, count, [&](llvm::Value* item_slot, llvm::Value* position, llvm::BasicBlock*) {
    BindItem(item_slot, item_type, local);
    StoreSlot(SlotAt(keys, position), Emit(key), key.type);
  });
  return keys;
}

Value Generator::EmitListExtreme(const Node& node) {
  Value list = Emit(*node.operands[0]);
  const ir::ValueType& item_type = *node.operands[0]->type.element;
  auto* ptr = builder_.getPtrTy();
  auto* i32 = builder_.getInt32Ty();
  llvm::Value* result = Temporary(llvm::ArrayType::get(builder_.getInt8Ty(), kSlotSize));
  llvm::Value* status = builder_.CreateCall(
      Helper("weft_list_extreme", i32, {ptr, i32, i32, i32, ptr}),
      {Spill(list.payload), builder_.getInt32(ItemKind(item_type)),
       builder_.getInt32(ItemScale(item_type)),
       builder_.getInt32(node.op == Op::ListMaximum ? 1 : 0), result});
  llvm::Value* present = builder_.CreateICmpEQ(status, builder_.getInt32(kWeftCallDone));
  if (list.present != nullptr) present = builder_.CreateAnd(present, list.present);
  return AbsentUnless(present, LoadSlot(result, node.type), node.type.repr);
}

Value Generator::EmitListHelper(const Node& node) {
  Value list = Emit(*node.operands[0]);
  llvm::Value* items = builder_.CreateExtractValue(list.payload, 0);
  llvm::Value* count = builder_.CreateExtractValue(list.payload, 1);
  auto* ptr = builder_.getPtrTy();
  auto* i32 = builder_.getInt32Ty();
  auto* i64 = builder_.getInt64Ty();
  llvm::Value* result = Temporary(list_type_);
  if (node.op == Op::Distinct) {
    const ir::ValueType& item_type = *node.operands[0]->type.element;
    builder_.CreateCall(Helper("weft_distinct", builder_.getVoidTy(), {ptr, ptr, i32, i32, ptr}),
                        {context_arg_, Spill(list.payload), builder_.getInt32(ItemKind(item_type)),
                         builder_.getInt32(ItemScale(item_type)), result});
  } else if (node.op == Op::SortBy) {
    const Node& key = *node.operands[1];
    llvm::Value* keys = EmitKeys(node, node.index, key, items, count);
    builder_.CreateCall(
        Helper("weft_sort_by", builder_.getVoidTy(), {ptr, ptr, ptr, i32, i32, ptr}),
        {context_arg_, Spill(list.payload), keys, builder_.getInt32(ItemKind(key.type)),
         builder_.getInt32(ItemScale(key.type)), result});
  } else {
    const Node& key = *node.operands[1];
    const Node& value = *node.operands[2];
    llvm::Value* keys = EmitKeys(node, node.index, key, items, count);
    llvm::Value* values = EmitKeys(node, static_cast<int>(node.integer), value, items, count);
    llvm::Value* status = builder_.CreateCall(
        Helper("weft_group_sum", i32, {ptr, ptr, ptr, i64, i32, i32, i32, ptr}),
        {context_arg_, keys, values, count, builder_.getInt32(ItemKind(key.type)),
         builder_.getInt32(ItemScale(key.type)), builder_.getInt32(ItemKind(value.type)),
         result});
    RejectIfCallRejected(status);
  }
  return {list.present, builder_.CreateLoad(list_type_, result)};
}

}  // namespace weft::codegen::internal
