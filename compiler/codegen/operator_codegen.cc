// The operator half of the code generator: arithmetic, comparisons, branches and strings.
#include <llvm/IR/Intrinsics.h>

#include "compiler/codegen/generator.h"

namespace weft::codegen::internal {

using ir::Node;
using ir::Op;
using ir::Repr;

Value Generator::EmitArithmetic(const Node& node) {
  if (HasRuntimeScale(node.type)) return EmitScaledArithmetic(node);
  if (node.type.repr == Repr::Float) return EmitFloatArithmetic(node);
  if (node.op == Op::Negate) {
    Value operand = Emit(*node.operands[0]);
    Value zero{nullptr, Zero(node.type.repr)};
    return node.type.repr == Repr::Int
               ? EmitIntArithmetic(Op::Subtract, zero.payload, operand.payload)
               : EmitDecimalArithmetic(Op::Subtract, zero.payload, operand.payload);
  }
  bool division = node.op == Op::Divide || node.op == Op::Remainder;
  if (node.type.repr == Repr::Decimal && division) return EmitDecimalDivision(node);
  llvm::Value* lhs = Emit(*node.operands[0]).payload;
  llvm::Value* rhs = Emit(*node.operands[1]).payload;
  return node.type.repr == Repr::Int ? EmitIntArithmetic(node.op, lhs, rhs)
                                     : EmitDecimalArithmetic(node.op, lhs, rhs);
}

void Generator::RejectDivisionByZero(llvm::Value* divisor) {
  RejectUnless(builder_.CreateICmpNE(divisor, Zero(Repr::Decimal)), [&] {
    auto* ptr = builder_.getPtrTy();
    builder_.CreateCall(
        Helper("weft_reject_division_by_zero", builder_.getVoidTy(), {ptr, ptr, ptr}),
        {context_arg_, FieldName(), PlaceName()});
  });
}

Value Generator::EmitDecimalDivision(const Node& node) {
  // The operands keep their own scales, which the helper reads. The quotient's scale and rounding
  // are the node's, so that `round(a / b, 2)` rounds the exact quotient once.
  Value lhs = Emit(*node.operands[0]);
  Value rhs = Emit(*node.operands[1]);
  RejectDivisionByZero(rhs.payload);
  auto* ptr = builder_.getPtrTy();
  auto* i32 = builder_.getInt32Ty();
  llvm::Value* result = Temporary(builder_.getInt128Ty());
  llvm::Value* lhs_scale = ScaleOf(node.operands[0]->type, lhs);
  llvm::Value* rhs_scale = ScaleOf(node.operands[1]->type, rhs);
  llvm::Value* ok;
  if (node.op == Op::Divide) {
    ok =
        builder_.CreateCall(Helper("weft_decimal_divide", i32, {ptr, i32, ptr, i32, i32, i32, ptr}),
                            {Spill(lhs.payload), lhs_scale, Spill(rhs.payload), rhs_scale,
                             builder_.getInt32(node.type.scale),
                             builder_.getInt32(static_cast<int>(node.rounding)), result});
  } else {
    // The remainder's scale is the larger operand scale, which the node's type already has.
    ok = builder_.CreateCall(
        Helper("weft_decimal_remainder_scaled", i32, {ptr, i32, ptr, i32, ptr, ptr}),
        {Spill(lhs.payload), lhs_scale, Spill(rhs.payload), rhs_scale, result, Temporary(i32)});
  }
  RejectOverflowUnless(builder_.CreateICmpNE(ok, builder_.getInt32(0)), true);
  return {nullptr, builder_.CreateLoad(builder_.getInt128Ty(), result)};
}

Value Generator::EmitIntArithmetic(Op op, llvm::Value* lhs, llvm::Value* rhs) {
  if (op == Op::Divide || op == Op::Remainder) {
    RejectUnless(builder_.CreateICmpNE(rhs, builder_.getInt64(0)), [&] {
      auto* ptr = builder_.getPtrTy();
      builder_.CreateCall(
          Helper("weft_reject_division_by_zero", builder_.getVoidTy(), {ptr, ptr, ptr}),
          {context_arg_, FieldName(), PlaceName()});
    });
    // INT64_MIN / -1 is the one quotient that does not fit. Its remainder is 0, but LLVM's srem
    // is undefined for it, so the divisor -1 is replaced by 1, which gives the same remainder.
    llvm::Value* minus_one = builder_.getInt64(static_cast<uint64_t>(-1));
    if (op == Op::Remainder) {
      llvm::Value* divisor =
          builder_.CreateSelect(builder_.CreateICmpEQ(rhs, minus_one), builder_.getInt64(1), rhs);
      return {nullptr, builder_.CreateSRem(lhs, divisor)};
    }
    llvm::Value* minimum = builder_.getInt64(static_cast<uint64_t>(INT64_MIN));
    llvm::Value* overflows = builder_.CreateAnd(builder_.CreateICmpEQ(lhs, minimum),
                                                builder_.CreateICmpEQ(rhs, minus_one));
    RejectOverflowUnless(builder_.CreateNot(overflows), false);
    return {nullptr, builder_.CreateSDiv(lhs, rhs)};
  }

  llvm::Intrinsic::ID intrinsic = op == Op::Add        ? llvm::Intrinsic::sadd_with_overflow
                                  : op == Op::Subtract ? llvm::Intrinsic::ssub_with_overflow
                                                       : llvm::Intrinsic::smul_with_overflow;
  llvm::Value* result = builder_.CreateBinaryIntrinsic(intrinsic, lhs, rhs);
  RejectOverflowUnless(builder_.CreateNot(builder_.CreateExtractValue(result, 1)), false);
  return {nullptr, builder_.CreateExtractValue(result, 0)};
}

Value Generator::EmitDecimalArithmetic(Op op, llvm::Value* lhs, llvm::Value* rhs) {
  // Two 38-digit operands can overflow 128 bits, so every operation goes through a helper that
  // checks the result against 38 digits.
  const char* helper = op == Op::Multiply ? "weft_decimal_multiply"
                       : op == Op::Add    ? "weft_decimal_add"
                                          : "weft_decimal_subtract";
  llvm::Value* result = Temporary(builder_.getInt128Ty());
  auto* ptr = builder_.getPtrTy();
  llvm::Value* ok = builder_.CreateCall(Helper(helper, builder_.getInt32Ty(), {ptr, ptr, ptr}),
                                        {Spill(lhs), Spill(rhs), result});
  RejectOverflowUnless(builder_.CreateICmpNE(ok, builder_.getInt32(0)), true);
  return {nullptr, builder_.CreateLoad(builder_.getInt128Ty(), result)};
}

Value Generator::EmitFloatArithmetic(const Node& node) {
  llvm::Value* result;
  if (node.op == Op::Negate) {
    result = builder_.CreateFNeg(Emit(*node.operands[0]).payload);
  } else {
    llvm::Value* lhs = Emit(*node.operands[0]).payload;
    llvm::Value* rhs = Emit(*node.operands[1]).payload;
    switch (node.op) {
      case Op::Add:
        result = builder_.CreateFAdd(lhs, rhs);
        break;
      case Op::Subtract:
        result = builder_.CreateFSub(lhs, rhs);
        break;
      case Op::Multiply:
        result = builder_.CreateFMul(lhs, rhs);
        break;
      default:
        result = builder_.CreateFDiv(lhs, rhs);
        break;
    }
  }
  // Inputs are finite, so an infinity or a NaN comes from overflow or 0/0, and JSON cannot carry
  // it: |x| < inf is false for both.
  llvm::Value* magnitude = builder_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, result);
  llvm::Value* finite = builder_.CreateFCmpOLT(
      magnitude, llvm::ConstantFP::getInfinity(builder_.getDoubleTy()));
  RejectUnless(finite, [&] {
    auto* ptr = builder_.getPtrTy();
    builder_.CreateCall(Helper("weft_reject_float", builder_.getVoidTy(), {ptr, ptr, ptr}),
                        {context_arg_, FieldName(), PlaceName()});
  });
  return {nullptr, result};
}

