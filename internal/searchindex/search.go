// Package searchindex writes the site's search index: files that a small
// script in the theme (static/search.js) loads to answer queries in the
// browser, with no server.
//
// Input: the resolved *site.Site, its bodies rendered. Output: the files
// under search/, written through an output.Writer; the layout of those
// files is described below, at searchChunkBytes.
package searchindex

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gazette/internal/config"
	"gazette/internal/diag"
	"gazette/internal/fold"
	"gazette/internal/markup"
	"gazette/internal/output"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
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

// A posting is a document that holds a word, and the word's weight there.
// Half-size ints halve the index's memory; a site has far fewer than 2³¹
// documents.
type posting struct {
	doc, score int32
	title      bool // the word is in a title field of doc
}

// value is what the index file gives for the posting: its score times
// two, plus one when the word is in a title.
func (p posting) value() int64 {
	v := 2 * int64(p.score)
	if p.title {
		v++
	}
	return v
}

// searchPostings is the inverted index: the documents of each word.
type searchPostings struct {
	index    map[string]int // word → its position in tokens and postings
	tokens   []string
	postings [][]posting
}

// addTerm adds term to doc's postings, with the sum of its occurrences'
// weights there. Documents must be added in increasing order, each term
// once (see postingsOf): a word's postings are then sorted by document.
func (p *searchPostings) addTerm(doc int, term string, weight int32, title bool) {
	i, ok := p.index[term]
	if !ok {
		term = strings.Clone(term) // not the buffer of the document's terms
		i = len(p.tokens)
		p.index[term] = i
		p.tokens = append(p.tokens, term)
		p.postings = append(p.postings, nil)
	}
	list := p.postings[i]
	if n := len(list); n > 0 && int(list[n-1].doc) == doc {
		list[n-1].score += weight
		list[n-1].title = list[n-1].title || title
		return
	}
	p.postings[i] = append(list, posting{int32(doc), weight, title})
}

// nameKey is the index term of a spelling that is a document's name
// exactly: its terms, a space between each, and "!". A query whose terms
// make the key is an exact name match. Neither a space nor "!" is in a
// word, so the key is no word's, and it sorts just after its first word,
// in the index chunk that the query's first term loads.
func nameKey(name string) []byte {
	var key []byte
	var words fold.Analyzer
	words.Each(name, func(w []byte) {
		if key != nil {
			key = append(key, ' ')
		}
		key = append(key, w...)
	})
	if key == nil {
		return nil
	}
	return append(key, '!')
}

// best returns the postings of the word at i that go into the index: the
// maxPostings best-scoring (the earlier document first among equals), by
// document. They are chosen by counting the scores, not by sorting: the
// commonest words are in most documents.
func (p *searchPostings) best(i int) []posting {
	list := p.postings[i]
	if len(list) <= maxPostings {
		return list
	}
	counts := map[int32]int{}
	for _, q := range list {
		counts[q.score]++
	}
	scores := slices.Sorted(maps.Keys(counts))
	// cut is the lowest score taken, and ties how many of the documents
	// with it: the first in document order.
	var cut int32
	ties, n := 0, 0
	for j := len(scores) - 1; j >= 0; j-- {
		c := counts[scores[j]]
		if n+c >= maxPostings {
			cut, ties = scores[j], maxPostings-n
			break
		}
		n += c
	}
	out := make([]posting, 0, maxPostings)
	for _, q := range list {
		switch {
		case q.score > cut:
			out = append(out, q)
		case q.score == cut && ties > 0:
			out = append(out, q)
			ties--
		}
	}
	return out
}

// Write writes the index files of the edition ed of s to w, under the
// edition's root ("ar/search/"), and returns how many it wrote. Each
// edition has its own index, of the texts it shows (translations, else
// originals) under their titles and names in its language; the documents'
// addresses are relative to the site root ("ar/reports/x/index.html"). An
// entity's every name, alias and translated name is indexed in every
// edition, so that "Mosil" and "داعش" find their entity in any. w gives
// the edition's words: the titles of records that have none of their own,
// what each result is, and the facets' labels. A body that cannot be read
// back for the index is an error in diags.
func Write(s *site.Site, ed config.Edition, w evidence.Words, out output.Writer, diags *diag.List) (int, error) {
	return writeDocs(s, Docs(s, ed, w), ed, w, out, nil, diags)
}

// WriteKept is Write, taking from kept the terms of the documents whose
// texts it holds, and keeping there those of the others (see Kept); nil:
// none.
func WriteKept(s *site.Site, ed config.Edition, w evidence.Words, out output.Writer, kept *Kept, diags *diag.List) (int, error) {
	return writeDocs(s, Docs(s, ed, w), ed, w, out, kept, diags)
}

