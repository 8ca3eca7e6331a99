package render

import (
	"html/template"
	"sync"

	"gazette/internal/site"
)

// said keeps what an edition says of each record: its heading and its
// line, which every report that is evidence for it, every place and actor
// it names, the indexes and the timeline all repeat, and which take a
// dozen messages each to say. One renderer (one edition: one site as it
// labels it, one localizer, one language) has one, so a record's words
// are the same wherever it is said; nil says them each time.
type said struct {
	headings, lines memoOf[*site.Record, string]
	linesHTML       memoOf[*site.Record, template.HTML]
}

// memoOf is a map of answers made once, safe for many pages at once.
type memoOf[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

// get returns the answer for k, making it with make the first time.
func (c *memoOf[K, V]) get(k K, make func() V) V {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = make()
	c.mu.Lock()
	if c.m == nil {
		c.m = map[K]V{}
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}
