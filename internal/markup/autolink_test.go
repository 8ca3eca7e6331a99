package markup_test

import (
	"strings"
	"testing"

	"gazette/internal/htmlsafe"
	"gazette/internal/markup"
)

// FuzzDialect parses fuzzed Markdown with the typographer on and off: the
// autolinker moves the reader back and forth over quotes and trailing
// punctuation, and the heading and line-break transformers edit the tree,
// so whatever the input, nothing may panic, the HTML must stay inert, and
// no bare URL may end in a quotation mark.
//
//	go test ./internal/markup -run XXX -fuzz FuzzDialect -fuzztime 60s
func FuzzDialect(f *testing.F) {
	for _, s := range []string{
		`"https://example.org/notice" 'https://example.org/a' "https://example.org/b." ("https://example.org/c_(d)")`,
		`"www.example.org" 'a@example.org' O'Brien@example.org "" '' "h" 'https://' "https://x.org/&amp;"`,
		"ftp://example.org/file \"ftp://x\" <ftp://x> [x](//h/p) ![i](/\\h) [a](1a:b)",
		"## Sources\n## M 1\n## Sources\n## \n# !!!\n\nSetext\n===\n",
		"aaa     \nbbb  \\\nccc \t \r\nddd",
		"```f&ouml;&ouml;\nx\n```\n``` \"q\"\ny\n```",
	} {
		f.Add(s)
	}
	kinds := []string{"city", "actor"}
	mds := []*markup.Markdown{markup.New(kinds), markup.New(kinds, markup.Typographer(false))}
	f.Fuzz(func(t *testing.T, src string) {
		for _, md := range mds {
			doc := md.Parse("r.md", []byte(src))
			out, err := md.HTML(doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range htmlsafe.Problems(out, bodyPolicy) {
				t.Errorf("%s\ninput:  %q\noutput: %q", p, src, out)
			}
			for _, p := range htmlsafe.DuplicateIDs(out) {
				t.Errorf("%s\ninput:  %q\noutput: %q", p, src, out)
			}
			if strings.Contains(src, "<") {
				continue // <…> autolinks are as written
			}
			for _, m := range anchor.FindAllStringSubmatch(out, -1) {
				href, text := m[1], m[2]
				bare := href == text || href == "http://"+text || href == "mailto:"+text
				if bare && (strings.HasSuffix(text, "&quot;") || strings.HasSuffix(text, "'")) {
					t.Errorf("a bare URL ends in a quotation mark\ninput:  %q\noutput: %q", src, out)
				}
			}
		}
	})
}
