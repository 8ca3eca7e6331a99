package render

import (
	"gazette/internal/render/lists"
	"gazette/internal/site"
)

// entityMentions lays out e's mentions on its page p (lists.Mentions):
// each report links from p, in the edition's words.
func (r *renderer) entityMentions(p *Page, e *site.Entity) {
	groups, more := e.MentionGroupsIn(r.ed.Lang)
	p.Mentions, p.FoldedMentions = lists.Mentions(groups, func(rep *site.Report) lists.MentionGroup {
		return lists.MentionGroup{Href: p.Link(rep.URL), Title: p.TitleOf(rep), Date: rep.Date.String(),
			Day: r.ui.Date(rep.Date), Lang: p.ItemLang(rep)}
	})
	p.MoreMentions = more
	p.MentionCount = len(e.MentionsIn(r.ed.Lang))
	p.MentionReports = len(groups) + more
}
