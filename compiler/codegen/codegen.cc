#include "compiler/codegen/codegen.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <stdexcept>

#include "compiler/codegen/generator.h"

namespace weft::codegen::internal {

using ir::Node;
using ir::Op;
using ir::Repr;

std::unique_ptr<llvm::Module> Generator::Run() {
  entry_ = NewBlock("entry");
  builder_.SetInsertPoint(entry_);
  locals_.resize(rule_.local_count);

  if (rule_.condition) {
    current_place_ = "the `when` condition";
    llvm::Value* condition = Emit(*rule_.condition).payload;
    llvm::BasicBlock* skip = NewBlock("skip");
    llvm::BasicBlock* body = NewBlock("body");
    builder_.CreateCondBr(condition, body, skip);
    builder_.SetInsertPoint(skip);
    builder_.CreateRet(builder_.getInt32(kWeftSkipped));
    builder_.SetInsertPoint(body);
  }
  for (const ir::Statement& statement : rule_.body) EmitStatement(statement);
  builder_.CreateRet(builder_.getInt32(kWeftMapped));

  std::string problems;
  llvm::raw_string_ostream stream(problems);
  if (llvm::verifyFunction(*function_, &stream)) {
    throw std::logic_error("generated code for rule `" + rule_.name +
                           "` is invalid: " + stream.str());
  }
  return std::move(module_);
}

void Generator::EmitStatement(const ir::Statement& statement) {
  switch (statement.kind) {
    case ir::StatementKind::Let:
      current_field_.clear();
      current_place_ = "`let " + statement.field + "`";
      locals_[statement.index] = Emit(*statement.value);
      break;
    case ir::StatementKind::Require: {
      current_field_.clear();
      current_place_ = "`require`";
      llvm::Value* condition = Emit(*statement.value).payload;
      RejectUnless(condition, [&] {
        llvm::Value* message = Emit(*statement.message).payload;
        builder_.CreateCall(
            Helper("weft_reject", builder_.getVoidTy(), {builder_.getPtrTy(), builder_.getPtrTy()}),
            {context_arg_, Spill(message)});
      });
      break;
    }
    case ir::StatementKind::Store:
      current_field_ = field_prefix_ + statement.field;
      current_place_.clear();
      EmitStore(statement);
      break;
  }
}

void Generator::EmitStore(const ir::Statement& statement) {
  Value value = Emit(*statement.value);
  const ir::ValueType& type = statement.field_type;
  if (type.repr == Repr::Decimal) {
    llvm::Value* address = Spill(value.payload);
    auto* fits = builder_.CreateCall(Helper("weft_decimal_fits", builder_.getInt32Ty(),
                                            {builder_.getPtrTy(), builder_.getInt32Ty()}),
                                     {address, builder_.getInt32(statement.field_precision)});
    RejectUnless(builder_.CreateICmpNE(fits, builder_.getInt32(0)), [&] {
      auto* i32 = builder_.getInt32Ty();
      auto* ptr = builder_.getPtrTy();
      builder_.CreateCall(
          Helper("weft_reject_precision", builder_.getVoidTy(), {ptr, ptr, ptr, i32, i32}),
          {context_arg_, FieldName(), address, ScaleOf(type, value),
           builder_.getInt32(statement.field_precision)});
    });
  }

  llvm::Value* slot = builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), target_base_,
                                                          statement.index * kSlotSize);
  StoreSlot(slot, value, type);
  // A field copied as it is keeps a missing key missing; any computed value is present or null.
  bool copied = statement.value->op == Op::Source || statement.value->op == Op::Field;
  if (copied && value.missing != nullptr) {
    builder_.CreateStore(
        value.missing,
        builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), slot, kMissingOffset));
  }
  // A copied string keeps its `plain` byte too. The target's slots start zeroed, so every other
  // string is escaped when written.
  if (copied && value.plain != nullptr) {
    builder_.CreateStore(
        value.plain, builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), slot, kPlainOffset));
  }
}

