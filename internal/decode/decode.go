// Package decode reads YAML (content/site.yaml and the front matter of
// content files) node by node into Go values, so that every problem is an
// error at its file:line:col. Package config decodes site.yaml with it,
// package content the front matter of reports, records, entities and
// pages; both add the methods that make their own types.
package decode

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"gazette/internal/diag"
)

// SplitFrontMatter finds the YAML between the leading "---" lines. It
// returns the YAML, the line it starts on, and the body: src with every
// front-matter byte except newlines replaced by nothing, so that a line
// number in the body is the line number in the file.
func SplitFrontMatter(path string, src []byte, diags *diag.List) (fm []byte, fmLine int, body []byte, ok bool) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.Equal(bytes.TrimRight(src, " \t"), []byte("---")) {
		diags.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, `missing front matter: the file must start with a "---" line`)
		return nil, 0, nil, false
	}
	// A file of just "---" has no newline after the fence.
	rest := src[min(4, len(src)):]
	end, endLen := -1, 0
	for i := 0; i <= len(rest); {
		j := bytes.IndexByte(rest[i:], '\n')
		line := rest[i:]
		if j >= 0 {
			line = rest[i : i+j]
		}
		if string(bytes.TrimRight(line, " \t")) == "---" {
			end, endLen = i, len(line)
			break
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	if end < 0 {
		diags.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, `front matter is not closed: add a "---" line after it`)
		return nil, 0, nil, false
	}
	fm = rest[:end]
	n := 4 + end + endLen // bytes of front matter including both fences
	body = make([]byte, 0, len(src))
	body = append(body, bytes.Repeat([]byte("\n"), bytes.Count(src[:n], []byte("\n")))...)
	body = append(body, src[n:]...)
	return fm, 2, body, true
}

// Decoder reads one YAML document node by node, so that every problem
// can name the line and column it is at.
type Decoder struct {
	Path    string
	LineOff int // added to the YAML parser's line numbers: the front matter's first line, less one
	Diags   *diag.List
}

func (d *Decoder) Pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Path: d.Path, Line: n.Line + d.LineOff, Col: n.Column}
}

func (d *Decoder) Errorf(n *yaml.Node, format string, args ...any) {
	d.Diags.Errorf(d.Pos(n), format, args...)
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserProblems are the messages of yaml.v3's parser (not scanner)
// errors, whose "line N" is the 0-based line of the problem.
var yamlParserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// YAMLSyntaxError is where yaml.v3's error err, from parsing src, is and
// what it says without its "yaml: line N:" prefix: the line as an editor
// counts it and the column of its first character, since yaml.v3 gives no
// column. The theme's message catalogues (package i18n) report theirs so too.
func YAMLSyntaxError(err error, src []byte) (line, col int, msg string) {
	msg = err.Error()
	line, col = 1, 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if yamlParserProblems[msg] {
			line++ // yaml.v3 counts these from 0, scanner errors from 1
		}
		lines := strings.Split(string(src), "\n")
		if line-1 < len(lines) {
			l := lines[line-1]
			col = 1 + len([]rune(l)) - len([]rune(strings.TrimLeft(l, " \t")))
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return line, col, msg
}

// parse parses src as one YAML document whose top is a mapping.
func (d *Decoder) Parse(src []byte) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, col, msg := YAMLSyntaxError(err, src)
		d.Diags.Errorf(diag.Pos{Path: d.Path, Line: line + d.LineOff, Col: col}, "YAML syntax: %s", msg)
		return nil, false
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, true
	}
	top := doc.Content[0]
	if !d.NoAliases(top) {
		return nil, false
	}
	if top.Kind != yaml.MappingNode {
		d.Errorf(top, "front matter must be a mapping of fields (key: value)")
		return nil, false
	}
	return top, true
}

// noAliases rejects YAML anchors and aliases. Front matter has no use for
// them, and refusing them closes the door on "billion laughs" expansion.
func (d *Decoder) NoAliases(n *yaml.Node) bool {
	ok := true
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if !ok {
			return
		}
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			d.Errorf(n, "YAML anchors and aliases (& and *) are not supported; write the value out")
			ok = false
			return
		}
		if depth > 20 {
			d.Errorf(n, "YAML is nested too deeply")
			ok = false
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return ok
}

// fields walks a mapping node, reporting duplicate and unknown keys, and
// calls fn for each known one. It returns the keys seen.
func (d *Decoder) Fields(n *yaml.Node, what string, known []string, fn func(key string, k, v *yaml.Node)) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, "%s must be a mapping of fields (key: value)", what)
		return seen
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			d.Errorf(k, "field names must be plain words")
			continue
		}
		if prev, dup := seen[key]; dup && prev.Value == key {
			d.Errorf(k, "field %q is given twice (first on line %d)", key, prev.Line+d.LineOff)
			continue
		}
		seen[key] = k
		if !slices.Contains(known, key) {
			d.Errorf(k, "unknown field %q in %s%s", key, what, diag.DidYouMean(key, known))
			if s := diag.Suggest(key, known); s != "" {
				seen[s] = k // a misspelled required field is not also missing
			}
			continue
		}
		fn(key, k, v)
	}
	return seen
}

