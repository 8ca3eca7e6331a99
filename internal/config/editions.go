package config

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"gazette/internal/decode"
	"gazette/internal/diag"
	"gazette/internal/langtag"
)

// Edition is one language edition of the site: the whole site, in one
// language. site.yaml's languages: lists them; the first is the default
// edition, at the site root, and each other one is under its prefix.
type Edition struct {
	Lang   string   // BCP 47, as package language writes it: "en", "ar", "ckb"
	Prefix string   // the folder of its pages: "ar"; "" for the default edition, at the root
	Name   string   // the language's name in itself, for the language switcher: "العربية"
	Digits string   // the digits its interface writes numbers with: "" or "latn" (0-9, the default), "arab" (٠-٩) or "arabext" (۰-۹)
	Pos    diag.Pos // where site.yaml names it; zero for the one edition of a site without languages:

	PrefixPos diag.Pos // where the prefix is written, or Pos when it is the tag's
}

// Root is the edition's folder in the output, relative to the site root:
// "" for the default edition, "ar/" for the one under /ar/.
func (e Edition) Root() string {
	if e.Prefix == "" {
		return ""
	}
	return e.Prefix + "/"
}

// Edition returns the edition in the language tag lang. Tags are compared
// without regard to case, as BCP 47 says: "zh-hant" is "zh-Hant".
func (c *Config) Edition(lang string) (Edition, bool) {
	for _, e := range c.Editions {
		if strings.EqualFold(e.Lang, lang) {
			return e, true
		}
	}
	return Edition{}, false
}

// Langs returns the language tags of the editions, the default first.
func (c *Config) Langs() []string { return ids(c.Editions, func(e Edition) string { return e.Lang }) }

var editionFields = []string{"lang", "prefix", "name", "digits"}

// Digits are the digit systems an edition may write numbers in, by their
// CLDR numbering-system names: whether an Arabic edition writes 12 or ١٢
// is the publisher's choice (Iraqi print uses both), so it is a setting,
// not a rule of the language.
var Digits = []string{"latn", "arab", "arabext"}

// editions reads languages: a list of language tags, or of mappings
// {lang, prefix, name}. Prefixes are checked against the site's own names
// once the kinds are known, by checkEditions.
func (d *decoder) editions(n *yaml.Node) []Edition {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		d.Errorf(n, "languages must be a non-empty list of language tags, such as [en, ar, ckb], the default first")
		return nil
	}
	var out []Edition
	for i, item := range n.Content {
		e := Edition{Pos: d.Pos(item)}
		e.PrefixPos = e.Pos
		var prefix, name, digits *yaml.Node
		switch item.Kind {
		case yaml.ScalarNode:
			lang, ok := d.Lang(item, "languages")
			if !ok {
				continue
			}
			e.Lang = lang
		case yaml.MappingNode:
			ok := true
			seen := d.Fields(item, "an entry of languages", editionFields, func(key string, _, v *yaml.Node) {
				switch key {
				case "lang":
					e.Lang, ok = d.Lang(v, key)
				case "prefix":
					prefix = v
				case "name":
					name = v
				case "digits":
					digits = v
				}
			})
			d.Require(item, "an entry of languages", seen, "lang")
			if !ok || e.Lang == "" {
				continue
			}
		default:
			d.Errorf(item, "an entry of languages is a language tag or a mapping such as {lang: ar, prefix: ar, name: العربية}")
			continue
		}
		if prev := slices.IndexFunc(out, func(o Edition) bool { return o.Lang == e.Lang }); prev >= 0 {
			d.Diags.Errorf(e.Pos, "language %s is listed twice in languages (first on line %d)", e.Lang, out[prev].Pos.Line)
			continue
		}
		e.Name = langtag.SelfName(e.Lang)
		if name != nil {
			if s, ok := d.Str(name, "name", true); ok {
				e.Name = s
			}
		}
		if digits != nil {
			if s, ok := d.Str(digits, "digits", true); ok {
				if slices.Contains(Digits, s) {
					e.Digits = s // "latn" too, which is also what "" means
				} else {
					d.Errorf(digits, "digits: %q is not a digit system gazette knows; use one of %s", s, strings.Join(Digits, ", "))
				}
			}
		}
		switch {
		case i == 0 && prefix != nil:
			d.Errorf(prefix, "the first language, %s, is the default edition, at the site root: it takes no prefix", e.Lang)
		case i == 0:
		case prefix != nil:
			s, ok := d.Str(prefix, "prefix", true)
			if !ok {
				continue
			}
			if problem := decode.SlugProblem(s); problem != "" {
				d.Errorf(prefix, "prefix %q: %s", s, problem)
				continue
			}
			e.Prefix, e.PrefixPos = s, d.Pos(prefix)
		default:
			e.Prefix = strings.ToLower(e.Lang)
			if problem := decode.SlugProblem(e.Prefix); problem != "" {
				d.Diags.Errorf(e.Pos, "%s cannot be a folder name (%s): give the language a prefix, as in {lang: %s, prefix: …}", e.Lang, problem, e.Lang)
				continue
			}
		}
		if e.Prefix != "" {
			if prev := slices.IndexFunc(out, func(o Edition) bool { return o.Prefix == e.Prefix }); prev >= 0 {
				d.Diags.Errorf(e.PrefixPos, "prefix %q of %s is the prefix of %s too (line %d); give one of them another prefix", e.Prefix, e.Lang, out[prev].Lang, out[prev].Pos.Line)
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// checkEditions settles the editions once site.yaml is read: without
// languages:, the site has one edition, in language:; with it, language:
// may only repeat the first. A prefix may not be a top-level name the site
// uses for itself.
func (d *decoder) checkEditions(c *Config, editions []Edition, listed bool, langNode *yaml.Node) {
	if !listed {
		c.Editions = []Edition{{Lang: c.Language, Name: langtag.SelfName(c.Language)}}
		return
	}
	if len(editions) == 0 {
		// The errors are reported; the site is built in language: alone.
		c.Editions = []Edition{{Lang: c.Language, Name: langtag.SelfName(c.Language)}}
		return
	}
	if langNode != nil && c.Language != editions[0].Lang {
		d.Errorf(langNode, "language: %s disagrees with languages:, whose first entry, %s, is the default language; remove language: or make them agree", c.Language, editions[0].Lang)
	}
	c.Language = editions[0].Lang
	reserved := c.ReservedNames()
	kept := editions[:0]
	for _, e := range editions {
		if slices.Contains(reserved, e.Prefix) {
			d.Diags.Errorf(e.PrefixPos, "prefix %q of %s is taken by the site's own %s/ pages; give the language another prefix, as in {lang: %s, prefix: …}", e.Prefix, e.Lang, e.Prefix, e.Lang)
			continue
		}
		kept = append(kept, e)
	}
	c.Editions = kept
}
