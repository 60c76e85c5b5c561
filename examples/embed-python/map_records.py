#!/usr/bin/env python3
"""Calls Weft's C ABI from Python with ctypes, using only the standard library.

It compiles a .map file, maps each line of an NDJSON file with one rule and prints every
outcome, then shows the diagnostics of a broken .map source compiled from memory.

Usage: map_records.py LIBWEFT MAP_FILE NDJSON_FILE RULE
"""
import ctypes
import sys

WEFT_OK = 0
WEFT_COMPILE_FAILED = 2
OUTCOME_NAMES = {0: "mapped", 1: "skipped", 2: "rejected"}
MESSAGE_SIZE = 1024


class Outcome(ctypes.Structure):
    _fields_ = [
        ("kind", ctypes.c_int),
        ("json", ctypes.c_char_p),
        ("json_size", ctypes.c_size_t),
        ("reason", ctypes.c_char_p),
        ("reason_size", ctypes.c_size_t),
        ("field", ctypes.c_char_p),
        ("field_size", ctypes.c_size_t),
        ("value", ctypes.c_char_p),
        ("value_size", ctypes.c_size_t),
    ]


class Diagnostic(ctypes.Structure):
    _fields_ = [
        ("severity", ctypes.c_int),
        ("kind", ctypes.c_char_p),
        ("path", ctypes.c_char_p),
        ("line", ctypes.c_uint32),
        ("column", ctypes.c_uint32),
        ("message", ctypes.c_char_p),
        ("hint", ctypes.c_char_p),
        ("text", ctypes.c_char_p),
    ]


def load_library(path):
    """Loads libweft and declares the signatures of the functions this script calls."""
    weft = ctypes.CDLL(path)
    pointer = ctypes.c_void_p
    message = [ctypes.c_char_p, ctypes.c_size_t]
    weft.weft_version.restype = ctypes.c_char_p
    weft.weft_program_compile_files.argtypes = [
        ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t, ctypes.c_char_p,
        ctypes.POINTER(pointer)] + message
    weft.weft_program_compile_source.argtypes = [
        ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
        ctypes.POINTER(pointer)] + message
    weft.weft_program_free.argtypes = [pointer]
    weft.weft_program_diagnostic_count.argtypes = [pointer]
    weft.weft_program_diagnostic_count.restype = ctypes.c_size_t
    weft.weft_program_diagnostic.argtypes = [pointer, ctypes.c_size_t, ctypes.POINTER(Diagnostic)]
    weft.weft_program_rule.argtypes = [pointer, ctypes.c_char_p, ctypes.POINTER(pointer)] + message
    weft.weft_rule_free.argtypes = [pointer]
    weft.weft_mapper_create.argtypes = [pointer, ctypes.POINTER(pointer)] + message
    weft.weft_mapper_free.argtypes = [pointer]
    weft.weft_mapper_apply.argtypes = [
        pointer, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(Outcome)] + message
    return weft


def compile_file(weft, path):
    """Returns a program handle, or raises RuntimeError with the reason."""
    program = ctypes.c_void_p()
    message = ctypes.create_string_buffer(MESSAGE_SIZE)
    paths = (ctypes.c_char_p * 1)(path.encode())
    status = weft.weft_program_compile_files(paths, 1, None, ctypes.byref(program), message,
                                             MESSAGE_SIZE)
    if status != WEFT_OK:
        weft.weft_program_free(program)
        raise RuntimeError(f"cannot compile {path}: {message.value.decode()}")
    return program


def map_lines(weft, program, rule_name, ndjson_path):
    """Maps each line of the NDJSON file with one rule and prints its outcome."""
    message = ctypes.create_string_buffer(MESSAGE_SIZE)
    rule = ctypes.c_void_p()
    mapper = ctypes.c_void_p()
    if weft.weft_program_rule(program, rule_name.encode(), ctypes.byref(rule), message,
                              MESSAGE_SIZE) != WEFT_OK:
        raise RuntimeError(message.value.decode())
    try:
        if weft.weft_mapper_create(rule, ctypes.byref(mapper), message, MESSAGE_SIZE) != WEFT_OK:
            raise RuntimeError(message.value.decode())
        outcome = Outcome()
        with open(ndjson_path, "rb") as lines:
            for number, line in enumerate(lines, start=1):
                record = line.rstrip(b"\n")
                if weft.weft_mapper_apply(mapper, record, len(record), ctypes.byref(outcome),
                                          message, MESSAGE_SIZE) != WEFT_OK:
                    raise RuntimeError(message.value.decode())
                print_outcome(number, outcome)
    finally:
        weft.weft_mapper_free(mapper)
        weft.weft_rule_free(rule)


def print_outcome(number, outcome):
    kind = OUTCOME_NAMES[outcome.kind]
    if kind == "mapped":
        print(f"record {number} mapped: {outcome.json.decode()}")
    elif kind == "skipped":
        print(f"record {number} skipped")
    else:
        field = outcome.field.decode()
        print(f"record {number} rejected: {outcome.reason.decode()}"
              + (f"; field `{field}`" if field else ""))


def show_compile_error(weft):
    """Compiles a .map source with a misspelt field and prints its diagnostics."""
    source = b"""schema a { record In { name: string } }
schema b { record Out { label: string } }
map a.In -> b.Out { label = nmae }
"""
    program = ctypes.c_void_p()
    message = ctypes.create_string_buffer(MESSAGE_SIZE)
    status = weft.weft_program_compile_source(b"broken.map", source, len(source), None,
                                              ctypes.byref(program), message, MESSAGE_SIZE)
    try:
        if status != WEFT_COMPILE_FAILED:
            raise RuntimeError(f"broken.map compiled with status {status}")
        diagnostic = Diagnostic()
        for index in range(weft.weft_program_diagnostic_count(program)):
            weft.weft_program_diagnostic(program, index, ctypes.byref(diagnostic))
            print(f"compile error: {diagnostic.path.decode()}:{diagnostic.line}:"
                  f"{diagnostic.column}: {diagnostic.message.decode()} [{diagnostic.kind.decode()}]")
    finally:
        weft.weft_program_free(program)


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    weft = load_library(argv[1])
    print(f"weft {weft.weft_version().decode()}", file=sys.stderr)
    program = compile_file(weft, argv[2])
    try:
        map_lines(weft, program, argv[4], argv[3])
    finally:
        weft.weft_program_free(program)
    show_compile_error(weft)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
