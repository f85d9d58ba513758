//go:build unix

package whosaid_test

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used so far, user and
// system, or false when it cannot tell. The adversarial suite judges
// linearity on it, which other processes on a busy machine do not inflate
// as they inflate wall time.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
