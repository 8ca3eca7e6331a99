// Command outline derives the map outline that content/map/ holds from the
// Natural Earth country shapes that the npm package world-atlas carries as
// TopoJSON. It is run once, by hand, and its output is committed:
//
//	npm install world-atlas@2
//	go run ./internal/tools/outline -in node_modules/world-atlas/countries-50m.json \
//	    -focus 368 -with 760,792,364,400,682,414 -bbox 37.5,28.5,49.5,38.2 \
//	    -out content/map/iraq.geojson
//
// It decodes the TopoJSON arcs, keeps the focus country and its neighbours,
// clips every ring to the bounding box, simplifies it (Douglas–Peucker) and
// writes GeoJSON with coordinates rounded to 0.01°, about a kilometre.
// world-atlas names countries in English only: the names in the site's
// other languages (name_ar, name_ckb) were added to the output by hand.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []struct {
			ID         string          `json:"id"`
			Type       string          `json:"type"`
			Properties map[string]any  `json:"properties"`
			Arcs       json.RawMessage `json:"arcs"`
		} `json:"geometries"`
	} `json:"objects"`
}

type pt = [2]float64

func main() {
	in := flag.String("in", "", "world-atlas TopoJSON file")
	out := flag.String("out", "", "GeoJSON file to write")
	focus := flag.String("focus", "368", "ISO 3166 numeric id of the country the map is about")
	with := flag.String("with", "", "comma-separated ids of neighbours to draw")
	bbox := flag.String("bbox", "", "west,south,east,north to clip to")
	tol := flag.Float64("tolerance", 0.02, "simplification tolerance in degrees")
	flag.Parse()
	if err := run(*in, *out, *focus, *with, *bbox, *tol); err != nil {
		fmt.Fprintln(os.Stderr, "outline:", err)
		os.Exit(1)
	}
}

func run(in, out, focus, with, bbox string, tol float64) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return err
	}
	var box [4]float64
	for i, s := range strings.Split(bbox, ",") {
		if i < 4 {
			box[i], _ = strconv.ParseFloat(s, 64)
		}
	}
	// Decode the delta-encoded, quantised arcs.
	arcs := make([][]pt, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y float64
		for _, d := range a {
			x, y = x+d[0], y+d[1]
			arcs[i] = append(arcs[i], pt{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]})
		}
	}
	ring := func(ids []int) []pt {
		var r []pt
		for _, id := range ids {
			var a []pt
			if id < 0 {
				a = slices.Clone(arcs[^id])
				slices.Reverse(a)
			} else {
				a = arcs[id]
			}
			if len(r) > 0 {
				a = a[1:] // shared with the previous arc's end
			}
			r = append(r, a...)
		}
		return r
	}
	keep := append([]string{focus}, strings.Split(with, ",")...)
	type feature struct {
		Type       string         `json:"type"`
		Properties map[string]any `json:"properties"`
		Geometry   map[string]any `json:"geometry"`
	}
	var features []feature
	for _, g := range t.Objects["countries"].Geometries {
		if !slices.Contains(keep, g.ID) {
			continue
		}
		var polys [][][]int
		if g.Type == "Polygon" {
			var p [][]int
			json.Unmarshal(g.Arcs, &p)
			polys = [][][]int{p}
		} else {
			json.Unmarshal(g.Arcs, &polys)
		}
		var multi [][][]pt
		for _, p := range polys {
			var rings [][]pt
			for _, r := range p {
				c := simplify(clip(ring(r), box), tol)
				if len(c) >= 4 {
					rings = append(rings, round(c))
				}
			}
			if len(rings) > 0 {
				multi = append(multi, rings)
			}
		}
		if len(multi) == 0 {
			continue
		}
		features = append(features, feature{
			Type:       "Feature",
			Properties: map[string]any{"name": g.Properties["name"], "iso_n3": g.ID, "focus": g.ID == focus},
			Geometry:   map[string]any{"type": "MultiPolygon", "coordinates": multi},
		})
	}
	slices.SortFunc(features, func(a, b feature) int {
		return strings.Compare(a.Properties["iso_n3"].(string), b.Properties["iso_n3"].(string))
	})
	b, err := json.Marshal(map[string]any{
		"type":        "FeatureCollection",
		"bbox":        box,
		"attribution": "Made with Natural Earth (public domain), via the world-atlas package",
		"features":    features,
	})
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}

