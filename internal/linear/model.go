package linear

import (
	"cmp"
	"math"
	"slices"
)

// Model is a trained linear model: one weight for each feature hash seen
// in training (at least MinCount times) and a bias. A candidate's score is
// the bias plus the sum of its features' weights times their values; a
// feature the model does not know weighs 0. The same weights serve a
// binary decision ([Model.Prob]) and a choice among candidates
// ([Model.Choose]).
//
// A Model is read-only after [Train] or [Decode] returns it, and safe for
// concurrent use by any number of goroutines.
type Model struct {
	tab  table[float32]
	bias float32
	prov Provenance
}

// Weight is one weight of a model, under the hash of its feature (0 for
// the bias); [Names.Name] gives a hash's name when it was recorded.
type Weight struct {
	Hash  uint64
	Value float32
}

// Provenance says where a model comes from. It is stored, as JSON, at the
// head of the encoded model. The fields up to Templates are the caller's
// (see [Describe]); [Train] fills the others. It holds no date, so that
// training again on the same data gives the same bytes.
type Provenance struct {
	// Name names the model, such as "speaker".
	Name string `json:"name,omitempty"`
	// Command is the command that trained the model, to be run again.
	Command string `json:"command,omitempty"`
	// Source identifies the raw training data, such as the SHA-256 of the
	// corpus files the examples were extracted from.
	Source string `json:"source,omitempty"`
	// Templates lists the feature templates the examples use.
	Templates []string `json:"templates,omitempty"`

	// Data is the SHA-256, in hexadecimal, of the training examples as
	// [Train] read them (keys, weights, answers, feature hashes and
	// values): it changes when the data or the feature extraction changes.
	Data string `json:"data"`
	// Params holds the hyperparameters of the training.
	Params Params `json:"params"`
	// Groups, Candidates and Occurrences count the training groups, their
	// candidates and the features in them.
	Groups      int `json:"groups"`
	Candidates  int `json:"candidates"`
	Occurrences int `json:"occurrences"`
	// Features is the number of weights the model keeps, bias excluded.
	Features int `json:"features"`
	// Iterations is the number of optimiser iterations run, and Loss the
	// final value of the objective (mean weighted log loss plus penalty).
	Iterations int     `json:"iterations"`
	Loss       float64 `json:"loss"`
	// Platt is the calibration that [Model.Calibrated] set, if any.
	Platt *Platt `json:"platt,omitempty"`
}

// Params are the hyperparameters of [Train], as the options [L2],
// [Iterations], [Tolerance] and [MinCount] set them.
type Params struct {
	L2         float64 `json:"l2"`
	Iterations int     `json:"iterations"` // the most allowed; Provenance.Iterations has the number run
	Tolerance  float64 `json:"tolerance"`
	MinCount   int     `json:"min_count"`
}

// newModel returns a model of the bias and the weights of keys, which
// are ascending; the weights that are 0 are left out. It sets
// prov.Features.
func newModel(bias float32, keys []uint64, weights []float32, prov Provenance) *Model {
	var slots []slot[float32]
	for i, w := range weights {
		if w != 0 {
			slots = append(slots, slot[float32]{keys[i], w})
		}
	}
	prov.Features = len(slots)
	return &Model{tab: newTable(blocksOf(slots)), bias: bias, prov: prov}
}

// Provenance returns where m comes from.
func (m *Model) Provenance() Provenance {
	p := m.prov
	p.Templates = slices.Clone(p.Templates)
	if p.Platt != nil {
		c := *p.Platt
		p.Platt = &c
	}
	return p
}

// Len returns the number of weights of m, bias excluded.
func (m *Model) Len() int { return m.prov.Features }

// Score returns the raw linear score of a candidate, before calibration:
// the bias plus the sum of its features' weights times their values.
func (m *Model) Score(f *Features) float64 { return m.sum(float64(m.bias), f) }

