package render

import (
	"gazette/internal/jsonld"
	"gazette/internal/site"
)

func (r *renderer) record(rec *site.Record) *Page {
	title := r.words.Heading(r.site, rec)
	p := r.newPage("record", rec.URL, title, r.words.Line(r.site, rec)+".")
	p.Record = rec
	if rec.Doc != nil {
		p.Body = r.body(rec.Doc)
	}
	p.JSONLD = jsonld.Record(r.site, rec, p.Canonical(), p.Description)
	return p
}

func (r *renderer) recordsPage() *Page {
	n := len(r.site.Records)
	p := r.newPage("records", "records/", r.ui.T("records.title"), r.ui.T("records.description", n))
	p.Records = make([]site.RecordRef, len(r.site.Records))
	for i, rec := range r.site.Records {
		p.Records[i] = site.RecordRef{Record: rec}
	}
	return p
}
