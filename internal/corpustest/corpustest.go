// Package corpustest finds the shared gold corpora for the project's tests
// and benchmarks. The corpora are third-party text: they live in
// ../shared/corpus beside the repository, never in it, and a test that
// needs them skips when they are absent (a fresh clone).
package corpustest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// File returns the path of rel, a slash-separated path inside the shared
// corpus ("polnear/dev.jsonl"; "" for the corpus directory), whether or not
// it exists: for a test that reads it only when it is there.
func File(rel string) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("..", "shared", "corpus", filepath.FromSlash(rel))
	}
	// file is <repository>/internal/corpustest/corpustest.go.
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus", filepath.FromSlash(rel))
}

// Path returns File(rel), or skips tb with a message when it is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := File(rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared corpus file %s is absent (the corpus lives in ../shared/corpus beside the repository): %v", p, err)
	}
	return p
}

// ReadFile returns the contents of rel, or skips tb when it is absent.
func ReadFile(tb testing.TB, rel string) string {
	tb.Helper()
	b, err := os.ReadFile(Path(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// Texts returns the "text" of every document of rel, a JSON Lines file of
// the shared corpus ("polnear/dev.jsonl"), or skips tb when it is absent.
// It fails tb on a line that is not such a document or on a file with none.
func Texts(tb testing.TB, rel string) []string {
	tb.Helper()
	p := Path(tb, rel)
	f, err := os.Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var d struct {
			Text *string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil || d.Text == nil {
			tb.Fatalf("%s: a line is not a document with a text (%v)", p, err)
		}
		texts = append(texts, *d.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", p, err)
	}
	if len(texts) == 0 {
		tb.Fatalf("%s: no documents", p)
	}
	return texts
}
