// Package parallel runs the independent jobs of a stage on every CPU: the
// bodies that site parses, the files that render writes, the pages that
// linkcheck reads. It is the one worker pool of the build, so that each
// stage need not carry its own.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(0) … fn(n-1), on as many goroutines as there are CPUs, and
// returns when every call has. Each i is taken by one goroutine, in
// increasing order, so the jobs that are given first start first. With one
// CPU, or one job, the calls run in order on the caller's goroutine.
func For(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
