package render

import "gazette/internal/site"

// How much of an entity's mentions its page shows unfolded: the newest
// mentionGroupsOpen reports, mentionItemsOpen sentences of each. The rest
// is in <details>, which folds without script, so that a page such as
// Mosul's reads as a list of reports, each with one sentence, rather than
// as every sentence that names the city.
const (
	mentionGroupsOpen = 3
	mentionItemsOpen  = 1
)

// entityMentions lays out e's mentions on its page p: grouped by report,
// newest first (site.MentionGroups is in that order), the first groups
// in Mentions and the others in FoldedMentions, each group's first
// sentences in Items and the next in Folded.
func (r *renderer) entityMentions(p *Page, e *site.Entity) {
	p.Mentions, p.FoldedMentions = nil, nil
	groups, more := e.MentionGroupsIn(r.ed.Lang)
	for i, g := range groups {
		rep := g.Report
		href := p.Link(rep.URL)
		mg := MentionGroup{
			Href: href, Title: p.TitleOf(rep), Date: rep.Date.String(), Day: r.ui.Date(rep.Date),
			Lang: p.ItemLang(rep), Count: len(g.Mentions) + g.More, More: g.More,
		}
		for j, m := range g.Mentions {
			item := MentionItem{
				Before: m.Sentence.Before, Text: m.Sentence.Text, After: m.Sentence.After,
				Href: href + "#" + m.Anchor(),
			}
			if j < mentionItemsOpen {
				mg.Items = append(mg.Items, item)
			} else {
				mg.Folded = append(mg.Folded, item)
			}
		}
		if i < mentionGroupsOpen {
			p.Mentions = append(p.Mentions, mg)
		} else {
			p.FoldedMentions = append(p.FoldedMentions, mg)
		}
	}
	p.MoreMentions = more
	p.MentionCount = len(e.MentionsIn(r.ed.Lang))
	p.MentionReports = len(groups) + more
}
