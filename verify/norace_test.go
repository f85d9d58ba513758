//go:build !race

package verify_test

// raceEnabled reports whether the tests run under the race detector, which
// slows them by an order of magnitude; the index test then checks fewer
// claims.
const raceEnabled = false
