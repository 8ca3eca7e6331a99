package markup

import (
	"slices"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
)

// highlighted returns the chroma lexers, by name, whose code blocks are
// coloured; a block in any other language is shown as plain text.
//
// Not every lexer is safe on hostile input: chroma's are state machines
// of backtracking regular expressions, and some loop without consuming
// input (Jungle took minutes and 100 GB on a line of 20 bytes). These are
// the common languages, each checked by TestHighlightBound on inputs
// built to make a lexer backtrack or nest.
func highlighted() []string {
	return []string{
		"Bash", "Bash Session", "Batchfile", "C", "C#", "C++", "CSS", "CSV",
		"Dart", "Diff", "Docker", "Go", "GraphQL", "HCL", "HTML", "HTTP",
		"Haskell", "INI", "JSON", "Java", "JavaScript", "Kotlin", "Lua",
		"Makefile", "Perl", "PHP", "PowerShell", "Protocol Buffer", "Python",
		"R", "Ruby", "Rust", "SQL", "Scala", "Swift", "TOML", "TeX",
		"TypeScript", "XML", "YAML", "markdown", "plaintext",
	}
}

// highlightable reports whether the lexer named name colours code blocks.
func highlightable(name string) bool {
	return slices.Contains(highlighted(), name)
}

// lexerFor returns the lexer that highlights n, or nil: for no language, an
// unknown one, one not highlighted, and a block past the limit on
// highlighted code (see treeGuard).
func lexerFor(n *ast.FencedCodeBlock, lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	if _, plain := n.AttributeString(plainAttr); plain {
		return nil
	}
	l := lexers.Get(lang)
	if l == nil || !highlightable(l.Config().Name) {
		return nil
	}
	return l
}
