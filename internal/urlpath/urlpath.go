// Package urlpath makes the links between the site's pages. Every page
// is a directory relative to the site root ("cities/mosul/", "" for the
// root), and every link is relative and ends in index.html, so that the
// site works when opened from disk as well as served. The rule is shared
// by the resolver, which writes the links in report bodies, and by the
// pages, which write the rest; it depends on nothing but the two paths.
package urlpath

import "strings"

// Rel returns the relative URL from the page at directory URL from (such
// as "cities/mosul/") to the page at directory URL to, ending in
// index.html so that links also work when the site is opened from disk.
// Both are relative to the site root; "" is the root itself.
func Rel(from, to string) string {
	return File(from, to+"index.html")
}

// File returns the relative URL from the page at directory URL from to
// the file at path to, both relative to the site root.
func File(from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + to
}
