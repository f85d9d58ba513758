//go:build !unix

package benchtime

import "time"

// CPU reports that the processor time is not known here.
func CPU() (time.Duration, bool) { return 0, false }
