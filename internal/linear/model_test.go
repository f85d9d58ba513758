package linear

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// known returns a model with the bias 0.5 and the weights w=good 2,
// w=bad -3 and dist 1, and a function that builds a candidate's features.
func known(t *testing.T) (*Model, func(words ...string) Features) {
	t.Helper()
	feature := func(words ...string) Features {
		var f Features
		for _, w := range words {
			if w == "dist" {
				f.AddFloat(NewTemplate("dist"), 0.5)
				continue
			}
			f.Add(NewTemplate("w"), w)
		}
		return f
	}
	type kw struct {
		key uint64
		w   float32
	}
	var ws []kw
	for _, c := range []struct {
		word string
		w    float32
	}{{"good", 2}, {"bad", -3}, {"dist", 1}, {"zero", 0}} {
		f := feature(c.word)
		ws = append(ws, kw{f.hashes[0], c.w})
	}
	slices.SortFunc(ws, func(a, b kw) int { return cmp.Compare(a.key, b.key) })
	var keys []uint64
	var weights []float32
	for _, x := range ws {
		keys, weights = append(keys, x.key), append(weights, x.w)
	}
	m := newModel(0.5, keys, weights, Provenance{})
	require.Equal(t, 3, m.Len(), "the zero weight is left out")
	return m, feature
}

func TestModelScores(t *testing.T) {
	m, feature := known(t)
	for _, c := range []struct {
		name  string
		words []string
		score float64
	}{
		{"nothing: the bias", nil, 0.5},
		{"one known", []string{"good"}, 2.5},
		{"twice counts twice", []string{"good", "good"}, 4.5},
		{"unknown weighs 0", []string{"good", "unseen", "zero"}, 2.5},
		{"a real value multiplies", []string{"bad", "dist"}, 0.5 - 3 + 0.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := feature(c.words...)
			assert.InDelta(t, c.score, m.Score(&f), 1e-12)
			assert.InDelta(t, c.score-0.5, m.Sum(&f), 1e-12, "without the bias")
			assert.InDelta(t, 1/(1+math.Exp(-c.score)), m.Prob(&f), 1e-12)
			// One candidate: Choose gives Prob.
			_, probs := m.Choose([]Features{f})
			assert.Equal(t, m.Prob(&f), probs[0])
		})
	}
}

// TestModelMemo checks that the sums through a Memo are Sum's and
// Score's, bit for bit: on features the memo holds and does not, on
// features whose slots collide in it, on unknown features and real
// values, and with one Memo passed from one model to another.
func TestModelMemo(t *testing.T) {
	m, _ := known(t)
	big := bigModel(t, 5000)
	rng := rand.New(rand.NewPCG(7, 7))
	var c Memo
	for round := range 2000 {
		mm := big
		if round%7 == 0 {
			mm = m
		}
		var f Features
		for range rng.IntN(40) {
			switch rng.IntN(4) {
			case 0:
				f.Add(NewTemplate("w"), strconv.Itoa(rng.IntN(6000)))
			case 1:
				f.Add(NewTemplate("w"), []string{"good", "bad", "zero", "unseen"}[rng.IntN(4)])
			case 2:
				f.AddFloat(NewTemplate("dist"), rng.NormFloat64())
			default:
				f.Add(NewTemplate("w"), strconv.Itoa(rng.IntN(64)))
			}
		}
		want, got := mm.Sum(&f), mm.SumWith(&f, &c)
		require.Equal(t, math.Float64bits(want), math.Float64bits(got), "round %d: Sum %v, SumWith %v", round, want, got)
		want, got = mm.Score(&f), mm.ScoreWith(&f, &c)
		require.Equal(t, math.Float64bits(want), math.Float64bits(got), "round %d: Score %v, ScoreWith %v", round, want, got)
	}
	// The zero Memo and a model without weights.
	empty := newModel(0.25, nil, nil, Provenance{})
	var f Features
	f.Add(NewTemplate("w"), "good")
	var z Memo
	assert.Equal(t, 0.25, empty.ScoreWith(&f, &z))
	assert.Equal(t, 2.5, m.ScoreWith(&f, &z))
}

func TestModelWeights(t *testing.T) {
	m, feature := known(t)
	for _, c := range []struct {
		name  string
		words []string
		to    []float64
		want  []float64
	}{
		{"none", nil, nil, nil},
		{"known and not, in order", []string{"bad", "unseen", "good", "zero", "dist"}, nil, []float64{-3, 0, 2, 0, 1}},
		{"appended", []string{"good"}, []float64{7}, []float64{7, 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := feature(c.words...)
			assert.Equal(t, c.want, m.Weights(&f, c.to))
			for i, h := range f.Hashes() {
				assert.Equal(t, m.Weight(h), c.want[len(c.to)+i], "feature %d", i)
			}
		})
	}
}

func TestModelChoose(t *testing.T) {
	m, feature := known(t)
	softmax := func(scores ...float64) []float64 {
		z := 1.0 // none
		for _, s := range scores {
			z += math.Exp(s)
		}
		out := make([]float64, len(scores))
		for i, s := range scores {
			out[i] = math.Exp(s) / z
		}
		return out
	}
	for _, c := range []struct {
		name  string
		cands [][]string
		best  int
		probs []float64
	}{
		{"the better candidate", [][]string{{"bad"}, {"good"}}, 1, softmax(-2.5, 2.5)},
		{"none beats them all", [][]string{{"bad"}, {"bad", "dist"}}, -1, softmax(-2.5, -2)},
		{"a tie goes to the lower index", [][]string{{"good"}, {"good"}}, 0, softmax(2.5, 2.5)},
		{"no candidates", nil, -1, []float64{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cands := make([]Features, len(c.cands))
			for i, words := range c.cands {
				cands[i] = feature(words...)
			}
			best, probs := m.Choose(cands)
			assert.Equal(t, c.best, best)
			require.Len(t, probs, len(c.probs))
			for i := range probs {
				assert.InDelta(t, c.probs[i], probs[i], 1e-12)
			}
		})
	}

	// A calibrated model reads each score s as A*s+B, and m is unchanged.
	cal := m.Calibrated(Platt{A: 0.5, B: -1})
	f, g := feature("good"), feature("bad")
	assert.InDelta(t, 1/(1+math.Exp(-(0.5*2.5-1))), cal.Prob(&f), 1e-12)
	_, probs := cal.Choose([]Features{f, g})
	want := softmax(0.5*2.5-1, 0.5*-2.5-1)
	assert.InDelta(t, want[0], probs[0], 1e-12)
	assert.InDelta(t, want[1], probs[1], 1e-12)
	assert.InDelta(t, 1/(1+math.Exp(-2.5)), m.Prob(&f), 1e-12)
	assert.Nil(t, m.Provenance().Platt)
	assert.Equal(t, &Platt{A: 0.5, B: -1}, cal.Provenance().Platt)
}

func TestModelTop(t *testing.T) {
	m, feature := known(t)
	good, bad, dist := feature("good"), feature("bad"), feature("dist")
	assert.Equal(t, []Weight{{bad.hashes[0], -3}, {good.hashes[0], 2}, {dist.hashes[0], 1}, {0, 0.5}}, m.Top(-1))
	assert.Equal(t, []Weight{{bad.hashes[0], -3}, {good.hashes[0], 2}}, m.Top(2))
	assert.Empty(t, m.Top(0))
	assert.Len(t, m.Top(10), 4)
}
