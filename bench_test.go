package whosaid_test

import (
	"math"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/internal/benchtime"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

func totalLen(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// benchSink keeps results alive so that the compiler cannot drop the work.
var benchSink int

// newExtractor returns an Extractor with opts that reads the whole of
// every text: the benchmarks measure the cost of all of it, so the bounds
// of WithMaxBytes and WithMaxTokens are lifted.
func newExtractor(tb testing.TB, opts ...whosaid.Option) *whosaid.Extractor {
	tb.Helper()
	opts = append([]whosaid.Option{whosaid.WithMaxBytes(math.MaxInt), whosaid.WithMaxTokens(math.MaxInt)}, opts...)
	e, err := whosaid.New(opts...)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// BenchmarkNew measures building an Extractor once the models and lexicons
// are loaded; the first load of a process is measured by scripts/startup.sh.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		e, err := whosaid.New()
		if err != nil {
			b.Fatal(err)
		}
		if e == nil {
			b.Fatal("New returned nil")
		}
	}
}

// BenchmarkExtract runs the whole pipeline over every PolNeAR dev text (one
// op is the whole split), the same with the rules alone (what the model
// costs) and over the seed article.
func BenchmarkExtract(b *testing.B) {
	dev := func(b *testing.B, e *whosaid.Extractor) {
		texts := corpustest.Texts(b, "polnear/dev.jsonl")
		benchtime.Loop(b, totalLen(texts), func() {
			for _, t := range texts {
				benchSink += len(e.Extract(t))
			}
		})
	}
	b.Run("dev", func(b *testing.B) { dev(b, newExtractor(b)) })
	b.Run("dev-rules", func(b *testing.B) {
		dev(b, newExtractor(b, whosaid.WithAttribution(attribution.WithModel(nil))))
	})
	b.Run("seed", func(b *testing.B) {
		text := corpustest.ReadFile(b, "seed/blinken-paris.txt")
		e := newExtractor(b)
		benchtime.Loop(b, int64(len(text)), func() { benchSink += len(e.Extract(text)) })
	})
}

// BenchmarkStage runs each stage alone over every PolNeAR dev text and over
// the seed article, the stage's input prepared outside the timed loop.
func BenchmarkStage(b *testing.B) {
	b.Run("dev", func(b *testing.B) { benchStages(b, corpustest.Texts(b, "polnear/dev.jsonl")) })
	b.Run("seed", func(b *testing.B) { benchStages(b, []string{corpustest.ReadFile(b, "seed/blinken-paris.txt")}) })
}

func benchStages(b *testing.B, texts []string) {
	sp, err := sentence.New()
	if err != nil {
		b.Fatal(err)
	}
	qd, err := quote.New()
	if err != nil {
		b.Fatal(err)
	}
	ar, err := attribution.New()
	if err != nil {
		b.Fatal(err)
	}
	sents := make([][]sentence.Sentence, len(texts))
	qs := make([][]quote.Quote, len(texts))
	for i, t := range texts {
		sents[i] = sp.Split(t)
		qs[i] = qd.Detect(t, sents[i])
	}
	n := totalLen(texts)
	b.Run("sentence", func(b *testing.B) {
		benchtime.Loop(b, n, func() {
			for _, t := range texts {
				benchSink += len(sp.Split(t))
			}
		})
	})
	b.Run("quote", func(b *testing.B) {
		benchtime.Loop(b, n, func() {
			for i, t := range texts {
				benchSink += len(qd.Detect(t, sents[i]))
			}
		})
	})
	b.Run("attribution", func(b *testing.B) {
		benchtime.Loop(b, n, func() {
			for i, t := range texts {
				benchSink += len(ar.Resolve(t, sents[i], qs[i]))
			}
		})
	})
}

// BenchmarkLinear runs Extract on the dev texts concatenated 1, 10 and 100
// times into one document: with linear cost the MB/s of the three agree.
func BenchmarkLinear(b *testing.B) {
	texts := corpustest.Texts(b, "polnear/dev.jsonl")
	one := strings.Join(texts, "\n\n") + "\n\n"
	e := newExtractor(b)
	for _, k := range []struct {
		name string
		n    int
	}{{"1x", 1}, {"10x", 10}, {"100x", 100}} {
		b.Run(k.name, func(b *testing.B) {
			text := strings.Repeat(one, k.n)
			benchtime.Loop(b, int64(len(text)), func() { benchSink += len(e.Extract(text)) })
		})
	}
}

// BenchmarkNewsArticle runs Extract on one article of 8 MiB of real news
// text, the PolNeAR train and dev texts one after another (4.7 MB of them,
// then again from the start), at the default bound of WithMaxBytes.
func BenchmarkNewsArticle(b *testing.B) {
	text := newsArticle(b)
	e := newExtractor(b)
	benchtime.Loop(b, int64(len(text)), func() { benchSink += len(e.Extract(text)) })
}

// newsArticle returns the PolNeAR train and dev texts one after another,
// as one article of whosaid.DefaultMaxBytes.
func newsArticle(tb testing.TB) string {
	texts := append(corpustest.Texts(tb, "polnear/train.jsonl"), corpustest.Texts(tb, "polnear/dev.jsonl")...)
	var sb strings.Builder
	for sb.Len() < whosaid.DefaultMaxBytes {
		for _, t := range texts {
			sb.WriteString(t)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()[:whosaid.DefaultMaxBytes]
}
