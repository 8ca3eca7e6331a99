package svg

import (
	"fmt"

	"gazette/internal/english"
)

// Labels are the words the chart and the strips put on the page, kept in
// one struct so that the site's language supplies them in one place
// instead of being spread through the layout code. English gives the
// default theme's words.
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

	StripTitle     string
	StripTitleSome func(shown, all int) string // when the strip is cut to the newest rows
}

// English returns the default theme's words.
func English() Labels {
	return Labels{
		Months:     [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		MonthsAbbr: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		MonthsTick: [12]string{"J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"},
		ChartTitle: "Shutdowns by the month they began",
		Records:    func(n int) string { return english.Count(n, "shutdown", "shutdowns") },
		YearOnly:   func(year int) string { return fmt.Sprintf("%d, month not known", year) },
		BarWords: func(n int, when, parts string) string {
			return fmt.Sprintf(" %s began in %s (%s)", map[bool]string{true: "shutdown", false: "shutdowns"}[n == 1], when, parts)
		},
		Summary: func(n int, from, to string) string {
			return fmt.Sprintf("%s began between %s and %s.", english.Count(n, "shutdown", "shutdowns"), from, to)
		},
		Busiest: func(n int, when string) string { return fmt.Sprintf(" The most in one month: %d, in %s.", n, when) },
		Undated: func(n int) string {
			return fmt.Sprintf(" %s with no known start %s left off.", english.Count(n, "record", "records"), map[bool]string{true: "is", false: "are"}[n == 1])
		},
		StripTitle: "Shutdowns on the site's time line",
		StripTitleSome: func(shown, all int) string {
			return fmt.Sprintf("The %d most recent of %d shutdowns on the site's time line", shown, all)
		},
	}
}
