package linear

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Data holds training examples as groups of candidates. A group is one
// decision: its candidates, the index of the right one or -1 when none is
// right, a weight, and a key (a document id) that keeps a document's groups
// in one fold of a cross-validation. A binary example is a group of one
// candidate, right (0) or not (-1).
//
// The features are copied into flat arrays, so a [Features] can be reused
// as soon as Add returns. The zero value is empty and ready to use. A Data
// is not safe for concurrent use while it is being filled.
type Data struct {
	hashes []uint64  // per occurrence
	values []float32 // per occurrence
	cands  []int     // per candidate, where its occurrences end
	groups []int     // per group, where its candidates end
	right  []int
	weight []float64
	keys   []string
}

// Add adds a binary example: one candidate, right or not, with a weight.
func (d *Data) Add(key string, f *Features, right bool, weight float64) error {
	r := -1
	if right {
		r = 0
	}
	return d.AddGroup(key, []Features{*f}, r, weight)
}

// AddGroup adds a group of candidates, of which the one at index right is
// the right one, or none when right is -1. It fails, adding nothing, when
// right is out of range, when weight is not a positive finite number, or
// when a feature value is not finite. A group with no candidates is valid
// with right -1 (it only teaches that nothing can be right where nothing
// was proposed, and adds nothing to the loss).
func (d *Data) AddGroup(key string, cands []Features, right int, weight float64) error {
	switch {
	case right < -1 || right >= len(cands):
		return fmt.Errorf("linear: right candidate %d out of range [-1, %d)", right, len(cands))
	case !(weight > 0) || math.IsInf(weight, 1):
		return fmt.Errorf("linear: group weight %v is not a positive finite number", weight)
	}
	for i := range cands {
		if !cands[i].finite() {
			return fmt.Errorf("linear: candidate %d has a feature value that is not finite", i)
		}
	}
	for i := range cands {
		d.hashes = append(d.hashes, cands[i].hashes...)
		if f := &cands[i]; len(f.values) == 0 {
			// Every feature of the candidate is an indicator.
			for range f.hashes {
				d.values = append(d.values, 1)
			}
		} else {
			d.values = append(d.values, f.values...)
		}
		d.cands = append(d.cands, len(d.hashes))
	}
	d.groups = append(d.groups, len(d.cands))
	d.right = append(d.right, right)
	d.weight = append(d.weight, weight)
	d.keys = append(d.keys, key)
	return nil
}

// Len returns the number of groups.
func (d *Data) Len() int { return len(d.groups) }

// Group returns the group at index i as it was added. The candidates share
// memory with d and must not be modified; adding to one of them copies it
// first.
func (d *Data) Group(i int) (key string, cands []Features, right int, weight float64) {
	lo, hi := d.groupCands(i)
	cands = make([]Features, hi-lo)
	for c := lo; c < hi; c++ {
		a, b := d.candOccs(c)
		cands[c-lo] = Features{hashes: d.hashes[a:b:b], values: d.values[a:b:b]}
	}
	return d.keys[i], cands, d.right[i], d.weight[i]
}

func (d *Data) groupCands(i int) (lo, hi int) {
	if i > 0 {
		lo = d.groups[i-1]
	}
	return lo, d.groups[i]
}

func (d *Data) candOccs(c int) (lo, hi int) {
	if c > 0 {
		lo = d.cands[c-1]
	}
	return lo, d.cands[c]
}

// Split returns the groups of fold i of k, as [Folds] assigns them by key,
// as held, and all the other groups as train, each in the order of d.
func (d *Data) Split(k, i int) (train, held *Data, err error) {
	if i < 0 || i >= k {
		return nil, nil, fmt.Errorf("linear: fold %d out of range [0, %d)", i, k)
	}
	folds, err := Folds(d.keys, k)
	if err != nil {
		return nil, nil, err
	}
	train, held = new(Data), new(Data)
	for g, f := range folds {
		dst := train
		if f == i {
			dst = held
		}
		dst.appendGroup(d, g)
	}
	return train, held, nil
}

func (d *Data) appendGroup(src *Data, g int) {
	lo, hi := src.groupCands(g)
	for c := lo; c < hi; c++ {
		a, b := src.candOccs(c)
		d.hashes = append(d.hashes, src.hashes[a:b]...)
		d.values = append(d.values, src.values[a:b]...)
		d.cands = append(d.cands, len(d.hashes))
	}
	d.groups = append(d.groups, len(d.cands))
	d.right = append(d.right, src.right[g])
	d.weight = append(d.weight, src.weight[g])
	d.keys = append(d.keys, src.keys[g])
}

// Folds assigns each item, named by its key, to one of k folds, so that
// all the items of one key share a fold: a document never lends examples to
// both sides of a cross-validation. The assignment depends only on the
// multiset of keys, not on their order or on the machine: the distinct
// keys are ordered by a hash of the key (then by the key itself), and each
// goes to the fold with the fewest items so far (the lowest fold on a tie),
// so that folds are balanced in items as well as in keys.
func Folds(keys []string, k int) ([]int, error) {
	if k < 1 {
		return nil, errors.New("linear: the number of folds must be at least 1")
	}
	count := make(map[string]int)
	for _, key := range keys {
		count[key]++
	}
	type entry struct {
		hash uint64
		key  string
	}
	distinct := make([]entry, 0, len(count))
	for key := range count {
		distinct = append(distinct, entry{finish(hashString(offset64, key)), key})
	}
	slices.SortFunc(distinct, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.key, b.key))
	})
	size := make([]int, k)
	fold := make(map[string]int, len(distinct))
	for _, e := range distinct {
		f := 0
		for j := 1; j < k; j++ {
			if size[j] < size[f] {
				f = j
			}
		}
		fold[e.key] = f
		size[f] += count[e.key]
	}
	out := make([]int, len(keys))
	for i, key := range keys {
		out[i] = fold[key]
	}
	return out, nil
}

// sum returns the SHA-256 of the examples of d in a fixed layout: for each
// group its key, weight, right index and candidates, and for each
// candidate its hashes and values.
func (d *Data) sum() [sha256.Size]byte {
	h := sha256.New()
	var buf []byte
	for g := range d.groups {
		buf = buf[:0]
		buf = binary.AppendUvarint(buf, uint64(len(d.keys[g])))
		buf = append(buf, d.keys[g]...)
		buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(d.weight[g]))
		buf = binary.AppendVarint(buf, int64(d.right[g]))
		lo, hi := d.groupCands(g)
		buf = binary.AppendUvarint(buf, uint64(hi-lo))
		for c := lo; c < hi; c++ {
			a, b := d.candOccs(c)
			buf = binary.AppendUvarint(buf, uint64(b-a))
			for o := a; o < b; o++ {
				buf = binary.LittleEndian.AppendUint64(buf, d.hashes[o])
				buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(d.values[o]))
			}
		}
		h.Write(buf)
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}
