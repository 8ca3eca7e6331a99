package export

import (
	"bufio"
	"encoding/csv"
	"errors"
	"slices"
	"strconv"
	"strings"

	"gazette/internal/config"
	"gazette/internal/output"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// field is one column of a CSV export: its documentation and how to read
// it from an item. One list of fields makes the CSV header and rows, the
// codebook on the data page and the Table Schema in datapackage.json, so
// the three cannot disagree.
type field[T any] struct {
	Column
	value func(T) string
}

func columns[T any](fields []field[T]) []Column {
	out := make([]Column, len(fields))
	for i, f := range fields {
		out[i] = f.Column
	}
	return out
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
		what := strings.ToLower(role.Label)
		out = append(out,
			field[T]{Column{Name: role.ID, Meaning: "ids of the entities in the role \"" + role.Label + "\", separated by semicolons"},
				func(it T) string { return strings.Join(ids(of(it)), ";") }},
			field[T]{Column{Name: role.ID + "_names", Meaning: "their names (" + what + ")"},
				func(it T) string { return textCell(strings.Join(names(of(it)), ";")) }},
		)
		if role.ID != site.RoleWhere {
			continue
		}
		for _, lang := range otherLangs(s, role) {
			out = append(out, field[T]{Column{Name: role.ID + "_names_" + lang, Meaning: "their names in " + lang + ", where known"},
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
		{Column{Name: "id", Meaning: "the event's stable id: its report's slug and its number in the report"}, (*site.Event).ID},
		{Column{Name: "record", Meaning: "id of the record (shutdown) the event is evidence for or ends; see records.csv"}, func(e *site.Event) string {
			if e.Record == nil {
				return ""
			}
			return e.Record.ID
		}},
		{Column{Name: "report", Meaning: "slug of the report the event comes from"}, func(e *site.Event) string { return e.Report.Slug }},
		{Column{Name: "report_date", Meaning: "publication date of that report's source, as EDTF"}, func(e *site.Event) string { return e.Report.Date.String() }},
		{Column{Name: "type", Meaning: "what happened: one of the site's event types"}, func(e *site.Event) string { return e.Type }},
		{Column{Name: "services", Meaning: "the services affected, separated by semicolons"}, func(e *site.Event) string { return strings.Join(e.Services, ";") }},
		{Column{Name: "scope", Meaning: "one of the site's scopes: city, province, region, national"}, func(e *site.Event) string { return e.Scope }},
	}
	fs = append(fs, roleFields(s, func(e *site.Event) site.Roles { return e.Roles })...)
	return append(fs,
		F{Column{Name: "cause", Meaning: "the stated or evident cause"}, func(e *site.Event) string { return e.Cause }},
		F{Column{Name: "from", Meaning: "start as EDTF (ISO 8601-2): YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source allows; 2014 means some time in 2014, not 1 January"}, func(e *site.Event) string { return e.From.String() }},
		F{Column{Name: "from_precision", Meaning: "how precisely from is known: day, month or year"}, func(e *site.Event) string { return Precision(e.From) }},
		F{Column{Name: "until", Meaning: "end: a date, ongoing (not over when the report was published), unknown, or empty when the source gives none"}, untilString},
		F{Column{Name: "until_precision", Meaning: "how precisely until is known, when it is a date"}, func(e *site.Event) string { return Precision(e.Until.Date) }},
		F{Column{Name: "period", Meaning: "the span as an EDTF interval: 2014-11/2016-10; 2014-11/.. when not over at the report's date; 2014-11/ when the end is not known"}, func(e *site.Event) string {
			return EDTF(e.From, e.Until.Date, e.Until.Ongoing)
		}},
		F{Column{Name: "note", Meaning: "a short note on the event and its dating"}, func(e *site.Event) string { return textCell(e.Note) }},
		F{Column{Name: "url", Meaning: "address of the report page"}, func(e *site.Event) string { return s.AbsURL(e.Report.URL) }},
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
		{Column{Name: "id", Meaning: "the record's stable id: its file name, or for an event that names no record, the event's id"}, func(r *site.Record) string { return r.ID }},
		{Column{Name: "title", Meaning: "what the record is called"}, func(r *site.Record) string { return textCell(s.RecordTitle(r)) }},
		{Column{Name: "type", Meaning: "what was done: one of the site's event types"}, func(r *site.Record) string { return r.Type }},
		{Column{Name: "services", Meaning: "the services cut, separated by semicolons"}, func(r *site.Record) string { return strings.Join(r.Services, ";") }},
		{Column{Name: "scope", Meaning: "one of the site's scopes: city, province, region, national"}, func(r *site.Record) string { return r.Scope }},
	}
	fs = append(fs, roleFields(s, func(r *site.Record) site.Roles { return r.Roles })...)
	return append(fs,
		F{Column{Name: "latitude", Meaning: "the place's latitude (WGS 84), when the record has one place with coordinates", Type: "number"}, coord(true)},
		F{Column{Name: "longitude", Meaning: "the place's longitude (WGS 84), when the record has one place with coordinates", Type: "number"}, coord(false)},
		F{Column{Name: "restored_by", Meaning: "ids of the entities that brought service back"}, func(r *site.Record) string { return strings.Join(ids(r.RestoredBy), ";") }},
		F{Column{Name: "restored_by_names", Meaning: "their names"}, func(r *site.Record) string { return textCell(strings.Join(names(r.RestoredBy), ";")) }},
		F{Column{Name: "cause", Meaning: "the stated or evident cause"}, func(r *site.Record) string { return r.Cause }},
		F{Column{Name: "start", Meaning: "when it began, as EDTF (ISO 8601-2): YYYY, YYYY-MM or YYYY-MM-DD; the most precise date the reports agree on, else the earliest"}, func(r *site.Record) string { return r.Start.Date.String() }},
		F{Column{Name: "start_precision", Meaning: "how precisely start is known: day, month or year"}, func(r *site.Record) string { return Precision(r.Start.Date) }},
		F{Column{Name: "start_disputed", Meaning: "true when reports give starts that do not contain one another", Type: "boolean"}, func(r *site.Record) string { return strconv.FormatBool(r.Start.Disputed) }},
		F{Column{Name: "status", Meaning: "restored (a report says service came back), ended (a report gives its end), ongoing (the newest report that speaks of it saw it still on) or unknown"}, func(r *site.Record) string { return r.Status.State.String() }},
		F{Column{Name: "end", Meaning: "when it ended or was restored, as EDTF; empty unless status is restored or ended"}, func(r *site.Record) string { return r.Status.End.Date.String() }},
		F{Column{Name: "end_precision", Meaning: "how precisely end is known: day, month or year"}, func(r *site.Record) string { return Precision(r.Status.End.Date) }},
		F{Column{Name: "as_of", Meaning: "for status ongoing: the date of the newest report that saw it still on; it may have ended since"}, func(r *site.Record) string { return r.Status.AsOf.String() }},
		F{Column{Name: "period", Meaning: "the span as an EDTF interval: 2014-11/2016-10; 2014-11/.. when ongoing as of the newest report; 2014-11/ when the end is not known"}, recordPeriod},
		F{Column{Name: "evidence", Meaning: "slugs of the reports that give evidence for it or end it, separated by semicolons, oldest first"}, func(r *site.Record) string { return strings.Join(evidenceReports(r), ";") }},
		F{Column{Name: "reports", Meaning: "how many reports those are", Type: "integer"}, func(r *site.Record) string { return strconv.Itoa(len(evidenceReports(r))) }},
		F{Column{Name: "url", Meaning: "address of the record's page"}, func(r *site.Record) string { return s.AbsURL(r.URL) }},
	)
}

func recordPeriod(r *site.Record) string {
	return EDTF(r.Start.Date, r.Status.End.Date, r.Status.State == evidence.Ongoing)
}
