package export

import "gazette/internal/content"

// EDTF formats a span of time as Extended Date/Time Format (ISO 8601-2),
// which spreadsheets and date libraries read at its own precision:
// "2014-11/2016-10", "2014-11/.." (not over when last seen), "2014/" (end
// not known), "2016-10" (a single day, month or year).
func EDTF(from content.Date, end content.Date, open bool) string {
	switch {
	case open:
		return from.String() + "/.."
	case end.IsZero():
		return from.String() + "/"
	case from.IsZero():
		return "/" + end.String()
	case end == from:
		return from.String()
	}
	return from.String() + "/" + end.String()
}

// Precision names how precisely a date is known: "day", "month", "year", or
// "" for no date.
func Precision(d content.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return "year"
	case d.Day == 0:
		return "month"
	}
	return "day"
}
