package option

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSet checks that a value is set once, that the same value again is no
// conflict, and that another is, named with both values.
func TestSet(t *testing.T) {
	tests := []struct {
		name   string
		values []int
		want   int
		errs   []string
	}{
		{"once", []int{3}, 3, nil},
		{"the same twice", []int{3, 3}, 3, nil},
		{"two values", []int{3, 4}, 3, []string{"WithN(4) conflicts with WithN(3)"}},
		{"three values", []int{3, 4, 5}, 3, []string{"WithN(4) conflicts with WithN(3)", "WithN(5) conflicts with WithN(3)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs []error
			var v int
			var set bool
			for _, x := range tc.values {
				Set(&errs, "WithN", &v, &set, x)
			}
			assert.Equal(t, tc.want, v)
			assert.True(t, set)
			var got []string
			for _, err := range errs {
				got = append(got, err.Error())
			}
			assert.Equal(t, tc.errs, got)
		})
	}
	var errs []error
	var on, set bool
	Set(&errs, "WithB", &on, &set, true)
	Set(&errs, "WithB", &on, &set, false)
	assert.EqualError(t, errs[0], "WithB(false) conflicts with WithB(true)")
}