// clip cuts a closed ring to the box with the Sutherland–Hodgman algorithm;
// the box is convex, so one pass per edge is enough.
func clip(r []pt, box [4]float64) []pt {
	if box == [4]float64{} {
		return r
	}
	edges := []struct {
		inside func(p pt) bool
		cross  func(a, b pt) pt
	}{
		{func(p pt) bool { return p[0] >= box[0] }, func(a, b pt) pt { return lerpX(a, b, box[0]) }},
		{func(p pt) bool { return p[0] <= box[2] }, func(a, b pt) pt { return lerpX(a, b, box[2]) }},
		{func(p pt) bool { return p[1] >= box[1] }, func(a, b pt) pt { return lerpY(a, b, box[1]) }},
		{func(p pt) bool { return p[1] <= box[3] }, func(a, b pt) pt { return lerpY(a, b, box[3]) }},
	}
	for _, e := range edges {
		if len(r) == 0 {
			return nil
		}
		var out []pt
		prev := r[len(r)-1]
		for _, p := range r {
			switch {
			case e.inside(p) && !e.inside(prev):
				out = append(out, e.cross(prev, p), p)
			case e.inside(p):
				out = append(out, p)
			case e.inside(prev):
				out = append(out, e.cross(prev, p))
			}
			prev = p
		}
		r = out
	}
	if len(r) > 0 && r[0] != r[len(r)-1] {
		r = append(r, r[0])
	}
	return r
}

func lerpX(a, b pt, x float64) pt {
	t := (x - a[0]) / (b[0] - a[0])
	return pt{x, a[1] + t*(b[1]-a[1])}
}

func lerpY(a, b pt, y float64) pt {
	t := (y - a[1]) / (b[1] - a[1])
	return pt{a[0] + t*(b[0]-a[0]), y}
}

// simplify drops points closer than tol to the line between their
// neighbours (Douglas–Peucker), keeping the ring closed.
func simplify(r []pt, tol float64) []pt {
	if len(r) < 4 {
		return r
	}
	keep := make([]bool, len(r))
	keep[0], keep[len(r)-1] = true, true
	var dp func(i, j int)
	dp = func(i, j int) {
		best, at := 0.0, -1
		for k := i + 1; k < j; k++ {
			if d := dist(r[k], r[i], r[j]); d > best {
				best, at = d, k
			}
		}
		if at >= 0 && best > tol {
			keep[at] = true
			dp(i, at)
			dp(at, j)
		}
	}
	// A closed ring's ends coincide: split it at its farthest point first.
	far, fd := 0, 0.0
	for k := range r {
		if d := math.Hypot(r[k][0]-r[0][0], r[k][1]-r[0][1]); d > fd {
			far, fd = k, d
		}
	}
	keep[far] = true
	dp(0, far)
	dp(far, len(r)-1)
	var out []pt
	for k, p := range r {
		if keep[k] {
			out = append(out, p)
		}
	}
	return out
}

func dist(p, a, b pt) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	return math.Abs(dy*p[0]-dx*p[1]+b[0]*a[1]-b[1]*a[0]) / math.Hypot(dx, dy)
}

func round(r []pt) []pt {
	var out []pt
	for _, p := range r {
		q := pt{math.Round(p[0]*100) / 100, math.Round(p[1]*100) / 100}
		if len(out) == 0 || out[len(out)-1] != q {
			out = append(out, q)
		}
	}
	return out
}
