package linear

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkFeatures builds the features of one candidate (24 indicator
// features, two conjunctions and a real value) and scores it, on a model
// of 100,000 weights.
func BenchmarkFeatures(b *testing.B) {
	m := bigModel(b, 100_000)
	words := []string{"said", "Blinken", "the", "official", "told", "reporters", "on", "Tuesday", "that", "he", "would", "not"}
	tags := []string{"VBD", "NNP", "DT", "NN", "VBD", "NNS", "IN", "NNP", "IN", "PRP", "MD", "RB"}
	tw, tt, twt, ttt, tdist := NewTemplate("w"), NewTemplate("t"), NewTemplate("w|t"), NewTemplate("t-1|t"), NewTemplate("dist")
	var f Features
	sum := 0.0
	b.ReportAllocs()
	for b.Loop() {
		f.Reset()
		for i, w := range words {
			f.Add(tw, w)
			f.Add(tt, tags[i])
		}
		f.Add2(twt, words[0], tags[0])
		f.Add2(ttt, tags[1], tags[2])
		f.AddFloat(tdist, 0.3)
		sum += m.Prob(&f)
	}
	_ = sum
}

// BenchmarkProb scores a candidate of 30 features, half of them known to
// the model, on models of ten thousand and a million weights.
func BenchmarkProb(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			m := bigModel(b, n)
			rng := rand.New(rand.NewPCG(6, 6))
			// Many candidates, so that a large model is read from memory
			// rather than from the cache, as it is in use.
			cands := make([]Features, 1000)
			for i := range cands {
				for k := range 30 {
					if k%2 == 0 {
						cands[i].Add(NewTemplate("w"), strconv.Itoa(rng.IntN(n)))
					} else {
						cands[i].Add(NewTemplate("unknown"), strconv.Itoa(k))
					}
				}
			}
			sum := 0.0
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				sum += m.Prob(&cands[i%len(cands)])
				i++
			}
			_ = sum
		})
	}
}

// BenchmarkTrain trains on 50,000 groups of 2 to 6 candidates of 7
// features each (from 100,000 features, Zipf-distributed): 1.4 million
// feature occurrences.
func BenchmarkTrain(b *testing.B) {
	s := newSynth(4, 100_000)
	d, _, _ := s.groups(b, 50_000)
	var m *Model
	for b.Loop() {
		var err error
		m, err = Train(d)
		require.NoError(b, err)
	}
	b.ReportMetric(float64(len(d.hashes)), "occurrences")
	b.ReportMetric(float64(m.Len()), "weights")
	b.ReportMetric(float64(m.Provenance().Iterations), "iterations")
}

// BenchmarkDecode decodes a model of a million weights.
func BenchmarkDecode(b *testing.B) {
	var buf bytes.Buffer
	require.NoError(b, bigModel(b, 1_000_000).Encode(&buf))
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		_, err := Decode(bytes.NewReader(buf.Bytes()))
		require.NoError(b, err)
	}
	b.ReportMetric(float64(buf.Len()), "encoded-bytes")
}

// bigModel returns a model of n weights on the features "w=0", "w=1"...,
// drawn as a trained model's are: small, normally distributed.
func bigModel(tb testing.TB, n int) *Model {
	tb.Helper()
	rng := rand.New(rand.NewPCG(5, 5))
	var f Features
	for i := range n {
		f.Add(NewTemplate("w"), strconv.Itoa(i))
	}
	keys := slices.Clone(f.hashes)
	slices.Sort(keys)
	weights := make([]float32, n)
	for i := range weights {
		weights[i] = float32(rng.NormFloat64() * 0.3)
	}
	return newModel(-0.5, keys, weights, Provenance{Name: "big"})
}
