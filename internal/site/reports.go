package site

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
)

// reportMeta resolves a report's front matter lists and events, and lets
// the content's references go. It runs before the bodies are parsed, in
// report order, because it appends to the site's event list.
func (r *resolver) reportMeta(rep *Report) {
	for _, ref := range rep.Refs {
		if e := r.entity(ref.Kind, ref.ID, ref.Pos); e != nil {
			rep.named = append(rep.named, e)
		}
	}
	for i := range rep.Report.Events {
		ce := rep.Report.Events[i]
		ev := &Event{Event: ce, Report: rep}
		ev.Where = r.refs(ce.Where)
		ev.By = r.refs(ce.By)
		ev.Via = r.refs(ce.Via)
		for _, list := range [][]*Entity{ev.Where, ev.By, ev.Via} {
			rep.named = append(rep.named, list...)
		}
		// The entities are resolved: the references to them go, so that
		// a large site does not keep both.
		ev.Event.Where, ev.Event.By, ev.Event.Via = nil, nil, nil
		rep.Events = append(rep.Events, ev)
		r.site.Events = append(r.site.Events, ev)
	}
	rep.Refs, rep.Report.Events = nil, nil
}

// reportBody resolves a report's annotations; each entity annotation is a
// mention with an anchor. Only the mentions an entity page shows keep
// their sentence (see maxMentionsShown), so that a report dense with
// annotations does not keep a sentence for each. It runs in parallel with
// other bodies and touches only rep.
func (r *resolver) reportBody(rep *Report) {
	shown := map[*Entity]int{}
	r.links(rep.Doc, rep.URL, func(e *Entity, l *markup.Link) {
		rep.named = append(rep.named, e)
		m := &Mention{Report: rep, Entity: e, n: len(rep.Mentions) + 1}
		if shown[e] < maxMentionsShown {
			shown[e]++
			m.Sentence = l.Sentence
		}
		l.Anchor = m.Anchor()
		rep.Mentions = append(rep.Mentions, m)
	})
}

// reportEntities sorts what the report names into its per-kind lists: the
// union of its front matter, its events and its annotations.
func (r *resolver) reportEntities(rep *Report) {
	rep.Entities = make([][]*Entity, len(r.site.Kinds))
	seen := make(map[*Entity]bool, len(rep.named))
	for _, e := range rep.named {
		if !seen[e] {
			seen[e] = true
			i := slices.Index(r.site.Kinds, e.Kind)
			rep.Entities[i] = append(rep.Entities[i], e)
		}
	}
	rep.named = nil
	for i, k := range r.site.Kinds {
		slices.SortFunc(rep.Entities[i], byName)
		if len(rep.Entities[i]) == 0 {
			r.diags.Warnf(diag.Pos{Path: rep.Path}, "report has no %s: annotate one in the text or list it in %s:", k.ID, k.Plural)
		}
	}
	rep.Summary = rep.Report.Summary
	if rep.Summary == "" {
		rep.Summary = Shorten(rep.Doc.FirstParagraph(), 200)
	}
}

func (r *resolver) refs(refs []content.Ref) []*Entity {
	var out []*Entity
	for _, ref := range refs {
		if e := r.entity(ref.Kind, ref.ID, ref.Pos); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// links resolves the annotations of doc, which is shown at the page URL
// from. mention, when not nil, is called for each entity annotation.
func (r *resolver) links(doc *markup.Doc, from string, mention func(*Entity, *markup.Link)) {
	for _, l := range doc.Links {
		if l.Scheme == "report" {
			r.reportLink(l, from)
			continue
		}
		var e *Entity
		switch {
		case l.ID == "" && l.Text == "":
			r.diags.Errorf(l.Pos, "empty annotation: write the name as the link text, as in [Mosul](%s:)", l.Scheme)
		case l.ID == "":
			e = r.names[l.Scheme].lookup(l.Text)
			if e == nil {
				r.diags.Errorf(l.Pos, "no %s is named %q%s", l.Scheme, l.Text, r.nameHint(l.Scheme, l.Text))
			}
		case !content.ValidID(l.ID):
			r.diags.Errorf(l.Pos, "invalid %s id %q: ids use lower-case letters a-z, digits and single hyphens%s", l.Scheme, clip(l.ID), r.hint(r.kind(l.Scheme), l.ID))
		default:
			e = r.entity(l.Scheme, l.ID, l.Pos)
		}
		if e == nil {
			continue
		}
		l.Href = Rel(from, e.URL)
		l.Title = e.Name
		if mention != nil {
			mention(e, l)
		}
	}
}

func (r *resolver) reportLink(l *markup.Link, from string) {
	slug, frag, _ := strings.Cut(l.ID, "#")
	target := r.reportIndex[slug]
	switch {
	case target != nil:
		l.Href = Rel(from, target.URL)
		if frag != "" {
			l.Href += "#" + frag
		}
		l.Title = target.Title
	case r.invalid[slug]:
		// The report's own error is reported; don't add one here.
	case r.drafts[slug]:
		r.diags.Errorf(l.Pos, "report %q is a draft; it is built only with --drafts", slug)
	case slug == "":
		r.diags.Errorf(l.Pos, "report link needs a slug, as in [text](report:2014-06-16-iraq-blocks-social-media)")
	default:
		slugs := make([]string, 0, len(r.site.Reports))
		for _, rep := range r.site.Reports {
			slugs = append(slugs, rep.Slug)
		}
		r.diags.Errorf(l.Pos, "link to missing report %q%s", clip(slug), diag.DidYouMean(slug, slugs))
	}
}

// nameHint suggests the nearest name or alias of the kind.
func (r *resolver) nameHint(kind, text string) string {
	ix := r.names[kind]
	if ix == nil {
		return ""
	}
	keys := make([]string, 0, len(ix.byKey))
	for _, k := range r.kind(kind).Entities {
		keys = append(keys, ix.key(k.Name))
		for _, a := range k.Aliases {
			keys = append(keys, ix.key(a.Value))
		}
	}
	if s := diag.Suggest(ix.key(text), keys); s != "" {
		c := ix.byKey[s]
		return fmt.Sprintf("; did you mean %q (%s:%s)?", c.value, kind, c.entity.ID)
	}
	if e := r.kind(kind).byID[content.Slugify(text)]; e != nil {
		return fmt.Sprintf("; did you mean %s:%s (%s)?", kind, e.ID, e.Name)
	}
	return fmt.Sprintf("; add it to the aliases of an entity in %s/, or write [%s](%s:id)", r.kind(kind).Plural, clip(text), kind)
}

// Shorten cuts s to at most n runes at a word boundary, adding an
// ellipsis. The render stage cuts descriptions with it too.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := string([]rune(s)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

func clip(s string) string { return Shorten(s, 60) }

// Rel returns the relative URL from the page at directory URL from (such
// as "cities/mosul/") to the page at directory URL to, ending in
// index.html so that links also work when the site is opened from disk.
// Both are relative to the site root; "" is the root itself.
func Rel(from, to string) string {
	return RelFile(from, to+"index.html")
}

// RelFile returns the relative URL from the page at directory URL from to
// the file at path to, both relative to the site root.
func RelFile(from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + to
}
