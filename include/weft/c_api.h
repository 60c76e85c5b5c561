/* The C ABI of libweft: compile .map files and apply their rules to JSON records in-process.
 *
 * Every object is an opaque handle that the caller frees with its own free function. Functions
 * that can fail return a weft_status and, when `message` is not NULL, write a NUL-terminated
 * English reason into the caller's `message` buffer of `message_size` bytes, cut to fit. No C++
 * exception crosses this boundary. Using a handle after freeing it is undefined behavior;
 * builds without NDEBUG abort with a message on a double free or a freed handle instead.
 * docs/embedding.md describes the lifetimes in full. */
#ifndef WEFT_C_API_H
#define WEFT_C_API_H

#include <stddef.h>
#include <stdint.h>

/* Marks the declarations that libweft.so exports. Everything else in it is hidden. */
#if defined(__GNUC__)
#define WEFT_API __attribute__((visibility("default")))
#else
#define WEFT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The result of a call that can fail. */
typedef enum weft_status {
  WEFT_OK = 0,
  /* A NULL handle or pointer, or a value out of range, was passed. */
  WEFT_INVALID_ARGUMENT = 1,
  /* The .map files have errors. The program handle is still returned, for its diagnostics. */
  WEFT_COMPILE_FAILED = 2,
  /* No rule has the requested name. */
  WEFT_NOT_FOUND = 3,
  /* The input stopped being readable, or the read callback returned -1. */
  WEFT_INPUT_FAILED = 4,
  /* A failure of the library itself, such as memory exhaustion or an LLVM error. */
  WEFT_INTERNAL_ERROR = 5,
  /* A sink or write callback returned non-zero, and the counts cover the records before. */
  WEFT_STOPPED = 6
} weft_status;

/* The outcome of one record. */
typedef enum weft_outcome_kind {
  WEFT_MAPPED = 0,
  WEFT_SKIPPED = 1,
  WEFT_REJECTED = 2
} weft_outcome_kind;

typedef enum weft_severity { WEFT_ERROR = 0, WEFT_WARNING = 1, WEFT_NOTE = 2 } weft_severity;

/* A compiled set of .map files, whose rules stay usable after it is freed. */
typedef struct weft_program weft_program;
/* One compiled rule, which is immutable, so one handle may serve many threads at once. */
typedef struct weft_rule weft_rule;
/* The per-thread state that applies one rule: a mapper is used by one thread at a time. */
typedef struct weft_mapper weft_mapper;

/* One diagnostic, whose strings belong to the program and live as long as it does. */
typedef struct weft_diagnostic {
  weft_severity severity;
  /* The stable name of the diagnostic's kind, such as "UnknownField". */
  const char* kind;
  const char* path;
  /* 1-based, and the column counts bytes. */
  uint32_t line;
  uint32_t column;
  const char* message;
  /* "" when there is no hint. */
  const char* hint;
  /* The diagnostic as the weft command prints it, with its source line, caret, hint and notes. */
  const char* text;
} weft_diagnostic;

/* The outcome of one record. The strings are NUL-terminated, also counted by their sizes, and
 * belong to the mapper: they stay valid until the mapper's next call or its free. */
typedef struct weft_outcome {
  weft_outcome_kind kind;
  /* A mapped record as one line of JSON without a line break, or "" for other outcomes. */
  const char* json;
  size_t json_size;
  /* The reason a record was rejected, or "" for other outcomes. */
  const char* reason;
  size_t reason_size;
  /* The source or target field at fault, or "" when no one field is. */
  const char* field;
  size_t field_size;
  /* The JSON text of the value at fault, or "" when unknown. */
  const char* value;
  size_t value_size;
} weft_outcome;

/* The place of a record in its input. `text` is valid only during the callback it is passed to. */
typedef struct weft_record {
  /* 1-based position among the input's records. */
  uint64_t number;
  /* 1-based line on which the record starts, or 0 for records from a weft_read_fn. */
  uint64_t line;
  /* Byte offset of the record's first byte in the input, or 0 for records from a weft_read_fn. */
  uint64_t offset;
  const char* text;
  size_t text_size;
} weft_record;

/* Record counts, where in == mapped + skipped + rejected. */
typedef struct weft_counts {
  uint64_t in;
  uint64_t mapped;
  uint64_t skipped;
  uint64_t rejected;
} weft_counts;

/* A rule's totals over every mapper and call since it was compiled. */
typedef struct weft_metrics {
  weft_counts counts;
  /* Wall-clock time spent inside the rule's apply calls, summed over threads. */
  uint64_t nanoseconds;
} weft_metrics;

/* Receives each record's outcome in input order, and returns 0 to go on or non-zero to stop. */
typedef int (*weft_sink_fn)(void* user_data, const weft_record* record,
                            const weft_outcome* outcome);

