package verify_test

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/benchtime"
	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/verify"
)

// trainCorpus is the texts of PolNeAR train three times over (2,520
// articles, 11.6 MB: a corpus of about 10 MB of real news text), with
// their attributions, read once for the benchmarks.
type trainCorpus struct {
	texts []string
	attrs [][]whosaid.Attribution
	bytes int64
}

// copies is how many times the benchmark corpus holds each train article.
const copies = 3

var train = sync.OnceValue(func() *trainCorpus {
	return &trainCorpus{}
})

func loadTrain(b *testing.B) *trainCorpus {
	b.Helper()
	tc := train()
	if tc.texts == nil {
		texts := corpustest.Texts(b, "polnear/train.jsonl")
		attrs := make([][]whosaid.Attribution, len(texts))
		for i, t := range texts {
			attrs[i] = whosaid.Extract(t)
		}
		for range copies {
			for i, t := range texts {
				tc.texts = append(tc.texts, t)
				tc.attrs = append(tc.attrs, attrs[i])
				tc.bytes += int64(len(t))
			}
		}
	}
	return tc
}

func (tc *trainCorpus) build(b *testing.B) *verify.Corpus {
	var bl verify.Builder
	for i, t := range tc.texts {
		if err := bl.Add(strconv.Itoa(i), t, tc.attrs[i]); err != nil {
			b.Fatal(err)
		}
	}
	return bl.Corpus()
}

// claim50 takes the first 50 words of the first quotation of the corpus
// that has as many, and changes one: a misquotation to find.
func claim50(b *testing.B, tc *trainCorpus) string {
	for _, as := range tc.attrs {
		for _, a := range as {
			for _, q := range a.Quoted {
				if w := strings.Fields(q.Text); len(w) >= 50 {
					w = w[:50]
					w[25] = "never"
					return strings.Join(w, " ")
				}
			}
		}
	}
	b.Fatal("no quotation of 50 words")
	return ""
}

// BenchmarkCheck checks a 50-word claim against the 11.6 MB corpus; the
// bytes per second are the corpus's.
func BenchmarkCheck(b *testing.B) {
	tc := loadTrain(b)
	corpus := tc.build(b)
	cl := verify.Claim{Quote: claim50(b, tc), Speaker: "Donald Trump"}
	res, err := corpus.Check(cl)
	if err != nil || res.Verdict != verify.Altered {
		b.Fatalf("verdict %v, %v", res.Verdict, err)
	}
	benchtime.Loop(b, tc.bytes, func() {
		if _, err := corpus.Check(cl); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkCheckCommonWords checks a claim of the commonest words only,
// whose postings are longest.
func BenchmarkCheckCommonWords(b *testing.B) {
	tc := loadTrain(b)
	corpus := tc.build(b)
	cl := verify.Claim{Quote: "and the people of the country said that it was not what they had said it would be in the end"}
	benchtime.Loop(b, tc.bytes, func() {
		if _, err := corpus.Check(cl); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkBuild indexes the 11.6 MB corpus, its attributions already
// extracted.
func BenchmarkBuild(b *testing.B) {
	tc := loadTrain(b)
	benchtime.Loop(b, tc.bytes, func() { tc.build(b) })
}

// BenchmarkCheckExhaustive aligns the same claim as BenchmarkCheck with
// every article of the corpus, whole, without the index's vote: the
// straightforward way, for the ratio.
func BenchmarkCheckExhaustive(b *testing.B) {
	tc := loadTrain(b)
	corpus := tc.build(b)
	q := claim50(b, tc)
	benchtime.Loop(b, tc.bytes, func() { corpus.Exhaustive(q) })
}

// BenchmarkEndToEnd is what "whosaid verify" does with one 50-word claim
// and the 11.6 MB corpus on one core: extract the attributions of every
// article, index them, check the claim.
func BenchmarkEndToEnd(b *testing.B) {
	tc := loadTrain(b)
	ex, err := whosaid.New()
	if err != nil {
		b.Fatal(err)
	}
	cl := verify.Claim{Quote: claim50(b, tc)}
	benchtime.Loop(b, tc.bytes, func() {
		var bl verify.Builder
		for i, t := range tc.texts {
			if err := bl.Add(strconv.Itoa(i), t, ex.Extract(t)); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := bl.Corpus().Check(cl); err != nil {
			b.Fatal(err)
		}
	})
}
