package export

import (
	"bufio"
	"encoding/csv"
	"errors"
	"html"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gazette/internal/config"
	"gazette/internal/output"
	"gazette/internal/recordtext"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// field is one column of a CSV export: its documentation and how to read
// it from an item. One list of fields makes the CSV header and rows, the
// codebook on the data page and the Table Schema in datapackage.json, so
// the three cannot disagree.
//
// A column's meaning is the theme's message data.column.<table>.<name>
// (data.column.role… for the roles' columns, with their arguments), so
// that the data page documents the columns in each edition's language.
type field[T any] struct {
	Column
	value func(T) string
}

// columns documents fields, the columns of table ("events", "records"),
// in w's language.
func columns[T any](fields []field[T], table string, w Words) []Column {
	out := make([]Column, len(fields))
	for i, f := range fields {
		out[i] = f.Column
		key := f.key
		if key == "" {
			key = "data.column." + table + "." + f.Name + "_html"
		}
		out[i].Doc = w.HTML(key, f.args...)
		out[i].Meaning = plainText(out[i].Doc)
	}
	return out
}

// Words describe the columns: the theme's message catalogue in one
// language (an *i18n.Localizer).
type Words interface {
	HTML(key string, args ...any) template.HTML
}

var tag = regexp.MustCompile(`<[^>]*>`)

// plainText is a message's HTML as text, for datapackage.json: the
// catalogue's markup is only <code> and <span lang>, around words that
// read the same without it.
func plainText(h template.HTML) string {
	return html.UnescapeString(tag.ReplaceAllString(string(h), ""))
}

// writeCSV writes items as an RFC 4180 table with a header, without a
// byte-order mark: a reader that does not strip one would read the first
// header as "\uFEFFid" (the data page tells spreadsheet users to open the
// files as UTF-8).
func writeCSV[T any](w output.Writer, path string, fields []field[T], items []T) error {
	f, err := output.Create(w, path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	row := make([]string, len(fields))
	for i, fl := range fields {
		row[i] = fl.Name
	}
	cw.Write(row)
	for _, it := range items {
		for i, fl := range fields {
			row[i] = fl.value(it)
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := errors.Join(cw.Error(), bw.Flush()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// roleFields are the columns of the site's roles, in site.yaml's order:
// the ids and names of the entities in each, and for the role of places,
// their names in every other language the site's places have.
func roleFields[T any](s *site.Site, roles func(T) site.Roles) []field[T] {
	var out []field[T]
	for _, role := range s.Config.Roles {
		of := func(it T) []*site.Entity { return roles(it).Of(role.ID) }
		args := []any{"Role", role.Label, "Lower", strings.ToLower(role.Label)}
		out = append(out,
			field[T]{Column{Name: role.ID, key: "data.column.role_html", args: args},
				func(it T) string { return strings.Join(ids(of(it)), ";") }},
			field[T]{Column{Name: role.ID + "_names", key: "data.column.role_names_html", args: args},
				func(it T) string { return textCell(strings.Join(names(of(it)), ";")) }},
		)
		if role.ID != site.RoleWhere {
			continue
		}
		for _, lang := range otherLangs(s, role) {
			out = append(out, field[T]{Column{Name: role.ID + "_names_" + lang, key: "data.column.role_names_lang_html", args: []any{"Lang", lang}},
				func(it T) string { return textCell(strings.Join(langNames(of(it), lang), ";")) }})
		}
	}
	return out
}

// otherLangs lists the languages of the other-language names of the
// entities a role can name, sorted.
func otherLangs(s *site.Site, role config.Role) []string {
	var langs []string
	for _, k := range s.Kinds {
		if !slices.Contains(role.Kinds, k.ID) {
			continue
		}
		for _, e := range k.Entities {
			for _, n := range e.Names {
				if !slices.Contains(langs, n.Lang) {
					langs = append(langs, n.Lang)
				}
			}
		}
	}
	slices.Sort(langs)
	return langs
}

// langNames returns the entities' names in lang, "" where one has none, or
// nil when none has one.
func langNames(es []*site.Entity, lang string) []string {
	out := make([]string, len(es))
	found := false
	for i, e := range es {
		for _, n := range e.Names {
			if n.Lang == lang {
				out[i], found = n.Name, true
			}
		}
	}
	if !found {
		return nil
	}
	return out
}

// rolesJSON is an item's roles in the JSON files: role id to entity ids,
// every role of site.yaml present.
func rolesJSON(s *site.Site, rs site.Roles) map[string][]string {
	m := make(map[string][]string, len(s.Config.Roles))
	for _, role := range s.Config.Roles {
		m[role.ID] = ids(rs.Of(role.ID))
	}
	return m
}

// eventFields are the columns of events.csv.
func eventFields(s *site.Site) []field[*site.Event] {
	type F = field[*site.Event]
	fs := []F{
		{Column{Name: "id"}, (*site.Event).ID},
		{Column{Name: "record"}, func(e *site.Event) string {
			if e.Record == nil {
				return ""
			}
			return e.Record.ID
		}},
		{Column{Name: "report"}, func(e *site.Event) string { return e.Report.Slug }},
		{Column{Name: "report_date"}, func(e *site.Event) string { return e.Report.Date.String() }},
		{Column{Name: "type"}, func(e *site.Event) string { return e.Type }},
		{Column{Name: "services"}, func(e *site.Event) string { return strings.Join(e.Services, ";") }},
		{Column{Name: "scope"}, func(e *site.Event) string { return e.Scope }},
	}
	fs = append(fs, roleFields(s, func(e *site.Event) site.Roles { return e.Roles })...)
	return append(fs,
		F{Column{Name: "cause"}, func(e *site.Event) string { return e.Cause }},
		F{Column{Name: "from"}, func(e *site.Event) string { return e.From.String() }},
		F{Column{Name: "from_precision"}, func(e *site.Event) string { return Precision(e.From) }},
		F{Column{Name: "until"}, untilString},
		F{Column{Name: "until_precision"}, func(e *site.Event) string { return Precision(e.Until.Date) }},
		F{Column{Name: "period"}, func(e *site.Event) string {
			return EDTF(e.From, e.Until.Date, e.Until.Ongoing)
		}},
		F{Column{Name: "note"}, func(e *site.Event) string { return textCell(e.Note) }},
		F{Column{Name: "url"}, func(e *site.Event) string { return s.Config.AbsURL(e.Report.URL) }},
	)
}

// recordFields are the columns of records.csv.
func recordFields(s *site.Site) []field[*site.Record] {
	type F = field[*site.Record]
	coord := func(lat bool) func(*site.Record) string {
		return func(r *site.Record) string {
			where := r.Roles.Of(site.RoleWhere)
			if len(where) != 1 || where[0].Coordinates == nil {
				return ""
			}
			v := where[0].Coordinates.Lon
			if lat {
				v = where[0].Coordinates.Lat
			}
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	fs := []F{
		{Column{Name: "id"}, func(r *site.Record) string { return r.ID }},
		{Column{Name: "title"}, func(r *site.Record) string { return textCell(recordtext.Title(s, r)) }},
		{Column{Name: "type"}, func(r *site.Record) string { return r.Type }},
		{Column{Name: "services"}, func(r *site.Record) string { return strings.Join(r.Services, ";") }},
		{Column{Name: "scope"}, func(r *site.Record) string { return r.Scope }},
	}
	fs = append(fs, roleFields(s, func(r *site.Record) site.Roles { return r.Roles })...)
	return append(fs,
		F{Column{Name: "latitude", Type: "number"}, coord(true)},
		F{Column{Name: "longitude", Type: "number"}, coord(false)},
		F{Column{Name: "restored_by"}, func(r *site.Record) string { return strings.Join(ids(r.RestoredBy), ";") }},
		F{Column{Name: "restored_by_names"}, func(r *site.Record) string { return textCell(strings.Join(names(r.RestoredBy), ";")) }},
		F{Column{Name: "cause"}, func(r *site.Record) string { return r.Cause }},
		F{Column{Name: "start"}, func(r *site.Record) string { return r.Start.Date.String() }},
		F{Column{Name: "start_precision"}, func(r *site.Record) string { return Precision(r.Start.Date) }},
		F{Column{Name: "start_disputed", Type: "boolean"}, func(r *site.Record) string { return strconv.FormatBool(r.Start.Disputed) }},
		F{Column{Name: "status"}, func(r *site.Record) string { return r.Status.State.String() }},
		F{Column{Name: "end"}, func(r *site.Record) string { return r.Status.End.Date.String() }},
		F{Column{Name: "end_precision"}, func(r *site.Record) string { return Precision(r.Status.End.Date) }},
		F{Column{Name: "as_of"}, func(r *site.Record) string { return r.Status.AsOf.String() }},
		F{Column{Name: "period"}, recordPeriod},
		F{Column{Name: "evidence"}, func(r *site.Record) string { return strings.Join(evidenceReports(r), ";") }},
		F{Column{Name: "reports", Type: "integer"}, func(r *site.Record) string { return strconv.Itoa(len(evidenceReports(r))) }},
		F{Column{Name: "url"}, func(r *site.Record) string { return s.Config.AbsURL(r.URL) }},
	)
}

func recordPeriod(r *site.Record) string {
	return EDTF(r.Start.Date, r.Status.End.Date, r.Status.State == evidence.Ongoing)
}
