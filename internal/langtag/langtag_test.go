package langtag

import "testing"

func TestLangtag(t *testing.T) {
	for _, tc := range []struct{ lang, dir, name, attrs string }{
		{"en", "ltr", "English", ` lang="en" dir="ltr"`},
		{"ar", "rtl", "العربية", ` lang="ar" dir="rtl"`},
		{"ckb", "rtl", "کوردیی ناوەندی", ` lang="ckb" dir="rtl"`},
		{"", "ltr", "", ""},
	} {
		if got := Dir(tc.lang); got != tc.dir {
			t.Errorf("Dir(%q) = %q, want %q", tc.lang, got, tc.dir)
		}
		if got := string(Attrs(tc.lang)); got != tc.attrs {
			t.Errorf("Attrs(%q) = %q, want %q", tc.lang, got, tc.attrs)
		}
		if tc.lang != "" {
			if got := SelfName(tc.lang); got != tc.name {
				t.Errorf("SelfName(%q) = %q, want %q", tc.lang, got, tc.name)
			}
		}
	}
}
