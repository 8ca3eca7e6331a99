// Package export writes the open data behind the site: the records and
// events as CSV and JSON, the reports and entities as JSON, and
// datapackage.json, a Frictionless Data Package that describes the CSV
// files column by column.
//
// Input: the resolved *site.Site. Output: the files under data/, written
// as streams through an output.Writer, since at 100,000 reports they are
// hundreds of megabytes; and the columns of the CSV files, which the data
// page documents. One list of fields per file (tables.go) makes the CSV
// header, its rows, the codebook and the Table Schema, so that they
// cannot disagree.
package export

import (
	"bufio"
	"encoding/json"
	"html/template"
	"iter"
	"strings"

	"gazette/internal/output"
	"gazette/internal/site"
)

// Column documents one field of the open data, for the /data/ page and
// datapackage.json.
type Column struct {
	Name    string
	Doc     template.HTML // what it means, in the language of the words it was made with
	Meaning string        // the same as text
	Type    string        // its Table Schema type; "" is "string"

	key  string // the message of its meaning, when it is not data.column.<table>.<Name>
	args []any  // the message's arguments
}

func ids(es []*site.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func names(es []*site.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Name
	}
	return out
}

// textCell neutralises a CSV cell of free text (names, notes) against
// formula injection, as OWASP advises: a cell that begins with =, +, -, @,
// a tab or a carriage return gets a leading apostrophe, so that a
// spreadsheet shows it as text instead of running "=HYPERLINK(...)". So
// does each part after a semicolon, which separates the names of a list
// and is the column separator of spreadsheets in many locales.
//
// Only the text columns are escaped: the others hold ids, vocabulary
// words, dates and URLs, which the content stage allows to start with a
// letter or digit only, so they stay exactly as in events.json.
func textCell(s string) string {
	if !strings.ContainsAny(s, "=+-@\t\r") {
		return s
	}
	var b strings.Builder
	for i, part := range strings.Split(s, ";") {
		if i > 0 {
			b.WriteByte(';')
		}
		if part != "" && strings.IndexByte("=+-@\t\r", part[0]) >= 0 {
			b.WriteByte('\'')
		}
		b.WriteString(part)
	}
	return b.String()
}

func untilString(e *site.Event) string {
	switch {
	case e.Until.Ongoing:
		return "ongoing"
	case e.Until.Unknown:
		return "unknown"
	}
	return e.Until.Date.String()
}

// exporter writes one site's open data.
type exporter struct {
	site  *site.Site
	w     output.Writer
	words Words // the default edition's
}

// Write writes the open data of s to w: records.csv, records.json,
// events.csv, events.json, reports.json, entities.json and
// datapackage.json, under data/, each as a stream made item by item. It
// returns the number of files written.
//
// A data set has one language: the files are in the default edition's,
// s's, and words are the default edition's interface words, which
// describe the columns in datapackage.json.
func Write(s *site.Site, w output.Writer, words Words) (int, error) {
	r := &exporter{site: s, w: w, words: words}
	if err := writeCSV(r.w, "data/events.csv", eventFields(r.site), r.site.Events); err != nil {
		return 0, err
	}
	if err := writeJSONArray(r.w, "data/entities.json", r.entityItems()); err != nil {
		return 0, err
	}
	if err := writeJSONArray(r.w, "data/events.json", r.eventItems()); err != nil {
		return 0, err
	}
	if err := writeJSONArray(r.w, "data/reports.json", r.reportItems()); err != nil {
		return 0, err
	}
	if err := writeCSV(r.w, "data/records.csv", recordFields(r.site), r.site.Records); err != nil {
		return 0, err
	}
	if err := writeJSONArray(r.w, "data/records.json", r.recordItems()); err != nil {
		return 0, err
	}
	if err := r.dataPackage(); err != nil {
		return 0, err
	}
	return 7, nil
}

// EventColumns are the columns of data/events.csv, for the data page,
// described in w's language.
func EventColumns(s *site.Site, w Words) []Column {
	return columns(eventFields(s), "events", w)
}

// RecordColumns are the columns of data/records.csv, for the data page,
// described in w's language.
func RecordColumns(s *site.Site, w Words) []Column {
	return columns(recordFields(s), "records", w)
}

type eventJSON struct {
	ID         string              `json:"id"`
	Record     string              `json:"record,omitempty"`
	Report     string              `json:"report"`
	ReportDate string              `json:"report_date"`
	Type       string              `json:"type"`
	Services   []string            `json:"services"`
	Scope      string              `json:"scope,omitempty"`
	Roles      map[string][]string `json:"roles"`
	Cause      string              `json:"cause,omitempty"`
	From       string              `json:"from"`
	Until      string              `json:"until,omitempty"`
	Period     string              `json:"period"`
	Note       string              `json:"note,omitempty"`
	URL        string              `json:"url"`
}

