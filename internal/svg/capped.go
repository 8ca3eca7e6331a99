package svg

import "gazette/internal/site"

// maxIndexDots bounds the dots of a map of the whole site (the home page's,
// an index's): beyond it, only the busiest places are drawn. A map of 500
// dots is about 150 KB of a page, and more would not be read: at 640
// units wide they already cover one another. It is the largest map the
// labelling is tested at (TestPlaceMapLabelsFiveHundred), so a gazetteer
// of a few hundred places is drawn whole.
const maxIndexDots = 500

// Capped says, on a map that draws only the busiest of its places, how
// many there are and where they are all listed.
type Capped struct {
	// Of is the number of places the map would draw; 0 when it draws
	// them all.
	Of int
	// AllURL is the index that lists them all, relative to the edition's
	// root, and AllTitle its title, when they are all of one kind; else
	// "".
	AllURL, AllTitle string
}

// capped is the Capped of a map of places, drawn in the edition lang.
func capped(places []*site.Entity, lang string) Capped {
	c := Capped{Of: len(places)}
	k := places[0].Kind
	for _, e := range places {
		if e.Kind != k {
			return c
		}
	}
	if k != nil {
		c.AllURL, c.AllTitle = k.URL, k.In(lang).Title
	}
	return c
}

// top is the basemap's maxIndexDots busiest places, in its order.
func (b *Basemap) top() []*site.Entity {
	keep := make(map[*site.Entity]bool, maxIndexDots)
	for _, e := range b.busiest[:maxIndexDots] {
		keep[e] = true
	}
	out := make([]*site.Entity, 0, maxIndexDots)
	for _, e := range b.places {
		if keep[e] {
			out = append(out, e)
		}
	}
	return out
}
