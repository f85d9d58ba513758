//go:build race

package tagger

// raceEnabled reports that the race detector is on, which makes the
// whole-corpus comparisons too slow to run in full.
const raceEnabled = true
