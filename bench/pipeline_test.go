package bench

import (
	"runtime"
	"testing"

	prose "github.com/jdkato/prose/v3"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/benchtime"
	"github.com/whosaid/whosaid/internal/corpustest"
)

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
	texts := corpustest.Texts(b, "polnear/dev.jsonl")
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

// BenchmarkProseRatio runs whosaid and prose's NewDocument in turn over the
// dev texts, on one core, and reports the MB/s of each and how many times
// faster whosaid is (x-prose). Each iteration is three passes of whosaid
// and one of prose, each after a collection, so that neither pays for the
// other's garbage; the figures come from the best pass of each over all
// iterations, so that load from other processes weighs on both alike. The
// speeds are of processor time, as the README's other figures are, where
// the system tells it (x-prose-wall gives the ratio of wall time beside
// it). Its ns/op mixes the two and is not a speed: read the metrics.
//
//	cd bench && go test -run '^$' -bench ProseRatio -benchtime 2x .
func BenchmarkProseRatio(b *testing.B) {
	texts := corpustest.Texts(b, "polnear/dev.jsonl")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // one core each
	e, err := whosaid.New()
	if err != nil {
		b.Fatal(err)
	}
	runWhosaid(b, e, texts) // warm up: lexicons, caches
	runProse(b, texts[:1])  // warm up: prose loads its models once
	never := benchtime.Span{Wall: 1<<63 - 1, CPU: 1<<63 - 1}
	ours, theirs := never, never
	for b.Loop() {
		for range 3 {
			ours = ours.Min(benchtime.Time(func() { runWhosaid(b, e, texts) }))
		}
		theirs = theirs.Min(benchtime.Time(func() { runProse(b, texts) }))
	}
	mb := float64(size(texts)) / 1e6
	b.ReportMetric(mb/ours.CPU.Seconds(), "whosaid-MB/s")
	b.ReportMetric(mb/theirs.CPU.Seconds(), "prose-MB/s")
	b.ReportMetric(theirs.CPU.Seconds()/ours.CPU.Seconds(), "x-prose")
	b.ReportMetric(theirs.Wall.Seconds()/ours.Wall.Seconds(), "x-prose-wall")
}
