//go:build !unix

package quote

// cpuTime is not measured on this system.
func cpuTime() int64 { return -1 }