void Generator::StoreSlot(llvm::Value* slot, const Value& value, const ir::ValueType& type) {
  llvm::Value* payload = value.payload;
  if (type.repr == Repr::Bool) payload = builder_.CreateZExt(payload, builder_.getInt8Ty());
  builder_.CreateStore(payload, slot);
  llvm::Value* present_address =
      builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), slot, kPresentOffset);
  builder_.CreateStore(builder_.CreateZExt(Present(value), builder_.getInt8Ty()), present_address);
  if (HasRuntimeScale(type)) {
    llvm::Value* scale_address =
        builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), slot, kScaleOffset);
    builder_.CreateStore(ScaleOf(type, value), scale_address);
  }
}

Value Generator::Emit(const Node& node) {
  switch (node.op) {
    case Op::Constant:
      return EmitConstant(node);
    case Op::Null:
      return {builder_.getFalse(), Zero(node.type.repr)};
    case Op::Source:
      return EmitSource(node);
    case Op::Local:
      return locals_[node.index];
    case Op::AssumePresent: {
      Value value = Emit(*node.operands[0]);
      value.present = nullptr;
      return value;
    }
    case Op::IsPresent:
      return {nullptr, Present(Emit(*node.operands[0]))};
    case Op::Rescale:
      return EmitRescale(node);
    case Op::IntToDecimal: {
      Value value = Emit(*node.operands[0]);
      return {value.present, builder_.CreateSExt(value.payload, builder_.getInt128Ty())};
    }
    case Op::Not:
      return {nullptr, builder_.CreateNot(Emit(*node.operands[0]).payload)};
    case Op::Negate:
    case Op::Add:
    case Op::Subtract:
    case Op::Multiply:
    case Op::Divide:
    case Op::Remainder:
      return EmitArithmetic(node);
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual:
      return EmitComparison(node);
    case Op::And:
    case Op::Or:
      return EmitLogical(node);
    case Op::Coalesce:
      return EmitCoalesce(node);
    case Op::Select:
      return EmitSelect(node);
    case Op::Concat:
      return EmitConcat(node);
    case Op::ToString:
      return EmitToString(node);
    case Op::DateTimeText:
      return EmitDateTimeText(node);
    case Op::Call:
      return EmitCall(node);
    case Op::TableLookup:
      return EmitTableLookup(node);
    case Op::Abs:
      return EmitAbs(node);
    case Op::Minimum:
    case Op::Maximum:
      return EmitMinimumOrMaximum(node);
    case Op::Each:
      return EmitEach(node);
    case Op::Construct:
      return EmitConstruct(node);
    case Op::ListOf:
      return EmitListOf(node);
    case Op::Field:
      return EmitField(node);
    case Op::Element:
      return EmitElement(node);
    case Op::SortBy:
    case Op::Distinct:
    case Op::GroupSum:
      return EmitListHelper(node);
    case Op::ListMinimum:
    case Op::ListMaximum:
      return EmitListExtreme(node);
    case Op::Sum:
    case Op::AnyTrue:
    case Op::AllTrue:
      return EmitFold(node);
    case Op::EpochSeconds:
    case Op::SecondsOfDay:
      return EmitSeconds(node);
    case Op::Count: {
      Value list = Emit(*node.operands[0]);
      return {list.present, builder_.CreateExtractValue(list.payload, 1)};
    }
  }
  throw std::logic_error("code generation reached an unknown IR operation");
}

Value Generator::EmitTableLookup(const Node& node) {
  Value key = Emit(*node.operands[0]);
  auto* ptr = builder_.getPtrTy();
  auto* i32 = builder_.getInt32Ty();
  // The table is an external symbol that the JIT binds to its address, so that the object code
  // does not depend on where the table lives and can be cached.
  llvm::Value* table = module_->getOrInsertGlobal(TableSymbol(function_->getName().str(),
                                                              TableIndex(rule_, node.table)),
                                                  builder_.getInt8Ty());

  llvm::Value* result = Temporary(llvm::ArrayType::get(builder_.getInt8Ty(), kSlotSize));
  llvm::Value* found;
  if (node.operands[0]->type.repr == Repr::Int) {
    found = builder_.CreateCall(
        Helper("weft_table_lookup_int", i32, {ptr, builder_.getInt64Ty(), ptr}),
        {table, key.payload, result});
  } else {
    found = builder_.CreateCall(Helper("weft_table_lookup_string", i32, {ptr, ptr, ptr}),
                                {table, Spill(key.payload), result});
  }

  // An absent key finds nothing, whatever the table holds for the empty key.
  llvm::Value* present = builder_.CreateAnd(builder_.CreateICmpNE(found, builder_.getInt32(0)),
                                            Present(key));
  return AbsentUnless(present, LoadSlot(result, node.type), node.type.repr);
}

