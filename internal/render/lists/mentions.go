package lists

import "gazette/internal/site"

// How much of an entity's mentions its page shows unfolded: the newest
// groupsOpen reports, itemsOpen sentences of each. The rest is in
// <details>, which folds without script, so that a page such as Mosul's
// reads as a list of reports, each with one sentence, rather than as every
// sentence that names the city.
const (
	groupsOpen = 3
	itemsOpen  = 1
)

// MentionGroup is the mentions of an entity in one report, as its page
// lists them: the first, the next few folded away, and how many more.
type MentionGroup struct {
	Href      string // the report: "../../reports/x/index.html"
	Title     string // the report's title
	Date, Day string // the report's date: "2016-08-12", "12 August 2016"
	Lang      string // the language of the report's text, when it is not the edition's
	Count     int    // the report's mentions of the entity
	Items     []MentionItem
	Folded    []MentionItem // listed after Items, folded away
	More      int           // the report's mentions not listed
}

// MentionItem is a mention of an entity as its page lists it: the sentence
// around it, and a link to it in its report.
type MentionItem struct {
	Before, Text, After string // the sentence, split around the mention
	Href                string // the mention in its report: "../../reports/x/index.html#m-3"
}

// Mentions lays out an entity's mentions, grouped by report, newest first
// (site.Entity.MentionGroupsIn is in that order): the first groups in
// open and the others in folded, each group's first sentences in Items
// and the next in Folded. head is what the page says of a report: its
// Href, Title, Date, Day and Lang.
func Mentions(groups []site.MentionGroup, head func(*site.Report) MentionGroup) (open, folded []MentionGroup) {
	for i, g := range groups {
		mg := head(g.Report)
		mg.Count, mg.More = len(g.Mentions)+g.More, g.More
		for j, m := range g.Mentions {
			item := MentionItem{
				Before: m.Sentence.Before, Text: m.Sentence.Text, After: m.Sentence.After,
				Href: mg.Href + "#" + m.Anchor(),
			}
			if j < itemsOpen {
				mg.Items = append(mg.Items, item)
			} else {
				mg.Folded = append(mg.Folded, item)
			}
		}
		if i < groupsOpen {
			open = append(open, mg)
		} else {
			folded = append(folded, mg)
		}
	}
	return open, folded
}
