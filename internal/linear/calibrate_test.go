package linear

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// miscalibrated returns n scores s and labels drawn with the probability
// truth(s), where s is normal with standard deviation 2.
func miscalibrated(seed uint64, n int, truth func(s float64) float64) (scores []float64, labels []bool) {
	rng := rand.New(rand.NewPCG(seed, 3))
	for range n {
		s := rng.NormFloat64() * 2
		scores = append(scores, s)
		labels = append(labels, rng.Float64() < truth(s))
	}
	return scores, labels
}

func TestCalibration(t *testing.T) {
	for _, c := range []struct {
		name  string
		truth func(s float64) float64
		// The ECE of reading the score through the logistic function, at
		// least, and of each calibration fitted on held-out pairs, at most.
		raw, platt, isotonic float64
	}{
		// Overconfident scores: the true probability is σ(s/3 + 0.5).
		{"overconfident", func(s float64) float64 { return sigmoid(s/3 + 0.5) }, 0.1, 0.02, 0.03},
		// Underconfident scores: the true probability is σ(2s - 1).
		{"underconfident", func(s float64) float64 { return sigmoid(2*s - 1) }, 0.05, 0.02, 0.03},
		// A shape Platt cannot follow: a step at 0 with a floor and a ceiling.
		{"step", func(s float64) float64 {
			if s > 0 {
				return 0.8
			}
			return 0.1
		}, 0.1, 1, 0.03},
	} {
		t.Run(c.name, func(t *testing.T) {
			heldScores, heldLabels := miscalibrated(1, 20000, c.truth)
			testScores, testLabels := miscalibrated(2, 20000, c.truth)
			ece := func(prob func(float64) float64) float64 {
				probs := make([]float64, len(testScores))
				for i, s := range testScores {
					probs[i] = prob(s)
				}
				r, err := NewReliability(probs, testLabels)
				require.NoError(t, err)
				return r.ECE
			}
			raw := ece(sigmoid)
			assert.GreaterOrEqual(t, raw, c.raw, "the scores are miscalibrated")

			p, err := FitPlatt(heldScores, heldLabels)
			require.NoError(t, err)
			plattECE := ece(p.Prob)
			assert.LessOrEqual(t, plattECE, c.platt)

			iso, err := FitIsotonic(heldScores, heldLabels)
			require.NoError(t, err)
			isoECE := ece(iso.Prob)
			assert.LessOrEqual(t, isoECE, c.isotonic)
			t.Logf("ECE raw %.4f, Platt %.4f (A %.3f, B %.3f), isotonic %.4f", raw, plattECE, p.A, p.B, isoECE)
		})
	}
}

// TestFitPlattRecovers checks that Platt scaling finds the transform that
// made the labels.
func TestFitPlattRecovers(t *testing.T) {
	scores, labels := miscalibrated(4, 50000, func(s float64) float64 { return sigmoid(2*s - 1) })
	p, err := FitPlatt(scores, labels)
	require.NoError(t, err)
	assert.InDelta(t, 2, p.A, 0.1)
	assert.InDelta(t, -1, p.B, 0.1)
}

func TestFitPlattSeparable(t *testing.T) {
	// Scores that separate the labels: A stays finite.
	scores := []float64{-3, -2, -1, 1, 2, 3}
	labels := []bool{false, false, false, true, true, true}
	p, err := FitPlatt(scores, labels)
	require.NoError(t, err)
	assert.False(t, math.IsInf(p.A, 0) || math.IsNaN(p.A))
	assert.Greater(t, p.Prob(3), 0.7)
	assert.Less(t, p.Prob(-3), 0.3)
	// All scores equal: B alone says how often.
	p, err = FitPlatt([]float64{1, 1, 1, 1}, []bool{true, false, false, false})
	require.NoError(t, err)
	assert.InDelta(t, (1.0+1)/(1+2)*0.25+1.0/(3+2)*0.75, p.Prob(1), 0.01)
}

func TestIsotonic(t *testing.T) {
	c, err := FitIsotonic([]float64{5, 1, 2, 3, 3, 4}, []bool{true, false, true, false, true, true})
	require.NoError(t, err)
	// 1 is wrong; 2 (right) and the two 3s (one right) pool to 2/3; 4
	// and 5 are right.
	for _, w := range []struct{ s, want float64 }{
		{0, 0},         // below the first score: the first value
		{1, 0},         //
		{1.5, 1.0 / 3}, // halfway between 1 and 2
		{2, 2.0 / 3},   //
		{3, 2.0 / 3},   //
		{3.5, 5.0 / 6}, // halfway between 3 and 4
		{4, 1},         //
		{5, 1},         //
		{9, 1},         // above the last score: the last value
	} {
		assert.InDelta(t, w.want, c.Prob(w.s), 1e-12, "Prob(%v)", w.s)
	}
	// Non-decreasing everywhere.
	prev := -1.0
	for s := -1.0; s < 7; s += 0.01 {
		p := c.Prob(s)
		require.GreaterOrEqual(t, p, prev)
		prev = p
	}
	// The order of the pairs does not matter.
	d, err := FitIsotonic([]float64{3, 4, 3, 2, 1, 5}, []bool{true, true, false, true, false, true})
	require.NoError(t, err)
	assert.Equal(t, c, d)
}

func TestReliability(t *testing.T) {
	probs := []float64{0.05, 0.05, 0.15, 0.95, 0.95, 0.95, 0.95, 1}
	labels := []bool{false, true, false, true, true, true, false, true}
	r, err := NewReliability(probs, labels)
	require.NoError(t, err)
	assert.Equal(t, 8, r.Count)
	assert.Equal(t, Bin{Lo: 0, Hi: 0.1, Count: 2, Predicted: 0.05, Observed: 0.5}, r.Bins[0])
	assert.Equal(t, Bin{Lo: 0.1, Hi: 0.2, Count: 1, Predicted: 0.15, Observed: 0}, r.Bins[1])
	assert.Equal(t, 0, r.Bins[5].Count)
	assert.Equal(t, 5, r.Bins[9].Count, "1 falls in the last bin")
	assert.InDelta(t, 0.96, r.Bins[9].Predicted, 1e-12)
	assert.InDelta(t, 0.8, r.Bins[9].Observed, 1e-12)
	want := 2.0/8*0.45 + 1.0/8*0.15 + 5.0/8*0.16
	assert.InDelta(t, want, r.ECE, 1e-12)
	assert.Contains(t, r.String(), "ECE 0.2312 over 8 predictions")
}

func TestCalibrationErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		scores []float64
		labels []bool
	}{
		{"lengths differ", []float64{0.5}, []bool{true, false}},
		{"empty", nil, nil},
		{"NaN", []float64{math.NaN()}, []bool{true}},
		{"infinite", []float64{math.Inf(1)}, []bool{true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := FitPlatt(c.scores, c.labels)
			assert.Error(t, err)
			_, err = FitIsotonic(c.scores, c.labels)
			assert.Error(t, err)
			_, err = NewReliability(c.scores, c.labels)
			assert.Error(t, err)
		})
	}
	_, err := NewReliability([]float64{1.5}, []bool{true})
	assert.Error(t, err, "not a probability")
	_, err = NewReliability([]float64{-0.1}, []bool{true})
	assert.Error(t, err, "not a probability")
}
