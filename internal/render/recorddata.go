package render

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"iter"
	"slices"
	"strconv"
	"strings"

	"gazette/internal/site"
)

// recordColumns are the columns of records.csv, in order, and the fields
// of records.json.
var recordColumns = []Column{
	{Name: "id", Meaning: "the record's stable id: its file name, or for an event that names no record, the event's id"},
	{Name: "title", Meaning: "what the record is called"},
	{Name: "type", Meaning: "what was done: one of the site's event types"},
	{Name: "services", Meaning: "the services cut, separated by semicolons"},
	{Name: "where", Meaning: "ids of the places, separated by semicolons"},
	{Name: "where_names", Meaning: "their names"},
	{Name: "where_names_ar", Meaning: "their names in Arabic, where known"},
	{Name: "latitude", Meaning: "the place's latitude (WGS 84), when the record has one place with coordinates", Type: "number"},
	{Name: "longitude", Meaning: "the place's longitude (WGS 84), when the record has one place with coordinates", Type: "number"},
	{Name: "scope", Meaning: "city, province, region or national"},
	{Name: "by", Meaning: "ids of the actors who ordered or carried it out"},
	{Name: "by_names", Meaning: "their names"},
	{Name: "via", Meaning: "ids of the actors through which it was carried out (operators, providers)"},
	{Name: "via_names", Meaning: "their names"},
	{Name: "restored_by", Meaning: "ids of the actors who brought service back"},
	{Name: "restored_by_names", Meaning: "their names"},
	{Name: "cause", Meaning: "the stated or evident cause"},
	{Name: "start", Meaning: "when it began, as EDTF (ISO 8601-2): YYYY, YYYY-MM or YYYY-MM-DD; the most precise date the reports agree on, else the earliest"},
	{Name: "start_precision", Meaning: "how precisely start is known: day, month or year"},
	{Name: "start_disputed", Meaning: "true when reports give starts that do not contain one another", Type: "boolean"},
	{Name: "status", Meaning: "restored (a report says service came back), ended (a report gives its end), ongoing (the newest report that speaks of it saw it still on) or unknown"},
	{Name: "end", Meaning: "when it ended or was restored, as EDTF; empty unless status is restored or ended"},
	{Name: "end_precision", Meaning: "how precisely end is known: day, month or year"},
	{Name: "as_of", Meaning: "for status ongoing: the date of the newest report that saw it still on; it may have ended since"},
	{Name: "period", Meaning: "the span as an EDTF interval: 2014-11/2016-10; 2014-11/.. when ongoing as of the newest report; 2014-11/ when the end is not known"},
	{Name: "evidence", Meaning: "slugs of the reports that give evidence for it or end it, separated by semicolons, oldest first"},
	{Name: "reports", Meaning: "how many reports those are", Type: "integer"},
	{Name: "url", Meaning: "address of the record's page"},
}

type recordJSON struct {
	ID             string      `json:"id"`
	Title          string      `json:"title"`
	Type           string      `json:"type"`
	Services       []string    `json:"services"`
	Where          []string    `json:"where"`
	Coordinates    [][]float64 `json:"coordinates"`
	Scope          string      `json:"scope,omitempty"`
	By             []string    `json:"by"`
	Via            []string    `json:"via"`
	RestoredBy     []string    `json:"restored_by"`
	Cause          string      `json:"cause,omitempty"`
	Start          string      `json:"start"`
	StartPrecision string      `json:"start_precision"`
	StartDisputed  bool        `json:"start_disputed"`
	StartDates     []string    `json:"start_dates,omitempty"`
	Status         string      `json:"status"`
	End            string      `json:"end,omitempty"`
	EndPrecision   string      `json:"end_precision,omitempty"`
	EndDates       []string    `json:"end_dates,omitempty"`
	AsOf           string      `json:"as_of,omitempty"`
	Period         string      `json:"period"`
	Evidence       []string    `json:"evidence"`
	URL            string      `json:"url"`
}

// recordItems yields every record with its open-data fields.
func (r *renderer) recordItems() iter.Seq[recordJSON] {
	c := &r.site.Config
	return func(yield func(recordJSON) bool) {
		for _, rec := range r.site.Records {
			rj := recordJSON{
				ID: rec.ID, Title: RecordTitle(c, rec), Type: rec.Type, Services: nonNil(rec.Services),
				Where: ids(rec.Where), Coordinates: [][]float64{}, Scope: rec.Scope, By: ids(rec.By), Via: ids(rec.Via),
				RestoredBy: ids(rec.RestoredBy), Cause: rec.Cause,
				Start: rec.Start.Date.String(), StartPrecision: Precision(rec.Start.Date), StartDisputed: rec.Start.Disputed,
				Status: rec.Status.State.String(), Evidence: []string{}, URL: r.absURL(rec.URL),
			}
			for _, e := range rec.Where {
				if e.Coordinates != nil {
					rj.Coordinates = append(rj.Coordinates, []float64{e.Coordinates.Lat, e.Coordinates.Lon})
				}
			}
			for _, d := range rec.Start.Dates {
				rj.StartDates = append(rj.StartDates, d.String())
			}
			switch rec.Status.State {
			case site.Restored, site.Ended:
				rj.End, rj.EndPrecision = rec.Status.End.Date.String(), Precision(rec.Status.End.Date)
				for _, d := range rec.Status.End.Dates {
					rj.EndDates = append(rj.EndDates, d.String())
				}
			case site.Ongoing:
				rj.AsOf = rec.Status.AsOf.String()
			}
			rj.Period = EDTF(rec.Start.Date, rec.Status.End.Date, rec.Status.State == site.Ongoing)
			all := append(slices.Clone(rec.Evidence), rec.Endings...)
			slices.SortStableFunc(all, func(a, b *site.Event) int {
				return cmp.Or(a.Report.Date.Compare(b.Report.Date), strings.Compare(a.Report.Slug, b.Report.Slug))
			})
			for _, e := range all {
				if !slices.Contains(rj.Evidence, e.Report.Slug) {
					rj.Evidence = append(rj.Evidence, e.Report.Slug)
				}
			}
			if !yield(rj) {
				return
			}
		}
	}
}

