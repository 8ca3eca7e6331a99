package svg

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"gazette/internal/config"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// Map is an SVG map laid out in Go: the base map's shapes as path data and
// one dot per place with coordinates, sized by its report count.
type Map struct {
	Width, Height int
	Title         string
	Summary       string     // text alternative
	Font          float64    // the labels' size in map units: 12 CSS px on a phone, as on the records map
	Shapes        []MapShape // empty: the outline is the file at Outline
	Outline       string     // OutlinePath, or "" when there is no outline
	Dots          []Dot
	Key           []Dot          // the dots numbered instead of named, by number
	Outside       []*site.Entity // places with coordinates beyond the map's edge
	Attribution   string
	Capped        // on an index map of more than maxIndexDots places
}

// MapShape is one country or region of the base map.
type MapShape struct {
	Name  string // in the edition's language (Basemap.In)
	shape config.Shape
	D     string // SVG path data
	Focus bool
}

// Dot is a place on the map.
type Dot struct {
	X, Y, R   float64
	Entity    *site.Entity
	Count     int
	Current   bool // the page's own place
	Container bool // a place with places within it: drawn as a ring
	Label     bool // its name is drawn beside it, at LabelX, LabelY
	Number    int  // > 0: its number is drawn at LabelX, LabelY and its name is in the key
	LabelX    float64
	LabelY    float64
	Anchor    string // the label's text-anchor: "start", "middle" or "end"
	Name      Place  // where its name is drawn when it has focus and no label
}

// Place is where a dot's name is drawn when the dot has focus: beside it,
// on the side away from the map's nearer edge, so that it is not cut off.
type Place struct {
	X      float64
	Anchor string // "start" or "end"
}

// namePlace places the focus name of a dot of radius r at x on a map w
// wide.
func namePlace(x, r float64, w int) Place {
	if x > float64(w)*0.6 {
		return Place{round1(x - r - 3), "end"}
	}
	return Place{round1(x + r + 3), "start"}
}

// projection maps longitude and latitude to SVG coordinates. An
// equirectangular projection scaled by the cosine of the middle latitude
// keeps shapes true enough for a country-sized map, and is simple to check.
type projection struct {
	west, north, scale, kx float64
}

func (p projection) xy(lon, lat float64) (float64, float64) {
	return (lon - p.west) * p.kx * p.scale, (p.north - lat) * p.scale
}

// Basemap holds what every map of the site shares.
type Basemap struct {
	proj          projection
	width, height int
	shapes        []MapShape
	places        []*site.Entity // entities with coordinates
	busiest       []*site.Entity // the same, most reports first
	lang          string         // the edition In named things in ("" before In)
}

// In is the basemap with its countries named in lang, where the outline
// gives them a name in it (name_<lang>), else in its own name. b is not
// changed; nil stays nil.
func (b *Basemap) In(lang string) *Basemap {
	if b == nil {
		return nil
	}
	out := *b
	out.lang = lang
	out.shapes = slices.Clone(b.shapes)
	for i := range out.shapes {
		out.shapes[i].Name = out.shapes[i].shape.NameIn(lang)
	}
	return &out
}

const mapWidth = 640

