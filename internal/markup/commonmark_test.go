package markup_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gazette/internal/markup"
)

// commonMarkRules are the rules of gazette's Markdown dialect (the
// README, "The Markdown dialect") that make its HTML differ from the
// CommonMark spec's on some of the spec's examples: one line of reason
// each. A rule is checked, not only named: undo turns gazette's output
// back into CommonMark's, so that the example must then match (rules that
// drop or refuse something cannot be undone; present then checks that
// the rule did act on the example).
var commonMarkRules = map[string]struct {
	reason  string
	readme  string // how the README counts it, with %d for the number of examples
	undo    func(html string) string
	present func(html string, problems []string) bool
}{
	"raw-html": {
		reason:  "raw HTML is dropped, so no content file can put script in a page: each piece becomes <!-- raw HTML omitted -->",
		readme:  "raw HTML dropped (%d examples)",
		present: func(html string, _ []string) bool { return strings.Contains(html, "<!-- raw HTML omitted -->") },
	},
	"link-scheme": {
		reason: "links may use only http:, https:, mailto:, a relative path, a fragment or an annotation; <irc:…> and the like are refused",
		readme: "link schemes refused (%d)",
		present: func(_ string, problems []string) bool {
			return slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, "forbidden link scheme") })
		},
	},
	"typographer": {
		reason: `typographic substitutions: "quotes" and 'quotes' curl, -- and --- are dashes, ... an ellipsis (site.yaml typographer: false turns them off)`,
		readme: "typographic punctuation (%d)",
		// undo: rendered again with the typographer off; see render below.
	},
	"heading-id": {
		reason: "every heading has an id, h- and a slug of its text, so that readers can link to a section",
		readme: "heading ids (%d)",
		undo:   func(html string) string { return headingID.ReplaceAllString(html, "$1") },
	},
	"highlight": {
		reason: `fenced code is highlighted by chroma in <pre class="chroma">, in a <div class="code" data-lang="…"> when the language is known`,
		readme: "highlighted code (%d)",
		undo:   unhighlight,
	},
	"autolink": {
		reason: "bare http(s) URLs, www. addresses and e-mail addresses in prose are links (GFM's extended autolinks)",
		readme: "bare URLs linked (%d)",
		undo:   unlink,
	},
}

// TestCommonMark runs the 652 examples of the CommonMark spec (0.31.2,
// testdata/commonmark/spec.json) through the Markdown stage and compares
// the HTML as the spec's own runner does (normalizeHTML). Each example
// whose HTML differs must be listed in testdata/commonmark/differences.txt
// with the rules that explain the difference, and the rules must explain
// it: a new difference, a stale entry, or a rule that does not act on its
// example fails the test.
func TestCommonMark(t *testing.T) {
	data, err := os.ReadFile("testdata/commonmark/spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []struct {
		Markdown, HTML, Section string
		Example                 int
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	allowed := readDifferences(t, "testdata/commonmark/differences.txt")
	kinds := []string{"city", "actor"}
	md, plain := markup.New(kinds), markup.New(kinds, markup.Typographer(false))
	render := func(m *markup.Markdown, src string) (string, []string) {
		doc := m.Parse("spec.md", []byte(src))
		html, err := m.HTML(doc)
		if err != nil {
			t.Fatal(err)
		}
		return normalizeHTML(html), problems(doc)
	}
	identical, byRule := 0, map[string]int{}
	for _, ex := range examples {
		want := normalizeHTML(ex.HTML)
		got, probs := render(md, ex.Markdown)
		rules, listed := allowed[ex.Example]
		delete(allowed, ex.Example)
		if got == want {
			identical++
			if listed {
				t.Errorf("example %d (%s) is now identical to CommonMark: remove it from differences.txt", ex.Example, ex.Section)
			}
			continue
		}
		if !listed {
			t.Errorf("example %d (%s) differs from CommonMark%s:\nmarkdown: %q\nwant: %s\ngot:  %s",
				ex.Example, ex.Section, explainedBy(ex.Markdown, want, render, plain, md), ex.Markdown, want, got)
			continue
		}
		undone, final := got, true
		if slices.Contains(rules, "typographer") {
			// Undone by rendering again with the typographer off; the
			// other rules' undos then apply to that output.
			undone, _ = render(plain, ex.Markdown)
			if undone == got {
				t.Errorf("example %d: rule typographer is listed but changes nothing in it", ex.Example)
			}
		}
		for _, rule := range rules {
			byRule[rule]++
			switch r := commonMarkRules[rule]; {
			case rule == "typographer":
			case r.undo != nil:
				u := r.undo(undone)
				if u == undone {
					t.Errorf("example %d: rule %s is listed but changes nothing in it", ex.Example, rule)
				}
				undone = u
			default:
				final = false // a rule that drops or refuses: no undo
				if !r.present(got, probs) {
					t.Errorf("example %d: rule %s is listed but did not act on it", ex.Example, rule)
				}
			}
		}
		if final && undone != want {
			t.Errorf("example %d (%s): rules %v do not explain the difference:\nmarkdown: %q\nwant:   %s\nundone: %s",
				ex.Example, ex.Section, rules, ex.Markdown, want, undone)
		}
	}
	for n := range allowed {
		t.Errorf("differences.txt lists example %d, which spec.json does not have", n)
	}
	names := make([]string, 0, len(byRule))
	for r := range byRule {
		names = append(names, r)
	}
	slices.Sort(names)
	summary := fmt.Sprintf("%d of %d examples identical; the others differ by these rules:", identical, len(examples))
	for _, r := range names {
		summary += fmt.Sprintf("\n%s (%d): %s", r, byRule[r], commonMarkRules[r].reason)
	}
	t.Log(summary)

	// The README states these numbers; keep it true.
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(readme)), " ")
	claims := []string{
		fmt.Sprintf("Of the %d examples in the CommonMark spec, %d come out as the spec says", len(examples), identical),
		fmt.Sprintf("Each of the other %d differs", len(examples)-identical),
	}
	for _, r := range names {
		claims = append(claims, fmt.Sprintf(commonMarkRules[r].readme, byRule[r]))
	}
	for _, c := range claims {
		if !strings.Contains(text, c) {
			t.Errorf("README.md does not say %q", c)
		}
	}
}

