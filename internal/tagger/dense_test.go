package tagger

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAddRun checks that addRun, in assembly where there is one, gives
// the sums of addRunGo bit for bit, on weights of every kind: small and
// large, of both signs, zeros of both signs, subnormals, infinities and
// NaN, with dst apart from src and dst the same as src.
func TestAddRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	specials := []float32{0, float32(math.Copysign(0, -1)), 1e-45, -1e-45, 1e-40, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), 3.4e38, -3.4e38, 1, -1}
	weight := func() float32 {
		switch rng.IntN(4) {
		case 0:
			return specials[rng.IntN(len(specials))]
		case 1:
			return math.Float32frombits(rng.Uint32())
		}
		return float32(rng.NormFloat64())
	}
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
