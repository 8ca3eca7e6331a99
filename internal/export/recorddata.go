package export

import (
	"cmp"
	"encoding/json"
	"iter"
	"slices"
	"strings"

	"gazette/internal/recordtext"
	"gazette/internal/site"
)

type recordJSON struct {
	ID             string              `json:"id"`
	Title          string              `json:"title"`
	Type           string              `json:"type"`
	Services       []string            `json:"services"`
	Scope          string              `json:"scope,omitempty"`
	Roles          map[string][]string `json:"roles"`
	Coordinates    [][]float64         `json:"coordinates"`
	RestoredBy     []string            `json:"restored_by"`
	Cause          string              `json:"cause,omitempty"`
	Start          string              `json:"start"`
	StartPrecision string              `json:"start_precision"`
	StartDisputed  bool                `json:"start_disputed"`
	StartDates     []string            `json:"start_dates,omitempty"`
	Status         string              `json:"status"`
	End            string              `json:"end,omitempty"`
	EndPrecision   string              `json:"end_precision,omitempty"`
	EndDates       []string            `json:"end_dates,omitempty"`
	AsOf           string              `json:"as_of,omitempty"`
	Period         string              `json:"period"`
	Evidence       []string            `json:"evidence"`
	URL            string              `json:"url"`
}

// recordItems yields every record with its open-data fields.
func (r *exporter) recordItems() iter.Seq[recordJSON] {
	return func(yield func(recordJSON) bool) {
		for _, rec := range r.site.Records {
			rj := recordJSON{
				ID: rec.ID, Title: recordtext.Title(r.site, rec), Type: rec.Type, Services: nonNil(rec.Services),
				Scope: rec.Scope, Roles: rolesJSON(r.site, rec.Roles), Coordinates: [][]float64{},
				RestoredBy: ids(rec.RestoredBy), Cause: rec.Cause,
				Start: rec.Start.Date.String(), StartPrecision: Precision(rec.Start.Date), StartDisputed: rec.Start.Disputed,
				Status: rec.Status.State.String(), End: rec.Status.End.Date.String(), EndPrecision: Precision(rec.Status.End.Date),
				AsOf: rec.Status.AsOf.String(), Period: recordPeriod(rec), Evidence: evidenceReports(rec), URL: r.site.Config.AbsURL(rec.URL),
			}
			for _, e := range rec.Roles.Of(site.RoleWhere) {
				if e.Coordinates != nil {
					rj.Coordinates = append(rj.Coordinates, []float64{e.Coordinates.Lat, e.Coordinates.Lon})
				}
			}
			for _, d := range rec.Start.Dates {
				rj.StartDates = append(rj.StartDates, d.String())
			}
			for _, d := range rec.Status.End.Dates {
				rj.EndDates = append(rj.EndDates, d.String())
			}
			if !yield(rj) {
				return
			}
		}
	}
}

// evidenceReports are the slugs of the reports that give evidence for a
// record or end it, each once, oldest first.
func evidenceReports(rec *site.Record) []string {
	all := append(slices.Clone(rec.Evidence), rec.Endings...)
	slices.SortStableFunc(all, func(a, b *site.Event) int {
		return cmp.Or(a.Report.Date.Compare(b.Report.Date), strings.Compare(a.Report.Slug, b.Report.Slug))
	})
	out := []string{}
	for _, e := range all {
		if !slices.Contains(out, e.Report.Slug) {
			out = append(out, e.Report.Slug)
		}
	}
	return out
}

// dataPackage writes data/datapackage.json, a Frictionless Data Package
// (https://specs.frictionlessdata.io/data-package/) describing the CSV
// files with a Table Schema each, so that tools read their columns with
// the right types and the events' link to their records.
func (r *exporter) dataPackage() error {
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
	events := schema(columns(eventFields(s), "events", r.words), "id")
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
				"schema": schema(columns(recordFields(s), "records", r.words), "id"),
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
