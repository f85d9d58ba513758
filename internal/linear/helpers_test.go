package linear

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// synth is a synthetic problem whose right answers are known: each
// feature "f=i" has a true weight, and a candidate's true score is the sum
// of the true weights of its features plus bias.
type synth struct {
	rng     *rand.Rand
	names   []string
	weights []float64
	bias    float64
	byHash  map[uint64]float64
}

func newSynth(seed uint64, vocab int) *synth {
	s := &synth{rng: rand.New(rand.NewPCG(seed, 7))}
	for i := range vocab {
		s.names = append(s.names, strconv.Itoa(i))
		s.weights = append(s.weights, s.rng.NormFloat64())
	}
	return s
}

// candidate fills f with k features drawn with a Zipf-like skew (feature
// i about as often as 1/(i+1)), and a real-valued one, and returns its
// true score.
func (s *synth) candidate(f *Features, k int) float64 {
	f.Reset()
	score := s.bias
	n := float64(len(s.names))
	for range k {
		i := int(math.Exp(s.rng.Float64()*math.Log(n+1))) - 1
		f.Add(NewTemplate("f"), s.names[i])
		score += s.weights[i]
	}
	x := s.rng.Float64()*2 - 1
	f.AddFloat(NewTemplate("x"), x)
	score += 2 * x
	return score
}

// binary returns n binary examples; the label is the sign of the true
// score when noisy is false, and drawn with the probability of the
// logistic function of the true score when noisy is true, together with
// that true probability.
func (s *synth) binary(t testing.TB, n int, noisy bool) (d *Data, cands []Features, labels []bool, truth []float64) {
	t.Helper()
	d = new(Data)
	for i := range n {
		var f Features
		score := s.candidate(&f, 8)
		p := sigmoid(score)
		label := score > 0
		if noisy {
			label = s.rng.Float64() < p
		}
		require.NoError(t, d.Add("doc"+strconv.Itoa(i/10), &f, label, 1))
		cands = append(cands, f)
		labels = append(labels, label)
		truth = append(truth, p)
	}
	return d, cands, labels, truth
}

// groups returns n groups of 2 to 6 candidates, in which the right one is
// drawn from the softmax of the true scores, with none's score 0.
func (s *synth) groups(t testing.TB, n int) (d *Data, all [][]Features, rights []int) {
	t.Helper()
	d = new(Data)
	for i := range n {
		k := 2 + s.rng.IntN(5)
		cands := make([]Features, k)
		scores := make([]float64, k)
		for c := range cands {
			scores[c] = 2 * s.candidate(&cands[c], 6)
		}
		right := draw(s.rng, scores)
		require.NoError(t, d.AddGroup("doc"+strconv.Itoa(i/10), cands, right, 1))
		all = append(all, cands)
		rights = append(rights, right)
	}
	return d, all, rights
}

// draw returns an index drawn from the softmax of scores and none's 0, -1
// for none.
func draw(rng *rand.Rand, scores []float64) int {
	z := 1.0
	for _, s := range scores {
		z += math.Exp(s)
	}
	u := rng.Float64() * z
	for i, s := range scores {
		u -= math.Exp(s)
		if u < 0 {
			return i
		}
	}
	return -1
}

// argmax returns the index of the largest score, or -1 when none is
// larger than 0.
func argmax(scores []float64) int {
	best, top := -1, 0.0
	for i, s := range scores {
		if s > top {
			best, top = i, s
		}
	}
	return best
}

// weightOf returns the true weight of the feature with hash h.
func (s *synth) weightOf(h uint64) float64 {
	if s.byHash == nil {
		s.byHash = make(map[uint64]float64)
		var f Features
		for i, name := range s.names {
			f.Reset()
			f.Add(NewTemplate("f"), name)
			s.byHash[f.hashes[0]] = s.weights[i]
		}
		f.Reset()
		f.AddFloat(NewTemplate("x"), 1)
		s.byHash[f.hashes[0]] = 2
	}
	return s.byHash[h]
}
