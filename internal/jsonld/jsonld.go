// Package jsonld describes the site's pages to search engines and other
// crawlers in schema.org terms, as JSON-LD: the site as a WebSite, a
// report as a NewsArticle citing its sources, an entity as a Place,
// Organization or the like, a record as an Event, the open data as a
// Dataset.
//
// Input: the resolved *site.Site, and of the page what render decided: its
// canonical address ("" without base_url), language and description.
// Output: a map per page, which the theme marshals into a <script
// type="application/ld+json"> data block. Empty values are left out.
package jsonld

import (
	"strings"

	"gazette/internal/content"
	"gazette/internal/recordtext"
	"gazette/internal/site"
)

const schemaOrg = "https://schema.org"

// WebSite describes the site, for its home page at url.
func WebSite(s *site.Site, url, desc string) map[string]any {
	return map[string]any{
		"@context": schemaOrg, "@type": "WebSite",
		"name": s.Config.Title, "description": desc, "inLanguage": s.Config.Language,
		"url": url,
	}
}

// Report describes a report, on its page at url in language lang: what it
// is about (its entities) and what it cites (its sources).
func Report(s *site.Site, rep *site.Report, url, lang string) map[string]any {
	var about []any
	for _, list := range rep.Entities {
		for _, e := range list {
			about = append(about, entity(s, e, false))
		}
	}
	var cites []any
	for _, src := range rep.Sources {
		c := map[string]any{"@type": "NewsArticle", "headline": src.Title, "publisher": map[string]any{"@type": "Organization", "name": src.Publisher}}
		if !src.Date.IsZero() {
			c["datePublished"] = src.Date.String()
		}
		if src.URL != "" {
			c["url"] = src.URL
		}
		cites = append(cites, c)
	}
	return omitEmpty(map[string]any{
		"@context": schemaOrg, "@type": "NewsArticle",
		"headline": rep.Title, "description": rep.Summary, "datePublished": rep.Date.String(),
		"inLanguage": lang, "url": url, "about": about, "citation": cites,
		"publisher": map[string]any{"@type": "Organization", "name": s.Config.Title},
	})
}

// Entity describes an entity, on its own page at url.
func Entity(s *site.Site, e *site.Entity, url, desc string) map[string]any {
	ld := entity(s, e, true)
	ld["@context"] = schemaOrg
	ld["url"] = url
	ld["description"] = desc
	return omitEmpty(ld)
}

// entity describes an entity in schema.org terms. full adds what only
// its own page needs.
func entity(s *site.Site, e *site.Entity, full bool) map[string]any {
	ld := map[string]any{"@type": e.Kind.Schema, "name": e.Name}
	if s.Config.BaseURL != "" {
		ld["@id"] = s.Config.BaseURL + e.URL
	}
	if !full {
		return ld
	}
	var alt []string
	for _, a := range e.Aliases {
		alt = append(alt, a.Value)
	}
	for _, n := range e.Names {
		alt = append(alt, n.Name)
	}
	ld["alternateName"] = alt
	if e.Coordinates != nil {
		ld["geo"] = map[string]any{"@type": "GeoCoordinates", "latitude": e.Coordinates.Lat, "longitude": e.Coordinates.Lon}
	}
	if e.Parent != nil {
		rel := "isPartOf"
		switch e.Kind.Schema {
		case "Place":
			rel = "containedInPlace"
		case "Organization":
			rel = "parentOrganization"
		}
		ld[rel] = entity(s, e.Parent, false)
	}
	var same []string
	var idents []any
	for _, id := range e.IDs {
		if u := sameAs(id); u != "" {
			same = append(same, u)
		} else {
			idents = append(idents, map[string]any{"@type": "PropertyValue", "propertyID": id.Key, "value": id.Value})
		}
	}
	ld["sameAs"] = same
	ld["identifier"] = idents
	return ld
}

// sameAs turns a well-known identifier into the URL of its record.
func sameAs(id content.KeyValue) string {
	switch id.Key {
	case "wikidata":
		return "https://www.wikidata.org/wiki/" + id.Value
	case "geonames":
		return "https://www.geonames.org/" + id.Value
	case "osm", "openstreetmap":
		return "https://www.openstreetmap.org/" + id.Value
	case "wikipedia", "website", "url":
		if strings.HasPrefix(id.Value, "https://") || strings.HasPrefix(id.Value, "http://") {
			return id.Value
		}
	}
	return ""
}

// Record describes a record as an Event, on its page at url.
func Record(s *site.Site, rec *site.Record, url, desc string) map[string]any {
	var where []string
	for _, e := range rec.Roles.Of(site.RoleWhere) {
		where = append(where, e.Name)
	}
	return omitEmpty(map[string]any{
		"@context": schemaOrg, "@type": "Event",
		"name": recordtext.Title(s, rec), "description": desc, "url": url,
		"startDate": rec.Start.Date.String(), "endDate": rec.Status.End.Date.String(),
		"location": where,
	})
}

// Dataset describes the open data, on the data page at url, with a
// download for each of its files.
func Dataset(s *site.Site, url, desc string) map[string]any {
	var dist []any
	for _, f := range []struct{ path, format string }{
		{"data/records.csv", "text/csv"}, {"data/events.csv", "text/csv"}, {"data/records.json", "application/json"},
		{"data/events.json", "application/json"}, {"data/reports.json", "application/json"}, {"data/entities.json", "application/json"},
		{"data/datapackage.json", "application/json"},
	} {
		dist = append(dist, map[string]any{"@type": "DataDownload", "encodingFormat": f.format, "contentUrl": s.Config.AbsURL(f.path)})
	}
	return omitEmpty(map[string]any{
		"@context": schemaOrg, "@type": "Dataset",
		"name": s.Config.Title + ": open data", "description": desc, "url": url,
		"license": s.Config.License, "inLanguage": s.Config.Language, "distribution": dist,
		"creator": map[string]any{"@type": "Organization", "name": s.Config.Title},
	})
}

// omitEmpty leaves out empty strings and lists: schema.org validators
// flag them, and they say nothing.
func omitEmpty(m map[string]any) map[string]any {
	for k, v := range m {
		switch v := v.(type) {
		case string:
			if v == "" {
				delete(m, k)
			}
		case []any:
			if len(v) == 0 {
				delete(m, k)
			}
		case []string:
			if len(v) == 0 {
				delete(m, k)
			}
		}
	}
	return m
}
