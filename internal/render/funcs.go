package render

import (
	"html/template"
	"strings"

	"gazette/internal/content"
	"gazette/internal/english"
	"gazette/internal/site"
)

// funcs are the template functions. They format; they do not compute.
func funcs() template.FuncMap {
	return template.FuncMap{
		"dir":    Dir,
		"plural": english.Count,
		"join":   strings.Join,
		"when":   when,
		"dict":   dict,
		"list":   func(v ...any) []any { return v },
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
// "June 2014 – ongoing", "2015".
func when(from content.Date, until content.Until) string {
	f := from.Human()
	switch {
	case until.Ongoing:
		return f + " – ongoing"
	case until.Unknown:
		return f + " – end unknown"
	case until.Date.IsZero() || until.Date == from:
		return f
	}
	return f + " – " + until.Date.Human()
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
