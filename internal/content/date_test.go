package content_test

import (
	"strings"
	"testing"

	"gazette/internal/content"
	"gazette/internal/decode"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		want  content.Date
		human string
		err   string
	}{
		{"2016", content.Date{Year: 2016}, "2016", ""},
		{"2016-08", content.Date{Year: 2016, Month: 8}, "August 2016", ""},
		{"2016-08-12", content.Date{Year: 2016, Month: 8, Day: 12}, "12 August 2016", ""},
		{"2016-02-29", content.Date{Year: 2016, Month: 2, Day: 29}, "29 February 2016", ""},
		{"2000-02-29", content.Date{Year: 2000, Month: 2, Day: 29}, "29 February 2000", ""},
		{"0001-01-01", content.Date{Year: 1, Month: 1, Day: 1}, "1 January 1", ""},
		{"9999-12-31", content.Date{Year: 9999, Month: 12, Day: 31}, "31 December 9999", ""},

		{"2015-02-29", content.Date{}, "", `invalid date "2015-02-29": February 2015 has no day 29`},
		{"1900-02-29", content.Date{}, "", `invalid date "1900-02-29": February 1900 has no day 29`},
		{"2016-02-30", content.Date{}, "", `invalid date "2016-02-30": February 2016 has no day 30`},
		{"2016-04-31", content.Date{}, "", `invalid date "2016-04-31": April 2016 has no day 31`},
		{"2016-08-00", content.Date{}, "", `invalid date "2016-08-00": August 2016 has no day 0`},
		{"2016-13", content.Date{}, "", `invalid date "2016-13": month 13 does not exist`},
		{"2016-00", content.Date{}, "", `invalid date "2016-00": month 0 does not exist`},
		{"2016-13-01", content.Date{}, "", `invalid date "2016-13-01": month 13 does not exist`},
		{"0000", content.Date{}, "", `invalid date "0000": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"", content.Date{}, "", `invalid date "": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"16", content.Date{}, "", `invalid date "16": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2016-8-12", content.Date{}, "", `invalid date "2016-8-12": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2016-08-1", content.Date{}, "", `invalid date "2016-08-1": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2016/08/12", content.Date{}, "", `invalid date "2016/08/12": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2016-08/12", content.Date{}, "", `invalid date "2016-08/12": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"12-08-2016", content.Date{}, "", `invalid date "12-08-2016": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2016-08-12T10:00", content.Date{}, "", `invalid date "2016-08-12T10:00": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{" 2016", content.Date{}, "", `invalid date " 2016": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"+016", content.Date{}, "", `invalid date "+016": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"-016", content.Date{}, "", `invalid date "-016": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2016-+8", content.Date{}, "", `invalid date "2016-+8": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2016-08--1", content.Date{}, "", `invalid date "2016-08--1": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"二〇一六", content.Date{}, "", `invalid date "二〇一六": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"٢٠١٦", content.Date{}, "", `invalid date "٢٠١٦": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2016-٠٨", content.Date{}, "", `invalid date "2016-٠٨": use YYYY, YYYY-MM or YYYY-MM-DD`},
		{"ongoing", content.Date{}, "", `invalid date "ongoing": use YYYY, YYYY-MM or YYYY-MM-DD`},
	}
	for _, tc := range tests {
		got, err := content.ParseDate(tc.in)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tc.want || gotErr != tc.err {
			t.Errorf("ParseDate(%q) = %+v, %q; want %+v, %q", tc.in, got, gotErr, tc.want, tc.err)
			continue
		}
		if err == nil {
			if s := got.String(); s != tc.in {
				t.Errorf("ParseDate(%q).String() = %q", tc.in, s)
			}
			if h := got.Human(); h != tc.human {
				t.Errorf("ParseDate(%q).Human() = %q, want %q", tc.in, h, tc.human)
			}
		}
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct {
		in         string
		start, end string
	}{
		{"2016", "2016-01-01", "2016-12-31"},
		{"2016-02", "2016-02-01", "2016-02-29"},
		{"2015-02", "2015-02-01", "2015-02-28"},
		{"2016-12", "2016-12-01", "2016-12-31"},
		{"2016-08-12", "2016-08-12", "2016-08-12"},
	}
	for _, tc := range tests {
		d, err := content.ParseDate(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if s := d.Start().Format("2006-01-02"); s != tc.start {
			t.Errorf("%s.Start() = %s, want %s", tc.in, s, tc.start)
		}
		if e := d.End().Format("2006-01-02"); e != tc.end {
			t.Errorf("%s.End() = %s, want %s", tc.in, e, tc.end)
		}
	}
	var zero content.Date
	if !zero.IsZero() || zero.String() != "" || zero.Human() != "" {
		t.Errorf("zero Date: IsZero %v, String %q, Human %q", zero.IsZero(), zero.String(), zero.Human())
	}
}

func TestDateCompare(t *testing.T) {
	// In order: a date sorts before a more precise one that starts on the
	// same day.
	ordered := []string{"2014", "2014-01", "2014-01-01", "2014-01-02", "2014-06", "2014-06-01", "2014-06-16", "2014-12-31", "2015", "2016-08-12"}
	for i := range ordered {
		for j := range ordered {
			a, _ := content.ParseDate(ordered[i])
			b, _ := content.ParseDate(ordered[j])
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := a.Compare(b); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ISIL cuts Mosul's internet", "isil-cuts-mosul-s-internet"},
		{"ISIL cuts internet access across Mosul", "isil-cuts-internet-access-across-mosul"},
		{"2016-08-12 ISIL cuts Mosul", "2016-08-12-isil-cuts-mosul"},
		{"Mosul", "mosul"},
		{"Mûsil", "musil"},
		{"Mu\u0302sil", "musil"}, // decomposed: u + combining circumflex
		{"Kobanî", "kobani"},
		{"Suruç", "suruc"},
		{"Şanlıurfa", "sanl-urfa"}, // dotless ı is a letter of its own, not an accented i
		{"İstanbul", "istanbul"},
		{"  Iraq,  Baghdad!  ", "iraq-baghdad"},
		{"al--qaim", "al-qaim"},
		{"-isil-", "isil"},
		{"Nineveh Province (Ninawa)", "nineveh-province-ninawa"},
		{"Iraq’s Ministry of Communications", "iraq-s-ministry-of-communications"},
		{"الموصل", ""},
		{"داعش ISIS", "isis"},
		{"---", ""},
		{"", ""},
		{"3G/4G", "3g-4g"},
		// Long titles are cut once 80 bytes are reached, never after a
		// hyphen.
		{"aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii",
			"aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeee-ffffffffff-gggggggggg-hhh"},
		{"aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hh iiiiiiiiii",
			"aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeee-ffffffffff-gggggggggg-hh-i"},
	}
	for _, tc := range tests {
		got := content.Slugify(tc.in)
		if got != tc.want {
			t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got != "" && !decode.ValidID(got) {
			t.Errorf("Slugify(%q) = %q, not a valid id", tc.in, got)
		}
	}
}

func TestValidID(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"mosul", true},
		{"2016-08-12-isil-cuts-internet", true},
		{"iraq-2", true},
		{"a", true},
		{"", false},
		{"Mosul", false},
		{"-mosul", false},
		{"mosul-", false},
		{"al--qaim", false},
		{"al_qaim", false},
		{"al qaim", false},
		{"mûsil", false},
		{"mosul.md", false},
		{"../mosul", false},
		{strings.Repeat("b", 200), true},
		{strings.Repeat("b", 201), false},
	}
	for _, tc := range tests {
		if got := decode.ValidID(tc.in); got != tc.want {
			t.Errorf("decode.ValidID(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
