package attribution_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/attribution"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := attribution.New(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	text := corpustest.ReadFile(b, "seed/blinken-paris.txt")
	sents := sentence.Split(text)
	qs := quote.Detect(text, sents)
	r, err := attribution.New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Resolve(text, sents, qs)
	}
}

// TestConcurrent runs one Resolver from several goroutines; with -race it
// shows the Resolver shares nothing mutable.
func TestConcurrent(t *testing.T) {
	text := corpustest.ReadFile(t, "seed/blinken-paris.txt")
	sents := sentence.Split(text)
	qs := quote.Detect(text, sents)
	r, err := attribution.New()
	require.NoError(t, err)
	want := len(r.Resolve(text, sents, qs))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.Equal(t, want, len(r.Resolve(text, sents, qs)), "attributions")
		}()
	}
	wg.Wait()
}
