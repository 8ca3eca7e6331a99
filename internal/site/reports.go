package site

import (
	"fmt"
	"slices"
	"strings"

	"gazette/internal/content"
	"gazette/internal/decode"
	"gazette/internal/diag"
	"gazette/internal/english"
	"gazette/internal/markup"
	"gazette/internal/urlpath"
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
		ev := &Event{Event: ce, Report: rep, N: i + 1, Roles: r.roles(ce.Roles)}
		for _, p := range ev.Roles {
			rep.named = append(rep.named, p.Entities...)
		}
		// The entities are resolved: the references to them go, so that
		// a large site does not keep both.
		ev.Event.Roles = nil
		rep.Events = append(rep.Events, ev)
		r.site.Events = append(r.site.Events, ev)
	}
	rep.Refs, rep.Report.Events = nil, nil
}

// reportBody resolves a report's annotations; each entity annotation is a
// mention with an anchor, except those marked passing, which only name the
// entity. Only the mentions an entity page shows keep their sentence (see
// maxMentionsShown), so that a report dense with annotations does not keep
// a sentence for each. It runs in parallel with other bodies and touches
// only rep.
func (r *resolver) reportBody(rep *Report) {
	shown := map[*Entity]int{}
	r.links(rep.Doc, rep.URL, rep.lang, func(e *Entity, l *markup.Link) {
		rep.named = append(rep.named, e)
		if l.Passing {
			return
		}
		m := &Mention{Report: rep, Entity: e, Lang: rep.lang, n: len(rep.Mentions) + 1}
		if shown[e] < maxMentionsShown {
			shown[e]++
			m.Sentence = l.Sentence
		}
		l.Anchor = m.Anchor()
		rep.Mentions = append(rep.Mentions, m)
	})
}

// translationBody resolves the annotations of a translation of rep, with
// the names that hold in its language; each entity annotation not marked
// passing is a mention in that text. It runs in parallel with rep's own
// body and touches only t.
func (r *resolver) translationBody(rep *Report, t *Translation) {
	r.links(t.Doc, rep.URL, t.Lang, func(e *Entity, l *markup.Link) {
		t.named = append(t.named, e)
		if l.Passing {
			return
		}
		m := &Mention{Report: rep, Entity: e, Sentence: l.Sentence, Lang: t.Lang, n: len(t.Mentions) + 1}
		l.Anchor = m.Anchor()
		t.Mentions = append(t.Mentions, m)
	})
}

// reportEntities sorts what the report names into its per-kind lists: the
// union of its front matter, its events and its annotations, those of its
// translations included, so that every edition lists the same entities.
func (r *resolver) reportEntities(rep *Report) {
	for _, t := range rep.Translations {
		rep.named = append(rep.named, t.named...)
		t.named = nil
		if t.Summary == "" {
			t.Summary = english.Shorten(t.Doc.FirstParagraph(), 200)
		}
	}
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
	for _, ev := range rep.Events {
		if ev.Record != nil && !slices.Contains(rep.Records, ev.Record) {
			rep.Records = append(rep.Records, ev.Record)
		}
	}
	for i, k := range r.site.Kinds {
		slices.SortFunc(rep.Entities[i], byName)
		if len(rep.Entities[i]) == 0 {
			r.diags.Warnf(diag.Pos{Path: rep.Path}, "report has no %s: annotate one in the text or list it in %s:", k.ID, k.Plural)
		}
	}
	rep.Summary = rep.Report.Summary
	if rep.Summary == "" {
		rep.Summary = english.Shorten(rep.Doc.FirstParagraph(), 200)
	}
}

// links resolves the annotations of doc, which is written in lang and
// shown at the page URL from. mention, when not nil, is called for each
// entity annotation.
func (r *resolver) links(doc *markup.Doc, from, lang string, mention func(*Entity, *markup.Link)) {
	for _, l := range doc.Links {
		if l.Scheme == "report" {
			r.reportLink(l, from, lang)
			continue
		}
		var e *Entity
		switch {
		case l.ID == "" && l.Text == "":
			r.diags.Errorf(l.Pos, "empty annotation: write the name as the link text, as in [Mosul](%s:)", l.Scheme)
		case l.ID == "":
			// The text as written, not as typeset: the typographer's
			// curly quotes are not in the entity's file.
			found := r.names[l.Scheme].Lookup(l.Written, lang)
			switch len(found) {
			case 0:
				r.diags.Errorf(l.Pos, "no %s is named %q%s", l.Scheme, l.Written, r.nameHint(l.Scheme, l.Written, lang))
			case 1:
				e = found[0]
			default:
				r.ambiguous(l, found)
			}
		case !decode.ValidID(l.ID):
			r.diags.Errorf(l.Pos, "invalid %s id %q: ids use lower-case letters a-z, digits and single hyphens%s", l.Scheme, clip(l.ID), r.hint(r.kind(l.Scheme), l.ID))
		default:
			e = r.entity(l.Scheme, l.ID, l.Pos)
		}
		if e == nil {
			continue
		}
		l.Href = urlpath.Rel(from, e.URL)
		l.Title = e.NameIn(lang)
		if mention != nil {
			mention(e, l)
		}
	}
}

func (r *resolver) reportLink(l *markup.Link, from, lang string) {
	slug, frag, _ := strings.Cut(l.ID, "#")
	target := r.reportIndex[slug]
	switch {
	case target != nil:
		l.Href = urlpath.Rel(from, target.URL)
		if frag != "" {
			l.Href += "#" + frag
		}
		l.Title = target.TitleIn(lang)
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

// nameHint suggests the nearest name or alias of the kind that holds in
// texts in lang.
func (r *resolver) nameHint(kind, text, lang string) string {
	ix := r.names[kind]
	if ix == nil {
		return ""
	}
	if h := ix.NearestHint(text, lang, func(e *Entity) string { return kind + ":" + e.ID }); h != "" {
		return h
	}
	if e := r.kind(kind).byID[content.Slugify(text)]; e != nil {
		return fmt.Sprintf("; did you mean %s:%s (%s)?", kind, e.ID, e.Name)
	}
	return fmt.Sprintf("; add it to the aliases of an entity in %s/, or write [%s](%s:id)", r.kind(kind).Plural, clip(text), kind)
}

// ambiguous reports an annotation whose text names several entities, with
// the annotation that names each one.
func (r *resolver) ambiguous(l *markup.Link, found []*Entity) {
	k := found[0].Kind
	links := make([]string, len(found))
	for i, e := range found {
		links[i] = "[" + clip(l.Written) + "](" + k.ID + ":" + e.ID + ")"
	}
	r.diags.Errorf(l.Pos, "%q names %d %s: did you mean %s?", clip(l.Written), len(found), k.Many, english.Or(links))
}

// clip shortens what a message quotes of the file.
func clip(s string) string { return english.Shorten(s, 60) }
