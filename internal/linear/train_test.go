package linear

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTrainBinary(t *testing.T) {
	for _, c := range []struct {
		name     string
		noisy    bool
		accuracy float64 // at least, on fresh examples
		ece      float64 // at most, on fresh examples
	}{
		{"separable", false, 0.95, 1},
		{"noisy", true, 0, 0.03}, // accuracy: within 0.02 of the true scores'
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSynth(1, 200)
			train, _, _, _ := s.binary(t, 10000, c.noisy)
			m, err := Train(train)
			require.NoError(t, err)
			_, cands, labels, truth := s.binary(t, 5000, c.noisy)
			right, bayes := 0, 0
			probs := make([]float64, len(cands))
			for i := range cands {
				probs[i] = m.Prob(&cands[i])
				if (probs[i] > 0.5) == labels[i] {
					right++
				}
				if (truth[i] > 0.5) == labels[i] {
					bayes++
				}
			}
			acc := float64(right) / float64(len(cands))
			want := c.accuracy
			if c.noisy {
				want = float64(bayes)/float64(len(cands)) - 0.02
			}
			assert.GreaterOrEqual(t, acc, want)
			rel, err := NewReliability(probs, labels)
			require.NoError(t, err)
			assert.LessOrEqual(t, rel.ECE, c.ece, "%s", rel)
			t.Logf("accuracy %.4f (true scores %.4f), %d iterations\n%s", acc,
				float64(bayes)/float64(len(cands)), m.Provenance().Iterations, rel)
		})
	}
}

func TestTrainRanking(t *testing.T) {
	s := newSynth(2, 300)
	train, _, _ := s.groups(t, 10000)
	m, err := Train(train)
	require.NoError(t, err)
	_, test, rights := s.groups(t, 3000)
	right, oracle := 0, 0
	for i, cands := range test {
		best, probs := m.Choose(cands)
		require.Len(t, probs, len(cands))
		if best == rights[i] {
			right++
		}
		// The true scores, as s.groups drew them.
		scores := make([]float64, len(cands))
		for c := range cands {
			for j, h := range cands[c].hashes {
				scores[c] += 2 * float64(cands[c].values[j]) * s.weightOf(h)
			}
		}
		if argmax(scores) == rights[i] {
			oracle++
		}
	}
	acc, best := float64(right)/float64(len(test)), float64(oracle)/float64(len(test))
	t.Logf("ranking accuracy %.4f, true scores %.4f", acc, best)
	assert.GreaterOrEqual(t, acc, best-0.02)
}

func TestTrainDeterministic(t *testing.T) {
	encode := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		s := newSynth(3, 200)
		d, _, _ := s.groups(t, 2000)
		m, err := Train(d, Describe(Provenance{Name: "test", Templates: []string{"f", "x"}}))
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, m.Encode(&b))
		return b.Bytes()
	}
	first := encode(1)
	assert.Equal(t, first, encode(1), "trained twice")
	assert.Equal(t, first, encode(2), "GOMAXPROCS 1 and 2")
}

func TestTrainOptions(t *testing.T) {
	s := newSynth(10, 50)
	d, _, _ := s.groups(t, 200)
	for _, c := range []struct {
		name string
		opts []Option
		err  string
	}{
		{"defaults", nil, ""},
		{"all set", []Option{L2(1e-3), Iterations(50), Tolerance(1e-5), MinCount(2)}, ""},
		{"L2 zero", []Option{L2(0)}, "L2"},
		{"L2 NaN", []Option{L2(math.NaN())}, "L2"},
		{"iterations zero", []Option{Iterations(0)}, "iterations"},
		{"tolerance negative", []Option{Tolerance(-1)}, "tolerance"},
		{"min count zero", []Option{MinCount(0)}, "minimum count"},
		{"describe twice", []Option{Describe(Provenance{Name: "a"}), Describe(Provenance{Name: "b"})}, "twice"},
		{"describe what Train computes", []Option{Describe(Provenance{Data: "abc"})}, "only Name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := Train(d, c.opts...)
			if c.err != "" {
				require.ErrorContains(t, err, c.err)
				assert.Nil(t, m)
				return
			}
			require.NoError(t, err)
			assert.Positive(t, m.Len())
		})
	}
	_, err := Train(new(Data))
	assert.ErrorContains(t, err, "no training groups")
}