Value Generator::EmitCall(const Node& node) {
  Value receiver = node.operands.empty() ? Value{} : Emit(*node.operands[0]);
  // The checker lets only the first argument be absent, in `x?.f()`. Then neither the function
  // nor its other arguments are evaluated, and the call is absent.
  if (node.operands.empty() || !node.operands[0]->type.optional) {
    return EmitBuiltinCall(node, receiver);
  }
  llvm::BasicBlock* absent_end = builder_.GetInsertBlock();
  llvm::BasicBlock* call = NewBlock("call");
  llvm::BasicBlock* done = NewBlock("call.done");
  builder_.CreateCondBr(Present(receiver), call, done);

  builder_.SetInsertPoint(call);
  Value result = EmitBuiltinCall(node, receiver);
  llvm::BasicBlock* call_end = builder_.GetInsertBlock();
  builder_.CreateBr(done);
  builder_.SetInsertPoint(done);
  return Merge(node.type, result, call_end, {builder_.getFalse(), Zero(node.type.repr)},
               absent_end);
}

Value Generator::EmitSeconds(const Node& node) {
  Value text = Emit(*node.operands[0]);
  auto convert = [&]() -> Value {
    auto* ptr = builder_.getPtrTy();
    auto* i32 = builder_.getInt32Ty();
    llvm::Value* result = Temporary(builder_.getInt128Ty());
    llvm::Value* scale = Temporary(i32);
    const char* helper = node.op == Op::EpochSeconds ? "weft_epoch_seconds" : "weft_seconds_of_day";
    llvm::Value* status = builder_.CreateCall(Helper(helper, i32, {ptr, ptr, ptr, ptr}),
                                              {context_arg_, Spill(text.payload), result, scale});
    RejectIfCallRejected(status);
    return {nullptr, builder_.CreateLoad(builder_.getInt128Ty(), result),
            builder_.CreateLoad(i32, scale)};
  };
  if (!node.operands[0]->type.optional) return convert();

  // An absent value has no text to read, so it stays absent.
  llvm::BasicBlock* absent_end = builder_.GetInsertBlock();
  llvm::BasicBlock* present = NewBlock("seconds");
  llvm::BasicBlock* done = NewBlock("seconds.done");
  builder_.CreateCondBr(Present(text), present, done);
  builder_.SetInsertPoint(present);
  Value seconds = convert();
  llvm::BasicBlock* present_end = builder_.GetInsertBlock();
  builder_.CreateBr(done);
  builder_.SetInsertPoint(done);
  return Merge(node.type, seconds, present_end,
               {builder_.getFalse(), Zero(Repr::Decimal), builder_.getInt32(0)}, absent_end);
}

