package svg

import (
	"fmt"
	"strings"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/site"
)

// Chart counts shutdown records by the month they began: the site's main
// question is when service was cut, and a record is one cut as a reader
// counts it (events would count a cut once per report that saw it, and
// restorations with it). It is drawn as one row of twelve months per year,
// so that at any width each month has room for its tick and its count in
// text at full size: the theme lays it out with HTML and CSS, and uses SVG
// only for the rectangles, whose sizes are attributes here.
type Chart struct {
	Title, Summary string
	PlotH          int // the height of a full bar, in CSS px
	Years          []ChartYear
	Legend         []LegendItem // a colour for each record type on the chart
	YearOnly       bool         // some records are known only to their year: the legend names the band
	Rows           []ChartRow   // the text equivalent: one row per month or year with records
}

// ChartYear is one row of the chart.
type ChartYear struct {
	Year     int
	Months   [12]ChartBar
	YearOnly *ChartBar // records known only to this year, drawn as a band across it
}

// ChartBar is one month's bar, or a year's band. A bar with N == 0 is an
// empty month: its tick only.
type ChartBar struct {
	Abbr, Tick string // the month's tick label, wide and narrow
	N          int
	Name       string // the band's text: "2015, month not known: 3 shutdowns (Shutdown 2, Ban 1)"
	Words      string // a bar's name after its count, for screen readers: " shutdowns began in August 2016 (Shutdown 2, Ban 1)"
	Href       string // the timeline at that month or year
	H          int    // the bar's height in CSS px
	Parts      []BarPart
}

// BarPart is one record type's share of a bar, stacked from the bottom.
type BarPart struct {
	Class string
	Y, H  int
}

// ChartRow is one row of the chart's table.
type ChartRow struct {
	When   string
	Counts []int // in the order of Legend
	N      int
}

// LegendItem names the colour of one record type.
type LegendItem struct {
	Class, Title string
	N            int
}

// chartPlotH is the height of the tallest bar: tall enough to tell 1 from
// 2, short enough that three years fit a phone's screen.
const chartPlotH = 96

// MonthAnchor is the timeline's anchor for the first item of a month
// ("m2016-08"), which the chart's bars link to.
func MonthAnchor(d content.Date) string { return fmt.Sprintf("m%04d-%02d", d.Year, d.Month) }

// YearAnchor is the timeline's anchor for a year's section ("y2016").
func YearAnchor(year int) string { return fmt.Sprintf("y%d", year) }

// RecordChart lays out the records per month of their start, in whole
// years from the first start to the last. timeline is the address of the
// timeline page as seen from the page the chart is on; each bar links to
// its month there (the timeline lists records at their start, so every
// month with a bar has an item to land on). types orders the colours,
// vocab names them.
func RecordChart(records []*site.Record, vocab config.Vocab, timeline string, l Labels) *Chart {
	types := vocab.IDs()
	type key struct{ year, month int }
	counts := map[key]map[string]int{}
	byType := map[string]int{}
	first, last, dated, undated := 1<<30, -1, 0, 0
	for _, rec := range records {
		d := rec.Start.Date
		if d.IsZero() {
			undated++
			continue
		}
		dated++
		k := key{d.Year, d.Month}
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][rec.Type]++
		byType[rec.Type]++
		first, last = min(first, d.Year), max(last, d.Year)
	}
	if dated == 0 {
		return nil
	}
	order := orderedTypes(types, byType)
	c := &Chart{Title: l.ChartTitle, PlotH: chartPlotH}
	for _, t := range order {
		c.Legend = append(c.Legend, LegendItem{Class: typeClass(types, t), Title: vocab.Label(t), N: byType[t]})
	}
	peak, peakWhen := 0, ""
	for year := first; year <= last; year++ {
		for m := 1; m <= 12; m++ {
			if n := total(counts[key{year, m}]); n > peak {
				peak, peakWhen = n, l.Months[m-1]+" "+l.Num(year)
			}
		}
	}
	bar := func(m map[string]int, when, href string) ChartBar {
		n := total(m)
		b := ChartBar{N: n, Href: href}
		if n == 0 {
			return b
		}
		var parts []string
		row := ChartRow{When: when, N: n}
		for _, t := range order {
			row.Counts = append(row.Counts, m[t])
			if m[t] > 0 {
				parts = append(parts, vocab.Label(t)+" "+l.Num(m[t]))
			}
		}
		c.Rows = append(c.Rows, row)
		b.Name = fmt.Sprintf("%s: %s (%s)", when, l.Records(n), strings.Join(parts, ", "))
		b.Words = l.BarWords(n, when, strings.Join(parts, ", "))
		b.H = max(2, n*chartPlotH/max(peak, 1))
		y := b.H
		for _, t := range order {
			if m[t] == 0 {
				continue
			}
			h := m[t] * b.H / n
			y -= h
			b.Parts = append(b.Parts, BarPart{Class: typeClass(types, t), Y: y, H: h})
		}
		// Rounding leaves the top part short: it takes what is left.
		b.Parts[len(b.Parts)-1].H += y
		b.Parts[len(b.Parts)-1].Y = 0
		return b
	}
	for year := first; year <= last; year++ {
		y := ChartYear{Year: year}
		for m := 1; m <= 12; m++ {
			d := content.Date{Year: year, Month: m}
			y.Months[m-1] = bar(counts[key{year, m}], l.Months[m-1]+" "+l.Num(year), timeline+"#"+MonthAnchor(d))
			y.Months[m-1].Abbr, y.Months[m-1].Tick = l.MonthsAbbr[m-1], l.MonthsTick[m-1]
		}
		if m := counts[key{year, 0}]; m != nil {
			b := bar(m, l.YearOnly(year), timeline+"#"+YearAnchor(year))
			b.H, b.Parts = 0, nil
			y.YearOnly = &b
			c.YearOnly = true
		}
		c.Years = append(c.Years, y)
	}
	c.Summary = l.Summary(dated, l.Num(first), l.Num(last))
	if peak > 0 {
		c.Summary += l.Busiest(peak, peakWhen)
	}
	if undated > 0 {
		c.Summary += l.Undated(undated)
	}
	return c
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
