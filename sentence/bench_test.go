package sentence

import (
	"os"
	"testing"
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
	raw, err := os.ReadFile(corpusPath(b, "seed/blinken-paris.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	s := defaultSplitterForTest(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Split(text)
	}
}

// BenchmarkSplitPolNeARDev splits every PolNeAR dev text, one call each;
// MB/s counts all their bytes.
func BenchmarkSplitPolNeARDev(b *testing.B) {
	texts := polnearTexts(b, "dev")
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	s := defaultSplitterForTest(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			s.Split(t)
		}
	}
}

// BenchmarkSplitParagraphsPolNeARDev adds the paragraphs to the split.
func BenchmarkSplitParagraphsPolNeARDev(b *testing.B) {
	texts := polnearTexts(b, "dev")
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	s := defaultSplitterForTest(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			s.SplitParagraphs(t)
		}
	}
}

func BenchmarkLocate(b *testing.B) {
	texts := polnearTexts(b, "dev")
	text := texts[0]
	sents := Split(text)
	b.ReportAllocs()
	off := 0
	for b.Loop() {
		Locate(sents, off)
		off = (off + 7919) % len(text)
	}
}
