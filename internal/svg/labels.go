package svg

import (
	"strconv"

	"gazette/internal/recordtext"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// Labels are the words the chart and the strips put on the page, kept in
// one struct so that the edition's message catalogue supplies them in one
// place (LabelsFrom) instead of being spread through the layout code.
type Labels struct {
	Months     [12]string // "August": in a bar's name and the table
	MonthsAbbr [12]string // "Aug": the month ticks on a wide chart
	MonthsTick [12]string // "A": the month ticks on a narrow one

	ChartTitle string                                 // the chart's heading
	Records    func(n int) string                     // "3 shutdowns"
	BarWords   func(n int, when, parts string) string // a bar's name after its count: " shutdowns began in August 2016 (Shutdown 2, Ban 1)"
	YearOnly   func(year int) string                  // a band's name: "2015, month not known"
	Summary    func(n int, from, to string) string    // the chart in a sentence
	Busiest    func(n int, when string) string        // its peak
	Undated    func(n int) string                     // records without a start, left off
	Num        func(n int) string                     // a number in the edition's digits

	StripTitle     string
	StripTitleSome func(shown, all int) string // when the strip is cut to the newest rows
	Heading        func(rec *site.Record) string
	// HeadingLang is the language to mark Heading with when it is not
	// the edition's (a record's own title, written in the default
	// language), else "". nil marks nothing.
	HeadingLang func(rec *site.Record) string
	Status      func(s evidence.Status) string
}

// LabelsFrom gives the chart and strips of site s the words of w, the
// catalogue of the page's interface language (messages chart.*, strip.*,
// month.*).
func LabelsFrom(s *site.Site, w site.Words) Labels {
	l := Labels{
		ChartTitle: w.T("chart.title"),
		Records:    func(n int) string { return w.T("count.shutdowns", n) },
		YearOnly:   func(year int) string { return w.T("chart.year_only", "Year", w.Num(year)) },
		BarWords: func(n int, when, parts string) string {
			return w.T("chart.bar_words", n, "When", when, "Parts", parts)
		},
		Summary: func(n int, from, to string) string {
			return w.T("chart.summary", n, "From", from, "To", to)
		},
		Busiest: func(n int, when string) string { return w.T("chart.busiest", n, "When", when) },
		Undated: func(n int) string { return w.T("chart.undated", n) },
		Num:     w.Num,

		StripTitle:     w.T("strip.title"),
		StripTitleSome: func(shown, all int) string { return w.T("strip.title.more", all, "Shown", w.Num(shown)) },
		Heading:        func(rec *site.Record) string { return recordtext.Heading(s, w, rec) },
		Status:         func(st evidence.Status) string { return evidence.StatusText(w, st) },
	}
	for m := 1; m <= 12; m++ {
		l.Months[m-1] = w.T("month." + strconv.Itoa(m))
		l.MonthsAbbr[m-1] = w.T("month.short." + strconv.Itoa(m))
		l.MonthsTick[m-1] = w.T("month.tick." + strconv.Itoa(m))
	}
	return l
}
