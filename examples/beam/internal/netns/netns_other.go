//go:build !linux

package netns

import (
	"errors"
	"fmt"
)

// Reexec is unsupported outside Linux: it returns an error wrapping
// [errors.ErrUnsupported].
func Reexec() (int, error) {
	return 0, fmt.Errorf("netns: network namespaces: %w", errors.ErrUnsupported)
}

// LoopbackUp does nothing outside Linux.
func LoopbackUp() error { return nil }
