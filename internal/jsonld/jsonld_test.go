package jsonld

import (
	"encoding/json"
	"testing"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/site"
)

// An entity's page describes it with its other names, coordinates, the
// place it lies in and its identifiers, well-known ones as sameAs links;
// a report names its entities and cites its sources. Empty fields are
// left out.
func TestJSONLD(t *testing.T) {
	cities := &site.Kind{Kind: config.Kind{ID: "city", Schema: "Place"}}
	nineveh := &site.Entity{Entity: &content.Entity{ID: "nineveh", Name: "Nineveh"}, URL: "cities/nineveh/", Kind: cities}
	mosul := &site.Entity{Entity: &content.Entity{ID: "mosul", Name: "Mosul",
		Aliases:     []content.Text{{Value: "Mosil"}},
		Names:       []content.LangName{{Lang: "ar", Name: "الموصل"}},
		Coordinates: &content.LatLon{Lat: 36.34, Lon: 43.13},
		IDs:         []content.KeyValue{{Key: "pcode", Value: "IQG15Q01"}, {Key: "website", Value: "javascript:alert(1)"}, {Key: "wikidata", Value: "Q83411"}},
	}, URL: "cities/mosul/", Kind: cities, Parent: nineveh}
	rep := &site.Report{Report: &content.Report{Title: "Dark", Date: content.Date{Year: 2016, Month: 8},
		Sources: []content.Source{{Publisher: "P", Title: "T", URL: "https://example.org/a"}, {Publisher: "Q"}}},
		Entities: [][]*site.Entity{{mosul}}}
	for _, base := range []string{"", "https://example.org/"} {
		s := &site.Site{Config: config.Config{Title: "Cut Off", BaseURL: base}}
		for _, tc := range []struct {
			name string
			ld   map[string]any
			want string
		}{
			{"entity", Entity(s, mosul, "", "A city."), map[string]string{
				"":                     `{"@context":"https://schema.org","@type":"Place","alternateName":["Mosil","الموصل"],"containedInPlace":{"@type":"Place","name":"Nineveh"},"description":"A city.","geo":{"@type":"GeoCoordinates","latitude":36.34,"longitude":43.13},"identifier":[{"@type":"PropertyValue","propertyID":"pcode","value":"IQG15Q01"},{"@type":"PropertyValue","propertyID":"website","value":"javascript:alert(1)"}],"name":"Mosul","sameAs":["https://www.wikidata.org/wiki/Q83411"]}`,
				"https://example.org/": `{"@context":"https://schema.org","@id":"https://example.org/cities/mosul/","@type":"Place","alternateName":["Mosil","الموصل"],"containedInPlace":{"@id":"https://example.org/cities/nineveh/","@type":"Place","name":"Nineveh"},"description":"A city.","geo":{"@type":"GeoCoordinates","latitude":36.34,"longitude":43.13},"identifier":[{"@type":"PropertyValue","propertyID":"pcode","value":"IQG15Q01"},{"@type":"PropertyValue","propertyID":"website","value":"javascript:alert(1)"}],"name":"Mosul","sameAs":["https://www.wikidata.org/wiki/Q83411"]}`,
			}[base]},
			{"report", Report(s, rep, "https://example.org/reports/dark/", "en"), map[string]string{
				"":                     `{"@context":"https://schema.org","@type":"NewsArticle","about":[{"@type":"Place","name":"Mosul"}],"citation":[{"@type":"NewsArticle","headline":"T","publisher":{"@type":"Organization","name":"P"},"url":"https://example.org/a"},{"@type":"NewsArticle","headline":"","publisher":{"@type":"Organization","name":"Q"}}],"datePublished":"2016-08","headline":"Dark","inLanguage":"en","publisher":{"@type":"Organization","name":"Cut Off"},"url":"https://example.org/reports/dark/"}`,
				"https://example.org/": `{"@context":"https://schema.org","@type":"NewsArticle","about":[{"@id":"https://example.org/cities/mosul/","@type":"Place","name":"Mosul"}],"citation":[{"@type":"NewsArticle","headline":"T","publisher":{"@type":"Organization","name":"P"},"url":"https://example.org/a"},{"@type":"NewsArticle","headline":"","publisher":{"@type":"Organization","name":"Q"}}],"datePublished":"2016-08","headline":"Dark","inLanguage":"en","publisher":{"@type":"Organization","name":"Cut Off"},"url":"https://example.org/reports/dark/"}`,
			}[base]},
		} {
			b, err := json.Marshal(tc.ld)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.want {
				t.Errorf("%s, base_url %q:\n got %s\nwant %s", tc.name, base, b, tc.want)
			}
		}
	}
}
