package quote

import (
	"testing"

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
	d := defaultDetector()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	cpu0, loops := cpuTime(), 0
	for b.Loop() {
		for i, t := range texts {
			d.Detect(t, sents[i])
		}
		loops++
	}
	// Bytes per second of CPU time (cpu-MB/s): with -cpu 1 it is the speed
	// on one core even when other processes slow the wall-clock MB/s.
	if cpu1 := cpuTime(); cpu0 >= 0 && cpu1 > cpu0 {
		b.ReportMetric(float64(n*loops)/(float64(cpu1-cpu0)/1e9)/1e6, "cpu-MB/s")
	}
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
