// Package english words numbers, durations and lists, and shortens text,
// for the messages gazette prints and the descriptions of its pages, one
// way everywhere: the build
// summary of `gazette build`, `check` and `serve` and the page text say
// "1 report" and "3 reports" alike.
package english

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Count returns n with the noun: "1 report", "0 reports", "3 cities". Both
// forms are given, since a kind's plural comes from site.yaml.
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Duration returns d rounded as people read it: to the millisecond, and
// above a second to the hundredth ("345ms", "5.63s").
func Duration(d time.Duration) string {
	if d > time.Second {
		return d.Round(10 * time.Millisecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// Or joins items as "a", "a or b", "a, b or c".
func Or(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// Shorten cuts s to at most n runes at a word boundary, adding an
// ellipsis: the summaries of reports, and the descriptions of pages.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := string([]rune(s)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}