Value Generator::EmitScaledArithmetic(const Node& node) {
  Value lhs;
  Value rhs;
  if (node.op == Op::Negate) {
    rhs = Emit(*node.operands[0]);
    lhs = {nullptr, Zero(Repr::Decimal), builder_.getInt32(0)};
  } else {
    lhs = Emit(*node.operands[0]);
    rhs = Emit(*node.operands[1]);
  }
  const ir::ValueType& rhs_type = node.operands[node.op == Op::Negate ? 0 : 1]->type;
  if (node.op == Op::Divide || node.op == Op::Remainder) RejectDivisionByZero(rhs.payload);
  // A negation is 0 - x.
  bool subtract = node.op == Op::Subtract || node.op == Op::Negate;
  const char* helper = node.op == Op::Multiply ? "weft_decimal_multiply_scaled"
                       : node.op == Op::Add    ? "weft_decimal_add_scaled"
                       : subtract              ? "weft_decimal_subtract_scaled"
                                               : "weft_decimal_remainder_scaled";
  auto* ptr = builder_.getPtrTy();
  auto* i32 = builder_.getInt32Ty();
  llvm::Value* result = Temporary(builder_.getInt128Ty());
  llvm::Value* result_scale = Temporary(i32);
  llvm::Value* lhs_scale =
      node.op == Op::Negate ? builder_.getInt32(0) : ScaleOf(node.operands[0]->type, lhs);
  llvm::Value* ok;
  if (node.op == Op::Divide) {
    ok = builder_.CreateCall(
        Helper("weft_decimal_divide_scaled", i32, {ptr, i32, ptr, i32, i32, i32, i32, ptr, ptr}),
        {Spill(lhs.payload), lhs_scale, Spill(rhs.payload), ScaleOf(rhs_type, rhs),
         builder_.getInt32(node.max_scale), builder_.getInt32(static_cast<int>(node.rounding)),
         builder_.getInt32(static_cast<int>(node.own_rounding)), result, result_scale});
  } else {
    ok = builder_.CreateCall(Helper(helper, i32, {ptr, i32, ptr, i32, ptr, ptr}),
                             {Spill(lhs.payload), lhs_scale, Spill(rhs.payload),
                              ScaleOf(rhs_type, rhs), result, result_scale});
  }
  RejectOverflowUnless(builder_.CreateICmpNE(ok, builder_.getInt32(0)), true);
  return {nullptr, builder_.CreateLoad(builder_.getInt128Ty(), result),
          builder_.CreateLoad(i32, result_scale)};
}