// NewBasemap fixes the map's extent: the outline's bounding box, or else
// the places' own, with a margin. It returns nil when there is nothing to
// draw a map of.
func NewBasemap(s *site.Site) *Basemap {
	b := &Basemap{}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			if e.Coordinates != nil {
				b.places = append(b.places, e)
			}
		}
	}
	b.busiest = slices.Clone(b.places)
	slices.SortStableFunc(b.busiest, func(x, y *site.Entity) int { return len(y.Reports) - len(x.Reports) })
	var box [4]float64
	if s.Outline != nil && s.Outline.BBox != [4]float64{} {
		box = s.Outline.BBox
	} else if s.Outline != nil {
		box = [4]float64{180, 90, -180, -90}
		for _, sh := range s.Outline.Shapes {
			for _, poly := range sh.Polygons {
				for _, ring := range poly {
					for _, pt := range ring {
						box = [4]float64{min(box[0], pt[0]), min(box[1], pt[1]), max(box[2], pt[0]), max(box[3], pt[1])}
					}
				}
			}
		}
	} else if len(b.places) > 0 {
		box = [4]float64{180, 90, -180, -90}
		for _, e := range b.places {
			c := e.Coordinates
			box = [4]float64{min(box[0], c.Lon), min(box[1], c.Lat), max(box[2], c.Lon), max(box[3], c.Lat)}
		}
		m := max(0.5, (box[2]-box[0])*0.1, (box[3]-box[1])*0.1)
		box = [4]float64{box[0] - m, box[1] - m, box[2] + m, box[3] + m}
	} else {
		return nil
	}
	kx := math.Cos((box[1] + box[3]) / 2 * math.Pi / 180)
	w := (box[2] - box[0]) * kx
	h := box[3] - box[1]
	if w <= 0 || h <= 0 {
		return nil
	}
	b.proj = projection{west: box[0], north: box[3], kx: kx, scale: mapWidth / w}
	b.width, b.height = mapWidth, int(math.Ceil(h*b.proj.scale))
	if s.Outline != nil {
		for _, sh := range s.Outline.Shapes {
			var d strings.Builder
			for _, poly := range sh.Polygons {
				for _, ring := range poly {
					for i, pt := range ring {
						x, y := b.proj.xy(pt[0], pt[1])
						if i == 0 {
							d.WriteByte('M')
						} else {
							d.WriteByte('L')
						}
						d.WriteString(num(x) + " " + num(y))
					}
					d.WriteByte('Z')
				}
			}
			b.shapes = append(b.shapes, MapShape{Name: sh.Name, D: d.String(), Focus: sh.Focus, shape: sh})
		}
		// The focus is drawn last, so its border is on top.
		slices.SortStableFunc(b.shapes, func(a, b MapShape) int { return btoi(a.Focus) - btoi(b.Focus) })
	}
	return b
}

// num formats a coordinate with one decimal, which is finer than a pixel.
func num(f float64) string { return strconv.FormatFloat(round1(f), 'f', -1, 64) }

// maxContextDots bounds the places drawn around the current one on a
// place's own page, so that a site with thousands of places does not draw
// thousands of dots on each of thousands of pages.
const maxContextDots = 60

// Map lays out the map as seen from the page of current (nil on index
// pages), with current highlighted.
// Index pages show every place, up to maxIndexDots, else the busiest; a
// place's page shows it, its parents, its siblings and children, and the
// busiest places elsewhere.
func (b *Basemap) Map(current *site.Entity, attribution string, w site.Words) *Map {
	if b == nil || len(b.places) == 0 {
		return nil
	}
	m := &Map{Width: b.width, Height: b.height, Font: recordMapFont(b.width), Outline: b.outline(), Attribution: attribution}
	if current == nil && len(b.places) > maxIndexDots {
		m.Capped = capped(b.places, b.lang)
	}
	for _, e := range b.Drawn(current) {
		x, y := b.proj.xy(e.Coordinates.Lon, e.Coordinates.Lat)
		if x < 0 || y < 0 || x > float64(b.width) || y > float64(b.height) {
			m.Outside = append(m.Outside, e)
			continue
		}
		n := len(e.Reports)
		m.Dots = append(m.Dots, Dot{
			X: round1(x), Y: round1(y), R: round1(min(16, 3+2.2*math.Sqrt(float64(n)))),
			Entity: e, Count: n, Current: e == current,
			Container: len(e.Children) > 0,
		})
	}
	// Big dots first, so small ones stay clickable on top; then by name.
	slices.SortStableFunc(m.Dots, func(a, b Dot) int {
		if a.R != b.R {
			return int(math.Copysign(1, b.R-a.R))
		}
		return strings.Compare(a.Entity.Name, b.Entity.Name)
	})
	m.labelPlaces(b.lang)
	m.Title = w.T("map.title")
	if current != nil {
		// The place in the edition's language; where it has no name in
		// it, this is its own (English) name, which is content, but an
		// SVG <title> holds no markup to say so.
		m.Title = w.T("map.title.current", "Name", current.NameIn(b.lang))
	}
	m.Summary = w.T("map.summary", len(m.Dots))
	if k := dotsKind(m.Dots); k != nil {
		// One kind of place: counted in its own words, as its index
		// counts them.
		in := k.Kind.In(b.lang)
		m.Summary = w.T("map.summary.kind", len(m.Dots), "One", in.One, "Many", in.Many)
	}
	return m
}

