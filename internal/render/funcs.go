package render

import (
	"html/template"
	"strings"

	"gazette/internal/content"
	"gazette/internal/english"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// funcs are the template functions. They format; they do not compute.
func funcs() template.FuncMap {
	return template.FuncMap{
		"dir":         Dir,
		"langAttrs":   langAttrs,
		"plural":      english.Count,
		"join":        strings.Join,
		"when":        when,
		"statusText":  evidence.StatusText,
		"startText":   evidence.StartText,
		"roleText":    roleText,
		"label":       vocabLabel,
		"labels":      vocabLabels,
		"recordTitle": func(s *site.Site, rec *site.Record) string { return s.RecordTitle(rec) },
		"recordLine":  func(s *site.Site, rec *site.Record) string { return recordLine(&s.Config, rec) },
		"dict":        dict,
		"list":        func(v ...any) []any { return v },
		"names": func(es []*site.Entity) []string {
			out := make([]string, len(es))
			for i, e := range es {
				out[i] = e.Name
			}
			return out
		},
	}
}

// when formats an event's dates: "12 August 2016 – 1 November 2016",
// "June 2014 – ongoing as of 16 June 2014", "2015". An event is ongoing only
// as of its report's date (seen), never simply "ongoing": read years
// later, that would say it still is.
func when(from content.Date, until content.Until, seen content.Date) string {
	f := from.Human()
	switch {
	case until.Ongoing:
		return f + " – ongoing as of " + seen.Human()
	case until.Unknown:
		return f + " – end unknown"
	case until.Date.IsZero() || until.Date == from:
		return f
	}
	return f + " – " + until.Date.Human()
}

// langAttrs writes the attributes that mark text written in lang, such as
// a report's title on a page in another language: ` lang="ar" dir="rtl"`,
// or nothing when lang is "" (the text is in the language around it).
// Layouts call it as {{langAttrs (.ItemLang $r)}}: the one place the
// rule for an item's language is written, where it once was written out
// at each use. It takes one argument, not a variadic list, which
// text/template calls with two more allocations.
func langAttrs(lang string) template.HTMLAttr {
	if lang == "" {
		return ""
	}
	return template.HTMLAttr(` lang="` + template.HTMLEscapeString(lang) + `" dir="` + Dir(lang) + `"`)
}

// dict builds a map from key, value pairs, to pass several values to a
// partial template.
func dict(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			m[k] = kv[i+1]
		}
	}
	return m
}

// roleText says what an entity did in a record: its role's label, or for
// site.RoleRestored, "Restored service". Layouts call it as
// {{roleText .Site $ref.Role}}.
func roleText(s *site.Site, role string) string {
	if role == site.RoleRestored {
		return "Restored service"
	}
	if r, ok := s.Config.Role(role); ok {
		return r.Label
	}
	return role
}
