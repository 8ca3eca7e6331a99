// Package svg lays out the site's pictures: the maps of places and of
// records (geo.go), the chart of events per month and the strip of an
// entity's records on the site's time axis (timeline.go).
//
// Input: the resolved *site.Site, or the part of it a picture shows.
// Output: plain structs in SVG user units (shapes as path data, dots,
// bars, labels, each with its text alternative), which the theme's
// templates draw as inline SVG. The geometry is computed here, in Go, so
// that a theme restyles the pictures without doing arithmetic.
package svg

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
