package english

import (
	"testing"
	"time"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 entities"}, {1, "1 entity"}, {2, "2 entities"}, {-1, "-1 entities"}, {100000, "100000 entities"}} {
		if got := Count(c.n, "entity", "entities"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{345*time.Millisecond + 400*time.Microsecond, "345ms"},
		{999*time.Millisecond + 600*time.Microsecond, "1s"},
		{time.Second, "1s"},
		{5*time.Second + 634*time.Millisecond, "5.63s"},
		{84*time.Second + 96*time.Millisecond, "1m24.1s"},
	} {
		if got := Duration(c.d); got != c.want {
			t.Errorf("Duration(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}