// require reports each of names missing from seen, at the mapping node.
func (d *Decoder) Require(n *yaml.Node, what string, seen map[string]*yaml.Node, names ...string) {
	for _, name := range names {
		if seen[name] == nil {
			d.Errorf(n, "missing required field %q in %s", name, what)
		}
	}
}

// str reads a scalar as a string. Empty values are errors when required.
func (d *Decoder) Str(n *yaml.Node, field string, required bool) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.Errorf(n, "%s must be a single value, not a %s", field, kindName(n))
		return "", false
	}
	if n.Tag == "!!null" || (required && strings.TrimSpace(n.Value) == "") {
		if required {
			d.Errorf(n, "%s is empty", field)
		}
		return "", !required
	}
	if !d.NoControl(n, field) {
		return "", false
	}
	return n.Value, true
}

// list reads a sequence of scalars; a single scalar counts as a list of one.
func (d *Decoder) List(n *yaml.Node, field string) []*yaml.Node {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return nil
	case n.Kind == yaml.ScalarNode:
		if !d.NoControl(n, field) {
			return nil
		}
		return []*yaml.Node{n}
	case n.Kind != yaml.SequenceNode:
		d.Errorf(n, "%s must be a list such as [a, b]", field)
		return nil
	}
	var out []*yaml.Node
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
			d.Errorf(c, "each entry of %s must be a single value", field)
			continue
		}
		if !d.NoControl(c, field) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// vocab reads a list whose entries must come from allowed, the site.yaml
// list named source.
func (d *Decoder) Vocab(n *yaml.Node, what string, allowed []string, source string) []string {
	var out []string
	for _, c := range d.List(n, what) {
		if d.InVocab(c, what, allowed, source) {
			out = append(out, c.Value)
		}
	}
	return out
}

func (d *Decoder) InVocab(n *yaml.Node, what string, allowed []string, source string) bool {
	if slices.Contains(allowed, n.Value) {
		return true
	}
	hint := diag.DidYouMean(n.Value, allowed)
	if hint == "" {
		hint = "; site.yaml " + source + ": " + quoteList(allowed)
	}
	d.Errorf(n, "unknown %s %q%s", what, n.Value, hint)
	return false
}

// url reads an http or https URL.
func (d *Decoder) URL(n *yaml.Node, field string) string {
	s, ok := d.Str(n, field, false)
	if !ok || s == "" {
		return ""
	}
	if !SafeURL(s) {
		d.Errorf(n, "%s must be an http or https URL, not %q", field, s)
		return ""
	}
	return s
}

// SafeURL reports whether s is an absolute http or https URL that may be
// written as it is into HTML, feeds, robots.txt and the sitemap: no space,
// no control character (a CR or LF would start a line of its own in
// robots.txt) and none of <>"`.
func SafeURL(s string) bool {
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return false
	}
	return !strings.ContainsAny(s, " <>\"`") && !strings.ContainsFunc(s, unicode.IsControl) && len(s) > len("https://")
}

// controlChar returns the first control character of s other than tab and
// line feed: a YAML escape such as "\0" or "\e" can put one in a value,
// where html/template would turn a NUL into U+FFFD without a word, and
// a terminal would obey an escape.
func controlChar(s string) (rune, bool) {
	for _, r := range s {
		if r != '\t' && r != '\n' && unicode.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// noControl reports a control character in the scalar n at its position.
func (d *Decoder) NoControl(n *yaml.Node, field string) bool {
	if r, bad := controlChar(n.Value); bad {
		d.Errorf(n, "%s holds the control character U+%04X; remove it (a YAML escape such as \"\\0\" makes one)", field, r)
		return false
	}
	return true
}

func (d *Decoder) Boolean(n *yaml.Node, field string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.Errorf(n, "%s must be true or false", field)
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

func (d *Decoder) Integer(n *yaml.Node, field string) int {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
		d.Errorf(n, "%s must be a whole number", field)
		return 0
	}
	return v
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	}
	return "value"
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// Lang reads a BCP 47 language tag and returns it as package language
// writes it.
func (d *Decoder) Lang(n *yaml.Node, field string) (string, bool) {
	s, ok := d.Str(n, field, true)
	if !ok {
		return "", false
	}
	tag, err := language.Parse(s)
	if err != nil || len(s) > 35 {
		d.Errorf(n, "%s: %q is not a BCP 47 language tag such as en, ar or ckb", field, s)
		return "", false
	}
	return tag.String(), true
}

// idPattern is the shape of every id and slug: it is safe as a path segment
// on every file system and host, and reads well in a URL.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether s may be used as an id or slug: of a content
// file, a kind, a role or a term of site.yaml.
func ValidID(s string) bool { return len(s) <= 200 && idPattern.MatchString(s) }
