// Package corpustest finds the shared gold corpora for the project's tests
// and benchmarks. The corpora are third-party text: they live in
// ../shared/corpus beside the repository, never in it, and a test that
// needs them skips when they are absent (a fresh clone).
package corpustest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Path returns the path of rel, a slash-separated path inside the shared
// corpus ("polnear/dev.jsonl"; "" for the corpus directory), or skips tb
// with a message when it is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Skip("shared corpus: cannot locate the repository")
	}
	// file is <repository>/internal/corpustest/corpustest.go.
	p := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared corpus file %s is absent (the corpus lives in ../shared/corpus beside the repository): %v", p, err)
	}
	return p
}
