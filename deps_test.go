package whosaid_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLibraryDependencies: the library's packages build without the
// server's metrics client (which only cmd/whosaid imports), so that a
// program that imports whosaid compiles none of it.
func TestLibraryDependencies(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	pkgs := []string{".", "./sentence", "./quote", "./attribution", "./span", "./eval", "./htmltext", "./htmlview"}
	out, err := exec.Command("go", append([]string{"list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}"}, pkgs...)...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, p := range strings.Fields(string(out)) {
		assert.False(t, strings.HasPrefix(p, "github.com/prometheus/") || strings.HasPrefix(p, "google.golang.org/protobuf"),
			"the library imports %s", p)
	}
	assert.Contains(t, string(out), "github.com/jdkato/prose/v3", "the list is of the library's dependencies")
}