// eventItems yields every event's open-data fields.
func (r *exporter) eventItems() iter.Seq[eventJSON] {
	return func(yield func(eventJSON) bool) {
		for _, e := range r.site.Events {
			ej := eventJSON{
				ID: e.ID(), Report: e.Report.Slug, ReportDate: e.Report.Date.String(), Type: e.Type, Services: nonNil(e.Services),
				Scope: e.Scope, Roles: rolesJSON(r.site, e.Roles), Cause: e.Cause,
				From: e.From.String(), Until: untilString(e), Period: EDTF(e.From, e.Until.Date, e.Until.Ongoing),
				Note: e.Note, URL: r.site.Config.AbsURL(e.Report.URL),
			}
			if e.Record != nil {
				ej.Record = e.Record.ID
			}
			if !yield(ej) {
				return
			}
		}
	}
}

type sourceJSON struct {
	Publisher string `json:"publisher"`
	Title     string `json:"title,omitempty"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
	Archive   string `json:"archive,omitempty"`
}

type reportJSON struct {
	Slug     string              `json:"slug"`
	Title    string              `json:"title"`
	Date     string              `json:"date"`
	Summary  string              `json:"summary"`
	Lang     string              `json:"lang,omitempty"`
	URL      string              `json:"url"`
	Sources  []sourceJSON        `json:"sources"`
	Entities map[string][]string `json:"entities"`
	Events   int                 `json:"events"`
}

// reportItems yields every report's open-data fields.
func (r *exporter) reportItems() iter.Seq[reportJSON] {
	s := r.site
	return func(yield func(reportJSON) bool) {
		for _, rep := range s.Reports {
			rj := reportJSON{Slug: rep.Slug, Title: rep.Title, Date: rep.Date.String(), Summary: rep.Summary,
				Lang: rep.Lang, URL: r.site.Config.AbsURL(rep.URL), Entities: map[string][]string{}, Events: len(rep.Events)}
			for _, src := range rep.Sources {
				rj.Sources = append(rj.Sources, sourceJSON{src.Publisher, src.Title, src.Date.String(), src.URL, src.Archive})
			}
			for i, list := range rep.Entities {
				rj.Entities[s.Kinds[i].Plural] = ids(list)
			}
			if !yield(rj) {
				return
			}
		}
	}
}

type entityJSON struct {
	Kind        string            `json:"kind"`
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Aliases     []string          `json:"aliases"`
	Names       map[string]string `json:"names"`
	Type        string            `json:"type,omitempty"`
	Within      string            `json:"within,omitempty"`
	Coordinates []float64         `json:"coordinates,omitempty"`
	IDs         map[string]string `json:"ids"`
	Reports     int               `json:"reports"`
	URL         string            `json:"url"`
}

// entityItems yields every entity's open-data fields.
func (r *exporter) entityItems() iter.Seq[entityJSON] {
	return func(yield func(entityJSON) bool) {
		for _, k := range r.site.Kinds {
			for _, e := range k.Entities {
				ej := entityJSON{Kind: k.ID, ID: e.ID, Name: e.Name, Aliases: []string{}, Names: map[string]string{},
					Type: e.Type, IDs: map[string]string{}, Reports: len(e.Reports), URL: r.site.Config.AbsURL(e.URL)}
				for _, a := range e.Aliases {
					ej.Aliases = append(ej.Aliases, a.Value)
				}
				for _, n := range e.Names {
					ej.Names[n.Lang] = n.Name
				}
				for _, id := range e.IDs {
					ej.IDs[id.Key] = id.Value
				}
				if e.Parent != nil {
					ej.Within = e.Parent.ID
				}
				if c := e.Coordinates; c != nil {
					ej.Coordinates = []float64{c.Lat, c.Lon}
				}
				if !yield(ej) {
					return
				}
			}
		}
	}
}

// writeJSONArray writes items as json.MarshalIndent of their slice does
// ("", "  "), and a newline, one item at a time, so that the file is not
// held whole in memory. No items is "[]", never "null".
func writeJSONArray[T any](w output.Writer, path string, items iter.Seq[T]) error {
	f, err := output.Create(w, path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	n := 0
	for item := range items {
		if n == 0 {
			bw.WriteString("[\n  ")
		} else {
			bw.WriteString(",\n  ")
		}
		n++
		b, err := json.MarshalIndent(&item, "  ", "  ")
		if err != nil {
			f.Close()
			return err
		}
		bw.Write(b)
	}
	if n == 0 {
		bw.WriteString("[]\n")
	} else {
		bw.WriteString("\n]\n")
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
