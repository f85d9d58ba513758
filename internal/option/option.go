// Package option records the options given to a constructor of the
// library's packages (whosaid, sentence, quote, attribution), so that
// each treats an option given twice the same way: with the same value it
// is no conflict; with another, it is an error that the constructor
// reports with the others.
package option

import "fmt"

// Set sets *v to x and *set to true, or appends to errs a conflict when an
// earlier option, name, set *v to another value: "WithQuoteRuns(false)
// conflicts with WithQuoteRuns(true)".
func Set[T comparable](errs *[]error, name string, v *T, set *bool, x T) {
	if *set && *v != x {
		*errs = append(*errs, fmt.Errorf("%s(%v) conflicts with %s(%v)", name, x, name, *v))
		return
	}
	*v, *set = x, true
}
