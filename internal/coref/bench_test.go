package coref

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/benchtime"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// BenchmarkScan measures the parts of newResolver over the dev texts:
// "stream" scans the token stream alone; "words" builds the words from
// streams scanned before; "mentions" builds the words and scans them for
// names.
func BenchmarkScan(b *testing.B) {
	texts := corpustest.Texts(b, "polnear/dev.jsonl")
	lex, err := lexicon.Load()
	require.NoError(b, err)
	size := int64(0)
	streams := make([]*token.Stream, len(texts))
	sents := make([][]sentence.Sentence, len(texts))
	qs := make([][]quote.Quote, len(texts))
	for i, t := range texts {
		sents[i] = sentence.Split(t)
		qs[i] = quote.Detect(t, sents[i])
		streams[i] = new(token.Stream)
		streams[i].Scan(t, sents[i], qs[i], lex)
		size += int64(len(t))
	}
	run := func(name string, f func(i int)) {
		b.Run(name, func(b *testing.B) {
			benchtime.Loop(b, size, func() {
				for i := range texts {
					f(i)
				}
			})
		})
	}
	var s token.Stream
	run("stream", func(i int) { s.Scan(texts[i], sents[i], qs[i], lex) })
	run("words", func(i int) {
		bufs := pool.Get().(*bufs)
		bufs.put(&resolver{s: newScan(streams[i], bufs)})
	})
	run("mentions", func(i int) {
		bufs := pool.Get().(*bufs)
		bufs.put(newResolver(streams[i], bufs))
	})
}