Value Generator::EmitBuiltinCall(const Node& node, const Value& receiver) {
  auto* ptr = builder_.getPtrTy();
  auto* i32 = builder_.getInt32Ty();
  std::vector<llvm::Value*> arguments = {context_arg_};
  std::vector<llvm::Type*> parameters = {ptr};
  size_t next = 0;
  for (const stdlib::Parameter& parameter : node.builtin->parameters) {
    if (parameter.argument == stdlib::Argument::Regex) {
      // Bound by name, as tables are, so that the object code contains no address.
      arguments.push_back(module_->getOrInsertGlobal(
          RegexSymbol(function_->getName().str(), RegexIndex(rule_, node.regex)),
          builder_.getInt8Ty()));
      parameters.push_back(ptr);
      continue;
    }
    const Node& operand = *node.operands[next];
    Value value = next == 0 ? receiver : Emit(operand);
    ++next;
    llvm::Value* payload = value.payload;
    // A bool travels as a byte of 0 or 1.
    if (payload->getType()->isIntegerTy(1)) {
      payload = builder_.CreateZExt(payload, builder_.getInt8Ty());
    }
    arguments.push_back(Spill(payload));
    parameters.push_back(ptr);
    // A decimal is followed by its scale.
    if (operand.type.repr == Repr::Decimal) {
      arguments.push_back(ScaleOf(operand.type, value));
      parameters.push_back(i32);
    }
  }
  llvm::Type* result_type =
      node.type.repr == Repr::Bool ? builder_.getInt8Ty() : PayloadType(node.type.repr);
  llvm::Value* result = Temporary(result_type);
  arguments.push_back(result);
  parameters.push_back(ptr);
  llvm::Value* result_scale = nullptr;
  if (HasRuntimeScale(node.type)) {
    result_scale = Temporary(i32);
    arguments.push_back(result_scale);
    parameters.push_back(ptr);
  }

  llvm::Value* status =
      builder_.CreateCall(Helper(node.builtin->symbol, i32, parameters), arguments);
  // A fallible function has already written its reason into the context. The reason gains the
  // field or the place here.
  if (node.builtin->fallible) RejectIfCallRejected(status);

  llvm::Value* payload = builder_.CreateLoad(result_type, result);
  if (node.type.repr == Repr::Bool) payload = builder_.CreateICmpNE(payload, builder_.getInt8(0));
  llvm::Value* scale = result_scale ? builder_.CreateLoad(i32, result_scale) : nullptr;
  if (!node.builtin->result.optional) return {nullptr, payload, scale};
  llvm::Value* present = builder_.CreateICmpNE(status, builder_.getInt32(kWeftCallAbsent));
  return AbsentUnless(present, {nullptr, payload, scale}, node.type.repr);
}

Value Generator::AbsentUnless(llvm::Value* present, Value value, Repr repr) {
  value.present = present;
  value.payload = builder_.CreateSelect(present, value.payload, Zero(repr));
  if (value.scale != nullptr) {
    value.scale = builder_.CreateSelect(present, value.scale, builder_.getInt32(0));
  }
  return value;
}

Value Generator::EmitConstant(const Node& node) {
  switch (node.type.repr) {
    case Repr::Bool:
      return {nullptr, builder_.getInt1(node.integer != 0)};
    case Repr::Int:
      return {nullptr, builder_.getInt64(static_cast<uint64_t>(node.integer))};
    case Repr::Decimal: {
      auto bits = static_cast<unsigned __int128>(node.decimal);
      uint64_t words[2] = {static_cast<uint64_t>(bits), static_cast<uint64_t>(bits >> 64)};
      return {nullptr, builder_.getInt(llvm::APInt(128, words))};
    }
    case Repr::String:
      return {nullptr, StringConstant(node.text)};
    case Repr::Float:
      return {nullptr, llvm::ConstantFP::get(builder_.getDoubleTy(), node.real)};
    case Repr::List:
    case Repr::Record:
      break;
  }
  throw std::logic_error("code generation reached a constant list or record");
}

Value Generator::LoadSlot(llvm::Value* slot, const ir::ValueType& type) {
  Value value;
  if (type.repr == Repr::Bool) {
    value.payload =
        builder_.CreateICmpNE(builder_.CreateLoad(builder_.getInt8Ty(), slot), builder_.getInt8(0));
  } else {
    value.payload = builder_.CreateLoad(PayloadType(type.repr), slot);
  }
  if (HasRuntimeScale(type)) {
    llvm::Value* scale_address =
        builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), slot, kScaleOffset);
    value.scale = builder_.CreateLoad(builder_.getInt32Ty(), scale_address);
  }
  return value;
}

Value Generator::EmitSource(const Node& node) {
  llvm::Value* slot = builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), source_arg_,
                                                          node.index * kSlotSize);
  Value value = LoadSlot(slot, node.type);
  LoadPlain(builder_, slot, node.type, value);
  if (node.type.optional) {
    llvm::Value* present_address =
        builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), slot, kPresentOffset);
    value.present = builder_.CreateICmpNE(
        builder_.CreateLoad(builder_.getInt8Ty(), present_address), builder_.getInt8(0));
    value.missing = builder_.CreateLoad(
        builder_.getInt8Ty(),
        builder_.CreateConstInBoundsGEP1_64(builder_.getInt8Ty(), slot, kMissingOffset));
  }
  return value;
}

