// Package i18n gives the site's interface its words in each language: the
// theme's message catalogues (i18n/<lang>.yaml, one file per language,
// the project's theme overriding the default one message by message), with
// CLDR plural rules, dates with each language's month names, and numbers
// in the digits an edition chooses.
//
// A catalogue is a YAML mapping from a key to a message, or, for a message
// that depends on a count, to its forms by CLDR plural category:
//
//	nav.reports: Reports
//	count.reports:
//	  one: "{{.Count}} report"
//	  other: "{{.Count}} reports"
//
// A message is a text/template: {{.Count}} is the count, written in the
// edition's digits, and {{.Name}} any value the caller names.
//
// Plural rules come from golang.org/x/text/feature/plural, which holds
// CLDR's rules (Arabic's zero, one, two, few, many and other; Sorani's one
// and other) and is already one of gazette's dependencies. The message
// lookup itself is a map per language here, not x/text/message's catalogue
// or github.com/nicksnyder/go-i18n: x/text/message formats positional
// printf verbs (%[2]s), which translators read worse than named
// placeholders, and falls back to printing the key; go-i18n would be a new
// dependency, parses its files without line numbers (a catalogue's
// mistakes are path:line:col errors here, as every maintainer mistake is),
// and keeps its plural rules internal, so a catalogue could not be checked
// for a plural category its language does not have.
//
// A message missing in a language falls back to the site's default
// language, then to English, the default theme's own language, which is
// complete; never to a blank. Check reports what a language lacks.
package i18n

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	texttemplate "text/template"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"gazette/internal/content"
	"gazette/internal/diag"
)

// Base is the language every theme's catalogue must be complete in: the
// default theme is written in it, and every other language falls back to it.
const Base = "en"

// Catalogue is every language's messages, read from a theme.
type Catalogue struct {
	langs map[string]*messages
}

// messages is one language's catalogue.
type messages struct {
	lang  string
	tag   language.Tag
	files []string // the files it was read from, as diagnostics name them, the one that wins last
	pos   diag.Pos // the file that wins, where warnings about the language go
	m     map[string]*Message
}

// Message is one message of a catalogue.
type Message struct {
	Key   string
	Pos   diag.Pos
	forms map[plural.Form]*texttemplate.Template // plural.Other for a message without forms
	plain map[plural.Form]string                 // the forms that hold no action: no template to run
}

// Langs lists the languages the catalogue has messages in.
func (c *Catalogue) Langs() []string { return slices.Sorted(maps.Keys(c.langs)) }

// Has reports whether lang's own catalogue has key, without falling back.
func (c *Catalogue) Has(lang, key string) bool {
	m := c.langs[lang]
	return m != nil && m.m[key] != nil
}

// Keys lists the keys of lang's own catalogue.
func (c *Catalogue) Keys(lang string) []string {
	m := c.langs[lang]
	if m == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(m.m))
}

// Localizer is the catalogue in one interface language: what a page calls
// to say something. It is safe for use by many pages at once.
type Localizer struct {
	lang   string
	digits *strings.Replacer // nil for 0-9
	chain  []*messages       // the language, then its fallbacks
	memo   *memo             // the messages with arguments it has formatted
	// plain are the messages that need no formatting, as the chain
	// answers them without arguments: most of what a page says.
	plain map[string]string
}

// Localizer returns the localizer for lang, writing numbers in digits (a
// content.Digits name; "" is latn), falling back to the languages in
// fallback and then to Base for a message lang lacks.
func (c *Catalogue) Localizer(lang, digits string, fallback ...string) *Localizer {
	l := &Localizer{lang: lang, digits: digitReplacer(digits), memo: &memo{}}
	seen := map[string]bool{}
	for _, code := range append(append([]string{lang}, fallback...), Base) {
		if seen[code] {
			continue
		}
		seen[code] = true
		if m := c.langs[code]; m != nil {
			l.chain = append(l.chain, m)
		}
	}
	l.plain = map[string]string{}
	for i := len(l.chain) - 1; i >= 0; i-- { // the first language that has a key wins
		for key, msg := range l.chain[i].m {
			if s, ok := msg.plain[plural.Other]; ok {
				l.plain[key] = s
			} else {
				delete(l.plain, key) // a template: formatted each time
			}
		}
	}
	return l
}

// Lang is the localizer's language.
func (l *Localizer) Lang() string { return l.lang }

// digitReplacer writes ASCII digits in another digit system.
func digitReplacer(system string) *strings.Replacer {
	var zero rune
	switch system {
	case "arab":
		zero = '٠'
	case "arabext":
		zero = '۰'
	default:
		return nil
	}
	pairs := make([]string, 0, 20)
	for i := range 10 {
		pairs = append(pairs, string(rune('0'+i)), string(zero+rune(i)))
	}
	return strings.NewReplacer(pairs...)
}

// Digits writes the ASCII digits in s in the localizer's digits.
func (l *Localizer) Digits(s string) string {
	if l.digits == nil {
		return s
	}
	return l.digits.Replace(s)
}

// Num writes n in the localizer's digits, without grouping: "2016", "٢٠١٦".
func (l *Localizer) Num(n int) string { return l.Digits(strconv.Itoa(n)) }

