package gazette

import (
	_ "embed"
	"strings"
)

//go:embed README.md
var readme string

// MarkdownDialect returns the README's section "The Markdown dialect",
// which `gazette help markdown` prints: one text, so the help and the
// README cannot drift apart, and the examples in it are tested
// (dialect_test.go).
func MarkdownDialect() string {
	const heading = "## The Markdown dialect\n"
	i := strings.Index(readme, heading)
	if i < 0 {
		return ""
	}
	section := readme[i:]
	// The section ends at the next "## " heading outside a code fence.
	fence, off := "", 0
	for line := range strings.SplitAfterSeq(section, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		switch {
		case fence == "" && strings.HasPrefix(trimmed, "```"):
			fence = trimmed[:len(trimmed)-len(strings.TrimLeft(trimmed, "`"))]
		case fence != "" && strings.TrimSpace(trimmed) == fence:
			fence = ""
		case fence == "" && off > 0 && strings.HasPrefix(trimmed, "## "):
			return strings.TrimRight(section[:off], "\n") + "\n"
		}
		off += len(line)
	}
	return section
}
