package render

import (
	"html/template"
	"strings"

	"gazette/internal/site"
)

// nameHTML is e's name in the edition in lang, in <bdi> so that a name
// of either direction does not reorder the message around it. Where the
// entity has no name in lang, the name shown is the original's, content
// in another language: it carries that language, so that screen readers
// read it as such and the interface is not taken to be untranslated.
func nameHTML(e *site.Entity, lang string) template.HTML {
	name := template.HTMLEscapeString(e.NameIn(lang))
	return template.HTML(`<bdi` + string(langAttrs(nameLang(e, lang))) + `>` + name + `</bdi>`)
}

// otherLang is lang when it is not the page's language, else "": the
// language to mark a text in lang with on that page.
func otherLang(lang, page string) string {
	if strings.EqualFold(lang, page) {
		return ""
	}
	return lang
}

// nameLang is the language of e's name in the edition in lang when it is
// not lang (the original's name standing in for a missing one), else "".
func nameLang(e *site.Entity, lang string) string {
	if l := e.NameLangIn(lang); l != "" && !strings.EqualFold(l, lang) {
		return l
	}
	return ""
}
