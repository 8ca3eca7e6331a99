package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"gazette/internal/site"
)

// The search index is written by gazette itself, for a small script
// (static/search.js) to query in the browser. It is built to stay cheap at
// any size:
//
//   - search/manifest.js names the index chunks and the first token of
//     each; tokens are sorted, so one binary search finds the chunk that
//     holds a word and its prefixes.
//   - search/i-N.js are the chunks of the inverted index, about
//     searchChunkBytes each: token → [doc, score, doc, score, ...], doc
//     numbers delta-encoded.
//   - search/d-N.js hold the documents' titles, addresses, dates and
//     summaries, searchDocsPerChunk to a file, so showing ten results
//     fetches at most ten small files.
//
// Each file is a script that hands its data to window.gazetteSearch, not
// JSON: scripts load from file:// where fetch() is refused, and a strict
// Content-Security-Policy allows them as same-origin files.
const (
	searchChunkBytes   = 16 << 10
	searchDocsPerChunk = 8
	maxPostings        = 1000 // per token, the best-scoring documents
)

// Field weights: a word in a title says more than one in the body.
const (
	weightTitle   = 8
	weightName    = 6 // names and aliases of the entities a report concerns
	weightSummary = 3
	weightBody    = 1
)

type searchDoc struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Date    string `json:"d,omitempty"`
	Kind    string `json:"k"`
	Summary string `json:"s,omitempty"`
}

// searchFold is the normalisation the script repeats: decompose, drop
// combining marks, lower-case. "Mûsil" and "MUSIL" both become "musil".
func searchFold(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// searchTokens splits folded text into words of letters and digits.
func searchTokens(s string) []string {
	return strings.FieldsFunc(searchFold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// searchIndex writes the index files.
func (r *renderer) searchIndex() error {
	s := r.site
	var docs []searchDoc
	postings := map[string]map[int]int{}
	add := func(doc int, text string, weight int) {
		for _, tok := range searchTokens(text) {
			if len(tok) > 40 {
				continue
			}
			m := postings[tok]
			if m == nil {
				m = map[int]int{}
				postings[tok] = m
			}
			m[doc] += weight
		}
	}
	for _, rep := range s.Reports {
		i := len(docs)
		docs = append(docs, searchDoc{Title: rep.Title, URL: rep.URL + "index.html", Date: rep.Date.String(), Kind: "report", Summary: shorten(rep.Summary, 240)})
		add(i, rep.Title, weightTitle)
		add(i, rep.Summary, weightSummary)
		add(i, rep.Doc.Text(), weightBody)
		for _, list := range rep.Entities {
			for _, e := range list {
				add(i, entityNames(e), weightName)
			}
		}
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			i := len(docs)
			kind := k.ID
			if e.Type != "" {
				kind = e.Type
			}
			docs = append(docs, searchDoc{Title: e.Name, URL: e.URL + "index.html", Kind: kind, Summary: shorten(e.Doc.FirstParagraph(), 240)})
			add(i, entityNames(e), weightTitle)
			add(i, e.Doc.Text(), weightBody)
		}
	}
	for _, p := range s.Pages {
		i := len(docs)
		docs = append(docs, searchDoc{Title: p.Title, URL: p.URL + "index.html", Kind: "page", Summary: shorten(p.Summary, 240)})
		add(i, p.Title, weightTitle)
		add(i, p.Doc.Text(), weightBody)
	}

	tokens := sortedKeys(postings)
	type chunk struct {
		first string
		buf   bytes.Buffer
	}
	var chunks []*chunk
	for _, tok := range tokens {
		m := postings[tok]
		list := make([]int, 0, len(m))
		for d := range m {
			list = append(list, d)
		}
		// Keep the best documents, then order them by number for deltas.
		slices.SortFunc(list, func(a, b int) int {
			if m[a] != m[b] {
				return m[b] - m[a]
			}
			return a - b
		})
		list = list[:min(len(list), maxPostings)]
		slices.Sort(list)
		var entry bytes.Buffer
		key, _ := json.Marshal(tok)
		entry.Write(key)
		entry.WriteString(":[")
		prev := 0
		for j, d := range list {
			if j > 0 {
				entry.WriteByte(',')
			}
			fmt.Fprintf(&entry, "%d,%d", d-prev, m[d])
			prev = d
		}
		entry.WriteByte(']')
		c := (*chunk)(nil)
		if n := len(chunks); n > 0 && chunks[n-1].buf.Len()+entry.Len() < searchChunkBytes {
			c = chunks[n-1]
			c.buf.WriteByte(',')
		} else {
			c = &chunk{first: tok}
			chunks = append(chunks, c)
		}
		c.buf.Write(entry.Bytes())
	}
	firsts := make([]string, len(chunks))
	for i, c := range chunks {
		firsts[i] = c.first
		data := fmt.Sprintf("gazetteSearch(\"i-%d\",{%s});\n", i, c.buf.String())
		if err := r.w.WriteFile(fmt.Sprintf("search/i-%d.js", i), []byte(data)); err != nil {
			return err
		}
	}
	nDocChunks := (len(docs) + searchDocsPerChunk - 1) / searchDocsPerChunk
	for i := 0; i < nDocChunks; i++ {
		part := docs[i*searchDocsPerChunk : min(len(docs), (i+1)*searchDocsPerChunk)]
		b, err := json.Marshal(part)
		if err != nil {
			return err
		}
		data := fmt.Sprintf("gazetteSearch(\"d-%d\",%s);\n", i, b)
		if err := r.w.WriteFile(fmt.Sprintf("search/d-%d.js", i), []byte(data)); err != nil {
			return err
		}
	}
	manifest, err := json.Marshal(map[string]any{"chunks": firsts, "docs": len(docs), "perChunk": searchDocsPerChunk})
	if err != nil {
		return err
	}
	r.count(0, len(chunks)+nDocChunks+1)
	return r.w.WriteFile("search/manifest.js", []byte("gazetteSearch(\"manifest\","+string(manifest)+");\n"))
}

// entityNames is every spelling of an entity, so that "Daesh" finds ISIL.
func entityNames(e *site.Entity) string {
	parts := []string{e.Name, e.ID}
	for _, a := range e.Aliases {
		parts = append(parts, a.Value)
	}
	for _, n := range e.Names {
		parts = append(parts, n.Name)
	}
	return strings.Join(parts, " ")
}
