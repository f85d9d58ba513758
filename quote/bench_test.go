package quote

import (
	"testing"

	"github.com/whosaid/whosaid/internal/benchtime"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/sentence"
)

func benchTexts(b *testing.B, texts []string) {
	b.Helper()
	sents := make([][]sentence.Sentence, len(texts))
	n := 0
	for i, t := range texts {
		sents[i] = sentence.Split(t)
		n += len(t)
	}
	d := defaultDetectorForTest(b)
	benchtime.Loop(b, int64(n), func() {
		for i, t := range texts {
			d.Detect(t, sents[i])
		}
	})
}

// BenchmarkDetectArticle runs the detector on the seed article, a real
// scraped news report.
func BenchmarkDetectArticle(b *testing.B) {
	text := corpustest.ReadFile(b, "seed/blinken-paris.txt")
	benchTexts(b, []string{string(text)})
}

// BenchmarkDetectPolNeARDev runs the detector on every PolNeAR dev text.
func BenchmarkDetectPolNeARDev(b *testing.B) {
	docs := loadGold(b, "polnear/dev.jsonl")
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
	}
	benchTexts(b, texts)
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(WithMaxDepth(4), WithDialogueDash(true)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDetectHostile runs the detector alone (the sentences are split
// beforehand) on 1 MB of straight double quote marks, 1 MB of words each
// wrapped in quote marks, 1.5 MB of short quotations each with its
// attribution, and 1 MB of real news (the PolNeAR dev texts, one after
// another, as one article). B/byte is the bytes allocated per input byte.
func BenchmarkDetectHostile(b *testing.B) {
	d := defaultDetectorForTest(b)
	for _, c := range benchtime.Hostile(b) {
		b.Run(c.Name, func(b *testing.B) {
			sents := sentence.Split(c.Text)
			benchtime.Loop(b, int64(len(c.Text)), func() { d.Detect(c.Text, sents) })
		})
	}
}
