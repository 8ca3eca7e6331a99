package rank

import (
	"slices"
	"testing"
)

func TestTop(t *testing.T) {
	tests := []struct {
		k    int
		in   []int
		want []int
	}{
		{3, nil, []int{}},
		{3, []int{5}, []int{5}},
		{3, []int{1, 9, 3, 7, 5}, []int{9, 7, 5}},
		{3, []int{9, 9, 1, 9}, []int{9, 9, 9}},
		{1, []int{2, 8, 4}, []int{8}},
	}
	for _, tt := range tests {
		top := NewTop(tt.k, func(a, b int) bool { return a > b })
		for _, x := range tt.in {
			top.Offer(x)
		}
		if got := top.Best(); !slices.Equal(got, tt.want) {
			t.Errorf("top %d of %v = %v, want %v", tt.k, tt.in, got, tt.want)
		}
	}
}
