package i18n

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	texttemplate "text/template"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"gazette/internal/decode"
	"gazette/internal/diag"
)

// File is a catalogue file of a theme, as the theme loader read it.
type File struct {
	Pos diag.Pos // the file as diagnostics name it: Path and Root, no line
	Src []byte
}

// Lang is the language a catalogue file is for, from its name: "ar" for
// i18n/ar.yaml.
func (f File) Lang() string { return strings.TrimSuffix(path.Base(f.Pos.Path), ".yaml") }

// categories are the CLDR plural categories by the names catalogues give
// them.
var categories = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

var categoryNames = []string{"zero", "one", "two", "few", "many", "other"}

// Load reads catalogue files, the default theme's before the project's:
// a later file's message replaces an earlier one's of the same language
// and key, so that a project overrides one message without copying the
// rest. Every mistake is reported to diags at its line and column; ok is
// false when there was one.
func Load(files []File, diags *diag.List) (c *Catalogue, ok bool) {
	return LoadOver(nil, files, diags)
}

// LoadOver is Load of files read after those that made base, which it
// leaves as it was: a theme loader parses the default theme's catalogues
// once, and each project's over them. base may be nil.
func LoadOver(base *Catalogue, files []File, diags *diag.List) (c *Catalogue, ok bool) {
	c = &Catalogue{langs: map[string]*messages{}}
	if base != nil {
		for lang, m := range base.langs {
			c.langs[lang] = &messages{lang: m.lang, tag: m.tag, files: slices.Clone(m.files), pos: m.pos, m: maps.Clone(m.m)}
		}
	}
	ok = true
	forms := map[string][]plural.Form{}
	for _, f := range files {
		lang := f.Lang()
		tag, err := language.Parse(lang)
		if err != nil {
			diags.Errorf(f.Pos, "%s is not named after a language: name a catalogue after its BCP 47 language tag, as in i18n/ar.yaml", path.Base(f.Pos.Path))
			ok = false
			continue
		}
		if forms[lang] == nil {
			forms[lang] = formsOf(tag)
		}
		m := c.langs[lang]
		if m == nil {
			m = &messages{lang: lang, tag: tag, m: map[string]*Message{}}
			c.langs[lang] = m
		}
		m.files = append(m.files, f.Pos.Path)
		m.pos = diag.Pos{Path: f.Pos.Path, Root: f.Pos.Root, Line: 1, Col: 1}
		r := fileReader{file: f, lang: lang, forms: forms[lang], diags: diags}
		if !r.read(m) {
			ok = false
		}
	}
	return c, ok
}

// formsOf lists the plural categories CLDR gives tag's language, as the
// rules choose them for whole numbers and for numbers with one or two
// decimals: x/text keeps the list itself unexported.
func formsOf(tag language.Tag) []plural.Form {
	seen := map[plural.Form]bool{plural.Other: true}
	for i := range 1001 {
		seen[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)] = true
	}
	for i := range 21 {
		for f := range 100 {
			v := 2
			if f < 10 {
				seen[plural.Cardinal.MatchPlural(tag, i, 1, min(f, 1), f, f)] = true
			}
			t, w := f, v
			for t > 0 && t%10 == 0 {
				t, w = t/10, w-1
			}
			seen[plural.Cardinal.MatchPlural(tag, i, v, w, f, t)] = true
		}
	}
	var out []plural.Form
	for _, name := range categoryNames {
		if seen[categories[name]] {
			out = append(out, categories[name])
		}
	}
	return out
}

// fileReader reads one catalogue file.
type fileReader struct {
	file  File
	lang  string
	forms []plural.Form
	diags *diag.List
	ok    bool
}

func (r *fileReader) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Path: r.file.Pos.Path, Root: r.file.Pos.Root, Line: n.Line, Col: n.Column}
}

func (r *fileReader) errorf(n *yaml.Node, format string, args ...any) {
	r.diags.Errorf(r.pos(n), format, args...)
	r.ok = false
}

