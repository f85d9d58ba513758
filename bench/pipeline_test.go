package bench

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v3"
	"github.com/whosaid/whosaid"
)

// devPath is the PolNeAR dev split, read from outside the repository.
var devPath = filepath.Join("..", "..", "shared", "corpus", "polnear", "dev.jsonl")

// devTexts returns the texts of the PolNeAR dev split, skipping when the
// corpus is absent.
func devTexts(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(devPath)
	if err != nil {
		tb.Skipf("PolNeAR dev split not available (%v); it is read from %s", err, devPath)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		a, err := whosaid.ParseArticle(sc.Bytes())
		if err != nil {
			tb.Fatalf("%s: %v", devPath, err)
		}
		texts = append(texts, a.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", devPath, err)
	}
	return texts
}

func size(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

var sink int

// runWhosaid runs the whosaid pipeline over every text.
func runWhosaid(tb testing.TB, e *whosaid.Extractor, texts []string) {
	for _, t := range texts {
		sink += len(e.Extract(t))
	}
}

// runProse runs prose's NewDocument with its defaults (tokens, sentences,
// part-of-speech tags, entities) over every text.
func runProse(tb testing.TB, texts []string) {
	for _, t := range texts {
		doc, err := prose.NewDocument(t)
		if err != nil {
			tb.Fatal(err)
		}
		sink += len(doc.Tokens())
	}
}

// BenchmarkPipeline runs whosaid end to end and prose's default
// NewDocument on the same texts; compare their MB/s.
func BenchmarkPipeline(b *testing.B) {
	texts := devTexts(b)
	b.Run("whosaid", func(b *testing.B) {
		e, err := whosaid.New()
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(size(texts))
		b.ReportAllocs()
		for b.Loop() {
			runWhosaid(b, e, texts)
		}
	})
	b.Run("prose", func(b *testing.B) {
		b.SetBytes(size(texts))
		b.ReportAllocs()
		for b.Loop() {
			runProse(b, texts)
		}
	})
}

// TestProseRatio times both on the dev texts in this process, on one core,
// and prints how many times faster whosaid is than prose. It takes several
// seconds (two passes of prose); -short skips it.
func TestProseRatio(t *testing.T) {
	if testing.Short() {
		t.Skip("times two passes of prose over the dev split")
	}
	texts := devTexts(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // one core each
	e, err := whosaid.New()
	if err != nil {
		t.Fatal(err)
	}
	runWhosaid(t, e, texts) // warm up: lexicons, caches
	runProse(t, texts[:1])  // warm up: prose loads its models once
	// Interleaved rounds, best of each, so that load from other processes
	// weighs on both alike.
	ours, theirs := time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range 2 {
		for range 3 {
			t0 := time.Now()
			runWhosaid(t, e, texts)
			ours = min(ours, time.Since(t0))
		}
		t0 := time.Now()
		runProse(t, texts)
		theirs = min(theirs, time.Since(t0))
	}
	mb := float64(size(texts)) / 1e6
	t.Logf("%d texts, %.2f MB", len(texts), mb)
	t.Logf("whosaid Extract:     %8.2f MB/s (%v)", mb/ours.Seconds(), ours)
	t.Logf("prose NewDocument:   %8.2f MB/s (%v)", mb/theirs.Seconds(), theirs)
	t.Logf("ratio: whosaid is %.1f× faster than prose", theirs.Seconds()/ours.Seconds())
}
