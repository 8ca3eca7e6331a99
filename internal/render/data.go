package render

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"

	"gazette/internal/site"
)

// Column documents one field of the open data, for the /data/ page.
type Column struct {
	Name, Meaning string
}

// EventColumns are the columns of events.csv, in order, and the fields of
// events.json.
var eventColumns = []Column{
	{"report", "slug of the report the event comes from"},
	{"report_date", "publication date of that report's source"},
	{"type", "what happened: one of the site's event types"},
	{"services", "the services affected, separated by semicolons"},
	{"where", "ids of the places, separated by semicolons"},
	{"where_names", "their names"},
	{"scope", "city, province, region or national"},
	{"by", "ids of the actors who ordered it"},
	{"by_names", "their names"},
	{"via", "ids of the actors who carried it out"},
	{"via_names", "their names"},
	{"cause", "the stated or evident cause"},
	{"from", "start: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source allows"},
	{"until", "end: a date, ongoing (not over when reported), unknown, or empty when the source gives none"},
	{"note", "a short note on the event and its dating"},
	{"url", "address of the report page"},
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

func untilString(e *site.Event) string {
	switch {
	case e.Until.Ongoing:
		return "ongoing"
	case e.Until.Unknown:
		return "unknown"
	}
	return e.Until.Date.String()
}

// data writes events.csv, events.json, reports.json and entities.json.
func (r *renderer) data() error {
	s := r.site
	var csvBuf bytes.Buffer
	csvBuf.WriteString("\uFEFF") // so spreadsheets read the file as UTF-8
	cw := csv.NewWriter(&csvBuf)
	cw.UseCRLF = true // RFC 4180
	header := make([]string, len(eventColumns))
	for i, c := range eventColumns {
		header[i] = c.Name
	}
	cw.Write(header)
	type eventJSON struct {
		Report     string   `json:"report"`
		ReportDate string   `json:"report_date"`
		Type       string   `json:"type"`
		Services   []string `json:"services"`
		Where      []string `json:"where"`
		Scope      string   `json:"scope,omitempty"`
		By         []string `json:"by"`
		Via        []string `json:"via"`
		Cause      string   `json:"cause,omitempty"`
		From       string   `json:"from"`
		Until      string   `json:"until,omitempty"`
		Note       string   `json:"note,omitempty"`
		URL        string   `json:"url"`
	}
	events := make([]eventJSON, 0, len(s.Events))
	row := make([]string, len(eventColumns))
	for _, e := range s.Events {
		ej := eventJSON{
			Report: e.Report.Slug, ReportDate: e.Report.Date.String(), Type: e.Type, Services: nonNil(e.Services),
			Where: ids(e.Where), Scope: e.Scope, By: ids(e.By), Via: ids(e.Via), Cause: e.Cause,
			From: e.From.String(), Until: untilString(e), Note: e.Note, URL: r.absURL(e.Report.URL),
		}
		row = append(row[:0],
			ej.Report, ej.ReportDate, ej.Type, strings.Join(ej.Services, ";"),
			strings.Join(ej.Where, ";"), strings.Join(names(e.Where), ";"), ej.Scope,
			strings.Join(ej.By, ";"), strings.Join(names(e.By), ";"),
			strings.Join(ej.Via, ";"), strings.Join(names(e.Via), ";"),
			ej.Cause, ej.From, ej.Until, ej.Note, ej.URL,
		)
		cw.Write(row)
		events = append(events, ej)
	}
	cw.Flush()

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
	reports := make([]reportJSON, 0, len(s.Reports))
	for _, rep := range s.Reports {
		rj := reportJSON{Slug: rep.Slug, Title: rep.Title, Date: rep.Date.String(), Summary: rep.Summary,
			Lang: rep.Lang, URL: r.absURL(rep.URL), Entities: map[string][]string{}, Events: len(rep.Events)}
		for _, src := range rep.Sources {
			rj.Sources = append(rj.Sources, sourceJSON{src.Publisher, src.Title, src.Date.String(), src.URL, src.Archive})
		}
		for i, list := range rep.Entities {
			rj.Entities[s.Kinds[i].Plural] = ids(list)
		}
		reports = append(reports, rj)
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
	entities := []entityJSON{}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			ej := entityJSON{Kind: k.ID, ID: e.ID, Name: e.Name, Aliases: []string{}, Names: map[string]string{},
				Type: e.Type, IDs: map[string]string{}, Reports: len(e.Reports), URL: r.absURL(e.URL)}
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
			entities = append(entities, ej)
		}
	}
	if err := writeJSONArray(r.w, "data/entities.json", entities); err != nil {
		return err
	}
	if err := writeJSONArray(r.w, "data/events.json", events); err != nil {
		return err
	}
	if err := writeJSONArray(r.w, "data/reports.json", reports); err != nil {
		return err
	}
	r.count(0, 4)
	return r.w.WriteFile("data/events.csv", csvBuf.Bytes())
}

// writeJSONArray writes items as json.MarshalIndent(items, "", "  ") does,
// and a newline, one item at a time, so that the file is not held whole
// in memory.
func writeJSONArray[T any](w Writer, path string, items []T) error {
	f, err := Create(w, path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if len(items) == 0 {
		bw.WriteString("[]\n")
	} else {
		bw.WriteString("[\n  ")
		for i := range items {
			if i > 0 {
				bw.WriteString(",\n  ")
			}
			b, err := json.MarshalIndent(&items[i], "  ", "  ")
			if err != nil {
				f.Close()
				return err
			}
			bw.Write(b)
		}
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
