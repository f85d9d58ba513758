package sentence

import (
	"os"
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

// BenchmarkSplitHostile splits each hostile text; B/byte is the bytes
// allocated per input byte.
func BenchmarkSplitHostile(b *testing.B) {
	s := defaultSplitterForTest(b)
	for _, c := range benchtime.Hostile(b) {
		b.Run(c.Name, func(b *testing.B) {
			benchtime.Loop(b, int64(len(c.Text)), func() { s.Split(c.Text) })
		})
	}
}
