package config

import (
	"encoding/json"
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"gazette/internal/decode"
	"gazette/internal/diag"
)

// MapConfig is site.yaml's map section.
type MapConfig struct {
	Outline     string // GeoJSON file, relative to the content folder
	Attribution string // credit shown under every map
	pos         diag.Pos
	tr          texts // attribution in the other languages; see Config.In
}

// Outline is the base map: the shapes drawn under the places.
type Outline struct {
	Shapes []Shape
	BBox   [4]float64 // west, south, east, north; zero when the file gives none
}

// Shape is one country or region of the base map.
type Shape struct {
	Name     string
	Names    map[string]string // its name in other languages, from the feature's name_<lang> properties (name_ar), as Natural Earth gives them
	Focus    bool              // the area the site is about, drawn stronger
	Polygons [][][][2]float64  // polygons → rings → [lon, lat] points
}

func (d *decoder) mapConfig(n *yaml.Node) MapConfig {
	m := MapConfig{pos: d.Pos(n), tr: texts{}}
	d.Fields(n, "map", []string{"outline", "attribution"}, func(key string, _, v *yaml.Node) {
		var s string
		var ok bool
		if key == "attribution" {
			s, ok = d.text(v, key, "the map's attribution", true, m.tr)
		} else {
			s, ok = d.Str(v, key, true)
		}
		if !ok {
			return
		}
		switch key {
		case "outline":
			if !fs.ValidPath(s) {
				d.Errorf(v, "map outline %q must be a path inside the content folder, such as map/iraq.geojson", s)
				return
			}
			m.Outline = s
			m.pos = d.Pos(v)
		case "attribution":
			m.Attribution = s
		}
	})
	m.tr = m.tr.orNil()
	return m
}

// LoadOutline reads the GeoJSON FeatureCollection that site.yaml names.
func LoadOutline(fsys fs.FS, m MapConfig, diags *diag.List) *Outline {
	if m.Outline == "" {
		return nil
	}
	src, problem := decode.ReadFile(fsys, m.Outline)
	if problem != "" {
		diags.Errorf(m.pos, "cannot read map outline %s: %s", m.Outline, problem)
		return nil
	}
	var fc struct {
		Type     string     `json:"type"`
		BBox     [4]float64 `json:"bbox"`
		Features []struct {
			Properties map[string]json.RawMessage `json:"properties"`
			Geometry   struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(src, &fc); err != nil || fc.Type != "FeatureCollection" {
		diags.Errorf(diag.Pos{Path: m.Outline}, "map outline must be a GeoJSON FeatureCollection of Polygon and MultiPolygon features")
		return nil
	}
	o := &Outline{BBox: fc.BBox}
	for _, f := range fc.Features {
		s := shape(f.Properties)
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if json.Unmarshal(f.Geometry.Coordinates, &p) == nil {
				s.Polygons = [][][][2]float64{p}
			}
		case "MultiPolygon":
			json.Unmarshal(f.Geometry.Coordinates, &s.Polygons)
		}
		if len(s.Polygons) == 0 {
			diags.Errorf(diag.Pos{Path: m.Outline}, "map outline feature %q has no Polygon or MultiPolygon geometry", s.Name)
			continue
		}
		o.Shapes = append(o.Shapes, s)
	}
	return o
}

// shape is a feature's name, names and focus, from its properties: name,
// name_<lang> for each language (Natural Earth's name_ar, name_fa…; the
// tag is matched without regard to case) and focus.
func shape(props map[string]json.RawMessage) Shape {
	var s Shape
	json.Unmarshal(props["name"], &s.Name)
	json.Unmarshal(props["focus"], &s.Focus)
	for k, v := range props {
		lang, ok := strings.CutPrefix(strings.ToLower(k), "name_")
		if !ok || lang == "" {
			continue
		}
		var name string
		if json.Unmarshal(v, &name) == nil && strings.TrimSpace(name) != "" {
			if s.Names == nil {
				s.Names = map[string]string{}
			}
			s.Names[lang] = name
		}
	}
	return s
}

// NameIn is the shape's name in lang: its name_<lang>, else its name.
func (s Shape) NameIn(lang string) string {
	if n, ok := s.Names[strings.ToLower(lang)]; ok {
		return n
	}
	return s.Name
}
