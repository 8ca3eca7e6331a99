package render

import (
	"html/template"
	"io/fs"
	"strings"

	"gazette/internal/diag"
	"gazette/internal/english"
	"gazette/internal/i18n"
	"gazette/internal/langtag"
	"gazette/internal/recordtext"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
	"gazette/internal/theme"
)

// LoadTheme is theme.Load with the template functions of the pages
// (funcs): the theme engine parses the layouts; what they can call on the
// site's values is the page stage's to say.
func LoadTheme(def, override fs.FS, dir string, diags *diag.List) *theme.Theme {
	return theme.Load(def, override, dir, funcs, diags)
}

// funcs are the template functions. They format; they do not compute.
// Those that say something (when, statusText, startText, roleText,
// recordTitle, recordLine) say it in English, through en, the base
// catalogue: layouts written before the interface was translated call
// them. Layouts now call the page's methods, which say it in the page's
// interface language: {{$.When …}}, {{$.StatusText …}}, {{$.RecordTitle …}}.
//
// langAttrs marks text in another language than the page's: layouts call
// it as {{langAttrs (.ItemLang $r)}}, the one place the rule for an
// item's language is written. It takes one argument, not a variadic
// list, which text/template calls with two more allocations.
func funcs(en *i18n.Localizer) template.FuncMap {
	return template.FuncMap{
		"dir":         langtag.Dir,
		"langAttrs":   langtag.Attrs,
		"langName":    langtag.SelfName,
		"plural":      english.Count,
		"join":        strings.Join,
		"when":        en.When,
		"statusText":  func(s evidence.Status) string { return evidence.StatusText(en, s) },
		"startText":   func(s evidence.Span) string { return evidence.StartText(en, s) },
		"roleText":    func(s *site.Site, role string) string { return recordtext.Role(s, en, role) },
		"label":       func(s *site.Site, vocab, id string) string { return s.Config.VocabLabel(vocab, id) },
		"labels":      func(s *site.Site, vocab string, ids []string) string { return s.Config.VocabLabels(vocab, ids) },
		"recordTitle": func(s *site.Site, rec *site.Record) string { return recordtext.Heading(s, en, rec) },
		"recordLine":  func(s *site.Site, rec *site.Record) string { return recordtext.Line(s, en, rec) },
		"dict":        dict,
		"recordRows":  recordRows,
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

// RecordRow is a record's row in a table of records, the data of the
// partial record-row: the record, the role the page's entity had in it,
// and whether the table has a column for that role. A row is one partial
// call, so that the cells that do not depend on the role (record-title-cell,
// record-cells) are laid out once for every page at the same depth that
// lists the record (see theme.Cached): a place's records are also its
// region's and its actors'.
type RecordRow struct {
	Record   *site.Record
	Role     string
	WithRole bool
}

// recordRows are the rows of a table of refs.
func recordRows(refs []site.RecordRef, withRole bool) []RecordRow {
	rows := make([]RecordRow, len(refs))
	for i, r := range refs {
		rows[i] = RecordRow{Record: r.Record, Role: r.Role, WithRole: withRole}
	}
	return rows
}
