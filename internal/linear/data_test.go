package linear

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDataAddGroup(t *testing.T) {
	var ok, bad Features
	ok.Add(NewTemplate("w"), "said")
	bad.AddFloat(NewTemplate("d"), math.Inf(1))
	var nan Features
	nan.AddFloat(NewTemplate("d"), math.NaN())
	for _, c := range []struct {
		name   string
		cands  []Features
		right  int
		weight float64
		err    string
	}{
		{"right candidate", []Features{ok, ok}, 1, 1, ""},
		{"none right", []Features{ok}, -1, 0.5, ""},
		{"no candidates", nil, -1, 1, ""},
		{"right past the end", []Features{ok}, 1, 1, "out of range"},
		{"right below -1", []Features{ok}, -2, 1, "out of range"},
		{"right with no candidates", nil, 0, 1, "out of range"},
		{"zero weight", []Features{ok}, 0, 0, "weight"},
		{"negative weight", []Features{ok}, 0, -1, "weight"},
		{"NaN weight", []Features{ok}, 0, math.NaN(), "weight"},
		{"infinite weight", []Features{ok}, 0, math.Inf(1), "weight"},
		{"infinite value", []Features{ok, bad}, 0, 1, "not finite"},
		{"NaN value", []Features{nan}, 0, 1, "not finite"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var d Data
			err := d.AddGroup("doc", c.cands, c.right, c.weight)
			if c.err != "" {
				require.ErrorContains(t, err, c.err)
				assert.Zero(t, d.Len(), "a failed AddGroup adds nothing")
				assert.Empty(t, d.hashes)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 1, d.Len())
		})
	}
}

func TestDataGroup(t *testing.T) {
	var d Data
	var a, b, c Features
	a.Add(NewTemplate("w"), "said")
	a.AddFloat(NewTemplate("d"), 0.5)
	b.Add(NewTemplate("w"), "told")
	c.Add(NewTemplate("w"), "added")
	require.NoError(t, d.AddGroup("doc1", []Features{a, b}, 1, 2))
	require.NoError(t, d.Add("doc2", &c, false, 1))
	require.NoError(t, d.AddGroup("doc3", nil, -1, 1))
	require.Equal(t, 3, d.Len())

	for _, w := range []struct {
		key    string
		cands  []Features
		right  int
		weight float64
	}{
		{"doc1", []Features{a, b}, 1, 2},
		{"doc2", []Features{c}, -1, 1},
		{"doc3", []Features{}, -1, 1},
	} {
		t.Run(w.key, func(t *testing.T) {
			i := int(w.key[3] - '1')
			key, cands, right, weight := d.Group(i)
			assert.Equal(t, w.key, key)
			assert.Equal(t, w.right, right)
			assert.Equal(t, w.weight, weight)
			require.Len(t, cands, len(w.cands))
			for j := range cands {
				assert.Equal(t, w.cands[j].hashes, cands[j].hashes)
				for k := range cands[j].hashes {
					assert.Equal(t, w.cands[j].value(k), cands[j].value(k), "value %d", k)
				}
			}
		})
	}
	// Adding to a returned candidate leaves d alone.
	_, cands, _, _ := d.Group(0)
	cands[0].Add(NewTemplate("w"), "extra")
	_, again, _, _ := d.Group(0)
	assert.Equal(t, b.hashes, again[1].hashes)
}

func TestFolds(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	var keys []string
	for i := range 1000 {
		// Documents of 1 to 20 items.
		for range 1 + rng.IntN(20) {
			keys = append(keys, "doc"+strconv.Itoa(i))
		}
	}
	for _, k := range []int{1, 2, 5, 10} {
		t.Run(strconv.Itoa(k), func(t *testing.T) {
			folds, err := Folds(keys, k)
			require.NoError(t, err)
			require.Len(t, folds, len(keys))
			size := make([]int, k)
			of := map[string]int{}
			for i, f := range folds {
				require.True(t, f >= 0 && f < k)
				size[f]++
				if g, seen := of[keys[i]]; seen {
					require.Equal(t, g, f, "key %s in two folds", keys[i])
				}
				of[keys[i]] = f
			}
			for _, s := range size {
				assert.InDelta(t, float64(len(keys))/float64(k), float64(s), 20, "fold sizes %v", size)
			}
			// The order of the keys does not matter.
			shuffled := append([]string(nil), keys...)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			again, err := Folds(shuffled, k)
			require.NoError(t, err)
			for i, f := range again {
				assert.Equal(t, of[shuffled[i]], f)
			}
		})
	}
	_, err := Folds(keys, 0)
	assert.Error(t, err)
	empty, err := Folds(nil, 3)
	require.NoError(t, err)
	assert.Empty(t, empty)
}

func TestDataSplit(t *testing.T) {
	s := newSynth(6, 50)
	d, _, _ := s.groups(t, 300)
	const k = 4
	total := 0
	docs := map[string]int{}
	for i := range k {
		train, held, err := d.Split(k, i)
		require.NoError(t, err)
		require.Equal(t, d.Len(), train.Len()+held.Len())
		assert.Positive(t, held.Len())
		total += held.Len()
		inTrain := map[string]bool{}
		for g := range train.Len() {
			key, _, _, _ := train.Group(g)
			inTrain[key] = true
		}
		for g := range held.Len() {
			key, _, _, _ := held.Group(g)
			assert.False(t, inTrain[key], "document %s on both sides", key)
			docs[key]++
		}
	}
	assert.Equal(t, d.Len(), total, "every group is held out once")
	// A held-out group is the group as added.
	_, held, err := d.Split(k, 0)
	require.NoError(t, err)
	key, cands, right, _ := held.Group(0)
	for g := range d.Len() {
		if k2, c2, r2, _ := d.Group(g); k2 == key {
			assert.Equal(t, right, r2)
			assert.Equal(t, cands[0].hashes, c2[0].hashes)
			break
		}
	}
	for _, bad := range []struct{ k, i int }{{4, 4}, {4, -1}, {0, 0}} {
		_, _, err := d.Split(bad.k, bad.i)
		assert.Error(t, err, "Split(%d, %d)", bad.k, bad.i)
	}
}