Value Generator::EmitRescale(const Node& node) {
  const ir::ValueType& from = node.operands[0]->type;
  Value value = Emit(*node.operands[0]);
  // A fixed scale becomes a run-time one without changing the value.
  if (HasRuntimeScale(node.type)) {
    return {value.present, value.payload, ScaleOf(from, value)};
  }
  llvm::Value* result = Temporary(builder_.getInt128Ty());
  auto* ptr = builder_.getPtrTy();
  auto* i32 = builder_.getInt32Ty();
  llvm::Value* from_scale = ScaleOf(from, value);
  llvm::Value* source = Spill(value.payload);
  llvm::Value* ok;
  if (node.exact) {
    ok = builder_.CreateCall(
        Helper("weft_decimal_rescale_exact", i32, {ptr, i32, i32, ptr}),
        {source, from_scale, builder_.getInt32(node.type.scale), result});
  } else {
    ok = builder_.CreateCall(
        Helper("weft_decimal_round", i32, {ptr, i32, i32, i32, ptr}),
        {source, from_scale, builder_.getInt32(node.type.scale),
         builder_.getInt32(static_cast<int>(node.rounding)), result});
  }
  if (node.exact) {
    RejectUnless(builder_.CreateICmpNE(ok, builder_.getInt32(-1)), [&] {
      builder_.CreateCall(
          Helper("weft_reject_places", builder_.getVoidTy(), {ptr, ptr, ptr, i32, i32}),
          {context_arg_, FieldName(), source, from_scale, builder_.getInt32(node.type.scale)});
    });
  }
  RejectOverflowUnless(builder_.CreateICmpNE(ok, builder_.getInt32(0)), true);
  return {value.present, builder_.CreateLoad(builder_.getInt128Ty(), result)};
}

Value Generator::EmitAbs(const Node& node) {
  Value value = Emit(*node.operands[0]);
  llvm::Value* zero = Zero(node.type.repr);
  llvm::Value* negative = builder_.CreateICmpSLT(value.payload, zero);
  // The negation of a decimal of at most 38 digits has as many, so only an int can overflow.
  llvm::Value* negated = node.type.repr == Repr::Int
                             ? EmitIntArithmetic(Op::Subtract, zero, value.payload).payload
                             : builder_.CreateSub(zero, value.payload);
  return {nullptr, builder_.CreateSelect(negative, negated, value.payload), value.scale};
}

