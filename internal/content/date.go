package content

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date known to the year, the month or the day. Sources
// often give only "June 2014"; keeping the precision lets pages say so
// instead of inventing a day.
type Date struct {
	Year, Month, Day int // Month and Day are 0 when unknown
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	bad := fmt.Errorf("invalid date %q: use YYYY, YYYY-MM or YYYY-MM-DD", s)
	num := func(s string) (int, bool) {
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	var d Date
	var ok bool
	switch len(s) {
	case 4, 7, 10:
	default:
		return Date{}, bad
	}
	if d.Year, ok = num(s[:4]); !ok || d.Year < 1 {
		return Date{}, bad
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return Date{}, bad
		}
		if d.Month, ok = num(s[5:7]); !ok {
			return Date{}, bad
		}
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("invalid date %q: month %d does not exist", s, d.Month)
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return Date{}, bad
		}
		if d.Day, ok = num(s[8:10]); !ok {
			return Date{}, bad
		}
		if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, fmt.Errorf("invalid date %q: %s %d has no day %d", s, time.Month(d.Month), d.Year, d.Day)
		}
	}
	return d, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats d at its own precision.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Human formats d for readers: "12 August 2016", "August 2016", "2016".
func (d Date) Human() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	}
	return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
}

// Start is the first day d covers.
func (d Date) Start() time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// End is the last day d covers.
func (d Date) End() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month), daysIn(d.Year, d.Month), 0, 0, 0, 0, time.UTC)
	}
	return d.Start()
}

// Compare orders dates by their first day, then the less precise first, so
// "2014-06" sorts before "2014-06-01".
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.Year, e.Year), cmp.Compare(d.Month, e.Month), cmp.Compare(d.Day, e.Day))
}
