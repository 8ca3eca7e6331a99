package render

import (
	"html/template"

	"gazette/internal/recordtext"
	"gazette/internal/site"
)

// RecordLineHTML is RecordLine with each entity's name as NameHTML gives
// it, so that a name the edition has no form of is marked as the content
// in another language it is.
func (p *Page) RecordLineHTML(rec *site.Record) template.HTML {
	return p.LineHTML(p.Site, p.Edition.Lang, rec)
}

// RecordLineHTML is Page.RecordLineHTML.
func (f *Fragment) RecordLineHTML(rec *site.Record) template.HTML {
	return f.LineHTML(f.Site, f.Edition.Lang, rec)
}

// SubtitleHTML is Site.Subtitle with the parent's name as NameHTML gives
// it. Like record.line, message entity.subtitle is plain text.
func (p *Page) SubtitleHTML(e *site.Entity) template.HTML {
	return recordtext.SubtitleHTML(p.Site, p.Localizer(), p.Edition.Lang, e)
}

// SubtitleHTML is Page.SubtitleHTML.
func (f *Fragment) SubtitleHTML(e *site.Entity) template.HTML {
	return recordtext.SubtitleHTML(f.Site, f.Localizer(), f.Edition.Lang, e)
}
