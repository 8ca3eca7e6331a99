package htmlsafe

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// DuplicateIDs reports each id that doc gives to more than one element.
// Not a matter of script but of links: a #fragment lands on the first
// element with its id, so a heading in a body that took the id of the
// page's own "sources" section, or of a mention anchor, took its links
// too. A page's Markdown and its theme share one namespace of ids, and
// the tests of every stage that writes pages check it with this.
func DuplicateIDs(doc string) []string {
	var problems []string
	first := map[string]int{}
	z := html.NewTokenizer(strings.NewReader(doc))
	for at := 0; ; {
		tt := z.Next()
		raw := len(z.Raw())
		if tt == html.ErrorToken {
			return problems
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			for _, a := range z.Token().Attr {
				if a.Key != "id" {
					continue
				}
				if prev, ok := first[a.Val]; ok {
					problems = append(problems, fmt.Sprintf("offset %d: id %q is already the id of the element at offset %d", at, a.Val, prev))
				} else {
					first[a.Val] = at
				}
			}
		}
		at += raw
	}
}
