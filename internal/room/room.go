// Package room grows the slices that a long text fills as it is read,
// where append would copy them again and again: it gives them room for
// the rest of the text at the rate so far.
package room

import (
	"math"
	"slices"
)

// For returns s with room for at least one more element. When s is full,
// and its elements from index from on came from done of total units of
// the input read so far (bytes, sentences, quotations), it makes room for
// the rest of the input at that rate, an eighth more, and at least a
// quarter of len(s) more: an input that keeps its rate grows s once. With
// no rate yet (done is 0, or the input is read), it doubles s.
func For[T any](s []T, from, done, total int) []T {
	return Within(s, from, done, total, math.MaxInt)
}

// Within is For with a bound the input cannot exceed: s never gets room
// for more than limit elements (tokens, which are at most one a byte), and
// at least one more.
func Within[T any](s []T, from, done, total, limit int) []T {
	if len(s) < cap(s) {
		return s
	}
	n := len(s)
	more := max(n, 16)
	if done > 0 && done < total && from <= n {
		k := int64(n - from)
		more = max(int(k*int64(total)/int64(done)*9/8-k), n/4+16)
	}
	return slices.Grow(s, max(min(more, limit-n), 1))
}
