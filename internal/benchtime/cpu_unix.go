//go:build unix

package benchtime

import (
	"syscall"
	"time"
)

// CPU returns the processor time the process has used so far, user and
// system, or false when it cannot tell.
func CPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