// Sum returns the sum of the weights of f's features times their values,
// without the bias: the share of a score that a part of a candidate's
// features brings, for a caller that scores the parts that candidates
// share once and adds them up.
func (m *Model) Sum(f *Features) float64 { return m.sum(0, f) }

// sum returns s plus the weights of f's features times their values.
// The slots of the features are read first, side by side (see
// [table.touch]); Copysign(s, s) is s, and the test keeps those reads.
func (m *Model) sum(s float64, f *Features) float64 {
	if t := m.tab.touch(f.hashes); t == touchMark {
		s = math.Copysign(s, s)
	}
	if len(f.values) == 0 {
		// Every value is 1, and w*1 is exactly w.
		for _, h := range f.hashes {
			if j := m.tab.find(h); j >= 0 {
				s += float64(m.tab.at(j).val)
			}
		}
		return s
	}
	values := f.values[:len(f.hashes)]
	for i, h := range f.hashes {
		if j := m.tab.find(h); j >= 0 {
			s += float64(float64(m.tab.at(j).val) * float64(values[i]))
		}
	}
	return s
}

// Memo remembers, for one caller of one Model, the weights of the
// features it summed last, a slot for each of memoLen values of a
// feature's low hash bits: the candidates of a decision, and the
// decisions of a text, share most of their features (about two in three
// of a frame's were summed shortly before), and a feature found in the
// Memo is not looked up in the model's table, whose slots the cache
// seldom holds. The sums are those of [Model.Sum], added in the same
// order. A Memo serves one Model: given another, it is emptied. The zero
// Memo is empty and ready to use; it takes 64 kB. A Memo is not safe for
// concurrent use.
type Memo struct {
	m     *Model
	slots [memoLen]memoSlot
}

// memoLen is the number of slots of a Memo. The features of the frames of
// a text are many more than the slots, and every doubling of them from
// 1,024 found more in the Memo: on the PolNeAR dev texts, the frame model
// with 4,096 slots sums in about 1% fewer instructions than with 1,024,
// and with 8,192 in 0.4% fewer again, for twice the room.
const memoLen = 1 << 12

// memoSlot is the weight a Model gives the feature of hash key; found is
// false for a feature it does not know. The zero slot holds nothing: the
// hash 0 is not remembered.
type memoSlot struct {
	key   uint64
	val   float32
	found bool
}

// ScoreWith is [Model.Score] with the weights remembered in c.
func (m *Model) ScoreWith(f *Features, c *Memo) float64 { return m.sumWith(float64(m.bias), f, c) }

// SumWith is [Model.Sum] with the weights remembered in c.
func (m *Model) SumWith(f *Features, c *Memo) float64 { return m.sumWith(0, f, c) }

// sumWith is sum, reading the weights that c holds from it and recording
// the others there. The slots of those that c lacks are read first, side
// by side, as sum reads them all.
func (m *Model) sumWith(s float64, f *Features, c *Memo) float64 {
	if c.m != m {
		*c = Memo{m: m}
	}
	var x uint64
	n := uint32(len(m.tab.slots))
	for _, h := range f.hashes {
		if c.slots[h&(memoLen-1)].key != h && n > 0 {
			x ^= m.tab.slots[min(m.tab.start[h>>m.tab.shift], n-1)].key
		}
	}
	if x == touchMark {
		s = math.Copysign(s, s)
	}
	// A feature's hash is never 0 (see finish), the key of an empty slot,
	// so a slot whose key is the hash holds its weight. w*1 is exactly w:
	// while every value is 1, as most candidates' are, an indicator's
	// weight is added as it is, in a loop that reads no values.
	if len(f.values) == 0 {
		for _, h := range f.hashes {
			e := &c.slots[h&(memoLen-1)]
			if e.key != h {
				e.fill(m, h)
			}
			if e.found {
				s += float64(e.val)
			}
		}
		return s
	}
	values := f.values[:len(f.hashes)]
	for i, h := range f.hashes {
		e := &c.slots[h&(memoLen-1)]
		if e.key != h {
			e.fill(m, h)
		}
		if e.found {
			s += float64(float64(e.val) * float64(values[i]))
		}
	}
	return s
}

