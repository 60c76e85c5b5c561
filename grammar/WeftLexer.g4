// The tokens of Weft .map files. Strings are lexed in their own mode so that `{expr}`
// interpolations inside them are ordinary tokens for the parser.
lexer grammar WeftLexer;

// Keywords. Most are usable as identifiers too; see `ident` in WeftParser.g4.
AND: 'and';
AS: 'as';
EACH: 'each';
ELSE: 'else';
ENUM: 'enum';
EXPECT: 'expect';
FALSE_: 'false';
FN: 'fn';
FROM: 'from';
GIVEN: 'given';
IF: 'if';
IMPORT: 'import';
LET: 'let';
MAP: 'map';
MATCH: 'match';
NOT: 'not';
NULL_: 'null';
OR: 'or';
RECORD: 'record';
REJECT: 'reject';
REQUIRE: 'require';
RULE: 'rule';
SCHEMA: 'schema';
SKIP_: 'skip';
TABLE: 'table';
TEST: 'test';
THEN: 'then';
TRUE_: 'true';
WHEN: 'when';
WHERE: 'where';

// Punctuation and operators.
ARROW: '->';
FAT_ARROW: '=>';
EQ: '==';
NE: '!=';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
ASSIGN: '=';
COALESCE: '??';
SAFE_DOT: '?.';
QUESTION: '?';
DOT: '.';
COMMA: ',';
COLON: ':';
AT: '@';
PIPE: '|';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
UNDERSCORE: '_';

INT_LIT: [0-9]+;
DECIMAL_LIT: [0-9]+ '.' [0-9]+;
IDENT: [a-zA-Z_] [a-zA-Z_0-9]*;
QUOTED_IDENT: '`' ~[`\r\n]+ '`';

STRING_START: '"' -> pushMode(STRING_MODE);

// Braces nest so that the `}` closing an interpolation returns to the string around it.
LBRACE: '{' -> pushMode(DEFAULT_MODE);
RBRACE: '}' { if (!modeStack.empty()) popMode(); };

WHITESPACE: [ \t\r\n]+ -> skip;
LINE_COMMENT: '//' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;

// Any other character becomes a token the parser rejects, so that it is reported as a syntax
// error at its place instead of being dropped by the lexer.
UNEXPECTED_CHAR: .;

mode STRING_MODE;
STRING_END: '"' -> popMode;
STRING_TEXT: ~["\\{\r\n]+;
STRING_ESCAPE: '\\' ~[\r\n];
INTERPOLATION_START: '{' -> pushMode(DEFAULT_MODE);
// A line break ends an unterminated string; the parser reports the stray token.
UNTERMINATED_STRING: [\r\n] -> popMode;