// explainedBy names the rules whose undo would make the example match, as
// a hint for the line to add to differences.txt when the difference is
// deliberate.
func explainedBy(src, want string, render func(*markup.Markdown, string) (string, []string), plain, md *markup.Markdown) string {
	for _, typo := range []bool{false, true} {
		m := md
		if typo {
			m = plain
		}
		got, _ := render(m, src)
		var used []string
		if typo {
			used = append(used, "typographer")
		}
		for _, name := range []string{"autolink", "heading-id", "highlight"} {
			if u := commonMarkRules[name].undo(got); u != got {
				got = u
				used = append(used, name)
			}
		}
		if got == want {
			slices.Sort(used)
			return "; rules that would explain it: " + strings.Join(used, " ")
		}
	}
	return ""
}

// readDifferences reads differences.txt: "example rule rule…" lines.
func readDifferences(t *testing.T, name string) map[int][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	list := map[int][]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		n, err := strconv.Atoi(fields[0])
		if err != nil || len(fields) < 2 {
			t.Fatalf("%s:%d: want an example number and one or more rules", name, line)
		}
		if _, dup := list[n]; dup {
			t.Fatalf("%s:%d: example %d is listed twice", name, line, n)
		}
		for _, r := range fields[1:] {
			if _, ok := commonMarkRules[r]; !ok {
				t.Fatalf("%s:%d: unknown rule %q", name, line, r)
			}
		}
		list[n] = fields[1:]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return list
}

var (
	headingID = regexp.MustCompile(`(<h[1-6]) id="h-[^"]*"`)
	codeDiv   = regexp.MustCompile(`(?s)<div class="code" data-lang="([^"]*)"><pre class="chroma"><code>(.*?)</code></pre></div>`)
	span      = regexp.MustCompile(`</?span[^>]*>`)
	anchor    = regexp.MustCompile(`<a href="([^"]*)">([^<]*)</a>`)
)

// unhighlight turns chroma's markup back into CommonMark's
// <pre><code class="language-…">.
func unhighlight(html string) string {
	html = codeDiv.ReplaceAllStringFunc(html, func(m string) string {
		sub := codeDiv.FindStringSubmatch(m)
		return `<pre><code class="language-` + sub[1] + `">` + span.ReplaceAllString(sub[2], "") + "</code></pre>"
	})
	return strings.ReplaceAll(html, `<pre class="chroma">`, "<pre>")
}

// unlink turns the links that autolinking made from bare text (their
// text is their address) back into text.
func unlink(html string) string {
	return anchor.ReplaceAllStringFunc(html, func(m string) string {
		sub := anchor.FindStringSubmatch(m)
		if href, text := sub[1], sub[2]; href == text || href == "http://"+text || href == "mailto:"+text {
			return text
		}
		return m
	})
}
