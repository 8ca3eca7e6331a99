package content

import (
	"bytes"
	"errors"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"gazette/internal/diag"
)

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// foldASCII removes accents: "Mûsil" → "Musil".
func foldASCII(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// splitFrontMatter finds the YAML between the leading "---" lines. It
// returns the YAML, the line it starts on, and the body: src with every
// front-matter byte except newlines replaced by nothing, so that a line
// number in the body is the line number in the file.
func splitFrontMatter(path string, src []byte, diags *diag.List) (fm []byte, fmLine int, body []byte, ok bool) {
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

// decoder reads a YAML front matter node by node, so that every problem
// can name the line and column it is at.
type decoder struct {
	path    string
	lineOff int // added to the YAML parser's line numbers
	diags   *diag.List
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Path: d.path, Line: n.Line + d.lineOff, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.pos(n), format, args...)
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
func (d *decoder) parse(src []byte) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, col, msg := YAMLSyntaxError(err, src)
		d.diags.Errorf(diag.Pos{Path: d.path, Line: line + d.lineOff, Col: col}, "YAML syntax: %s", msg)
		return nil, false
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, true
	}
	top := doc.Content[0]
	if !d.noAliases(top) {
		return nil, false
	}
	if top.Kind != yaml.MappingNode {
		d.errorf(top, "front matter must be a mapping of fields (key: value)")
		return nil, false
	}
	return top, true
}

// noAliases rejects YAML anchors and aliases. Front matter has no use for
// them, and refusing them closes the door on "billion laughs" expansion.
func (d *decoder) noAliases(n *yaml.Node) bool {
	ok := true
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if !ok {
			return
		}
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			d.errorf(n, "YAML anchors and aliases (& and *) are not supported; write the value out")
			ok = false
			return
		}
		if depth > 20 {
			d.errorf(n, "YAML is nested too deeply")
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
func (d *decoder) fields(n *yaml.Node, what string, known []string, fn func(key string, k, v *yaml.Node)) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of fields (key: value)", what)
		return seen
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "field names must be plain words")
			continue
		}
		if prev, dup := seen[key]; dup && prev.Value == key {
			d.errorf(k, "field %q is given twice (first on line %d)", key, prev.Line+d.lineOff)
			continue
		}
		seen[key] = k
		if !contains(known, key) {
			d.errorf(k, "unknown field %q in %s%s", key, what, diag.DidYouMean(key, known))
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
func (d *decoder) require(n *yaml.Node, what string, seen map[string]*yaml.Node, names ...string) {
	for _, name := range names {
		if seen[name] == nil {
			d.errorf(n, "missing required field %q in %s", name, what)
		}
	}
}

// str reads a scalar as a string. Empty values are errors when required.
func (d *decoder) str(n *yaml.Node, field string, required bool) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be a single value, not a %s", field, kindName(n))
		return "", false
	}
	if n.Tag == "!!null" || (required && strings.TrimSpace(n.Value) == "") {
		if required {
			d.errorf(n, "%s is empty", field)
		}
		return "", !required
	}
	if !d.noControl(n, field) {
		return "", false
	}
	return n.Value, true
}

// aliases reads a list of names, none of them empty.
func (d *decoder) aliases(v *yaml.Node, key string) []Text {
	var out []Text
	for _, a := range d.list(v, key) {
		if strings.TrimSpace(a.Value) == "" {
			d.errorf(a, "an alias is empty")
			continue
		}
		out = append(out, Text{a.Value, d.pos(a)})
	}
	return out
}

// list reads a sequence of scalars; a single scalar counts as a list of one.
func (d *decoder) list(n *yaml.Node, field string) []*yaml.Node {
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return nil
	case n.Kind == yaml.ScalarNode:
		if !d.noControl(n, field) {
			return nil
		}
		return []*yaml.Node{n}
	case n.Kind != yaml.SequenceNode:
		d.errorf(n, "%s must be a list such as [a, b]", field)
		return nil
	}
	var out []*yaml.Node
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
			d.errorf(c, "each entry of %s must be a single value", field)
			continue
		}
		if !d.noControl(c, field) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// vocab reads a list whose entries must come from allowed, the site.yaml
// list named source.
func (d *decoder) vocab(n *yaml.Node, what string, allowed []string, source string) []string {
	var out []string
	for _, c := range d.list(n, what) {
		if d.inVocab(c, what, allowed, source) {
			out = append(out, c.Value)
		}
	}
	return out
}

func (d *decoder) inVocab(n *yaml.Node, what string, allowed []string, source string) bool {
	if contains(allowed, n.Value) {
		return true
	}
	hint := diag.DidYouMean(n.Value, allowed)
	if hint == "" {
		hint = "; site.yaml " + source + ": " + quoteList(allowed)
	}
	d.errorf(n, "unknown %s %q%s", what, n.Value, hint)
	return false
}

// refs reads a list of ids of one kind.
func (d *decoder) refs(n *yaml.Node, field, kind string) []Ref {
	var out []Ref
	for _, c := range d.list(n, field) {
		if !ValidID(c.Value) {
			d.errorf(c, "invalid id %q in %s: ids use lower-case letters a-z, digits and single hyphens", c.Value, field)
			continue
		}
		out = append(out, Ref{Kind: kind, ID: c.Value, Pos: d.pos(c)})
	}
	return out
}

// date reads a YYYY, YYYY-MM or YYYY-MM-DD scalar.
func (d *decoder) date(n *yaml.Node, field string) (Date, bool) {
	s, ok := d.str(n, field, true)
	if !ok {
		return Date{}, false
	}
	dt, err := ParseDate(s)
	if err != nil {
		d.errorf(n, "%s: %v", field, err)
		return Date{}, false
	}
	return dt, true
}

// url reads an http or https URL.
func (d *decoder) url(n *yaml.Node, field string) string {
	s, ok := d.str(n, field, false)
	if !ok || s == "" {
		return ""
	}
	if !safeURL(s) {
		d.errorf(n, "%s must be an http or https URL, not %q", field, s)
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

func safeURL(s string) bool { return SafeURL(s) }

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
func (d *decoder) noControl(n *yaml.Node, field string) bool {
	if r, bad := controlChar(n.Value); bad {
		d.errorf(n, "%s holds the control character U+%04X; remove it (a YAML escape such as \"\\0\" makes one)", field, r)
		return false
	}
	return true
}

func (d *decoder) boolean(n *yaml.Node, field string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s must be true or false", field)
		return false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

func (d *decoder) integer(n *yaml.Node, field string) int {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
		d.errorf(n, "%s must be a whole number", field)
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
