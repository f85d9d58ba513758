package attribution

import (
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/sentence"
)

// corefBenchDocs returns the PolNeAR dev texts split into sentences.
func corefBenchDocs(b *testing.B) (texts []string, sents [][]sentence.Sentence, size int64) {
	dir := corpustest.Path(b, "")
	for _, d := range readJSONL[goldDoc](b, filepath.Join(dir, "polnear", "dev.jsonl")) {
		texts = append(texts, d.Text)
		sents = append(sents, sentence.Split(d.Text))
		size += int64(len(d.Text))
	}
	return texts, sents, size
}

// BenchmarkCorefScan measures the parts of newCorefResolver over the dev
// texts: the tokenizer alone, and the tokenizer with the scan for
// mentions.
func BenchmarkCorefScan(b *testing.B) {
	texts, sents, size := corefBenchDocs(b)
	b.Run("tokenize", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for i, t := range texts {
				bufs := corefPool.Get().(*corefBufs)
				r := &corefResolver{s: corefTokenize(t, sents[i], bufs)}
				bufs.put(r)
			}
		}
	})
	b.Run("mentions", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for i, t := range texts {
				bufs := corefPool.Get().(*corefBufs)
				bufs.put(newCorefResolver(t, sents[i], bufs))
			}
		}
	})
}
