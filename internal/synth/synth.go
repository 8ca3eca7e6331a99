// Package synth writes a synthetic gazette site of any size, for
// benchmarks: deterministic for a given -n and -seed, with reports of about
// 5 KB (several paragraphs, 5–10 inline annotations, events, sources and
// now and then a code block) and entities in proportion: one city per 20
// reports, one actor per 50 (Size). Entities grow with the reports, as an
// archive that covers more ground names more places, rather than staying
// at a gazetteer's few hundred: the harder case for the pages that list
// every place. Each city has a place of its own on the map, spread over
// the map's box as a low-discrepancy sequence, not on a grid whose points
// repeat; they form a tree of ten places within each.
//
//	go run ./internal/tools/synth -n 10000 -out /tmp/site10k
//	go run ./internal/tools/synth -n 10000 -out /tmp/hugo10k -hugo
//
// With -hugo it writes the same corpus as a Hugo site doing the same work:
// taxonomies for cities and actors, a link render hook for annotations, and
// layouts for single, list, term and home pages with related content.
//
// Site writes a corpus and resolves it, for the benchmarks of one stage.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var words = strings.Fields(`the a of to and in on for with by from as at that this which after before during
network service provider operator outage shutdown restoration block access mobile internet data
residents officials government army forces group fighters city province region district town
said reported announced confirmed denied ordered restored cut blocked throttled banned
week month day morning night days weeks months late early since until while when where
telecom company tower cable fibre satellite connection subscribers users customers families
information communication messages calls phones networks websites platforms applications
security military offensive conflict protest election exam curfew checkpoint border
local national international regional official unofficial partial complete total brief long`)

var services = []string{"internet", "mobile", "mobile-data", "social-media", "messaging", "vpn", "sms", "landline"}
var types = []string{"shutdown", "restoration", "block", "throttle", "ban"}

type corpus struct {
	r       *rand.Rand
	cities  []string
	actors  []string
	reports []report
}

type report struct {
	slug, title, date string
	cities, actors    []string
	body              string
	events            []event
}

type event struct {
	typ, service, where, by, from, until string
}

// Size is how many reports, cities and actors a corpus has.
type Size struct {
	Reports, Cities, Actors int
}

// SizeOf is the default size of a corpus of n reports: one city per 20
// reports and one actor per 50, at least two of each.
func SizeOf(n int) Size { return Size{Reports: n, Cities: max(2, n/20), Actors: max(2, n/50)} }

func newCorpus(z Size, seed uint64) *corpus {
	c := &corpus{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for i := range max(1, z.Cities) {
		c.cities = append(c.cities, fmt.Sprintf("city-%d", i))
	}
	for i := range max(1, z.Actors) {
		c.actors = append(c.actors, fmt.Sprintf("actor-%d", i))
	}
	for i := range z.Reports {
		c.reports = append(c.reports, c.report(i))
	}
	return c
}

func (c *corpus) sentence(k int) string {
	ws := make([]string, k)
	for i := range ws {
		ws[i] = words[c.r.IntN(len(words))]
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (c *corpus) pick(list []string) string {
	// Skewed, as real coverage is: a few places and actors recur a lot.
	i := int(float64(len(list)) * c.r.Float64() * c.r.Float64())
	return list[i]
}

func (c *corpus) report(i int) report {
	year := 2010 + i%12
	month := 1 + c.r.IntN(12)
	day := 1 + c.r.IntN(28)
	rep := report{
		slug:  fmt.Sprintf("%04d-%02d-%02d-report-%d", year, month, day, i),
		title: fmt.Sprintf("Report %d: %s", i, strings.TrimSuffix(c.sentence(6), ".")),
		date:  fmt.Sprintf("%04d-%02d-%02d", year, month, day),
	}
	seen := map[string]bool{}
	var paras []string
	annotations := 5 + c.r.IntN(6)
	for p := 0; p < 7; p++ {
		var ss []string
		for s := 0; s < 5; s++ {
			ss = append(ss, c.sentence(10+c.r.IntN(8)))
		}
		if annotations > 0 {
			for k := 0; k < 2 && annotations > 0; k++ {
				annotations--
				var link string
				if c.r.IntN(2) == 0 {
					id := c.pick(c.cities)
					link = fmt.Sprintf("[%s](city:%s)", strings.ReplaceAll(id, "-", " "), id)
					if !seen[id] {
						seen[id] = true
						rep.cities = append(rep.cities, id)
					}
				} else {
					id := c.pick(c.actors)
					link = fmt.Sprintf("[%s](actor:%s)", strings.ReplaceAll(id, "-", " "), id)
					if !seen[id] {
						seen[id] = true
						rep.actors = append(rep.actors, id)
					}
				}
				j := c.r.IntN(len(ss))
				ss[j] = strings.TrimSuffix(ss[j], ".") + " in " + link + "."
			}
		}
		paras = append(paras, strings.Join(ss, " "))
	}
	if i%10 == 0 {
		paras = append(paras, "```go\nfunc probe(host string) error {\n\treturn dial(host, 443)\n}\n```")
	}
	if len(rep.cities) == 0 {
		rep.cities = append(rep.cities, c.pick(c.cities))
	}
	if len(rep.actors) == 0 {
		rep.actors = append(rep.actors, c.pick(c.actors))
	}
	rep.body = strings.Join(paras, "\n\n") + "\n"
	for e := 0; e < 1+c.r.IntN(2); e++ {
		ev := event{
			typ: types[c.r.IntN(len(types))], service: services[c.r.IntN(len(services))],
			where: rep.cities[0], by: rep.actors[0], from: fmt.Sprintf("%04d-%02d", year, month),
		}
		if c.r.IntN(3) == 0 {
			ev.until = "ongoing"
		}
		rep.events = append(rep.events, ev)
	}
	return rep
}

// Write writes the corpus of n reports (SizeOf) as a gazette site, or as
// a Hugo site.
func Write(dir string, n int, seed uint64, hugo bool) error {
	return WriteSize(dir, SizeOf(n), seed, hugo)
}

// WriteSize is Write for a corpus of any size.
func WriteSize(dir string, z Size, seed uint64, hugo bool) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s exists; synth writes only new folders", dir)
	}
	c := newCorpus(z, seed)
	if hugo {
		return c.writeHugo(dir)
	}
	return c.writeGazette(dir)
}

// spread is the i-th point of the R2 sequence in the unit square: points
// that fill it evenly, however many there are, and never coincide.
func spread(i int) (x, y float64) {
	const a1, a2 = 0.7548776662466927, 0.5698402909980532 // 1/g, 1/g² for g³ = g + 1
	x = math.Mod(0.5+a1*float64(i+1), 1)
	y = math.Mod(0.5+a2*float64(i+1), 1)
	return x, y
}

func write(path, data string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(data), 0o644)
}

func (c *corpus) writeGazette(dir string) error {
	cd := filepath.Join(dir, "content")
	if err := write(filepath.Join(cd, "site.yaml"), "title: Synthetic\nsubtitle: A generated corpus\nbase_url: https://example.org/\n"); err != nil {
		return err
	}
	for i, id := range c.cities {
		// A tree of ten a node, ten at its roots, as a gazetteer's
		// regions, districts and towns: no place has more than ten
		// places within it, however large the corpus.
		within := ""
		if i >= 10 {
			within = fmt.Sprintf("within: city-%d\n", i/10-1)
		}
		lat, lon := spread(i)
		fm := fmt.Sprintf("---\nname: %s\naliases: [Town %d]\ntype: city\n%scoordinates: [%.3f, %.3f]\n---\nA synthetic place.\n",
			strings.ReplaceAll(id, "-", " "), i, within, 30+8*lat, 40+7*lon)
		if err := write(filepath.Join(cd, "cities", id+".md"), fm); err != nil {
			return err
		}
	}
	for i, id := range c.actors {
		fm := fmt.Sprintf("---\nname: %s\naliases: [Group %d]\ntype: armed-group\n---\nA synthetic actor.\n", strings.ReplaceAll(id, "-", " "), i)
		if err := write(filepath.Join(cd, "actors", id+".md"), fm); err != nil {
			return err
		}
	}
	for _, r := range c.reports {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\nsources:\n  - publisher: Synthetic Wire\n    title: %q\n    url: https://example.org/wire/%s\n", r.title, r.date, r.title, r.slug)
		fmt.Fprintf(&b, "cities: [%s]\nactors: [%s]\nevents:\n", strings.Join(r.cities, ", "), strings.Join(r.actors, ", "))
		for _, e := range r.events {
			fmt.Fprintf(&b, "  - type: %s\n    services: [%s]\n    where: [%s]\n    by: [%s]\n    from: %s\n", e.typ, e.service, e.where, e.by, e.from)
			if e.until != "" {
				fmt.Fprintf(&b, "    until: %s\n", e.until)
			}
		}
		b.WriteString("---\n")
		b.WriteString(r.body)
		if err := write(filepath.Join(cd, "reports", r.slug+".md"), b.String()); err != nil {
			return err
		}
	}
	return nil
}

func (c *corpus) writeHugo(dir string) error {
	files := map[string]string{
		"hugo.toml": `baseURL = "https://example.org/"
