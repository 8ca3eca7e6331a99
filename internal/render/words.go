package render

import (
	"gazette/internal/site"
)

// The words of pages and partials are package say's Words, which Page and
// Fragment embed; what they say of records with the site they show is
// here.

// RecordTitle is a record's title: Site.RecordHeading. It takes the site
// from the record's page.
func (p *Page) RecordTitle(rec *site.Record) string { return p.Heading(p.Site, rec) }

// RecordTitle is Page.RecordTitle.
func (f *Fragment) RecordTitle(rec *site.Record) string { return f.Heading(f.Site, rec) }

// RecordLine is a record in one line: recordLine.
func (p *Page) RecordLine(rec *site.Record) string { return p.Line(p.Site, rec) }

// RecordLine is Page.RecordLine.
func (f *Fragment) RecordLine(rec *site.Record) string { return f.Line(f.Site, rec) }

// RoleText says what an entity did in a record: roleText.
func (p *Page) RoleText(role string) string { return p.Role(p.Site, role) }

// RoleText is Page.RoleText.
func (f *Fragment) RoleText(role string) string { return f.Role(f.Site, role) }
