package theme

import (
	"cmp"
	"html/template"
	"sync"

	"gazette/internal/spill"
)

// FragmentKey identifies a cached fragment: its data, and a number for
// the rest (see Fragments.Key).
type FragmentKey struct {
	ctx  uint32
	data any
}

// fragment is a cached fragment's HTML, in memory or in the spill file.
type fragment struct {
	html    template.HTML
	ref     spill.Ref
	spilled bool
}

// Fragments caches the HTML of the partials that Cached names; the zero
// value is an empty cache, in memory only. The first maxFragmentBytes of
// it are kept in memory; past that, when a spill file is given, the HTML
// waits there (a read from the page cache is still far cheaper than
// laying the partial out again), else it is made anew each time. A
// 100,000-report site repeats some 300 MB of fragments in half a million
// keys, so a key is small: a number and a pointer.
type Fragments struct {
	Spill *spill.File // nil: only memory
	Max   int64       // bytes kept in memory; 0 is maxFragmentBytes, below 0 none

	mu    sync.RWMutex
	m     map[FragmentKey]fragment
	ctxs  map[any]uint32
	bytes int64 // HTML held in memory
}

const maxFragmentBytes = 8 << 20

// Key is the key of the fragment that the partial laid out with data
// gives in ctx: what its HTML depends on besides data, a comparable value
// of which a site has a handful (the partial's name, and what it sees of
// the page), each numbered once so that a key holds the number.
func (c *Fragments) Key(ctx, data any) FragmentKey {
	return FragmentKey{ctx: c.context(ctx), data: data}
}

// context numbers fc, once.
func (c *Fragments) context(fc any) uint32 {
	c.mu.RLock()
	n, ok := c.ctxs[fc]
	c.mu.RUnlock()
	if ok {
		return n
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.ctxs[fc]; ok {
		return n
	}
	if c.ctxs == nil {
		c.ctxs = map[any]uint32{}
	}
	n = uint32(len(c.ctxs))
	c.ctxs[fc] = n
	return n
}

// Load returns the HTML stored under key.
func (c *Fragments) Load(key FragmentKey) (template.HTML, bool) {
	c.mu.RLock()
	v, ok := c.m[key]
	c.mu.RUnlock()
	switch {
	case !ok:
		return "", false
	case !v.spilled:
		return v.html, true
	}
	h, err := c.Spill.GetString(v.ref)
	return template.HTML(h), err == nil
}

// Store keeps h under key, unless there is no room left for it.
func (c *Fragments) Store(key FragmentKey, h template.HTML) {
	c.mu.RLock()
	inMemory := c.bytes < cmp.Or(c.Max, maxFragmentBytes)
	c.mu.RUnlock()
	v := fragment{html: h}
	if !inMemory {
		if c.Spill == nil {
			return
		}
		ref, err := c.Spill.PutString(string(h))
		if err != nil {
			return
		}
		v = fragment{ref: ref, spilled: true}
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[FragmentKey]fragment{}
	}
	if _, dup := c.m[key]; !dup {
		c.m[key] = v
		if !v.spilled {
			c.bytes += int64(len(h))
		}
	}
	c.mu.Unlock()
}

// Cached reports whether the HTML of the partial name is kept and reused
// on every page at the same depth and in the same language. Any partial
// could be, since it sees only its data and a Fragment; these are the
// default theme's partials that many pages repeat with the same data (a
// report's entry in a list, an entity's link, an event's row on the pages
// of its places and actors, a map dot, a record's line on each report
// that is evidence for it, the cells of a record's row on the pages of
// its places and actors, the grid behind each of a strip's rows, "3
// sources", the site's header and footer), for which the memory buys time. A theme that replaces one of
// them keeps the reuse; another partial is laid out each time it is
// called, which is always right, only slower.
func Cached(name string) bool {
	switch name {
	case "site-header", "site-footer", "report-item", "entity-report-item", "entity-link", "event-row-report", "map-dot",
		"record-line", "record-title-cell", "record-cells", "strip-grid", "chrome-run":
		return true
	}
	return false
}

// Len is the number of fragments kept.
func (c *Fragments) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}
