// Package frag compares spans as the project scores them against gold, in
// evaluation and in training alike: each fragment trimmed of white space,
// quote marks and punctuation at its edges, exact spans equal when their
// trimmed fragments are, contents matched by the bytes they share.
package frag

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/span"
)

// Trim returns the fragments fs of text with white space, quote marks and
// punctuation trimmed from both edges of each, the empty ones left out,
// in the order of the text: a content is the set of its fragments, and an
// annotation may list them in another order (the one they were marked
// in), which must not keep two equal contents apart.
func Trim(text string, fs []span.Span) [][2]int {
	var out [][2]int
	for _, f := range fs {
		a, b := max(f.Start, 0), min(f.End, len(text))
		for a < b {
			r, n := utf8.DecodeRuneInString(text[a:b])
			if !trimmable(r) {
				break
			}
			a += n
		}
		for a < b {
			r, n := utf8.DecodeLastRuneInString(text[a:b])
			if !trimmable(r) {
				break
			}
			b -= n
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	if !slices.IsSortedFunc(out, byStart) {
		slices.SortStableFunc(out, byStart)
	}
	return out
}

func byStart(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) }

func trimmable(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '`' || r == '´' || r == utf8.RuneError
}

// Size returns the bytes of fs.
func Size(fs [][2]int) int {
	n := 0
	for _, f := range fs {
		n += f[1] - f[0]
	}
	return n
}

// Overlap counts the bytes a and b share. Fragments within a list do not
// overlap.
func Overlap(a, b [][2]int) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x[0], y[0]), min(x[1], y[1]); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

// Jaccard is the byte Jaccard of a and b: the bytes they share over the
// bytes either covers; 0 when they cover none.
func Jaccard(a, b [][2]int) float64 {
	in := Overlap(a, b)
	if u := Size(a) + Size(b) - in; u > 0 {
		return float64(in) / float64(u)
	}
	return 0
}