// T returns the message key in the localizer's language. args are an
// optional count first (any integer: it chooses the plural form and is
// {{.Count}}, in the localizer's digits), then name, value pairs for the
// message's other placeholders. An integer value is written in the
// localizer's digits, a content.Date as Date writes it. A message missing
// in the language comes from its fallbacks; one missing everywhere, or
// that fails, is the key itself, so that a page never shows a blank.
func (l *Localizer) T(key string, args ...any) string {
	s, _ := l.message(key, false, args)
	return s
}

// HTML is T for a message that holds HTML markup, such as a sentence with
// a link in it: the values given for its placeholders are escaped, the
// message itself is not. Catalogues are the theme's, as trusted as its
// layouts.
func (l *Localizer) HTML(key string, args ...any) template.HTML {
	s, _ := l.message(key, true, args)
	return template.HTML(s)
}

// message formats key; ok is false when no language in the chain has it.
// A message with arguments is formatted once (see memo).
func (l *Localizer) message(key string, html bool, args []any) (string, bool) {
	if len(args) == 0 {
		if s, ok := l.plain[key]; ok {
			return s, true
		}
		return l.format(key, html, args)
	}
	if l.memo == nil {
		return l.format(key, html, args)
	}
	k, kept := keyOf(key, html, args)
	if kept {
		if s, ok := l.memo.message(k); ok {
			return s, true
		}
	}
	s, ok := l.format(key, html, args)
	if kept && ok {
		l.memo.keepMessage(k, s)
	}
	return s, ok
}

// format is message, formatted.
func (l *Localizer) format(key string, html bool, args []any) (string, bool) {
	data, n, counted := l.data(html, args)
	for i, m := range l.chain {
		msg := m.m[key]
		if msg == nil {
			continue
		}
		form := plural.Other
		if counted {
			form = plural.Cardinal.MatchPlural(l.tags(i), n, 0, 0, 0, 0)
		}
		if s, ok := msg.plain[form]; ok {
			return s, true
		}
		t := msg.forms[form]
		if t == nil {
			if s, ok := msg.plain[plural.Other]; ok {
				return s, true
			}
			t = msg.forms[plural.Other]
		}
		var b strings.Builder
		if err := t.Execute(&b, data); err == nil {
			return b.String(), true
		}
	}
	return key, false
}

// tags returns the plural rules to choose a form of chain[i]'s message by:
// the language's own.
func (l *Localizer) tags(i int) language.Tag { return l.chain[i].tag }

// data builds a message's template data from T's arguments.
func (l *Localizer) data(html bool, args []any) (data map[string]any, n int, counted bool) {
	if len(args) == 0 {
		return nil, 0, false
	}
	data = make(map[string]any, len(args)/2+1)
	if c, ok := asInt(args[0]); ok {
		n, counted = c, true
		data["Count"] = l.Num(c)
		args = args[1:]
	}
	for i := 0; i+1 < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			continue
		}
		var v string
		switch x := args[i+1].(type) {
		case content.Date:
			v = l.Date(x)
		case string:
			v = x
		case template.HTML:
			if html {
				data[name] = string(x)
				continue
			}
			v = string(x)
		case fmt.Stringer:
			v = x.String()
		default:
			if c, ok := asInt(x); ok {
				v = l.Num(c)
			} else {
				v = fmt.Sprint(x)
			}
		}
		if html {
			v = template.HTMLEscapeString(v)
		}
		data[name] = v
	}
	return data, n, counted
}

func asInt(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case int32:
		return int(x), true
	case uint32:
		return int(x), true
	case uint64:
		return int(x), true
	case uint:
		return int(x), true
	}
	return 0, false
}

// Date writes d at its precision with the language's month names:
// "12 August 2016", "August 2016", "2016"; "12 آب 2016". The messages
// date.day, date.month and date.year arrange {{.Day}}, {{.Month}} (the
// name, month.1 to month.12) and {{.Year}}.
func (l *Localizer) Date(d content.Date) string {
	if l.memo == nil {
		return l.date(d)
	}
	if s, ok := l.memo.date(d); ok {
		return s
	}
	s := l.date(d)
	l.memo.keepDate(d, s)
	return s
}

// date is Date, formatted.
func (l *Localizer) date(d content.Date) string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return l.T("date.year", "Year", l.Num(d.Year))
	case d.Day == 0:
		return l.T("date.month", "Month", l.T("month."+strconv.Itoa(d.Month)), "Year", l.Num(d.Year))
	}
	return l.T("date.day", "Day", l.Num(d.Day), "Month", l.T("month."+strconv.Itoa(d.Month)), "Year", l.Num(d.Year))
}

// When writes an event's dates: "12 August 2016 – 1 November 2016",
// "June 2014 – ongoing as of 16 June 2014", "2015". An event is ongoing
// only as of its report's date (seen), never simply "ongoing": read years
// later, that would say it still is.
func (l *Localizer) When(from content.Date, until content.Until, seen content.Date) string {
	switch {
	case until.Ongoing:
		return l.T("when.ongoing", "From", from, "Seen", seen)
	case until.Unknown:
		return l.T("when.unknown", "From", from)
	case until.Date.IsZero() || until.Date == from:
		return l.Date(from)
	}
	return l.T("when.range", "From", from, "Until", until.Date)
}

// List joins items with the language's separator, list.sep: ", " in
// English, "، " in Arabic.
func (l *Localizer) List(items []string) string {
	return strings.Join(items, l.T("list.sep"))
}
