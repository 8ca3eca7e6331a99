package i18n

import (
	"slices"

	"gazette/internal/diag"
)

// Use is a place where a theme's layout names a message: {{$.T "key"}}.
type Use struct {
	Key string
	Pos diag.Pos
}

// Check warns about what the site's languages (langs) lack, so that
// `gazette check` shows it before a reader does: a language with no
// catalogue at all (once, at dir/<lang>.yaml, dir being where the theme's
// catalogues are, "themes/mine/i18n"), each message of Base's catalogue or
// used by the layouts that a language's catalogue lacks (at that
// catalogue), and a message the layouts use that is in no catalogue of
// Base (where it is used). None is an error: a missing message falls back
// to the default language's, then Base's, and at worst shows its key.
func (c *Catalogue) Check(langs []string, used []Use, dir diag.Pos, diags *diag.List) {
	base := c.langs[Base]
	want := map[string]bool{}
	if base != nil {
		for k := range base.m {
			want[k] = true
		}
	}
	for _, u := range used {
		want[u.Key] = true
		if !c.Has(Base, u.Key) {
			diags.Warnf(u.Pos, "message %q is not in the %s catalogue, to which every language falls back; add it to i18n/%s.yaml", u.Key, Base, Base)
		}
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, lang := range langs {
		if lang == Base {
			continue
		}
		m := c.langs[lang]
		if m == nil {
			p := dir
			p.Path += "/" + lang + ".yaml"
			diags.Warnf(p, "no message catalogue for %s: its pages show the interface in %s; add i18n/%s.yaml to the theme", lang, fallbackOf(langs, lang), lang)
			continue
		}
		for _, k := range keys {
			if m.m[k] == nil && c.Has(Base, k) {
				diags.Warnf(m.pos, "message %q is missing for %s: its pages show the %s message instead", k, lang, fallbackOf(langs, lang))
			}
		}
	}
}

// fallbackOf is the language whose message a page in lang shows for one
// lang lacks, as the renderer's localizers fall back: the site's default
// language, else Base. (When the default language lacks it too, Base's.)
func fallbackOf(langs []string, lang string) string {
	if len(langs) > 0 && langs[0] != lang {
		return langs[0]
	}
	return Base
}
