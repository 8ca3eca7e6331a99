package build

import (
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var hreflangRE = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)

// checkHreflang checks the hreflang alternates of every page of the site
// at root, whose base_url is base ("" when it has none): each names the
// page itself in its own edition's language, and x-default; each
// alternate is a page of the site that names the same alternates, so that
// every alternate points back to the page. It returns how many pages have
// alternates.
func checkHreflang(t *testing.T, root, base string) int {
	t.Helper()
	tree := readTree(t, root)
	alternates := map[string]map[string]string{} // page → hreflang → page
	for name, data := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range hreflangRE.FindAllStringSubmatch(data, -1) {
			href := m[2]
			var target string
			switch {
			case base != "" && strings.HasPrefix(href, base):
				target = strings.TrimPrefix(href, base)
			case base == "" && !strings.Contains(href, "://"):
				target = path.Join(path.Dir(name), href)
			default:
				t.Errorf("%s: hreflang %s: %s is not an address of this site", name, m[1], href)
				continue
			}
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if alternates[name] == nil {
				alternates[name] = map[string]string{}
			}
			alternates[name][m[1]] = path.Clean(target)
		}
	}
	for name, alts := range alternates {
		lang := regexp.MustCompile(`<html lang="([^"]+)"`).FindStringSubmatch(tree[name])
		if lang == nil || alts[lang[1]] != name {
			t.Errorf("%s: no hreflang alternate to itself in its own language (%v)", name, alts)
		}
		if alts["x-default"] == "" {
			t.Errorf("%s: no x-default alternate", name)
		}
		for hl, target := range alts {
			back, ok := alternates[target]
			switch {
			case !ok:
				t.Errorf("%s: hreflang %s: %s is not a page with alternates", name, hl, target)
			case !maps.Equal(back, alts):
				t.Errorf("%s: hreflang %s: %s names other alternates:\n%v\n%v", name, hl, target, alts, back)
			}
		}
	}
	return len(alternates)
}

// Every page of the repository's site, in each of its three editions,
// names its version in each edition, and each of those names it back.
func TestRepositoryHreflang(t *testing.T) {
	out, res := repository(t)
	if res.Errors > 0 {
		t.Fatalf("build: %d errors", res.Errors)
	}
	n := checkHreflang(t, out, "")
	pages := 0
	for name := range readTree(t, out) {
		if strings.HasSuffix(name, "index.html") {
			pages++
		}
	}
	if n != pages || n == 0 {
		t.Errorf("%d pages have hreflang alternates; want all %d", n, pages)
	}
	langs := map[string]bool{}
	for name := range readTree(t, out) {
		if strings.HasSuffix(name, "/cities/mosul/index.html") || name == "cities/mosul/index.html" {
			langs[strings.TrimSuffix(name, "cities/mosul/index.html")] = true
		}
	}
	if got := slices.Sorted(maps.Keys(langs)); !slices.Equal(got, []string{"", "ar/", "ckb/"}) {
		t.Errorf("Mosul's page is in %q; want the default edition, ar/ and ckb/", got)
	}
}
