package svg

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// labeller places names and numbers beside the dots of a map, one dot at
// a time in the order of how much each matters, so that a name or number
// placed covers no dot, no other name or number, and does not cross the
// map's edge. The records map and the place map share it, so that both
// name and number their dots by one rule.
type labeller struct {
	width, height, font float64
	// drawn holds what must stay visible: every dot, and the labels and
	// numbers placed so far; squares holds the named dots' hit squares.
	drawn, squares []mapBox
	labels         []mapBox // the names and numbers placed so far
}

// newLabeller starts the labels of a map width by height units with
// labels font units high, whose dots are circles (x, y, r).
func newLabeller(width, height int, font float64, dots [][3]float64) *labeller {
	l := &labeller{width: float64(width), height: float64(height), font: font}
	for _, d := range dots {
		l.drawn = append(l.drawn, mapBox{d[0] - d[2], d[1] - d[2], d[0] + d[2], d[1] + d[2]})
	}
	return l
}

// spot is where a label goes: its box, and the point and text-anchor to
// draw it at.
type spot struct {
	box    mapBox
	x, y   float64
	anchor string
}

func (l *labeller) inside(a mapBox) bool {
	return a.x0 >= 0 && a.y0 >= 0 && a.x1 <= l.width && a.y1 <= l.height
}

func clearOf(a mapBox, taken ...[]mapBox) bool {
	for _, list := range taken {
		for _, t := range list {
			if a.overlaps(t) {
				return false
			}
		}
	}
	return true
}

// name places name beside the dot (x, y, r), right of it, else left,
// and reports whether it found room. A dot with a hit square (hit > 0,
// half its side) is named only when the square overlaps no named dot's,
// and the name none of them: then each named dot is a full hit target.
func (l *labeller) name(x, y, r, hit float64, name string) (spot, bool) {
	square := mapBox{x - hit, y - hit, x + hit, y + hit}
	if hit > 0 && !clearOf(square, l.squares) {
		return spot{}, false
	}
	w, h := labelWidth(name, l.font), l.font
	gap := r + 4
	for _, s := range []spot{
		{mapBox{x + gap, y - h/2, x + gap + w, y + h/2}, x + gap, y, "start"},
		{mapBox{x - gap - w, y - h/2, x - gap, y + h/2}, x - gap, y, "end"},
	} {
		if l.inside(s.box) && clearOf(s.box, l.drawn, l.squares) {
			l.take(s.box)
			if hit > 0 {
				l.squares = append(l.squares, square)
			}
			return s, true
		}
	}
	return spot{}, false
}

// nameOver places name beside the dot (x, y, r), right of it, else left,
// where it stays on the map and covers no other label, dots
// notwithstanding.
func (l *labeller) nameOver(x, y, r float64, name string) (spot, bool) {
	w, h := labelWidth(name, l.font), l.font
	gap := r + 4
	for _, s := range []spot{
		{mapBox{x + gap, y - h/2, x + gap + w, y + h/2}, x + gap, y, "start"},
		{mapBox{x - gap - w, y - h/2, x - gap, y + h/2}, x - gap, y, "end"},
	} {
		if l.inside(s.box) && clearOf(s.box, l.labels) {
			l.take(s.box)
			return s, true
		}
	}
	return spot{}, false
}

// number places the number n beside the dot (x, y, r): right, left, above
// or below it, where it covers nothing; else, where it covers no other
// label and stays on the map. Where neither is found it reports false, or,
// when force is set, puts the number right of the dot anyway.
func (l *labeller) number(x, y, r float64, n int, force bool) (spot, bool) {
	w, h := labelWidth(strconv.Itoa(n), l.font)+2, l.font
	gap := r + 2
	spots := []spot{
		{mapBox{x + gap, y - h/2, x + gap + w, y + h/2}, x + gap, y, "start"},
		{mapBox{x - gap - w, y - h/2, x - gap, y + h/2}, x - gap, y, "end"},
		{mapBox{x - w/2, y - gap - h, x + w/2, y - gap}, x, y - gap - h/2, "middle"},
		{mapBox{x - w/2, y + gap, x + w/2, y + gap + h}, x, y + gap + h/2, "middle"},
	}
	for _, s := range spots {
		if l.inside(s.box) && clearOf(s.box, l.drawn) {
			l.take(s.box)
			return s, true
		}
	}
	if force {
		l.take(spots[0].box)
		return spots[0], true
	}
	for _, s := range spots {
		if l.inside(s.box) && clearOf(s.box, l.labels) {
			l.take(s.box)
			return s, true
		}
	}
	return spot{}, false
}

func (l *labeller) take(b mapBox) {
	l.drawn = append(l.drawn, b)
	l.labels = append(l.labels, b)
}

// maxMapLabels bounds the places a place map names or numbers: the
// busiest, which are the ones a reader looks for. More names would not
// fit on a phone, and more numbers would make the key a second index.
const maxMapLabels = 20

// labelPlaces names the places of m that matter most, the current one
// and then the busiest, each beside its dot where the name covers no dot
// or other name; a place whose name does not fit is numbered, and named
// in m.Key. Places beyond the first maxMapLabels with reports are named
// only when they have focus. Names are measured in the edition's
// language lang.
func (m *Map) labelPlaces(lang string) {
	var circles [][3]float64
	for i, d := range m.Dots {
		circles = append(circles, [3]float64{d.X, d.Y, d.R})
		m.Dots[i].Name = namePlace(d.X, d.R, m.Width)
	}
	l := newLabeller(m.Width, m.Height, m.Font, circles)
	for _, i := range m.busiest() {
		d := &m.Dots[i]
		s, ok := l.name(d.X, d.Y, d.R, 0, d.Entity.NameIn(lang))
		if !ok && d.Current {
			// The page's own place is named, not numbered: it is what the
			// reader came for. Labelled first, it covers no other label;
			// it may cover a neighbour's dot.
			s, ok = l.nameOver(d.X, d.Y, d.R, d.Entity.NameIn(lang))
		}
		if ok {
			d.Label = true
			d.LabelX, d.LabelY, d.Anchor = round1(s.x), round1(s.y), s.anchor
			continue
		}
		if s, ok := l.number(d.X, d.Y, d.R, len(m.Key)+1, false); ok {
			d.Number = len(m.Key) + 1
			d.LabelX, d.LabelY, d.Anchor = round1(s.x), round1(s.y), s.anchor
			m.Key = append(m.Key, *d)
		}
	}
}

// busiest gives the indexes in m.Dots of the places to label, in the
// order to label them: the current place, then up to maxMapLabels places
// with reports, most first, then by name.
func (m *Map) busiest() []int {
	var out []int
	for i, d := range m.Dots {
		if d.Current || d.Count > 0 {
			out = append(out, i)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int {
		da, db := m.Dots[a], m.Dots[b]
		return cmp.Or(btoi(db.Current)-btoi(da.Current), db.Count-da.Count, strings.Compare(da.Entity.Name, db.Entity.Name))
	})
	return out[:min(len(out), maxMapLabels)]
}
