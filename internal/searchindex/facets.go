package searchindex

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"gazette/internal/output"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// manifest is search/manifest.js; static/search.js documents its fields.
type manifest struct {
	Chunks   []string   `json:"chunks"`
	Docs     int        `json:"docs"`
	PerChunk int        `json:"perChunk"`
	Kinds    [][]string `json:"kinds"`    // [id, label] of each kind facet value
	KindRuns []int      `json:"kindRuns"` // kind index, count, kind index, count, ...: the documents' kinds in runs
	YearRuns []int      `json:"yearRuns"` // year (0: none), count, ...
	Facets   []facet    `json:"facets"`
}

// facet is one facet of the manifest: the kind and year facets, whose
// values the manifest holds, and those whose values a file holds.
type facet struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Bytes int    `json:"bytes,omitempty"` // the size of its file, f-ID.js; 0: in the manifest
}

// manifestFor makes the manifest's facets of docs: the kind and year of
// each document, in runs, and the facets whose files writeFacets wrote.
// w gives the labels of the facets and of the kinds that are not entity
// kinds (messages search.facet.ID, search.group.ID); an entity kind is
// labelled by its title in s.
func manifestFor(s *site.Site, docs []Doc, files []facet, w evidence.Words) manifest {
	m := manifest{Kinds: [][]string{}, KindRuns: []int{}, YearRuns: []int{}}
	labels := map[string]string{}
	for _, g := range []string{GroupReport, GroupRecord, GroupPage} {
		labels[g] = w.T("search.group." + g)
	}
	for _, k := range s.Kinds {
		labels[k.ID] = k.Title
	}
	kind := map[string]int{}
	for _, d := range docs {
		i, ok := kind[d.Group]
		if !ok {
			i = len(m.Kinds)
			kind[d.Group] = i
			m.Kinds = append(m.Kinds, []string{d.Group, labels[d.Group]})
		}
		m.KindRuns = addRun(m.KindRuns, i)
		m.YearRuns = addRun(m.YearRuns, d.Year)
	}
	m.Facets = append([]facet{{ID: "kind", Label: w.T("search.facet.kind")}}, files...)
	m.Facets = append(m.Facets, facet{ID: "year", Label: w.T("search.facet.year")})
	return m
}

// addRun adds v to runs, pairs of a value and how many times it comes in
// a row.
func addRun(runs []int, v int) []int {
	if n := len(runs); n > 0 && runs[n-2] == v {
		runs[n-1]++
		return runs
	}
	return append(runs, v, 1)
}

// facetFile is the file f-ID.js of a facet: its values and, for each
// document, the values it has.
type facetFile struct {
	// Values are [id, label, parent]: parent is the number of the value it
	// is within (the place facet rolls up through within), -1 for none.
	Values [][3]any `json:"values"`
	// Width is how many base-36 digits write one value's number.
	Width int `json:"width"`
	// Docs is, for each document in order, the numbers of its values,
	// Width digits each, with a comma after each document's.
	Docs string `json:"docs"`
}

// writeFacets writes the place, actor and service facets of docs, each a
// file that search.js loads only when a reader opens or uses the facet
// (or when it is small), and returns them as the manifest lists them and
// how many files it wrote. A facet no document has is left out. The
// facets are labelled in the edition's language (words: messages
// search.facet.ID), and their values too: the entities by their names in
// lang, the services by their labels in s.
func writeFacets(s *site.Site, docs []Doc, lang string, words evidence.Words, dir string, w output.Writer) ([]facet, int, error) {
	var out []facet
	kinds := facetKinds(s)
	entityFacet := func(id string, of func(Doc) []*Entity, isKind map[string]bool) (facet, facetFile) {
		var all []*Entity
		for _, k := range s.Kinds {
			if isKind[k.ID] {
				all = append(all, k.Entities...)
			}
		}
		num := make(map[*Entity]int, len(all))
		ids := map[string]int{}
		for i, e := range all {
			num[e] = i
			ids[e.ID]++
		}
		var f facetFile
		for _, e := range all {
			v := e.ID
			if ids[e.ID] > 1 {
				v = e.Kind.ID + ":" + e.ID // namesake ids in two kinds
			}
			parent := -1
			if p, ok := num[e.Parent]; ok && e.Parent != nil {
				parent = p
			}
			f.Values = append(f.Values, [3]any{v, e.NameIn(lang), parent})
		}
		f.encode(docs, func(d Doc) []int {
			var out []int
			for _, e := range of(d) {
				out = append(out, num[e])
			}
			return out
		})
		return facet{ID: id, Label: words.T("search.facet." + id)}, f
	}
	place, placeFile := entityFacet("place", func(d Doc) []*Entity { return d.Places }, kinds.place)
	actor, actorFile := entityFacet("actor", func(d Doc) []*Entity { return d.Actors }, kinds.actor)

	var serviceFile facetFile
	for _, t := range s.Config.Services {
		serviceFile.Values = append(serviceFile.Values, [3]any{t.ID, t.Label, -1})
	}
	serviceFile.encode(docs, func(d Doc) []int {
		var out []int
		for _, id := range d.Services {
			for i, t := range s.Config.Services {
				if t.ID == id {
					out = append(out, i)
				}
			}
		}
		return out
	})

	for _, ff := range []struct {
		facet
		file facetFile
	}{{place, placeFile}, {actor, actorFile}, {facet{ID: "service", Label: words.T("search.facet.service")}, serviceFile}} {
		if !ff.file.used() {
			continue
		}
		var b bytes.Buffer
		b.WriteString(`gazetteSearch("f-` + ff.ID + `",`)
		if err := json.NewEncoder(&b).Encode(ff.file); err != nil {
			return nil, 0, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
		b.WriteString(");\n")
		if err := w.WriteFile(dir+"f-"+ff.ID+".js", b.Bytes()); err != nil {
			return nil, 0, err
		}
		ff.Bytes = b.Len()
		out = append(out, ff.facet)
	}
	return out, len(out), nil
}

// encode writes each document's values into f.Docs.
func (f *facetFile) encode(docs []Doc, values func(Doc) []int) {
	f.Width = len(strconv.FormatInt(int64(max(len(f.Values)-1, 0)), 36))
	var b strings.Builder
	for _, d := range docs {
		for _, v := range values(d) {
			digits := strconv.FormatInt(int64(v), 36)
			b.WriteString(strings.Repeat("0", f.Width-len(digits)))
			b.WriteString(digits)
		}
		b.WriteByte(',')
	}
	f.Docs = b.String()
}

// used reports whether a document has a value of the facet.
func (f *facetFile) used() bool {
	return strings.Trim(f.Docs, ",") != ""
}