func (r *fileReader) read(m *messages) bool {
	r.ok = true
	var doc yaml.Node
	if err := yaml.Unmarshal(r.file.Src, &doc); err != nil {
		line, col, msg := decode.YAMLSyntaxError(err, r.file.Src)
		p := r.file.Pos
		p.Line, p.Col = line, col
		r.diags.Errorf(p, "YAML syntax: %s", msg)
		return false
	}
	if len(doc.Content) == 0 {
		return true // an empty file: no messages
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		r.errorf(top, "a message catalogue is a mapping of keys to messages, as in nav.reports: Reports")
		return false
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "" {
			r.errorf(k, "a message's key is a word such as nav.reports")
			continue
		}
		if prev := seen[k.Value]; prev != nil {
			r.errorf(k, "message %q is given twice in this file (first on line %d)", k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		if msg := r.message(k, v); msg != nil {
			m.m[k.Value] = msg
		}
	}
	return r.ok
}

// message reads the message of key k: a string, or a mapping of plural
// categories to strings.
func (r *fileReader) message(k, v *yaml.Node) *Message {
	msg := &Message{Key: k.Value, Pos: r.pos(k), forms: map[plural.Form]*texttemplate.Template{}, plain: map[plural.Form]string{}}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			r.errorf(v, "message %q is empty: give its text, or remove the key to use the fallback language's", k.Value)
			return nil
		}
		if !r.form(msg, plural.Other, v) {
			return nil
		}
	case yaml.MappingNode:
		good := true
		for i := 0; i+1 < len(v.Content); i += 2 {
			ck, cv := v.Content[i], v.Content[i+1]
			form, known := categories[ck.Value]
			switch {
			case !known:
				r.errorf(ck, "%q is not a plural category: a message's forms are CLDR's %s", ck.Value, strings.Join(categoryNames, ", "))
				good = false
			case !slices.Contains(r.forms, form):
				r.errorf(ck, "language %s has no plural form %q: its forms are %s", r.lang, ck.Value, r.formNames())
				good = false
			case cv.Kind != yaml.ScalarNode || cv.Tag == "!!null":
				r.errorf(cv, "the %s form of message %q is a string", ck.Value, k.Value)
				good = false
			default:
				good = r.form(msg, form, cv) && good
			}
		}
		if !good {
			return nil
		}
		if _, ok := msg.plain[plural.Other]; !ok && msg.forms[plural.Other] == nil {
			r.errorf(k, "message %q has no other form: every message with plural forms needs other, the form for any count no rule names", k.Value)
			return nil
		}
	default:
		r.errorf(v, "message %q is a string, or a mapping of plural forms such as {one: …, other: …}", k.Value)
		return nil
	}
	return msg
}

// form parses one form of a message, a text/template.
func (r *fileReader) form(msg *Message, form plural.Form, v *yaml.Node) bool {
	if !strings.Contains(v.Value, "{{") {
		msg.plain[form] = v.Value
		return true
	}
	t, err := texttemplate.New(msg.Key).Option("missingkey=error").Parse(v.Value)
	if err != nil {
		r.errorf(v, "message %q: %s", msg.Key, templateProblem(err))
		return false
	}
	msg.forms[form] = t
	return true
}

// templateProblem is text/template's parse error without its
// "template: NAME:LINE:" prefix, which names no file.
func templateProblem(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "template: ")
	// NAME:LINE: message
	if i := strings.Index(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}

func (r *fileReader) formNames() string {
	var out []string
	for _, name := range categoryNames {
		if slices.Contains(r.forms, categories[name]) {
			out = append(out, name)
		}
	}
	return strings.Join(out, ", ")
}

// FromFS reads the catalogues of the theme in fsys, its i18n/*.yaml
// files, as the default theme alone: for tests and tools that need the
// default theme's words without a project.
func FromFS(fsys fs.FS) (*Catalogue, error) {
	names, err := fs.Glob(fsys, "i18n/*.yaml")
	if err != nil {
		return nil, err
	}
	var files []File
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Pos: diag.Pos{Path: "(default theme)/" + name, Root: diag.Builtin}, Src: b})
	}
	var diags diag.List
	c, ok := Load(files, &diags)
	if !ok {
		return nil, fmt.Errorf("%v", diags.Sorted())
	}
	return c, nil
}
