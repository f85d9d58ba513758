//go:build unix

package sentence

import "syscall"

// cpuTime returns the CPU time, user and system, that the process has used
// so far in nanoseconds, or -1.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
