package gazette_test

import (
	"strconv"
	"strings"
	"testing"

	"gazette"
	"gazette/internal/diag"
	"gazette/internal/markup"
)

// TestMarkdownDialect renders every example of the README's "The Markdown
// dialect" (what `gazette help markdown` prints) and compares it with the
// HTML, and the errors, the section says it becomes. Each rule (a
// paragraph that starts with a bold name) must have an example.
func TestMarkdownDialect(t *testing.T) {
	section := gazette.MarkdownDialect()
	if !strings.HasPrefix(section, "## The Markdown dialect\n") || strings.Contains(section, "\n## Commands\n") {
		t.Fatalf("MarkdownDialect() is not the README's section:\n%s", section)
	}
	kinds := []string{"city", "actor"}
	var (
		rule     string
		examples = map[string]int{}
		src      *block
	)
	blocks := fencedBlocks(section)
	for i, b := range blocks {
		if b.rule != "" {
			rule = b.rule
		}
		switch lang := strings.Fields(b.info + " ")[0]; lang {
		case "markdown":
			src = &blocks[i]
			examples[rule]++
		case "html", "text":
			if src == nil {
				t.Errorf("line %d: a %s block with no markdown block before it", b.line, lang)
				continue
			}
			var opts []markup.Option
			if strings.Contains(src.info, "typographer=false") {
				opts = append(opts, markup.Typographer(false))
			}
			md := markup.New(kinds, opts...)
			doc := md.Parse("r.md", []byte(src.text))
			if strings.Contains(src.info, "resolve") {
				resolve(doc)
			}
			got, err := md.HTML(doc)
			if err != nil {
				t.Fatal(err)
			}
			if lang == "text" {
				var l diag.List
				l.Append(doc.Problems...)
				var lines []string
				for _, d := range l.Sorted() {
					lines = append(lines, d.String())
				}
				got = strings.Join(lines, "\n")
			} else if len(doc.Problems) > 0 && (i+1 == len(blocks) || blocks[i+1].info != "text") {
				t.Errorf("line %d: the example has errors the section does not show: %v", src.line, doc.Problems)
			}
			if !matches(strings.TrimSpace(b.text), strings.TrimSpace(got)) {
				t.Errorf("line %d: the example at line %d becomes\n%s\nnot, as the README says,\n%s", b.line, src.line, got, b.text)
			}
		}
	}
	for _, r := range rules(section) {
		if examples[r] == 0 {
			t.Errorf("rule %q has no example", r)
		}
	}
	if len(examples) < 8 {
		t.Errorf("%d rules with examples; the section has more", len(examples))
	}
}

// resolve does for an example marked "resolve" what the build does for a
// report at reports/<slug>/: each annotation links to its target's page,
// titled with its name, and each entity annotation not marked passing is
// a mention with an anchor.
func resolve(doc *markup.Doc) {
	plural := map[string]string{"city": "cities", "actor": "actors", "report": "reports"}
	names := map[string]string{"mosul": "Mosul", "isil": "ISIL", "erbil": "Erbil"}
	n := 0
	for _, l := range doc.Links {
		l.Href = "../../" + plural[l.Scheme] + "/" + l.ID + "/index.html"
		l.Title = names[l.ID]
		if l.Scheme != "report" && !l.Passing {
			n++
			l.Anchor = "m-" + strconv.Itoa(n)
		}
	}
}

// block is a fenced code block of the section: its info string, its
// text, the line it starts on and the rule (bold paragraph start) last
// named before it.
type block struct {
	info, text, rule string
	line             int
}

func fencedBlocks(s string) []block {
	var (
		blocks []block
		fence  string
		cur    block
		rule   string
	)
	for n, line := range strings.Split(s, "\n") {
		switch {
		case fence == "" && strings.HasPrefix(line, "```"):
			fence = line[:len(line)-len(strings.TrimLeft(line, "`"))]
			cur = block{info: strings.TrimSpace(line[len(fence):]), line: n + 1, rule: rule}
			rule = ""
		case fence != "" && line == fence:
			fence = ""
			blocks = append(blocks, cur)
		case fence != "":
			cur.text += line + "\n"
		case strings.HasPrefix(line, "**"):
			rule = ruleName(line)
		}
	}
	return blocks
}

// rules lists the names of the section's rules: the bold words that
// start a paragraph.
func rules(s string) []string {
	var names []string
	for _, b := range strings.Split(s, "\n\n") {
		if strings.HasPrefix(b, "**") {
			names = append(names, ruleName(b))
		}
	}
	return names
}

func ruleName(line string) string {
	name, _, _ := strings.Cut(strings.TrimPrefix(line, "**"), "**")
	return name
}

// matches reports whether got is want, where each "…" in want stands for
// any text.
func matches(want, got string) bool {
	parts := strings.Split(want, "…")
	if !strings.HasPrefix(got, parts[0]) {
		return false
	}
	got = got[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(got, p)
		}
		j := strings.Index(got, p)
		if j < 0 {
			return false
		}
		got = got[j+len(p):]
	}
	return got == ""
}