/* Yields the next record of a host's own framing: returns 1 with `*text` and `*size` set, 0 at
 * the end of the input, and -1 on an error. The text must stay valid until the next call. */
typedef int (*weft_read_fn)(void* user_data, const char** text, size_t* size);

/* The library's version as a static string, such as "0.1.0". */
WEFT_API const char* weft_version(void);

/* Reads and compiles `count` .map files as one program. On WEFT_OK and WEFT_COMPILE_FAILED,
 * `*program` is set and must be freed; on other statuses it is set to NULL. `cache_directory`
 * keeps compiled object code for later processes; NULL or "" compiles without a cache. */
WEFT_API weft_status weft_program_compile_files(const char* const* paths, size_t count,
                                                const char* cache_directory,
                                                weft_program** program, char* message,
                                                size_t message_size);

/* Compiles one in-memory .map file of `size` bytes, named `path` in diagnostics and imports;
 * otherwise as weft_program_compile_files. */
WEFT_API weft_status weft_program_compile_source(const char* path, const char* text, size_t size,
                                                 const char* cache_directory,
                                                 weft_program** program, char* message,
                                                 size_t message_size);

/* Frees a program, unless it is NULL. Rules taken from it stay valid. */
WEFT_API void weft_program_free(weft_program* program);

/* The number of diagnostics, warnings included. */
WEFT_API size_t weft_program_diagnostic_count(const weft_program* program);

/* Fills `*diagnostic` with the diagnostic at `index`, in file and position order. */
WEFT_API weft_status weft_program_diagnostic(const weft_program* program, size_t index,
                                             weft_diagnostic* diagnostic);

/* Writes every diagnostic as the weft command prints them, with a count line, into `buffer`
 * (cut to fit and NUL-terminated), and returns the full length without the NUL, as snprintf. */
WEFT_API size_t weft_program_render_diagnostics(const weft_program* program, char* buffer,
                                                size_t size);

/* Returns why compiled rules could not be written to the cache directory, such as a full disk,
 * or "" when they could. The text is valid while the program lives. The rules compiled all the
 * same. */
WEFT_API const char* weft_program_cache_warning(const weft_program* program);

/* The number of compiled rules, which is 0 when the program has errors. */
WEFT_API size_t weft_program_rule_count(const weft_program* program);

/* The name of the rule at `index`, valid while the program lives, or NULL past the end. */
WEFT_API const char* weft_program_rule_name(const weft_program* program, size_t index);

/* Finds a rule by its `as` name, or its target record's name when it has none. */
WEFT_API weft_status weft_program_rule(const weft_program* program, const char* name,
                                       weft_rule** rule, char* message, size_t message_size);

/* Stores up to `capacity` new handles of the rules that map records of `source_type` (such as
 * "crm.Account") in `rules`, and their total number in `*count`. The caller frees each stored
 * handle. */
WEFT_API weft_status weft_program_rules_for(const weft_program* program, const char* source_type,
                                            weft_rule** rules, size_t capacity, size_t* count);

/* Frees a rule handle, unless it is NULL. Mappers made from it stay valid. */
WEFT_API void weft_rule_free(weft_rule* rule);

/* The rule's name, valid while the rule handle lives. */
WEFT_API const char* weft_rule_name(const weft_rule* rule);

/* Reads the rule's counts and time, which every thread's mappers add to. */
WEFT_API weft_status weft_rule_metrics(const weft_rule* rule, weft_metrics* metrics);

/* Creates the per-thread state for applying `rule`. */
WEFT_API weft_status weft_mapper_create(const weft_rule* rule, weft_mapper** mapper,
                                        char* message, size_t message_size);

/* Frees a mapper, unless it is NULL. */
WEFT_API void weft_mapper_free(weft_mapper* mapper);

/* Applies the rule to one JSON record of `size` bytes and fills `*outcome`. */
WEFT_API weft_status weft_mapper_apply(weft_mapper* mapper, const char* record, size_t size,
                                       weft_outcome* outcome, char* message,
                                       size_t message_size);

/* Applies the rule to each line of an NDJSON buffer and passes every outcome to `sink`. A
 * malformed line rejects that record only. `counts` (may be NULL) receives the totals. The sink
 * must not call back into the same mapper. */
WEFT_API weft_status weft_mapper_apply_ndjson(weft_mapper* mapper, const char* buffer,
                                              size_t size, weft_sink_fn sink, void* sink_data,
                                              weft_counts* counts, char* message,
                                              size_t message_size);

/* Applies the rule to every record that `read` yields and passes each outcome to `write`. */
WEFT_API weft_status weft_mapper_run(weft_mapper* mapper, weft_read_fn read, void* read_data,
                                     weft_sink_fn write, void* write_data, weft_counts* counts,
                                     char* message, size_t message_size);

#ifdef __cplusplus
}
#endif

#endif /* WEFT_C_API_H */