Value Generator::EmitMinimumOrMaximum(const Node& node) {
  Value first = Emit(*node.operands[0]);
  Value second = Emit(*node.operands[1]);
  bool minimum = node.op == Op::Minimum;
  // On a tie either operand is right; the first is taken.
  llvm::Value* take_first;
  if (HasRuntimeScale(node.type)) {
    // Scales known only at run time are compared exactly by the helper.
    auto* ptr = builder_.getPtrTy();
    auto* i32 = builder_.getInt32Ty();
    llvm::Value* order = builder_.CreateCall(
        Helper("weft_decimal_compare", i32, {ptr, i32, ptr, i32}),
        {Spill(first.payload), ScaleOf(node.operands[0]->type, first), Spill(second.payload),
         ScaleOf(node.operands[1]->type, second)});
    take_first = minimum ? builder_.CreateICmpSLE(order, builder_.getInt32(0))
                         : builder_.CreateICmpSGE(order, builder_.getInt32(0));
  } else {
    take_first = minimum ? builder_.CreateICmpSLE(first.payload, second.payload)
                         : builder_.CreateICmpSGE(first.payload, second.payload);
  }
  Value result{nullptr, builder_.CreateSelect(take_first, first.payload, second.payload)};
  if (HasRuntimeScale(node.type)) {
    result.scale = builder_.CreateSelect(take_first, ScaleOf(node.operands[0]->type, first),
                                         ScaleOf(node.operands[1]->type, second));
  }
  return result;
}

llvm::Value* Generator::WidenScale(llvm::Value* units, int places) {
  llvm::APInt factor(128, 1);
  for (int i = 0; i < places; ++i) factor *= 10;
  llvm::Value* product = builder_.CreateBinaryIntrinsic(llvm::Intrinsic::smul_with_overflow, units,
                                                        builder_.getInt(factor));
  // A decimal has at most 38 digits, far below 2^127. A product that overflows is therefore
  // beyond every decimal it can be compared with, as the extreme of its sign is.
  llvm::Value* extreme =
      builder_.CreateSelect(builder_.CreateICmpSLT(units, builder_.getInt(llvm::APInt(128, 0))),
                            builder_.getInt(llvm::APInt::getSignedMinValue(128)),
                            builder_.getInt(llvm::APInt::getSignedMaxValue(128)));
  return builder_.CreateSelect(builder_.CreateExtractValue(product, 1), extreme,
                               builder_.CreateExtractValue(product, 0));
}

Value Generator::EmitComparison(const Node& node) {
  Value lhs = Emit(*node.operands[0]);
  Value rhs = Emit(*node.operands[1]);
  Repr repr = node.operands[0]->type.repr;

  llvm::Value* left = lhs.payload;
  llvm::Value* right = rhs.payload;
  int left_scale = node.operands[0]->type.scale;
  int right_scale = node.operands[1]->type.scale;
  auto* ptr = builder_.getPtrTy();
  if (repr == Repr::String) {
    left = builder_.CreateCall(Helper("weft_string_compare", builder_.getInt32Ty(), {ptr, ptr}),
                               {Spill(lhs.payload), Spill(rhs.payload)});
    right = builder_.getInt32(0);
  } else if (repr == Repr::Decimal && left_scale != right_scale && lhs.scale == nullptr &&
             rhs.scale == nullptr) {
    if (left_scale < right_scale) {
      left = WidenScale(left, right_scale - left_scale);
    } else {
      right = WidenScale(right, left_scale - right_scale);
    }
  } else if (repr == Repr::Decimal && (lhs.scale != nullptr || rhs.scale != nullptr)) {
    auto* i32 = builder_.getInt32Ty();
    left = builder_.CreateCall(Helper("weft_decimal_compare", i32, {ptr, i32, ptr, i32}),
                               {Spill(lhs.payload), ScaleOf(node.operands[0]->type, lhs),
                                Spill(rhs.payload), ScaleOf(node.operands[1]->type, rhs)});
    right = builder_.getInt32(0);
  }

  if (repr == Repr::Float) {
    // Both values are finite, so the ordered predicates are exact.
    llvm::CmpInst::Predicate float_predicate =
        node.op == Op::NotEqual       ? llvm::CmpInst::FCMP_ONE
        : node.op == Op::Less         ? llvm::CmpInst::FCMP_OLT
        : node.op == Op::LessEqual    ? llvm::CmpInst::FCMP_OLE
        : node.op == Op::Greater      ? llvm::CmpInst::FCMP_OGT
        : node.op == Op::GreaterEqual ? llvm::CmpInst::FCMP_OGE
                                      : llvm::CmpInst::FCMP_OEQ;
    left = builder_.CreateFCmp(float_predicate, lhs.payload, rhs.payload);
    right = nullptr;
  }

  llvm::CmpInst::Predicate predicate = llvm::CmpInst::ICMP_EQ;
  switch (node.op) {
    case Op::NotEqual:
      predicate = llvm::CmpInst::ICMP_NE;
      break;
    case Op::Less:
      predicate = llvm::CmpInst::ICMP_SLT;
      break;
    case Op::LessEqual:
      predicate = llvm::CmpInst::ICMP_SLE;
      break;
    case Op::Greater:
      predicate = llvm::CmpInst::ICMP_SGT;
      break;
    case Op::GreaterEqual:
      predicate = llvm::CmpInst::ICMP_SGE;
      break;
    default:
      break;
  }
  llvm::Value* result = right == nullptr ? left : builder_.CreateICmp(predicate, left, right);
  if (lhs.present == nullptr && rhs.present == nullptr) return {nullptr, result};

  // Equality with absent values: two absent values are equal, absent and present are not.
  // Absent payloads are zero, so comparing them is harmless; the presence decides.
  llvm::Value* both_present = builder_.CreateAnd(Present(lhs), Present(rhs));
  llvm::Value* both_absent =
      builder_.CreateAnd(builder_.CreateNot(Present(lhs)), builder_.CreateNot(Present(rhs)));
  llvm::Value* equal = node.op == Op::Equal ? result : builder_.CreateNot(result);
  llvm::Value* same = builder_.CreateOr(builder_.CreateAnd(both_present, equal), both_absent);
  return {nullptr, node.op == Op::Equal ? same : builder_.CreateNot(same)};
}

