package evidence

import (
	"testing"

	"gazette/internal/content"
)

func TestJudge(t *testing.T) {
	d := func(s string) content.Date {
		x, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	tests := []struct {
		name     string
		seen     []Sighting
		restored bool
		want     Status
		start    string
	}{
		{"unknown", []Sighting{{From: d("2014-06")}}, false, Status{}, "2014-06"},
		{"ongoing as of the newest report", []Sighting{
			{From: d("2014-06"), Ongoing: true, Report: d("2014-07-01")},
			{From: d("2014-06-13"), Ongoing: true, Report: d("2014-09-01")},
			{From: d("2014-06"), Report: d("2014-10-01")},
		}, false, Status{State: Ongoing, AsOf: d("2014-09-01")}, "2014-06-13"},
		{"ended", []Sighting{{From: d("2014-06"), Until: d("2014-08"), Ongoing: true, Report: d("2014-07-01")}}, false,
			Status{State: Ended, End: Span{Date: d("2014-08")}}, "2014-06"},
		{"restored", []Sighting{{From: d("2014-06")}, {From: d("2016-10-02"), Ending: true}}, true,
			Status{State: Restored, End: Span{Date: d("2016-10-02")}}, "2014-06"},
	}
	for _, tt := range tests {
		start, st := Judge(tt.seen, tt.restored)
		if start.Date != d(tt.start) || st.State != tt.want.State || st.AsOf != tt.want.AsOf || st.End.Date != tt.want.End.Date {
			t.Errorf("%s: Judge = %v, %+v; want %s, %+v", tt.name, start.Date, st, tt.start, tt.want)
		}
	}
}
