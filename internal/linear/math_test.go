package linear

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExpLog(t *testing.T) {
	for _, c := range []struct {
		name     string
		got      func(float64) float64
		want     func(float64) float64
		lo, hi   float64
		specials []float64
	}{
		{"exp", exp, math.Exp, -745, 700, []float64{0, math.Copysign(0, -1), 1e-300, -1e-300, -745.1, 710, -746, 1, -1}},
		{"log", log, math.Log, 1e-300, 1e300, []float64{1, 2, 0.5, math.MaxFloat64, math.E}},
	} {
		t.Run(c.name, func(t *testing.T) {
			xs := c.specials
			for i := range 10000 {
				// Spread over the range, geometrically for log.
				f := float64(i) / 9999
				if c.name == "log" {
					xs = append(xs, math.Exp(math.Log(c.lo)+f*(math.Log(c.hi)-math.Log(c.lo))))
				} else {
					xs = append(xs, c.lo+f*(c.hi-c.lo))
				}
			}
			for _, x := range xs {
				got, want := c.got(x), c.want(x)
				switch {
				case math.IsInf(want, 0):
					assert.Equal(t, want, got, "%s(%v)", c.name, x)
				case math.Abs(want) < 0x1p-1022:
					// Subnormal or 0: fewer bits, and math.Exp on arm64
					// rounds the smallest to 0.
					assert.InDelta(t, want, got, 0x1p-1070, "%s(%v)", c.name, x)
				default:
					assert.InEpsilon(t, want, got, 4e-16, "%s(%v)", c.name, x)
				}
			}
		})
	}
	assert.True(t, math.IsNaN(exp(math.NaN())))
	assert.True(t, math.IsNaN(log(-1)))
	assert.Equal(t, math.Inf(-1), log(0))
	// math.Exp on amd64 overflows early (and uses FMA where the processor
	// has it, so its last bit depends on the processor); exp does not.
	assert.InEpsilon(t, math.MaxFloat64*math.Exp(709.7-709.782712893384), exp(709.7), 1e-12)
	// math.Log on amd64 is wrong for subnormal numbers; log is not.
	assert.InEpsilon(t, -1074*math.Ln2, log(math.SmallestNonzeroFloat64), 1e-15)
	assert.Equal(t, math.Inf(1), log(math.Inf(1)))
	assert.Equal(t, 0.0, exp(math.Inf(-1)))
}

func TestSigmoid(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{0, 0.5}, {800, 1}, {-800, 0}, {2, 1 / (1 + math.Exp(-2))}, {-2, 1 / (1 + math.Exp(2))},
	} {
		assert.InDelta(t, c.want, sigmoid(c.x), 1e-15, "sigmoid(%v)", c.x)
	}
}
