package sentence

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/benchtime"
	"github.com/whosaid/whosaid/internal/corpustest"
)

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSplitArticle splits the seed article, a real scraped news report.
func BenchmarkSplitArticle(b *testing.B) {
	raw, err := os.ReadFile(corpustest.Path(b, "seed/blinken-paris.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	s := defaultSplitterForTest(b)
	benchtime.Loop(b, int64(len(text)), func() { s.Split(text) })
}

// BenchmarkSplitPolNeARDev splits every PolNeAR dev text, one call each;
// MB/s counts all their bytes.
func BenchmarkSplitPolNeARDev(b *testing.B) {
	benchDev(b, func(s *Splitter, t string) { s.Split(t) })
}

// BenchmarkSplitParagraphsPolNeARDev adds the paragraphs to the split.
func BenchmarkSplitParagraphsPolNeARDev(b *testing.B) {
	benchDev(b, func(s *Splitter, t string) { s.SplitParagraphs(t) })
}

// benchDev runs split on every PolNeAR dev text, one call each, per
// iteration; MB/s counts all their bytes.
func benchDev(b *testing.B, split func(*Splitter, string)) {
	texts := corpustest.Texts(b, "polnear/dev.jsonl")
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	s := defaultSplitterForTest(b)
	benchtime.Loop(b, int64(n), func() {
		for _, t := range texts {
			split(s, t)
		}
	})
}

func BenchmarkLocate(b *testing.B) {
	texts := corpustest.Texts(b, "polnear/dev.jsonl")
	text := texts[0]
	sents := Split(text)
	b.ReportAllocs()
	off := 0
	for b.Loop() {
		Locate(sents, off)
		off = (off + 7919) % len(text)
	}
}

// hostile returns the texts of the hostile-input benchmarks: 1 MB of
// straight double quote marks, 1 MB of words each wrapped in quote marks,
// 1.5 MB of short quotations each with its attribution, and 1 MB of real
// news (the PolNeAR dev texts, one after another, as one article).
func hostile(b *testing.B) []struct{ name, text string } {
	b.Helper()
	fill := func(unit string, size int) string { return strings.Repeat(unit, size/len(unit)) }
	cases := []struct{ name, text string }{
		{"straight-marks", fill(`"`, 1<<20)},
		{"quoted-words", fill(`"word" `, 1<<20)},
		{"said-x", fill("“We will win this,” said Smith. ", 3<<19)},
	}
	if _, err := os.Stat(corpustest.File("polnear/dev.jsonl")); err == nil {
		dev := strings.Join(corpustest.Texts(b, "polnear/dev.jsonl"), "\n\n")
		cases = append(cases, struct{ name, text string }{"dev-text", strings.Repeat(dev+"\n\n", (1<<20)/len(dev)+1)[:1<<20]})
	}
	return cases
}

// BenchmarkSplitHostile splits each hostile text; B/byte is the bytes
// allocated per input byte.
func BenchmarkSplitHostile(b *testing.B) {
	s := defaultSplitterForTest(b)
	for _, c := range hostile(b) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			loops := 0
			for b.Loop() {
				s.Split(c.text)
				loops++
			}
			runtime.ReadMemStats(&m1)
			b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/float64(loops*len(c.text)), "B/byte")
		})
	}
}