Value Generator::EmitLogical(const Node& node) {
  llvm::Value* lhs = Emit(*node.operands[0]).payload;
  llvm::BasicBlock* lhs_end = builder_.GetInsertBlock();
  llvm::BasicBlock* rhs_block = NewBlock(node.op == Op::And ? "and.rhs" : "or.rhs");
  llvm::BasicBlock* done = NewBlock("logic.done");
  if (node.op == Op::And) {
    builder_.CreateCondBr(lhs, rhs_block, done);
  } else {
    builder_.CreateCondBr(lhs, done, rhs_block);
  }

  builder_.SetInsertPoint(rhs_block);
  llvm::Value* rhs = Emit(*node.operands[1]).payload;
  llvm::BasicBlock* rhs_end = builder_.GetInsertBlock();
  builder_.CreateBr(done);

  builder_.SetInsertPoint(done);
  llvm::PHINode* result = builder_.CreatePHI(builder_.getInt1Ty(), 2);
  result->addIncoming(builder_.getInt1(node.op == Op::Or), lhs_end);
  result->addIncoming(rhs, rhs_end);
  return {nullptr, result};
}

Value Generator::EmitCoalesce(const Node& node) {
  Value lhs = Emit(*node.operands[0]);
  llvm::BasicBlock* lhs_end = builder_.GetInsertBlock();
  llvm::BasicBlock* fallback = NewBlock("coalesce.default");
  llvm::BasicBlock* done = NewBlock("coalesce.done");
  builder_.CreateCondBr(Present(lhs), done, fallback);

  // The default runs only when it is needed, so a default that would reject cannot reject a
  // record whose value is present.
  builder_.SetInsertPoint(fallback);
  Value rhs = Emit(*node.operands[1]);
  llvm::BasicBlock* rhs_end = builder_.GetInsertBlock();
  builder_.CreateBr(done);

  // On the edge from the value, it is present.
  builder_.SetInsertPoint(done);
  return Merge(node.type, {nullptr, lhs.payload, lhs.scale}, lhs_end, rhs, rhs_end);
}

