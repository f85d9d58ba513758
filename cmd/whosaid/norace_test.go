//go:build !race

package main

// raceEnabled reports whether the tests run under the race detector, which
// slows extraction by an order of magnitude; the load test then sends
// smaller hostile articles.
const raceEnabled = false
