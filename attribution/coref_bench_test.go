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
	scan := func(name string, f func(string, []sentence.Sentence, *corefBufs) *corefResolver) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for i, t := range texts {
					bufs := corefPool.Get().(*corefBufs)
					bufs.put(f(t, sents[i], bufs))
				}
			}
		})
	}
	scan("tokenize", func(t string, s []sentence.Sentence, bufs *corefBufs) *corefResolver {
		return &corefResolver{s: corefTokenize(t, s, bufs)}
	})
	scan("mentions", newCorefResolver)
}