Value Generator::EmitSelect(const Node& node) {
  llvm::Value* condition = Emit(*node.operands[0]).payload;
  llvm::BasicBlock* then_block = NewBlock("if.then");
  llvm::BasicBlock* else_block = NewBlock("if.else");
  llvm::BasicBlock* done = NewBlock("if.done");
  builder_.CreateCondBr(condition, then_block, else_block);

  builder_.SetInsertPoint(then_block);
  Value then_value = Emit(*node.operands[1]);
  llvm::BasicBlock* then_end = builder_.GetInsertBlock();
  builder_.CreateBr(done);
  builder_.SetInsertPoint(else_block);
  Value else_value = Emit(*node.operands[2]);
  llvm::BasicBlock* else_end = builder_.GetInsertBlock();
  builder_.CreateBr(done);

  builder_.SetInsertPoint(done);
  return Merge(node.type, then_value, then_end, else_value, else_end);
}

Value Generator::Merge(const ir::ValueType& type, Value first, llvm::BasicBlock* first_end,
                       Value second, llvm::BasicBlock* second_end) {
  llvm::PHINode* payload = builder_.CreatePHI(PayloadType(type.repr), 2);
  payload->addIncoming(first.payload, first_end);
  payload->addIncoming(second.payload, second_end);
  llvm::PHINode* scale = nullptr;
  if (HasRuntimeScale(type)) {
    // The branches were converted to a run-time scale. An absent branch has none, so it gets 0.
    scale = builder_.CreatePHI(builder_.getInt32Ty(), 2);
    scale->addIncoming(first.scale ? first.scale : builder_.getInt32(0), first_end);
    scale->addIncoming(second.scale ? second.scale : builder_.getInt32(0), second_end);
  }
  if (!type.optional) return {nullptr, payload, scale};
  llvm::PHINode* present = builder_.CreatePHI(builder_.getInt1Ty(), 2);
  present->addIncoming(Present(first), first_end);
  present->addIncoming(Present(second), second_end);
  return {present, payload, scale};
}

Value Generator::EmitConcat(const Node& node) {
  auto* ptr = builder_.getPtrTy();
  llvm::FunctionCallee concat =
      Helper("weft_concat", builder_.getInt32Ty(), {ptr, ptr, ptr, ptr});
  llvm::Value* joined = Emit(*node.operands[0]).payload;
  for (size_t i = 1; i < node.operands.size(); ++i) {
    llvm::Value* next = Emit(*node.operands[i]).payload;
    llvm::Value* result = Temporary(string_type_);
    llvm::Value* status =
        builder_.CreateCall(concat, {context_arg_, Spill(joined), Spill(next), result});
    // A string beyond the limit rejects the record.
    RejectIfCallRejected(status);
    joined = builder_.CreateLoad(string_type_, result);
  }
  return {nullptr, joined};
}

Value Generator::EmitToString(const Node& node) {
  const Node& operand = *node.operands[0];
  Value value = Emit(operand);
  auto* ptr = builder_.getPtrTy();
  llvm::Value* result = Temporary(string_type_);
  switch (operand.type.repr) {
    case Repr::String:
      return value;
    case Repr::Bool:
      return {nullptr, builder_.CreateSelect(value.payload, StringConstant("true"),
                                             StringConstant("false"))};
    case Repr::Int:
      builder_.CreateCall(
          Helper("weft_int_to_string", builder_.getVoidTy(), {ptr, builder_.getInt64Ty(), ptr}),
          {context_arg_, value.payload, result});
      break;
    case Repr::Float:
      builder_.CreateCall(
          Helper("weft_float_to_string", builder_.getVoidTy(), {ptr, builder_.getDoubleTy(), ptr}),
          {context_arg_, value.payload, result});
      break;
    case Repr::Decimal:
      builder_.CreateCall(
          Helper("weft_decimal_to_string", builder_.getVoidTy(),
                 {ptr, ptr, builder_.getInt32Ty(), ptr}),
          {context_arg_, Spill(value.payload), ScaleOf(operand.type, value), result});
      break;
    case Repr::List:
    case Repr::Record:
      // The support scan reports interpolated lists and records before code generation.
      throw std::logic_error("code generation reached a list or record written as text");
  }
  return {nullptr, builder_.CreateLoad(string_type_, result)};
}

Value Generator::EmitDateTimeText(const Node& node) {
  Value value = Emit(*node.operands[0]);
  auto* ptr = builder_.getPtrTy();
  llvm::Value* result = Temporary(string_type_);
  builder_.CreateCall(Helper("weft_datetime_text", builder_.getVoidTy(), {ptr, ptr, ptr}),
                      {context_arg_, Spill(value.payload), result});
  return {nullptr, builder_.CreateLoad(string_type_, result)};
}

}  // namespace weft::codegen::internal
