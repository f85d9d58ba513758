//go:build race

package linear

// raceEnabled reports that the race detector is on, which makes the
// largest round trips too slow to run.
const raceEnabled = true
