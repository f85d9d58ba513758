package tagger

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// randomWeight returns a source of weights of every kind: small and
// large, of both signs, zeros of both signs, subnormals, infinities and
// NaN.
func randomWeight(rng *rand.Rand) func() float32 {
	specials := []float32{0, float32(math.Copysign(0, -1)), 1e-45, -1e-45, 1e-40, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), 3.4e38, -3.4e38, 1, -1}
	return func() float32 {
		switch rng.IntN(4) {
		case 0:
			return specials[rng.IntN(len(specials))]
		case 1:
			return math.Float32frombits(rng.Uint32())
		}
		return float32(rng.NormFloat64())
	}
}

// TestAddRun checks that addRun, in assembly where there is one, gives
// the sums of addRunGo bit for bit, on weights of every kind: small and
// large, of both signs, zeros of both signs, subnormals, infinities and
// NaN, with dst apart from src and dst the same as src.
func TestAddRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	weight := randomWeight(rng)
	vector := func() *[denseLen]float32 {
		v := new([denseLen]float32)
		for i := range v {
			v[i] = weight()
		}
		return v
	}
	bits := func(v *[denseLen]float32) (b [denseLen]uint32) {
		for i, x := range v {
			b[i] = math.Float32bits(x)
		}
		return b
	}
	for _, c := range []struct {
		name    string
		n       int
		inPlace bool
	}{
		{"no vectors", 0, false},
		{"one vector", 1, false},
		{"a run of every feature", nFeat, false},
		{"in place, no vectors", 0, true},
		{"in place, three vectors", 3, true},
		{"in place, a run of every feature", nFeat, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			for range 200 {
				src := vector()
				run := make([]*[denseLen]float32, c.n)
				for i := range run {
					run[i] = vector()
				}
				want, got := new([denseLen]float32), new([denseLen]float32)
				if c.inPlace {
					*want, *got = *src, *src
					addRunGo(want, want, run)
					addRun(got, got, run)
				} else {
					addRunGo(want, src, run)
					addRun(got, src, run)
				}
				if !assert.Equal(t, bits(want), bits(got), "sums of %v plus %d vectors", *src, c.n) {
					return
				}
			}
		})
	}
}

// TestScoreVector checks that score, in vector instructions where the
// processor has them, gives the scores of scoreGo bit for bit, and that
// classify picks the class that bestClass picks from them in Go, on a model
// of random weights of every kind (see randomWeight) and features of every
// kind in every order: none, dense and sparse, runs of each and each
// alone.
func TestScoreVector(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	weight := randomWeight(rng)
	m := &model{bias: make([]float32, denseLen), dense: make([][denseLen]float32, 16)}
	for i := range m.bias {
		m.bias[i] = weight()
	}
	for i := 1; i < len(m.dense); i++ {
		for j := range m.dense[i] {
			m.dense[i][j] = weight()
		}
	}
	for range 400 {
		m.cls = append(m.cls, uint8(rng.IntN(denseLen)))
		m.wts = append(m.wts, weight())
	}
	m.vectorize()
	// Every class is weighted, and none beats -Inf without a weight.
	for k := range denseLen {
		m.orig = append(m.orig, uint8(k))
	}
	m.rest, m.restID = float32(math.Inf(-1)), -1
	feature := func(kinds string) ref {
		switch kinds[rng.IntN(len(kinds))] {
		case 'd':
			return ref(1+rng.IntN(len(m.dense)-1)) << 8
		case 's':
			n := 1 + rng.IntN(denseMin-1)
			return ref(rng.IntN(len(m.cls)-n+1)<<8 | n)
		}
		return 0
	}
	for _, c := range []struct {
		name  string
		kinds string // of the features, drawn at random: dense, sparse, or none
	}{
		{"no features", "0"},
		{"dense", "d"},
		{"sparse", "s"},
		{"dense and sparse", "ds"},
		{"every kind", "0ds"},
		{"mostly dense", "0ddddds"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for range 500 {
				var feats [nFeat]ref
				for i := range feats {
					feats[i] = feature(c.kinds)
				}
				var want, got [256]float32
				m.scoreGo(&want, &feats)
				m.score(&got, &feats)
				for k := range denseLen {
					if !assert.Equal(t, math.Float32bits(want[k]), math.Float32bits(got[k]), "class %d of features %x: %v, want %v", k, feats, got[k], want[k]) {
						return
					}
				}
				// classify picks the class bestClass picks in Go.
				avx := m.avx
				m.avx = false
				wantClass := m.bestClass(&want, 0)
				m.avx = avx
				if !assert.Equal(t, wantClass, m.classify(&got, &feats, 0), "class of features %x, scores %v", feats, want[:denseLen]) {
					return
				}
			}
		})
	}
}
