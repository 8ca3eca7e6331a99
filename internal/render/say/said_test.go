package say

import (
	"sync"
	"testing"
)

// memoOf keeps each answer it makes, also when pages ask for it at once,
// and answers from what it kept after, without making it again.
func TestMemoOf(t *testing.T) {
	var c memoOf[int, string]
	var mu sync.Mutex
	made := map[int]int{}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for k := range 50 {
				got := c.get(k, func() string {
					mu.Lock()
					made[k]++
					mu.Unlock()
					return string(rune('a' + k%26))
				})
				if want := string(rune('a' + k%26)); got != want {
					t.Errorf("get(%d) = %q, want %q", k, got, want)
				}
			}
		})
	}
	wg.Wait()
	if len(c.m) != 50 {
		t.Errorf("%d answers kept, want 50", len(c.m))
	}
	// Two pages asking at once may both make an answer (they are the same);
	// after that, none is made again.
	before := len(made)
	for k := range 50 {
		c.get(k, func() string { t.Errorf("get(%d) made anew", k); return "" })
	}
	if before != 50 {
		t.Errorf("%d keys made, want 50", before)
	}
}
