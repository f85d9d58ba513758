//go:build !race

package whosaid_test

// raceEnabled reports whether the tests run under the race detector, which
// slows the pipeline by an order of magnitude; the adversarial suite then
// runs its cases at a fraction of their full size.
const raceEnabled = false
