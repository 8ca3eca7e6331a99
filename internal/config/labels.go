package config

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// Labels in the site's languages. Every text of site.yaml that readers
// see (the site's title, subtitle and licence, kinds' titles and counting
// words, roles' labels and phrases, vocabulary labels and descriptions, the
// map's attribution) may be a string, in the default edition's language,
// or a mapping from language tag to text:
//
//	label: {en: Mobile phone service, ar: الهاتف المحمول, ckb: مۆبایل}
//
// The structs keep the default language's text in their string fields,
// which the open data and every single-language site read; their other
// languages are in a texts beside them, and Config.In makes the whole
// configuration in one edition's language, which is what that edition's
// pages read.

// texts are a struct's labels in the site's other languages: field name
// ("title", "label") → language tag → text. A nil texts has none.
type texts map[string]map[string]string

// set records field's text in lang.
func (t texts) set(field, lang, s string) {
	if t[field] == nil {
		t[field] = map[string]string{}
	}
	t[field][lang] = s
}

// in is field's text in lang, or def (the default language's) when
// site.yaml gives none.
func (t texts) in(field, lang, def string) string {
	if s, ok := t[field][lang]; ok {
		return s
	}
	return def
}

// orNil is t, or nil when it holds nothing: a config without translated
// labels is the same value whether site.yaml was read or not.
func (t texts) orNil() texts {
	if len(t) == 0 {
		return nil
	}
	return t
}

// has reports whether field has a text in lang.
func (t texts) has(field, lang string) bool {
	_, ok := t[field][lang]
	return ok
}

// text reads a label: a string, the default language's text, or a
// mapping from the site's language tags to texts, which must give the
// default language's. It returns the default language's text, and records
// the others in t under field. what names the label in messages ("title
// of kind city"). An empty text is an error when required, and always
// inside a mapping; a mapping's language that is not one of the site's is
// an error. An edition that the label has no text for is a warning
// (missing), unless the label is empty.
func (d *decoder) text(v *yaml.Node, field, what string, required bool, t texts) (string, bool) {
	if v.Kind != yaml.MappingNode {
		s, ok := d.Str(v, field, required)
		if ok && s != "" {
			d.missing(v, what, s, t, field)
		}
		return s, ok
	}
	def, hasDef := "", false
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		lang, ok := d.Lang(k, field)
		if !ok {
			continue
		}
		ed, ok := d.edition(lang)
		if !ok {
			d.Errorf(k, "%s: %s is not one of the site's languages (%s); add it to languages: or remove this text", what, lang, strings.Join(d.langs, ", "))
			continue
		}
		if prev := seen[ed]; prev != nil {
			d.Errorf(k, "%s: language %s is given twice (first on line %d)", what, ed, prev.Line+d.LineOff)
			continue
		}
		seen[ed] = k
		if val.Kind == yaml.ScalarNode && (val.Tag == "!!null" || strings.TrimSpace(val.Value) == "") {
			d.Errorf(val, "%s in %s is empty: give its text, or leave %s out to show the %s text", what, ed, ed, d.langs[0])
			continue
		}
		s, ok := d.Str(val, field, true)
		if !ok {
			continue
		}
		if ed == d.langs[0] {
			def, hasDef = s, true
			continue
		}
		t.set(field, ed, s)
	}
	if !hasDef {
		d.Errorf(v, "%s has no text in %s, the default language: add %s: … to it", what, d.langs[0], d.langs[0])
		return "", false
	}
	d.missing(v, what, def, t, field)
	return def, true
}

// edition returns the site's language tag that lang is, compared without
// regard to case as BCP 47 says.
func (d *decoder) edition(lang string) (string, bool) {
	for _, l := range d.langs {
		if strings.EqualFold(l, lang) {
			return l, true
		}
	}
	return "", false
}

// missing warns, at n, of each edition that label what has no text for:
// that edition shows the default language's text, s.
func (d *decoder) missing(n *yaml.Node, what, s string, t texts, field string) {
	for _, lang := range d.langs[min(1, len(d.langs)):] {
		if !t.has(field, lang) {
			d.Diags.Warnf(d.Pos(n), "%s %q has no %s text: the %s edition shows it in %s; write it as {%s: …, %s: …}", what, s, lang, lang, d.langs[0], d.langs[0], lang)
		}
	}
}

// missingDefault warns, at n, of each edition that a label gazette makes
// up (a term's label from its id) has no text for.
func (d *decoder) missingDefault(n *yaml.Node, what, s, field string) {
	for _, lang := range d.langs[min(1, len(d.langs)):] {
		d.Diags.Warnf(d.Pos(n), "%s is %q, made from its id, in every language: the %s edition shows it so; give %s: {%s: …, %s: …}", what, s, lang, field, d.langs[0], lang)
	}
}

// In is the configuration as the edition in lang reads it: every label in
// lang where site.yaml gives it, else in the default language. Ids,
// languages and everything else are the same; c is not changed.
func (c Config) In(lang string) Config {
	if lang == c.Language {
		return c
	}
	out := c
	out.Title = c.tr.in("title", lang, c.Title)
	out.Subtitle = c.tr.in("subtitle", lang, c.Subtitle)
	out.License = c.tr.in("license", lang, c.License)
	out.Kinds = make([]Kind, len(c.Kinds))
	for i, k := range c.Kinds {
		out.Kinds[i] = k.In(lang)
	}
	out.Roles = make([]Role, len(c.Roles))
	for i, r := range c.Roles {
		out.Roles[i] = r.In(lang)
	}
	out.EventTypes = c.EventTypes.In(lang)
	out.Services = c.Services.In(lang)
	out.Causes = c.Causes.In(lang)
	out.Scopes = c.Scopes.In(lang)
	out.Types = c.Types.In(lang)
	out.Map.Attribution = c.Map.tr.in("attribution", lang, c.Map.Attribution)
	return out
}

// In is the kind as the edition in lang names it.
func (k Kind) In(lang string) Kind {
	k.Title = k.tr.in("title", lang, k.Title)
	k.One = k.tr.in("one", lang, k.One)
	k.Many = k.tr.in("many", lang, k.Many)
	return k
}

// In is the role as the edition in lang labels it.
func (r Role) In(lang string) Role {
	r.Label = r.tr.in("label", lang, r.Label)
	r.Phrase = r.tr.in("phrase", lang, r.Phrase)
	return r
}

// In is the vocabulary as the edition in lang labels it.
func (v Vocab) In(lang string) Vocab {
	if v == nil {
		return nil
	}
	out := make(Vocab, len(v))
	for i, t := range v {
		t.Label = t.tr.in("label", lang, t.Label)
		t.Description = t.tr.in("description", lang, t.Description)
		out[i] = t
	}
	return out
}

// derive gives field to, in each language that from has a text in, made
// from that text by f: a role's phrase from its label, a kind's count word
// from its title, when site.yaml gives them not.
func (t texts) derive(to, from string, f func(string) string) {
	for lang, s := range t[from] {
		if !t.has(to, lang) {
			t.set(to, lang, f(s))
		}
	}
}
