package sentence

import (
	"os"
	"testing"

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
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0, loops := cpuTime(), 0
	for b.Loop() {
		s.Split(text)
		loops++
	}
	reportCPU(b, len(text)*loops, cpu0)
}

// reportCPU reports the bytes split per second of CPU time the process used
// since cpu0 (cpu-MB/s): with -cpu 1 it is the speed on one core even when
// other processes share the machine and slow the wall-clock MB/s.
func reportCPU(b *testing.B, bytes int, cpu0 int64) {
	if cpu1 := cpuTime(); cpu0 >= 0 && cpu1 > cpu0 {
		b.ReportMetric(float64(bytes)/(float64(cpu1-cpu0)/1e9)/1e6, "cpu-MB/s")
	}
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
	b.SetBytes(int64(n))
	b.ReportAllocs()
	cpu0, loops := cpuTime(), 0
	for b.Loop() {
		for _, t := range texts {
			split(s, t)
		}
		loops++
	}
	reportCPU(b, n*loops, cpu0)
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
