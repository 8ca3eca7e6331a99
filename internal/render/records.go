package render

import (
	"strings"

	"gazette/internal/jsonld"
	"gazette/internal/recordtext"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// recordLine is the answer to the reader's question in one line: what,
// where, by whom, from, and whether it is over (message record.line). Each
// role puts its entities in the sentence with its phrase: "Shutdown: Mobile
// in Mosul, by ISIL; from June 2014; ongoing as of 12 August 2016".
func recordLine(s *site.Site, w site.Words, rec *site.Record) string {
	c := &s.Config
	var roles strings.Builder
	sep := " "
	for _, p := range rec.Roles {
		r, _ := c.Role(p.Role)
		roles.WriteString(sep + r.Phrase + " " + w.List(nameList(s, p.Entities)))
		sep = w.T("list.sep")
	}
	return w.T("record.line", "What", recordtext.What(s, w, rec), "Roles", roles.String(),
		"Start", evidence.StartText(w, rec.Start), "Status", evidence.StatusText(w, rec.Status))
}

func (r *renderer) record(rec *site.Record) *Page {
	title := recordtext.Heading(r.site, r.ui, rec)
	p := r.newPage("record", rec.URL, title, recordLine(r.site, r.ui, rec)+".")
	p.Record = rec
	if rec.Doc != nil {
		p.Body = r.body(rec.Doc)
	}
	p.JSONLD = jsonld.Record(r.site, rec, p.Canonical(), p.Description)
	return p
}

// nameList is the names of es in s's language.
func nameList(s *site.Site, es []*site.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, s.NameOf(e))
	}
	return out
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

// vocabLabel is what readers see for a vocabulary value: vocab is
// "event_types", "services", "causes" or "scopes"
// (config.Config.Vocabulary). Layouts call it as
// {{label .Site "services" $id}}.
func vocabLabel(s *site.Site, vocab, id string) string {
	if v, ok := s.Config.Vocabulary(vocab); ok {
		return v.Label(id)
	}
	return id
}

// vocabLabels is vocabLabel for a list, joined with commas.
func vocabLabels(s *site.Site, vocab string, ids []string) string {
	if v, ok := s.Config.Vocabulary(vocab); ok {
		return v.Labels(ids)
	}
	return strings.Join(ids, ", ")
}