// fill sets e to the weight m gives the feature of hash h, out of line:
// most features are found in the Memo.
func (e *memoSlot) fill(m *Model, h uint64) {
	j := m.tab.find(h)
	e.key, e.found, e.val = h, j >= 0, 0
	if j >= 0 {
		e.val = m.tab.at(j).val
	}
}

// calibrated returns the score s through the model's calibration.
func (m *Model) calibrated(s float64) float64 {
	if c := m.prov.Platt; c != nil {
		return float64(c.A*s) + c.B
	}
	return s
}

// Prob returns the probability that a candidate is right, on its own
// against none: the logistic function of its calibrated score.
func (m *Model) Prob(f *Features) float64 {
	return sigmoid(m.calibrated(m.Score(f)))
}

// Choose returns the probability that each candidate is the right one,
// and the index of the most probable, or -1 when none of them is more
// probable than "none". The probabilities are a softmax over the
// candidates' calibrated scores and the score of none, which is 0 (the
// model's bias plays the part of none's score), so they add up to 1 minus
// the probability of none; for one candidate, probs[0] is [Model.Prob].
// Ties go to the lower index. No candidates give -1 and an empty slice.
func (m *Model) Choose(cands []Features) (best int, probs []float64) {
	probs = make([]float64, len(cands))
	top := 0.0
	best = -1
	for i := range cands {
		s := m.calibrated(m.Score(&cands[i]))
		probs[i] = s
		if s > top {
			top, best = s, i
		}
	}
	z := exp(-top)
	for i, s := range probs {
		probs[i] = exp(s - top)
		z += probs[i]
	}
	for i := range probs {
		probs[i] /= z
	}
	return best, probs
}

// Top returns the n weights of m that are largest in magnitude, the bias
// among them under the hash 0, largest first (ties by hash); all of them
// when n is negative or larger than their number.
func (m *Model) Top(n int) []Weight {
	all := make([]Weight, 0, m.Len()+1)
	all = append(all, Weight{0, m.bias})
	for _, s := range m.tab.slots {
		all = append(all, Weight{s.key, s.val})
	}
	slices.SortFunc(all, func(a, b Weight) int {
		return cmp.Or(cmp.Compare(math.Abs(float64(b.Value)), math.Abs(float64(a.Value))), cmp.Compare(a.Hash, b.Hash))
	})
	if n >= 0 && n < len(all) {
		all = all[:n]
	}
	return all
}

// Calibrated returns a model with the weights of m whose probabilities go
// through the Platt scaling p: the score s of each candidate becomes
// p.A*s + p.B before [Model.Prob] and [Model.Choose] read it. The
// calibration is stored with the model. m is not changed.
func (m *Model) Calibrated(p Platt) *Model {
	c := *m
	c.prov.Templates = slices.Clone(m.prov.Templates)
	c.prov.Platt = &p
	return &c
}

// Weights appends to w the weight of each feature of f, as [Model.Weight]
// gives it, and returns the extended slice: for a caller with many
// features to weigh apart, whose weights are read side by side (see
// [table.touch]).
func (m *Model) Weights(f *Features, w []float64) []float64 {
	if t := m.tab.touch(f.hashes); t == touchMark {
		w = w[:len(w):len(w)]
	}
	for _, h := range f.hashes {
		w = append(w, m.Weight(h))
	}
	return w
}

// Weight returns the weight of the feature with hash h, 0 for a feature
// the model does not know: with [Names], it shows what decided a score.
func (m *Model) Weight(h uint64) float64 {
	if j := m.tab.find(h); j >= 0 {
		return float64(m.tab.at(j).val)
	}
	return 0
}