// Drawn is the places the map of current's page (nil: an index's) draws,
// in their order on the basemap, before those beyond its edge are set
// apart. Its dots and labels are made from these places alone (their
// names, coordinates, report counts and whether places are within them)
// and the basemap's extent: an incremental build lays a place's page out
// again only when one of them changed (package render/deps).
func (b *Basemap) Drawn(current *site.Entity) []*site.Entity {
	if b == nil {
		return nil
	}
	switch {
	case current != nil && len(b.places) > maxContextDots:
		return b.context(current)
	case current == nil && len(b.places) > maxIndexDots:
		return b.top()
	}
	return b.places
}

// dotsKind is the kind of every dot's place when they are all of one
// kind that has words to count them by (site.yaml one and many), else
// nil.
func dotsKind(dots []Dot) *site.Kind {
	var k *site.Kind
	for _, d := range dots {
		if d.Entity.Kind == nil || k != nil && d.Entity.Kind != k {
			return nil
		}
		k = d.Entity.Kind
	}
	if k == nil || k.One == "" || k.Many == "" {
		return nil
	}
	return k
}

// context picks the places drawn on current's page.
func (b *Basemap) context(current *site.Entity) []*site.Entity {
	keep := map[*site.Entity]bool{current: true}
	for _, a := range current.Ancestors() {
		keep[a] = true
	}
	near := slices.Clone(current.Children)
	if current.Parent != nil {
		near = append(near, current.Parent.Children...)
	}
	for _, e := range near {
		if len(keep) >= maxContextDots/2 {
			break
		}
		keep[e] = true
	}
	for _, e := range b.busiest {
		if len(keep) >= maxContextDots {
			break
		}
		keep[e] = true
	}
	var out []*site.Entity
	for _, e := range b.places {
		if keep[e] {
			out = append(out, e)
		}
	}
	return out
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// RecordMap is the map of where records happened: one dot per place named
// in a record's where, sized by its number of records and coloured by
// whether they are all over. Every dot is named, beside it when the name
// fits, else by a number beside it and in the key below the map.
type RecordMap struct {
	Width, Height int
	Title         string
	Summary       string
	Font          float64        // the labels' size in map units: recordMapFont
	Shapes        []MapShape     // empty: the outline is the file at Outline
	Outline       string         // OutlinePath, or "" when there is no outline
	Dots          []RecordDot    // in drawing order: numbered dots, then named ones, large before small
	Key           []RecordDot    // the dots numbered instead of named, by number
	Outside       []*site.Entity // places beyond the map's edge
	Attribution   string
	Open, Over    int // dots with a record not known to be over; dots whose records are all over
	Capped            // when more than maxIndexDots places have records
}

// RecordDot is a place on the records map. Its hit area is a square of
// 2*Hit map units around the dot: at least 24 CSS px on a phone.
type RecordDot struct {
	X, Y, R float64
	Entity  *site.Entity
	Records int
	Open    bool // a record there is ongoing or its end is not known
	LabelX  float64
	LabelY  float64
	Anchor  string // the label's text-anchor: "start", "middle" or "end"
	Number  int    // > 0: the dot is named in the key under this number, drawn as its label
	Hit     float64
	Name    Place // a numbered dot's name, shown when it has focus
}

// The map is drawn at its narrowest about narrowMapPx CSS px wide: on a
// 390 px phone, less the page's margins. Labels and hit areas are sized in
// map units from it, so that they are at least minLabelPx and minHitPx CSS
// px there; on wider screens the stylesheet may draw labels smaller, never
// larger, so that the layout below, done at this size, still holds.
const (
	narrowMapPx = 358
	minLabelPx  = 12
	minHitPx    = 24
)

// recordMapFont is the label size in map units for a map width units wide.
func recordMapFont(width int) float64 {
	return math.Ceil(minLabelPx * float64(width) / narrowMapPx)
}

// labelWidth estimates a name's width at font size f: 0.58 em a character
// is wide enough for the system sans-serif fonts the theme uses.
func labelWidth(s string, f float64) float64 { return float64(len([]rune(s))) * f * 0.58 }

// RecordMap lays out where the records happened. The places with most
// records are named first. A place is named beside its dot when the name
// overlaps no dot or name, and its hit square overlaps no named place's:
// then each named dot is a full hit target that nothing drawn later
// covers. Otherwise the dot is numbered, the number drawn beside it and
// the name in the key, which is the equivalent, full-size target.
func (b *Basemap) RecordMap(records []*site.Record, attribution string, w site.Words) *RecordMap {
	if b == nil {
		return nil
	}
	count := map[*site.Entity]int{}
	open := map[*site.Entity]bool{}
	var places []*site.Entity
	for _, rec := range records {
		for _, e := range rec.Roles.Of(site.RoleWhere) {
			if e.Coordinates == nil {
				continue
			}
			if count[e] == 0 {
				places = append(places, e)
			}
			count[e]++
			if rec.Status.State == evidence.Ongoing || rec.Status.State == evidence.Unknown {
				open[e] = true
			}
		}
	}
	if len(places) == 0 {
		return nil
	}
	var c Capped
	if len(places) > maxIndexDots {
		c = capped(places, b.lang)
		slices.SortStableFunc(places, func(x, y *site.Entity) int {
			return cmp.Or(count[y]-count[x], strings.Compare(x.Name, y.Name))
		})
		places = places[:maxIndexDots]
	}
	font := recordMapFont(b.width)
	hit := math.Ceil(minHitPx / 2 * float64(b.width) / narrowMapPx)
	m := &RecordMap{Width: b.width, Height: b.height, Font: font, Outline: b.outline(), Attribution: attribution, Capped: c}
	for _, e := range places {
		x, y := b.proj.xy(e.Coordinates.Lon, e.Coordinates.Lat)
		if x < 0 || y < 0 || x > float64(b.width) || y > float64(b.height) {
			m.Outside = append(m.Outside, e)
			continue
		}
		n := count[e]
		m.Dots = append(m.Dots, RecordDot{
			X: round1(x), Y: round1(y), R: round1(min(18, 5+2.5*math.Sqrt(float64(n)))),
			Entity: e, Records: n, Open: open[e], Hit: hit,
		})
		if open[e] {
			m.Open++
		} else {
			m.Over++
		}
	}
	slices.SortStableFunc(m.Dots, func(a, b RecordDot) int {
		return cmp.Or(b.Records-a.Records, strings.Compare(a.Entity.Name, b.Entity.Name))
	})
	m.layOut()
	m.Title = w.T("rmap.title")
	m.Summary = w.T("rmap.summary", len(m.Dots))
	return m
}

// mapBox is a rectangle in map units.
type mapBox struct{ x0, y0, x1, y1 float64 }

func (a mapBox) overlaps(b mapBox) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// layOut names or numbers m's dots, in their order, and sorts them into
// drawing order.
func (m *RecordMap) layOut() {
	var circles [][3]float64
	for _, d := range m.Dots {
		circles = append(circles, [3]float64{d.X, d.Y, d.R})
	}
	l := newLabeller(m.Width, m.Height, m.Font, circles)
	named := make([]bool, len(m.Dots))
	for i := range m.Dots {
		d := &m.Dots[i]
		if s, ok := l.name(d.X, d.Y, d.R, d.Hit, d.Entity.Name); ok {
			d.LabelX, d.LabelY, d.Anchor = round1(s.x), round1(s.y), s.anchor
			named[i] = true
			continue
		}
		d.Number = len(m.Key) + 1
		s, _ := l.number(d.X, d.Y, d.R, d.Number, true)
		d.LabelX, d.LabelY, d.Anchor = round1(s.x), round1(s.y), s.anchor
		d.Name = namePlace(d.X, d.R, m.Width)
		m.Key = append(m.Key, *d)
	}
	// Numbered dots first, so that the named dots' hit squares are on
	// top; then large dots before small ones.
	order := make([]int, len(m.Dots))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		da, db := m.Dots[a], m.Dots[b]
		return cmp.Or(btoi(named[a])-btoi(named[b]), cmp.Compare(db.R, da.R), strings.Compare(da.Entity.Name, db.Entity.Name))
	})
	dots := make([]RecordDot, len(order))
	for i, j := range order {
		dots[i] = m.Dots[j]
	}
	m.Dots = dots
}

// HitX, HitY and HitW place the dot's hit square.
func (d RecordDot) HitX() float64 { return round1(d.X - d.Hit) }
func (d RecordDot) HitY() float64 { return round1(d.Y - d.Hit) }
func (d RecordDot) HitW() float64 { return round1(2 * d.Hit) }
