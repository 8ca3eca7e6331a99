package parallel

import (
	"runtime"
	"testing"
)

// For calls fn once for each index, on one CPU and on several.
func TestFor(t *testing.T) {
	for _, procs := range []int{1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 7, 1000} {
			seen := make([]int, n)
			For(n, func(i int) { seen[i]++ }) // each i once: no two goroutines write one element
			for i, c := range seen {
				if c != 1 {
					t.Errorf("GOMAXPROCS %d, For(%d): fn(%d) called %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}
