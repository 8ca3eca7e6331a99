// Package langtag says what a BCP 47 language tag tells a page about the
// text it marks: the writing direction, the language's name in itself,
// and the lang and dir attributes that mark text written in it. The rules
// come from CLDR (golang.org/x/text) and depend on the tag alone, so site
// configuration (an edition's name) and the pages (their direction, the
// text they mark) read them from one place.
package langtag

import (
	"html/template"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Dir returns the writing direction of a BCP 47 language tag: "rtl" for
// right-to-left scripts, else "ltr".
func Dir(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return "ltr"
	}
	script, _ := tag.Script()
	switch script.String() {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr":
		return "rtl"
	}
	return "ltr"
}

// SelfName is a language's name in itself, from CLDR ("English",
// "العربية"), or the tag where CLDR has none (kmr).
func SelfName(lang string) string {
	if n := display.Self.Name(language.Make(lang)); n != "" {
		return n
	}
	return lang
}

// Attrs writes the attributes that mark text written in lang, such as a
// report's title on a page in another language: ` lang="ar" dir="rtl"`,
// or nothing when lang is "" (the text is in the language around it).
func Attrs(lang string) template.HTMLAttr {
	if lang == "" {
		return ""
	}
	return template.HTMLAttr(` lang="` + template.HTMLEscapeString(lang) + `" dir="` + Dir(lang) + `"`)
}
