/* A host program that embeds Weft through its C ABI: it compiles a .map file, maps every line
 * of an NDJSON file with one rule and prints each record's outcome and the rule's counts.
 *
 * Usage: embed_example MAP_FILE NDJSON_FILE [CACHE_DIRECTORY] */
#include <stdio.h>
#include <stdlib.h>

#include <weft/weft.h>

/* Reads a whole file into a new buffer; returns NULL after printing the reason. */
static char* ReadFile(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  if (file == NULL) {
    perror(path);
    return NULL;
  }
  size_t capacity = 1 << 16;
  char* text = malloc(capacity);
  *size = 0;
  size_t got;
  while (text != NULL && (got = fread(text + *size, 1, capacity - *size, file)) > 0) {
    *size += got;
    if (*size < capacity) continue;
    char* grown = realloc(text, capacity *= 2);
    if (grown == NULL) free(text);
    text = grown;
  }
  fclose(file);
  if (text == NULL) fprintf(stderr, "%s: out of memory\n", path);
  return text;
}

/* Prints one outcome; returning 0 keeps the run going. */
static int PrintOutcome(void* user_data, const weft_record* record, const weft_outcome* outcome) {
  (void)user_data;
  switch (outcome->kind) {
    case WEFT_MAPPED:
      printf("record %llu mapped: %s\n", (unsigned long long)record->number, outcome->json);
      break;
    case WEFT_SKIPPED:
      printf("record %llu skipped\n", (unsigned long long)record->number);
      break;
    case WEFT_REJECTED:
      printf("record %llu rejected: %s", (unsigned long long)record->number, outcome->reason);
      if (outcome->field_size > 0) printf("; field `%s`", outcome->field);
      if (outcome->value_size > 0) printf("; value %s", outcome->value);
      printf("\n");
      break;
  }
  return 0;
}

/* Compiles the .map file and prints its diagnostics; returns NULL when it has errors. */
static weft_program* Compile(const char* path, const char* cache_directory) {
  char message[512];
  weft_program* program = NULL;
  weft_status status =
      weft_program_compile_files(&path, 1, cache_directory, &program, message, sizeof message);
  if (status == WEFT_OK) return program;
  fprintf(stderr, "cannot compile %s: %s\n", path, message);
  if (program != NULL) {
    char diagnostics[4096];
    weft_program_render_diagnostics(program, diagnostics, sizeof diagnostics);
    fputs(diagnostics, stderr);
    weft_program_free(program);
  }
  return NULL;
}

static int MapFile(weft_mapper* mapper, const char* path) {
  size_t size = 0;
  char* input = ReadFile(path, &size);
  if (input == NULL) return 1;
  char message[512];
  weft_counts counts;
  weft_status status = weft_mapper_apply_ndjson(mapper, input, size, PrintOutcome, NULL, &counts,
                                                message, sizeof message);
  free(input);
  if (status != WEFT_OK) {
    fprintf(stderr, "mapping %s failed: %s\n", path, message);
    return 1;
  }
  printf("in %llu / mapped %llu / skipped %llu / rejected %llu\n", (unsigned long long)counts.in,
         (unsigned long long)counts.mapped, (unsigned long long)counts.skipped,
         (unsigned long long)counts.rejected);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    fprintf(stderr, "usage: %s MAP_FILE NDJSON_FILE [CACHE_DIRECTORY]\n", argv[0]);
    return 2;
  }
  fprintf(stderr, "weft %s\n", weft_version());
  weft_program* program = Compile(argv[1], argc == 4 ? argv[3] : NULL);
  if (program == NULL) return 1;

  char message[512];
  weft_rule* rule = NULL;
  weft_mapper* mapper = NULL;
  int exit_code = 1;
  if (weft_program_rule(program, "Invoice", &rule, message, sizeof message) != WEFT_OK ||
      weft_mapper_create(rule, &mapper, message, sizeof message) != WEFT_OK) {
    fprintf(stderr, "%s\n", message);
  } else {
    exit_code = MapFile(mapper, argv[2]);
  }

  weft_metrics metrics;
  if (exit_code == 0 && weft_rule_metrics(rule, &metrics) == WEFT_OK)
    printf("rule %s has seen %llu records\n", weft_rule_name(rule),
           (unsigned long long)metrics.counts.in);
  weft_mapper_free(mapper);
  weft_rule_free(rule);
  weft_program_free(program);
  return exit_code;
}