title = "Synthetic"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  city = "cities"
  actor = "actors"
[related]
  includeNewer = true
  threshold = 1
  toLower = false
  [[related.indices]]
    name = "cities"
    weight = 100
  [[related.indices]]
    name = "actors"
    weight = 80
[markup.highlight]
  noClasses = false
`,
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}
<ul>{{ range .GetTerms "cities" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul>{{ range .GetTerms "actors" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ with .Site.RegularPages.Related . | first 5 }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</article>{{ end }}
`,
		"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>{{ end }}
`,
		"layouts/_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
`,
		"layouts/index.html": `{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 10 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
		"layouts/_default/_markup/render-link.html": `{{- $u := .Destination -}}{{- if hasPrefix $u "city:" -}}<a href="/cities/{{ strings.TrimPrefix "city:" $u }}/">{{ .Text }}</a>{{- else if hasPrefix $u "actor:" -}}<a href="/actors/{{ strings.TrimPrefix "actor:" $u }}/">{{ .Text }}</a>{{- else -}}<a href="{{ $u }}">{{ .Text }}</a>{{- end -}}`,
	}
	for name, data := range files {
		if err := write(filepath.Join(dir, name), data); err != nil {
			return err
		}
	}
	for _, r := range c.reports {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\ncities: [%s]\nactors: [%s]\n---\n", r.title, r.date, strings.Join(r.cities, ", "), strings.Join(r.actors, ", "))
		b.WriteString(r.body)
		if err := write(filepath.Join(dir, "content", "reports", r.slug+".md"), b.String()); err != nil {
			return err
		}
	}
	return nil
}
