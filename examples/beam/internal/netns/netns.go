// Package netns runs the program again in a network namespace of its own,
// whose only interface is loopback.
//
// Beam's prism runner, started in process, serves its job and worker
// services on a port of every interface, and offers no option to choose the
// address. In a network namespace of its own the process has no interface
// but loopback, so those services are reachable from this process alone
// (and its children), whatever address they bind. Only Linux has network
// namespaces; elsewhere [Reexec] returns an error wrapping
// [errors.ErrUnsupported].
package netns

import (
	"net"
	"os"
)

// envKey marks the process that [Reexec] started.
const envKey = "WHOSAID_BEAM_NETNS"

// Isolated reports whether this process is the one that [Reexec] started,
// in its own network namespace.
func Isolated() bool { return os.Getenv(envKey) == "1" }

// LoopbackOnly reports whether every network interface the process sees is
// a loopback interface.
func LoopbackOnly() (bool, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return false, err
	}
	for _, i := range ifs {
		if i.Flags&net.FlagLoopback == 0 {
			return false, nil
		}
	}
	return true, nil
}
