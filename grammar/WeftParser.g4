// The parser grammar of Weft .map files; WeftLexer.g4 holds the tokens. Only compiler/syntax/internal uses the generated parser;
// everything else sees the AST that compiler/syntax builds from it.
parser grammar WeftParser;

options { tokenVocab = WeftLexer; }

@parser::members {
// Greater than zero while parsing an expression that a block follows (`when`, `match`),
// where `Name {` must end the expression instead of starting a record construction.
int record_construction_blocked = 0;
}

// ---------------------------------------------------------------------------------------------
// Declarations

file: declaration* EOF;

declaration
  : importDecl
  | schemaDecl
  | tableDecl
  | fnDecl
  | mapDecl
  | testDecl
  ;

importDecl: 'import' stringLit;

schemaDecl
  : 'schema' ident LBRACE schemaMember* RBRACE   # inlineSchema
  | 'schema' ident 'from' stringLit        # importedSchema
  ;

schemaMember: recordDecl | enumDecl;

recordDecl: 'record' ident LBRACE fieldDecl* RBRACE;

fieldDecl: ident ':' typeRef annotation* ('=' expr)?;

annotation: '@' ident ('(' (expr (',' expr)*)? ')')?;

enumDecl: 'enum' ident LBRACE (ident (','? ident)* ','?)? RBRACE;

typeRef: baseType optional='?'?;

baseType
  : ident '<' typeRef '>'                      # genericType
  | ident '(' INT_LIT (',' INT_LIT)? ')'       # parameterizedType
  | qualifiedName                              # namedType
  ;

tableDecl
  : 'table' ident ':' key=typeRef '->' value=typeRef LBRACE tableEntry* RBRACE    # inlineTable
  | 'table' ident ':' key=typeRef '->' value=typeRef 'from' stringLit
      ('(' tableOption (',' tableOption)* ')')?                            # importedTable
  ;

tableEntry: (tableKey | 'else') '=>' expr;

tableKey: literal | '-' number=(INT_LIT | DECIMAL_LIT) | ident;

tableOption: ident ':' ident;

fnDecl: 'fn' ident '(' (param (',' param)*)? ')' '->' typeRef '=' expr;

param: ident ':' typeRef;

mapDecl
  : 'map' source=qualifiedName '->' target=qualifiedName ('as' alias=ident)?
    ('when' {record_construction_blocked++;} condition=expr {record_construction_blocked--;})?
    block
  ;

block: LBRACE statement* RBRACE;

statement
  : 'let' ident '=' expr              # letStatement
  | 'require' expr 'else' expr        # requireStatement
  | fieldPath '=' expr                # assignStatement
  ;

fieldPath: ident ('.' ident)*;

testDecl: 'test' stringLit LBRACE testClause* RBRACE;

// `expect reject matching "regex"` spells `matching` as an identifier, so that it stays usable as
// a field name.
testClause
  : 'given' recordLiteral                     # givenClause
  | 'given' qualifiedName 'from' stringLit    # givenFileClause
  | 'expect' recordLiteral                    # expectRecordClause
  | 'expect' qualifiedName 'from' stringLit   # expectFileClause
  | 'expect' 'reject' ident? stringLit        # expectRejectClause
  | 'expect' SKIP_                            # expectSkipClause
  | 'rule' ident                              # ruleClause
  ;

recordLiteral: qualifiedName recordLiteralBody;

recordLiteralBody: LBRACE (fieldInit (','? fieldInit)* ','?)? RBRACE;

fieldInit: ident ':' literalValue;

// A value in a test record literal. A `[ ... ]` that is the whole value parses as a literalList,
// because ANTLR picks the first alternative that matches, so that a list may hold `{ ... }`
// records, which are not expressions. A list that goes on, such as `[1, 2].count()`, matches
// only `expr`.
literalValue: literalList | recordLiteralBody | expr;

literalList: '[' (literalValue (',' literalValue)* ','?)? ']';

// ---------------------------------------------------------------------------------------------
// Expressions, from the tightest binding to the loosest.

expr
  : primary                                                       # primaryExpr
  | expr access=('.' | '?.') ident (call='(' arguments? ')')?     # memberExpr
  | expr '[' expr ']'                                             # indexExpr
  | '-' expr                                                      # negateExpr
  | expr op=('*' | '/' | '%') expr                                # multiplyExpr
  | expr op=('+' | '-') expr                                      # addExpr
  | expr '??' expr                                                # coalesceExpr
  | expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') expr          # compareExpr
  | 'not' expr                                                    # notExpr
  | expr 'and' expr                                               # andExpr
  | expr 'or' expr                                                # orExpr
  | 'if' expr 'then' expr 'else' expr                             # ifExpr
  ;

primary
  : literal                                                       # literalPrimary
  | '(' expr ')'                                                  # parenPrimary
  | ident '(' arguments? ')'                                      # callPrimary
  | {record_construction_blocked == 0}? qualifiedName block       # constructPrimary
  | ident                                                         # namePrimary
  | '[' (expr (',' expr)* ','?)? ']'                              # listPrimary
  | 'match' {record_construction_blocked++;} expr {record_construction_blocked--;}
    LBRACE matchArm (','? matchArm)* ','? RBRACE                        # matchPrimary
  | 'each' expr ('as' ident)? ('where' expr)? '->' expr           # eachPrimary
  ;

arguments: argument (',' argument)*;

// `line -> line.Price` is a function of one list item, which list builtins such as `sort_by` take.
argument: (ident '->')? expr;

matchArm: pattern ('|' pattern)* '=>' expr;

pattern
  : '_'                                                           # wildcardPattern
  | literal                                                       # literalPattern
  | '-' number=(INT_LIT | DECIMAL_LIT)                            # negativePattern
  | qualifiedName                                                 # namePattern
  ;

literal
  : INT_LIT                                                       # intLiteral
  | DECIMAL_LIT                                                   # decimalLiteral
  | stringLit                                                     # stringLiteral
  | 'true'                                                        # trueLiteral
  | 'false'                                                       # falseLiteral
  | 'null'                                                        # nullLiteral
  ;

stringLit: STRING_START stringPart* STRING_END;

stringPart
  : STRING_TEXT                                                   # textPart
  | STRING_ESCAPE                                                 # escapePart
  | INTERPOLATION_START expr RBRACE                                  # interpolationPart
  ;

qualifiedName: ident ('.' ident)*;

// Words that are keywords only where the grammar expects them, so that schemas may use them as
// field names (`type`, `value` and `from` are common in real APIs).
ident
  : IDENT | QUOTED_IDENT
  | 'schema' | 'record' | 'enum' | 'table' | 'from' | 'map' | 'as' | 'when' | 'test' | 'given'
  | 'expect' | 'reject' | SKIP_ | 'import' | 'let' | 'fn' | 'each' | 'where' | 'rule'
  ;
