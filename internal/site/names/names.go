// Package names finds things by name: an entity by its name, its aliases
// and its names in other languages, compared as package fold says. Any
// number of entities may share a spelling (Erbil the city and Erbil the
// district): only an annotation that gives the spelling alone is then
// ambiguous, which package site reports. The names and aliases of
// translations hold only in texts in their language.
package names

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/english"
	"gazette/internal/fold"
)

// Index holds the spellings of one kind of thing.
type Index[T comparable] struct {
	byKey   map[string][]Claim[T]
	byLang  map[string]map[string][]Claim[T] // by language tag, then key
	compare func(a, b T) int
}

// Claim is one thing's claim to a spelling.
type Claim[T any] struct {
	Item  T
	What  string   // "name", "alias", "ar name"
	Value string   // as written
	Pos   diag.Pos // where an alias is written
}

// New returns an empty Index whose lookups list things in compare's order.
func New[T comparable](compare func(a, b T) int) *Index[T] {
	return &Index[T]{byKey: map[string][]Claim[T]{}, byLang: map[string]map[string][]Claim[T]{}, compare: compare}
}

// Add records that x is spelled value in every language, or, when lang
// is not "", in texts in lang; a thing that lists one spelling twice
// claims it once.
func (ix *Index[T]) Add(lang string, x T, what, value string, pos diag.Pos) {
	key := fold.Name(value)
	if key == "" {
		return
	}
	m := ix.byKey
	if lang != "" {
		if ix.byLang[lang] == nil {
			ix.byLang[lang] = map[string][]Claim[T]{}
		}
		m = ix.byLang[lang]
	}
	for _, c := range m[key] {
		if c.Item == x {
			return
		}
	}
	m[key] = append(m[key], Claim[T]{x, what, value, pos})
}

// HasLang reports whether any spelling holds in texts in lang alone.
func (ix *Index[T]) HasLang(lang string) bool { return ix.byLang[lang] != nil }

// Made returns the claims to s made for texts in lang alone, or, for lang
// "", those made for every language.
func (ix *Index[T]) Made(s, lang string) []Claim[T] {
	if lang == "" {
		return ix.byKey[fold.Name(s)]
	}
	return ix.byLang[lang][fold.Name(s)]
}

// Claims returns the claims to s that hold in a text in lang: those of
// every language, and those of lang.
func (ix *Index[T]) Claims(s, lang string) []Claim[T] { return ix.claims(fold.Name(s), lang) }

func (ix *Index[T]) claims(key, lang string) []Claim[T] {
	claims := ix.byKey[key]
	for _, c := range ix.byLang[lang][key] {
		if !slices.ContainsFunc(claims, func(o Claim[T]) bool { return o.Item == c.Item }) {
			claims = append(claims[:len(claims):len(claims)], c)
		}
	}
	return claims
}

// Lookup returns the things that s names in a text in lang ("": in every
// language), in the Index's order.
func (ix *Index[T]) Lookup(s, lang string) []T {
	claims := ix.Claims(s, lang)
	out := make([]T, len(claims))
	for i, c := range claims {
		out[i] = c.Item
	}
	slices.SortFunc(out, ix.compare)
	return out
}

// Nearest returns the claims to the spelling nearest to s (see
// diag.Suggest) that holds in texts in lang, or nil when none is near.
func (ix *Index[T]) Nearest(s, lang string) []Claim[T] {
	keys := make([]string, 0, len(ix.byKey)+len(ix.byLang[lang]))
	for k := range ix.byKey {
		keys = append(keys, k)
	}
	for k := range ix.byLang[lang] {
		if ix.byKey[k] == nil {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // Suggest keeps the first of equally near keys
	if k := diag.Suggest(fold.Name(s), keys); k != "" {
		return ix.claims(k, lang)
	}
	return nil
}

// Shadows returns the aliases that spell id, x's own id, in every
// language or in texts in one of langs, where x does not also claim that
// spelling: there [id](kind:) and kind:id would name two different things
// without a word.
func (ix *Index[T]) Shadows(x T, id string, langs []string) []Claim[T] {
	var out []Claim[T]
	for _, lang := range append([]string{""}, langs...) {
		if lang != "" && !ix.HasLang(lang) {
			continue
		}
		if slices.ContainsFunc(ix.Claims(id, lang), func(c Claim[T]) bool { return c.Item == x }) {
			continue
		}
		for _, c := range ix.Made(id, lang) {
			if c.What == "alias" {
				out = append(out, c)
			}
		}
	}
	return out
}

// Hint suggests what s, an unknown id, probably meant: the things it is a
// spelling of (`; did you mean "mosul"?`), each shown as id gives it, else
// the nearest of ids to s as written or as a slug; "" when none is near.
func (ix *Index[T]) Hint(s string, id func(T) string, ids []string) string {
	if found := ix.Lookup(s, ""); len(found) > 0 {
		quoted := make([]string, len(found))
		for i, x := range found {
			quoted[i] = strconv.Quote(id(x))
		}
		return "; did you mean " + english.Or(quoted) + "?"
	}
	if h := diag.DidYouMean(s, ids); h != "" {
		return h
	}
	return diag.DidYouMean(strings.ToLower(content.Slugify(s)), ids)
}

// NearestHint suggests the spelling nearest to s that holds in texts in
// lang, and the things it names, each as ref gives it:
// `; did you mean "Mosul" (city:mosul)?`; "" when none is near.
func (ix *Index[T]) NearestHint(s, lang string, ref func(T) string) string {
	claims := ix.Nearest(s, lang)
	if len(claims) == 0 {
		return ""
	}
	refs := make([]string, len(claims))
	for i, c := range claims {
		refs[i] = ref(c.Item)
	}
	return fmt.Sprintf("; did you mean %q (%s)?", claims[0].Value, english.Or(refs))
}
