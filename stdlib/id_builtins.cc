// The id and privacy family of the builtin table.
#include "stdlib/builtin_families.h"
#include "stdlib/id_functions.h"

namespace weft::stdlib::internal {

std::vector<Builtin> IdBuiltins() {
  using schema::Type;
  return {
      {BuiltinId::HashHex,
       Family::Id,
       "hash_hex",
       {Text("s"),
        {"algorithm", Type::String(), Argument::Choice, {"sha256", "sha1"}, false, "sha256"}},
       Type::String(),
       Typing::Fixed,
       false,
       "The digest of the string's UTF-8 bytes in lower-case hexadecimal: 64 digits for "
       "\"sha256\" (the default) and 40 for \"sha1\". The same text always gives the same "
       "digest, so it serves as a stable key derived from a natural key. SHA-1 is there for ids "
       "that another system already computes with it, not for security. Normalize the text "
       "first (`trim`, `upper`, `normalize`) where equal values may be written differently.",
       R"("DE123456789".hash_hex("sha256") == )"
       R"("e33be0711fabcde2180e90a07c1a226f6aa74d9d4c19621c9562193d6c1f5da1")",
       Lowering::RuntimeCall,
       "weft_hash_hex",
       Address(&weft_hash_hex)},
      {BuiltinId::UuidV5,
       Family::Id,
       "uuid_v5",
       {Text("namespace"), Text("name")},
       Type::String(),
       Typing::Fixed,
       true,
       "The name-based UUID of version 5 (RFC 9562): the same namespace and name always give the "
       "same UUID, in lower case. The namespace is a UUID in the 8-4-4-4-12 form, such as "
       "6ba7b810-9dad-11d1-80b4-00c04fd430c8 for DNS names or "
       "6ba7b811-9dad-11d1-80b4-00c04fd430c8 for URLs; any other text rejects the record.",
       R"("6ba7b810-9dad-11d1-80b4-00c04fd430c8".uuid_v5("python.org") == )"
       R"("886313e1-3b8a-5372-9b90-0c9aee199e5d")",
       Lowering::RuntimeCall,
       "weft_uuid_v5",
       Address(&weft_uuid_v5)},
      {BuiltinId::Mask,
       Family::Id,
       "mask",
       {Text("s"), Integer("keep_last")},
       Type::String(),
       Typing::Fixed,
       true,
       "Replaces every code point but the last `keep_last` with `*`, so the result has the "
       "length of the value. A value of at most `keep_last` code points is masked whole, so "
       "that a short value is never shown in full. A negative `keep_last` rejects the record.",
       R"("4111111111111111".mask(4) == "************1111")",
       Lowering::RuntimeCall,
       "weft_mask",
       Address(&weft_mask)},
      {BuiltinId::Redact,
       Family::Id,
       "redact",
       {Text("s")},
       Type::String(),
       Typing::Fixed,
       false,
       "Returns \"[redacted]\" whatever the value, so that neither the value nor its length "
       "reaches the target. It marks a field that the target must have but may not see.",
       R"("Jane Doe".redact() == "[redacted]")",
       Lowering::RuntimeCall,
       "weft_redact",
       Address(&weft_redact)},
  };
}

}  // namespace weft::stdlib::internal
