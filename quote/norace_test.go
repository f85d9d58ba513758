//go:build !race

package quote

const raceEnabled = false