llvm::Type* Generator::PayloadType(Repr repr) {
  switch (repr) {
    case Repr::Bool:
      return builder_.getInt1Ty();
    case Repr::Int:
      return builder_.getInt64Ty();
    case Repr::Decimal:
      return builder_.getInt128Ty();
    case Repr::String:
      return string_type_;
    case Repr::Float:
      return builder_.getDoubleTy();
    case Repr::List:
    case Repr::Record:
      return list_type_;
  }
  return builder_.getInt1Ty();
}

llvm::Value* Generator::StringConstant(const std::string& text) {
  llvm::Constant* bytes = builder_.CreateGlobalString(text, "text", 0, module_.get());
  return llvm::ConstantStruct::get(string_type_, {bytes, builder_.getInt64(text.size())});
}

llvm::Value* Generator::PlaceName() {
  return builder_.CreateGlobalString(current_place_, "place", 0, module_.get());
}

llvm::Value* Generator::FieldName() {
  return builder_.CreateGlobalString(current_field_, "field", 0, module_.get());
}

llvm::Value* Generator::Temporary(llvm::Type* type) {
  llvm::IRBuilder<> entry_builder(entry_, entry_->begin());
  llvm::AllocaInst* address = entry_builder.CreateAlloca(type);
  // The C++ helpers access __int128 with 16-byte aligned instructions.
  address->setAlignment(llvm::Align(16));
  return address;
}

llvm::Value* Generator::Spill(llvm::Value* value) {
  llvm::Value* address = Temporary(value->getType());
  builder_.CreateStore(value, address);
  return address;
}

llvm::FunctionCallee Generator::Helper(const char* name, llvm::Type* result,
                                       std::vector<llvm::Type*> parameters) {
  return module_->getOrInsertFunction(name, llvm::FunctionType::get(result, parameters, false));
}

void Generator::RejectUnless(llvm::Value* ok, const std::function<void()>& reject) {
  llvm::BasicBlock* rejected = NewBlock("reject");
  llvm::BasicBlock* next = NewBlock("next");
  builder_.CreateCondBr(ok, next, rejected);
  builder_.SetInsertPoint(rejected);
  reject();
  builder_.CreateRet(builder_.getInt32(kWeftRejected));
  builder_.SetInsertPoint(next);
}

void Generator::RejectIfCallRejected(llvm::Value* status) {
  RejectUnless(builder_.CreateICmpNE(status, builder_.getInt32(kWeftCallRejected)), [&] {
    auto* ptr = builder_.getPtrTy();
    builder_.CreateCall(Helper("weft_reject_at", builder_.getVoidTy(), {ptr, ptr, ptr}),
                        {context_arg_, FieldName(), PlaceName()});
  });
}

void Generator::RejectOverflowUnless(llvm::Value* ok, bool decimal) {
  RejectUnless(ok, [&] {
    auto* ptr = builder_.getPtrTy();
    auto* i32 = builder_.getInt32Ty();
    builder_.CreateCall(
        Helper("weft_reject_overflow", builder_.getVoidTy(), {ptr, ptr, ptr, i32}),
        {context_arg_, FieldName(), PlaceName(), builder_.getInt32(decimal ? 1 : 0)});
  });
}

}  // namespace weft::codegen::internal

namespace weft::codegen {

size_t RegexIndex(const ir::Rule& rule, const re2::RE2* regex) {
  for (size_t i = 0; i < rule.regexes.size(); ++i) {
    if (rule.regexes[i].get() == regex) return i;
  }
  throw std::logic_error("a call uses a regex that the rule does not keep");
}

size_t TableIndex(const ir::Rule& rule, const runtime::ValueTable* table) {
  for (size_t i = 0; i < rule.tables.size(); ++i) {
    if (rule.tables[i].get() == table) return i;
  }
  throw std::logic_error("a table look-up uses a table that the rule does not keep");
}

std::unique_ptr<llvm::Module> GenerateModule(const ir::Rule& rule, const std::string& function_name,
                                             llvm::LLVMContext& context) {
  return internal::Generator(rule, function_name, context).Run();
}

}  // namespace weft::codegen
