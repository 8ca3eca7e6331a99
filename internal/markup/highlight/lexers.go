package highlight

import (
	"embed"
	"io/fs"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// lexerFiles are chroma's definitions of the languages in Languages (and
// of Go's templates, which colour Go's raw strings), copied from chroma
// v2.27.0's lexers/embedded folder (MIT licence: lexers/COPYING).
//
// Importing chroma's lexers package instead would register all of its
// 279 lexers when any gazette process starts: 12 ms, half of what a run
// of `gazette help` or `gazette new` spends, and most of what a test
// script's hundred runs of the command spend before main. It would also
// put every one of them in reach of a highlighted lexer that hands code
// on by name; here a lexer reaches only another of these
// (TestRegistryClosed).
//
//go:embed lexers/*.xml
var lexerFiles embed.FS

// newRegistry parses the configuration of each highlighted lexer; chroma
// compiles a lexer's rules the first time it colours code. The files are
// part of the binary and tested, so a failure is a bug in the build, not
// a maintainer's mistake.
func newRegistry() *chroma.LexerRegistry {
	reg := chroma.NewLexerRegistry()
	paths, err := fs.Glob(lexerFiles, "lexers/*.xml")
	if err != nil {
		panic(err)
	}
	for _, p := range paths {
		if p == "lexers/go_template.xml" {
			continue // Go's, below: not a language of its own here
		}
		reg.Register(chroma.MustNewXMLLexer(lexerFiles, p))
	}
	tmpl := chroma.MustNewXMLLexer(lexerFiles, "lexers/go_template.xml").SetConfig(&chroma.Config{Name: "Go Text Template"})
	reg.Register(goLexer(tmpl))
	return reg
}

// goLexer is chroma v2.27.0's Go lexer (lexers/go.go), which chroma writes
// in Go rather than XML; tmpl colours the actions of a template in a raw
// string.
func goLexer(tmpl chroma.Lexer) chroma.Lexer {
	return chroma.MustNewLexer(
		&chroma.Config{
			Name:      "Go",
			Aliases:   []string{"go", "golang"},
			Filenames: []string{"*.go"},
			MimeTypes: []string{"text/x-gosrc"},
		},
		func() chroma.Rules { return goRules(tmpl) },
	).SetAnalyser(func(text string) float32 {
		if strings.Contains(text, "fmt.") && strings.Contains(text, "package ") {
			return 0.5
		}
		if strings.Contains(text, "package ") {
			return 0.1
		}
		return 0.0
	})
}

func goRules(tmpl chroma.Lexer) chroma.Rules {
	r := func(pattern string, t chroma.Emitter) chroma.Rule { return chroma.Rule{Pattern: pattern, Type: t} }
	return chroma.Rules{
		"root": {
			r(`\n`, chroma.TextWhitespace),
			r(`\s+`, chroma.TextWhitespace),
			r(`//[^\s\n\r][^\n\r]*`, chroma.CommentPreproc),
			r(`//[^\n\r]*`, chroma.CommentSingle),
			r(`/(\\\n)?[*](.|\n)*?[*](\\\n)?/`, chroma.CommentMultiline),
			r(`(import|package)\b`, chroma.KeywordNamespace),
			r(`(var|func|struct|map|chan|type|interface|const)\b`, chroma.KeywordDeclaration),
			r(chroma.Words(``, `\b`, `break`, `default`, `select`, `case`, `defer`, `go`, `else`, `goto`, `switch`, `fallthrough`, `if`, `range`, `continue`, `for`, `return`), chroma.Keyword),
			r(`(true|false|iota|nil)\b`, chroma.KeywordConstant),
			r(chroma.Words(``, `\b(\()`, `uint`, `uint8`, `uint16`, `uint32`, `uint64`, `int`, `int8`, `int16`, `int32`, `int64`, `float`, `float32`, `float64`, `complex64`, `complex128`, `byte`, `rune`, `string`, `bool`, `error`, `uintptr`, `print`, `println`, `panic`, `recover`, `close`, `complex`, `real`, `imag`, `len`, `cap`, `append`, `copy`, `delete`, `new`, `make`, `clear`, `min`, `max`), chroma.ByGroups(chroma.NameBuiltin, chroma.Punctuation)),
			r(chroma.Words(``, `\b`, `uint`, `uint8`, `uint16`, `uint32`, `uint64`, `int`, `int8`, `int16`, `int32`, `int64`, `float`, `float32`, `float64`, `complex64`, `complex128`, `byte`, `rune`, `string`, `bool`, `error`, `uintptr`, `any`), chroma.KeywordType),
			r(`\d+i`, chroma.LiteralNumber),
			r(`\d+\.\d*([Ee][-+]\d+)?i`, chroma.LiteralNumber),
			r(`\.\d+([Ee][-+]\d+)?i`, chroma.LiteralNumber),
			r(`\d+[Ee][-+]\d+i`, chroma.LiteralNumber),
			r(`\d+(\.\d+[eE][+\-]?\d+|\.\d*|[eE][+\-]?\d+)`, chroma.LiteralNumberFloat),
			r(`\.\d+([eE][+\-]?\d+)?`, chroma.LiteralNumberFloat),
			r(`0[0-7]+`, chroma.LiteralNumberOct),
			r(`0[xX][0-9a-fA-F_]+`, chroma.LiteralNumberHex),
			r(`0b[01_]+`, chroma.LiteralNumberBin),
			r(`(0|[1-9][0-9_]*)`, chroma.LiteralNumberInteger),
			r(`'(\\['"\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|[^\\])'`, chroma.LiteralStringChar),
			r("(`)([^`]*)(`)", chroma.ByGroups(chroma.LiteralString, chroma.UsingLexer(chroma.TypeRemappingLexer(tmpl, chroma.TypeMapping{{From: chroma.Other, To: chroma.LiteralString}})), chroma.LiteralString)),
			r(`"(\\\\|\\"|[^"])*"`, chroma.LiteralString),
			r(`(<<=|>>=|<<|>>|<=|>=|&\^=|&\^|\+=|-=|\*=|/=|%=|&=|\|=|&&|\|\||<-|\+\+|--|==|!=|:=|\.\.\.|[+\-*/%&])`, chroma.Operator),
			r(`([a-zA-Z_]\w*)(\s*)(\()`, chroma.ByGroups(chroma.NameFunction, chroma.UsingSelf("root"), chroma.Punctuation)),
			r(`[|^<>=!()\[\]{}.,;:~]`, chroma.Punctuation),
			r(`[^\W\d]\w*`, chroma.NameOther),
		},
	}
}
