package svg

import (
	"strconv"
	"strings"
)

// OutlinePath is where the site's map outline is written, relative to the
// site root: once, for every map to show under its dots. Inlined, the
// outline was most of the bytes of every place's page (6 of the 9 MB of a
// site of 415 places).
const OutlinePath = "map/outline.svg"

// outlineStyle colours the outline file. A picture in an <img> does not
// see the page's stylesheet, so the file carries the default theme's
// colours (--panel, --line, --land and --land-line, light and dark) itself.
const outlineStyle = `.land{fill:#f1efe8;stroke:#dcd9d0;stroke-width:1}.focus{fill:#e7e3d6;stroke:#8f8b7e}` +
	`@media (prefers-color-scheme:dark){.land{fill:#1f1f1c;stroke:#3a3934}.focus{fill:#2e2d28;stroke:#7a776c}}`

// Outline is the file at OutlinePath: the outline's shapes in the maps'
// coordinates, with the same viewBox as every Map and RecordMap, so that
// the page's dots drawn over it fall in place. Nil when there is no
// outline.
func (b *Basemap) Outline() []byte {
	if b == nil || len(b.shapes) == 0 {
		return nil
	}
	var s strings.Builder
	s.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + strconv.Itoa(b.width) + ` ` + strconv.Itoa(b.height) + `">` + "\n<style>" + outlineStyle + "</style>\n")
	for _, sh := range b.shapes {
		class := "land"
		if sh.Focus {
			class = "land focus"
		}
		s.WriteString(`<path class="` + class + `" d="` + sh.D + `"/>` + "\n")
	}
	s.WriteString("</svg>\n")
	return []byte(s.String())
}

// outline is what a map of b draws of the outline: the path of the shared
// file, and no shapes of its own; "" when there is no outline.
func (b *Basemap) outline() string {
	if len(b.shapes) == 0 {
		return ""
	}
	return OutlinePath
}
