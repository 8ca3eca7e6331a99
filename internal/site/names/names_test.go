package names_test

import (
	"slices"
	"strings"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/site/names"
)

func TestIndex(t *testing.T) {
	ix := names.New(strings.Compare)
	ix.Add("", "erbil-city", "name", "Erbil", diag.Pos{})
	ix.Add("", "erbil-district", "name", "Erbil", diag.Pos{})
	ix.Add("", "mosul", "name", "Mosul", diag.Pos{})
	ix.Add("", "mosul", "alias", "Mosul", diag.Pos{}) // the same spelling twice: one claim
	ix.Add("", "mosul", "alias", "Mûsil", diag.Pos{})
	ix.Add("ar", "mosul", "ar name", "الموصل", diag.Pos{})
	for _, c := range []struct {
		s, lang string
		want    []string
	}{
		{"Erbil", "", []string{"erbil-city", "erbil-district"}},
		{"MOSUL", "", []string{"mosul"}},
		{"Mûsil", "", []string{"mosul"}},
		{"الموصل", "", nil}, // the Arabic name holds in Arabic texts only
		{"الموصل", "ar", []string{"mosul"}},
		{"Mosul", "ar", []string{"mosul"}},
		{"Basra", "", nil},
	} {
		if got := ix.Lookup(c.s, c.lang); !slices.Equal(got, c.want) {
			t.Errorf("Lookup(%q, %q) = %q, want %q", c.s, c.lang, got, c.want)
		}
	}
	if got := ix.Claims("Mosul", ""); len(got) != 1 || got[0].What != "name" {
		t.Errorf("claims to Mosul: %+v, want the name alone", got)
	}
	if got := ix.Made("الموصل", "ar"); len(got) != 1 || got[0].Item != "mosul" {
		t.Errorf("claims made in ar: %+v", got)
	}
	if !ix.HasLang("ar") || ix.HasLang("ckb") {
		t.Errorf("HasLang: ar %v, ckb %v", ix.HasLang("ar"), ix.HasLang("ckb"))
	}
	if got := ix.Nearest("Mosel", ""); len(got) != 1 || got[0].Value != "Mosul" {
		t.Errorf("Nearest(Mosel) = %+v, want Mosul", got)
	}
	if got := ix.Nearest("Kirkuk", ""); got != nil {
		t.Errorf("Nearest(Kirkuk) = %+v, want none", got)
	}
}