// WriteDocs writes the index of docs for the edition ed under its root
// ("ar/search/") and returns how many files it wrote. s gives the facets'
// vocabulary: its kinds, roles and services; words (the edition's
// interface words) the facets' labels, and ed's language the names of
// the entities that are their values. A body that cannot be read back for
// the index is an error in diags.
func WriteDocs(s *site.Site, docs []Doc, ed config.Edition, words evidence.Words, w output.Writer, diags *diag.List) (int, error) {
	return writeDocs(s, docs, ed, words, w, nil, diags)
}

func writeDocs(s *site.Site, docs []Doc, ed config.Edition, words evidence.Words, w output.Writer, kept *Kept, diags *diag.List) (int, error) {
	dir := ed.Root() + "search/"
	p := postingsOf(docs, kept, diags)

	// The index chunks, in token order. Each file is written once the next
	// one is begun.
	order := make([]int, len(p.tokens))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(p.tokens[a], p.tokens[b]) })
	var (
		firsts []string
		chunk  []byte // the file being filled
		start  int    // where its entries begin
		entry  []byte
	)
	flush := func() error {
		if chunk == nil {
			return nil
		}
		chunk = append(chunk, "});\n"...)
		return w.WriteFile(dir+"i-"+strconv.Itoa(len(firsts)-1)+".js", chunk)
	}
	for _, i := range order {
		tok := p.tokens[i]
		entry = appendJSONString(entry[:0], tok)
		entry = append(entry, ":["...)
		prev := int32(0)
		for j, d := range p.best(i) {
			if j > 0 {
				entry = append(entry, ',')
			}
			entry = strconv.AppendInt(entry, int64(d.doc-prev), 10)
			entry = append(entry, ',')
			entry = strconv.AppendInt(entry, d.value(), 10)
			prev = d.doc
		}
		entry = append(entry, ']')
		if chunk != nil && len(chunk)-start+len(entry) < searchChunkBytes {
			chunk = append(chunk, ',')
		} else {
			if err := flush(); err != nil {
				return 0, err
			}
			chunk = make([]byte, 0, searchChunkBytes+len(entry)+64)
			chunk = append(chunk, `gazetteSearch("i-`...)
			chunk = strconv.AppendInt(chunk, int64(len(firsts)), 10)
			chunk = append(chunk, `",{`...)
			start = len(chunk)
			firsts = append(firsts, tok)
		}
		chunk = append(chunk, entry...)
	}
	if err := flush(); err != nil {
		return 0, err
	}

	shown := make([]searchDoc, len(docs))
	for i, d := range docs {
		shown[i] = searchDoc{Title: d.Title, URL: d.URL, Date: d.Date, Kind: d.Kind, Summary: d.Summary}
	}
	nDocChunks := (len(docs) + searchDocsPerChunk - 1) / searchDocsPerChunk
	for i := 0; i < nDocChunks; i++ {
		part := shown[i*searchDocsPerChunk : min(len(docs), (i+1)*searchDocsPerChunk)]
		var b bytes.Buffer
		b.WriteString(`gazetteSearch("d-`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`",`)
		if err := json.NewEncoder(&b).Encode(part); err != nil {
			return 0, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
		b.WriteString(");\n")
		if err := w.WriteFile(dir+"d-"+strconv.Itoa(i)+".js", b.Bytes()); err != nil {
			return 0, err
		}
	}
	if firsts == nil {
		firsts = []string{}
	}
	facets, n, err := writeFacets(s, docs, ed.Lang, words, dir, w)
	if err != nil {
		return 0, err
	}
	m := manifestFor(s, docs, facets, words)
	m.Chunks, m.Docs, m.PerChunk = firsts, len(docs), searchDocsPerChunk
	manifest, err := json.Marshal(m)
	if err != nil {
		return 0, err
	}
	return len(firsts) + nDocChunks + n + 1, w.WriteFile(dir+"manifest.js", []byte("gazetteSearch(\"manifest\","+string(manifest)+");\n"))
}

// appendJSONString appends s as encoding/json writes it. The words of the
// index are letters and digits, which it writes as they are.
func appendJSONString(b []byte, s string) []byte {
	plain := utf8.ValidString(s) && !strings.ContainsAny(s, "\u2028\u2029")
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	if !plain {
		q, _ := json.Marshal(s) // a string always marshals
		return append(b, q...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// text is a body's plain text for the index; a body that cannot be read
// back is an error, not a page search silently misses.
func text(diags *diag.List, doc *markup.Doc) string {
	if doc == nil {
		return ""
	}
	t, err := doc.Text()
	if err != nil {
		diags.Errorf(diag.Pos{Path: doc.Path}, "reading the rendered body back for the search index: %v", err)
	}
	return t
}