// recordsCSV writes records.csv: one row per record.
func (r *renderer) recordsCSV() error {
	f, err := Create(r.w, "data/records.csv")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true // RFC 4180
	header := make([]string, len(recordColumns))
	for i, c := range recordColumns {
		header[i] = c.Name
	}
	cw.Write(header)
	i := 0
	for rj := range r.recordItems() {
		rec := r.site.Records[i]
		i++
		lat, lon := "", ""
		if len(rec.Where) == 1 && len(rj.Coordinates) == 1 {
			lat = strconv.FormatFloat(rj.Coordinates[0][0], 'f', -1, 64)
			lon = strconv.FormatFloat(rj.Coordinates[0][1], 'f', -1, 64)
		}
		cw.Write([]string{
			rj.ID, textCell(rj.Title), rj.Type, strings.Join(rj.Services, ";"),
			strings.Join(rj.Where, ";"), textCell(strings.Join(names(rec.Where), ";")), textCell(strings.Join(arabicNames(rec.Where), ";")),
			lat, lon, rj.Scope,
			strings.Join(rj.By, ";"), textCell(strings.Join(names(rec.By), ";")),
			strings.Join(rj.Via, ";"), textCell(strings.Join(names(rec.Via), ";")),
			strings.Join(rj.RestoredBy, ";"), textCell(strings.Join(names(rec.RestoredBy), ";")),
			rj.Cause, rj.Start, rj.StartPrecision, strconv.FormatBool(rj.StartDisputed),
			rj.Status, rj.End, rj.EndPrecision, rj.AsOf, rj.Period,
			strings.Join(rj.Evidence, ";"), strconv.Itoa(len(rj.Evidence)), rj.URL,
		})
	}
	cw.Flush()
	if err := errors.Join(cw.Error(), bw.Flush()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// dataPackage writes data/datapackage.json, a Frictionless Data Package
// (https://specs.frictionlessdata.io/data-package/) describing the CSV
// files with a Table Schema each, so that tools read their columns with
// the right types and the events' link to their records.
func (r *renderer) dataPackage() error {
	s := r.site
	schema := func(cols []Column, key string) map[string]any {
		var fields []map[string]any
		for _, c := range cols {
			t := c.Type
			if t == "" {
				t = "string"
			}
			fields = append(fields, map[string]any{"name": c.Name, "type": t, "description": c.Meaning})
		}
		return map[string]any{"fields": fields, "primaryKey": []string{key}, "missingValues": []string{""}}
	}
	events := schema(eventColumns, "id")
	events["foreignKeys"] = []map[string]any{{
		"fields":    []string{"record"},
		"reference": map[string]any{"resource": "records", "fields": []string{"id"}},
	}}
	license := map[string]any{"name": s.Config.License}
	if s.Config.License == "CC BY 4.0" {
		license = map[string]any{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}
	}
	pkg := map[string]any{
		"profile":  "tabular-data-package",
		"name":     dataPackageName(s.Config.Title),
		"title":    s.Config.Title,
		"licenses": []any{license},
		"resources": []any{
			map[string]any{
				"name": "records", "path": "records.csv", "profile": "tabular-data-resource",
				"title": "Records: one row per shutdown", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
				"schema": schema(recordColumns, "id"),
			},
			map[string]any{
				"name": "events", "path": "events.csv", "profile": "tabular-data-resource",
				"title": "Events: what each report says, one row per event", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
				"schema": events,
			},
		},
	}
	if s.Config.Subtitle != "" {
		pkg["description"] = s.Config.Subtitle
	}
	if s.Config.BaseURL != "" {
		pkg["homepage"] = s.Config.BaseURL
	}
	b, err := json.MarshalIndent(pkg, "", "  ")
	if err != nil {
		return err
	}
	return r.w.WriteFile("data/datapackage.json", append(b, '\n'))
}

// dataPackageName makes a Data Package name (lower-case letters, digits,
// "-", "_", ".") from the site's title: "Cut Off" is "cut-off".
func dataPackageName(title string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(title) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	name := strings.TrimSuffix(b.String(), "-")
	if name == "" {
		return "data"
	}
	return name
}