func TestTrainProvenance(t *testing.T) {
	s := newSynth(11, 50)
	d, _, _ := s.groups(t, 200)
	m, err := Train(d, L2(1e-3), MinCount(3), Describe(Provenance{
		Name: "speaker", Command: "go run ./cmd/train", Source: "sha256:abc", Templates: []string{"f", "x"},
	}))
	require.NoError(t, err)
	p := m.Provenance()
	assert.Equal(t, "speaker", p.Name)
	assert.Equal(t, "go run ./cmd/train", p.Command)
	assert.Equal(t, "sha256:abc", p.Source)
	assert.Equal(t, []string{"f", "x"}, p.Templates)
	assert.Equal(t, Params{L2: 1e-3, Iterations: 300, Tolerance: 1e-7, MinCount: 3}, p.Params)
	assert.Equal(t, 200, p.Groups)
	assert.Equal(t, len(d.cands), p.Candidates)
	assert.Equal(t, len(d.hashes), p.Occurrences)
	assert.Equal(t, m.Len(), p.Features)
	assert.Len(t, p.Data, 64)
	assert.Positive(t, p.Iterations)
	assert.Positive(t, p.Loss)
	// The data hash follows the data.
	d2, _, _ := s.groups(t, 200)
	m2, err := Train(d2, L2(1e-3), MinCount(3))
	require.NoError(t, err)
	assert.NotEqual(t, p.Data, m2.Provenance().Data)
	// Provenance returns a copy.
	p.Templates[0] = "changed"
	assert.Equal(t, "f", m.Provenance().Templates[0])
}

func TestTrainMinCount(t *testing.T) {
	var d Data
	var f Features
	for i := range 100 {
		f.Reset()
		if i%10 != 0 {
			f.Add(NewTemplate("common"), "a") // 90 times
		}
		f.Add(NewTemplate("rare"), strconv.Itoa(i%50)) // each twice
		if i == 0 {
			f.Add(NewTemplate("once"), "x")
		}
		require.NoError(t, d.Add("doc", &f, i%10 != 0 && i%3 != 0, 1))
	}
	for _, c := range []struct {
		min  int
		want int
	}{{1, 52}, {2, 51}, {3, 1}, {101, 0}} {
		m, err := Train(&d, MinCount(c.min))
		require.NoError(t, err)
		assert.Equal(t, c.want, m.Len(), "MinCount(%d)", c.min)
	}
}

// TestTrainWeights checks that an example of weight 2 counts as the same
// example twice.
func TestTrainWeights(t *testing.T) {
	s := newSynth(12, 40)
	var once, twice Data
	for i := range 300 {
		var f Features
		score := s.candidate(&f, 4)
		label := s.rng.Float64() < sigmoid(score)
		key := strconv.Itoa(i)
		w := 1.0
		if i%3 == 0 {
			w = 2
			require.NoError(t, twice.Add(key, &f, label, 1))
		}
		require.NoError(t, once.Add(key, &f, label, w))
		require.NoError(t, twice.Add(key, &f, label, 1))
	}
	a, err := Train(&once)
	require.NoError(t, err)
	b, err := Train(&twice)
	require.NoError(t, err)
	wa, wb := a.Top(-1), b.Top(-1)
	require.Equal(t, len(wa), len(wb))
	for i := range wa {
		assert.Equal(t, wa[i].Hash, wb[i].Hash)
		assert.InDelta(t, wa[i].Value, wb[i].Value, 1e-3)
	}
}

// TestTrainGolden pins the weights that a fixed problem trains to, so that
// a machine that computes differently (another architecture, another
// compiler) fails here: run with -update after an intended change.
func TestTrainGolden(t *testing.T) {
	s := newSynth(13, 100)
	d, _, _ := s.groups(t, 1000)
	m, err := Train(d)
	require.NoError(t, err)
	h := sha256.New()
	for _, w := range m.Top(-1) {
		binary.Write(h, binary.LittleEndian, w)
	}
	got := fmt.Sprintf("%x %d weights, %d iterations\n", h.Sum(nil), m.Len(), m.Provenance().Iterations)
	path := filepath.Join("..", "..", "testdata", "linear", "weights.golden")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

var update = flag.Bool("update", false, "rewrite testdata/linear/weights.golden")
