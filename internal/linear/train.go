package linear

import (
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
)

// An Option sets a hyperparameter of [Train], or describes the model.
type Option func(*config)

type config struct {
	params    Params
	prov      Provenance
	described bool
	err       error
}

// L2 sets the strength of the L2 penalty on the weights (not on the bias),
// added to the mean weighted log loss as l2/2 times the sum of the squared
// weights. It must be positive. The default is 1e-4.
func L2(l2 float64) Option {
	return func(c *config) {
		c.params.L2 = l2
		c.check(l2 > 0 && !math.IsInf(l2, 1), "L2 %v is not a positive finite number", l2)
	}
}

// Iterations sets the largest number of optimiser iterations. It must be
// at least 1. The default is 300.
func Iterations(n int) Option {
	return func(c *config) {
		c.params.Iterations = n
		c.check(n >= 1, "iterations %d is less than 1", n)
	}
}

// Tolerance sets when training stops before the last iteration: when the
// objective has fallen by less than tol times its value over each of the
// last five iterations, on average. It must be positive. The default is
// 1e-7.
func Tolerance(tol float64) Option {
	return func(c *config) {
		c.params.Tolerance = tol
		c.check(tol > 0 && !math.IsInf(tol, 1), "tolerance %v is not a positive finite number", tol)
	}
}

// MinCount sets how many times a feature must occur in the training data
// to get a weight; rarer features are left out of training and weigh 0. It
// must be at least 1. The default is 1: every feature counts.
func MinCount(n int) Option {
	return func(c *config) {
		c.params.MinCount = n
		c.check(n >= 1, "minimum count %d is less than 1", n)
	}
}

// Describe sets the caller's part of the model's [Provenance]: Name,
// Command, Source and Templates. The other fields are Train's to fill, and
// setting one of them is an error, as is a second Describe.
func Describe(p Provenance) Option {
	return func(c *config) {
		c.check(!c.described, "Describe given twice")
		c.check(p.Data == "" && p.Params == (Params{}) && p.Groups == 0 && p.Candidates == 0 && p.Occurrences == 0 &&
			p.Features == 0 && p.Iterations == 0 && p.Loss == 0 && p.Platt == nil,
			"Describe sets only Name, Command, Source and Templates")
		c.described = true
		c.prov = Provenance{Name: p.Name, Command: p.Command, Source: p.Source, Templates: slices.Clone(p.Templates)}
	}
}

// check keeps the error of the format and args when ok is false, unless
// an error is kept already.
func (c *config) check(ok bool, format string, args ...any) {
	if !ok && c.err == nil {
		c.err = fmt.Errorf("linear: "+format, args...)
	}
}

// history is the number of corrections the optimiser keeps.
const history = 8

// Train fits a model to the groups of d: it minimises the mean weighted
// log loss of the right answers (the right candidate, or none) plus an L2
// penalty, with L-BFGS from all weights 0. The objective is convex, so the
// result is its minimum, to the tolerance, whatever the order of the
// groups; and the arithmetic is done in one goroutine, in a fixed order,
// with every rounding explicit, so the same data and options give the same
// bits on any machine and at any GOMAXPROCS.
//
// Train fails when d has no group or when an option is invalid.
func Train(d *Data, opts ...Option) (*Model, error) {
	c := config{params: Params{L2: 1e-4, Iterations: 300, Tolerance: 1e-7, MinCount: 1}}
	for _, o := range opts {
		o(&c)
	}
	if c.err != nil {
		return nil, c.err
	}
	if d.Len() == 0 {
		return nil, errors.New("linear: no training groups")
	}
	keep, t := newTrainer(d, c.params)
	x := make([]float64, len(keep)+1)
	loss, iters := t.minimize(x, c.params.Iterations, c.params.Tolerance)

	// The model's table wants the kept hashes in ascending order.
	order := make([]int32, len(keep))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(keep[a], keep[b]) })
	keys, weights := make([]uint64, len(keep)), make([]float32, len(keep))
	for i, id := range order {
		keys[i], weights[i] = keep[id], float32(x[id])
	}
	m := newModel(float32(x[len(keep)]), keys, weights, c.prov)
	sum := d.sum()
	m.prov.Data = hex.EncodeToString(sum[:])
	m.prov.Params = c.params
	m.prov.Groups = d.Len()
	m.prov.Candidates = len(d.cands)
	m.prov.Occurrences = len(d.hashes)
	m.prov.Iterations = iters
	m.prov.Loss = loss
	return m, nil
}

// trainer holds the training data with each feature hash replaced by a
// dense feature number, and computes the objective and its gradient.
type trainer struct {
	idx    []int32 // per occurrence, its feature number, or -1 when left out
	val    []float32
	cands  []int
	groups []int
	right  []int
	weight []float64 // per group, its weight over the sum of the weights
	l2     float64
	nf     int       // the number of features; the bias is x[nf]
	scores []float64 // per candidate of a group, scratch
}

// newTrainer numbers the features of d that occur at least p.MinCount
// times, the most frequent first (ties by hash), so that the weights read
// most often share cache lines; keep holds the hash of each number.
func newTrainer(d *Data, p Params) (keep []uint64, t *trainer) {
	sorted := slices.Clone(d.hashes)
	slices.Sort(sorted)
	type feature struct {
		hash  uint64
		count int
	}
	var feats []feature
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		if j-i >= p.MinCount {
			feats = append(feats, feature{sorted[i], j - i})
		}
		i = j
	}
	// The table maps a hash to its position in feats (ascending hashes);
	// rank maps that position to the feature's number.
	slots := make([]slot[int32], len(feats))
	for i, f := range feats {
		slots[i] = slot[int32]{f.hash, int32(i)}
	}
	tab := newTable(blocksOf(slots))
	byCount := make([]int32, len(feats))
	for i := range byCount {
		byCount[i] = int32(i)
	}
	slices.SortStableFunc(byCount, func(a, b int32) int { return cmp.Compare(feats[b].count, feats[a].count) })
	rank := make([]int32, len(feats))
	keep = make([]uint64, len(feats))
	for r, i := range byCount {
		rank[i] = int32(r)
		keep[r] = feats[i].hash
	}
	t = &trainer{
		idx:    make([]int32, len(d.hashes)),
		val:    d.values,
		cands:  d.cands,
		groups: d.groups,
		right:  d.right,
		weight: make([]float64, len(d.weight)),
		l2:     p.L2,
		nf:     len(feats),
	}
	for o, h := range d.hashes {
		t.idx[o] = -1
		if j := tab.find(h); j >= 0 {
			t.idx[o] = rank[tab.at(j).val]
		}
	}
	total := 0.0
	for _, w := range d.weight {
		total += w
	}
	most := 0
	for g := range d.groups {
		lo, hi := d.groupCands(g)
		most = max(most, hi-lo)
		t.weight[g] = d.weight[g] / total
	}
	t.scores = make([]float64, most)
	return keep, t
}

// eval returns the objective at x and sets g to its gradient.
func (t *trainer) eval(x, g []float64) float64 {
	clear(g)
	bias := x[t.nf]
	loss, gBias := 0.0, 0.0
	c0, o0 := 0, 0
	for gr, cEnd := range t.groups {
		s := t.scores[:cEnd-c0]
		top := 0.0 // the score of none
		o := o0
		for c := range s {
			v := bias
			for end := t.cands[c0+c]; o < end; o++ {
				if j := t.idx[o]; j >= 0 {
					v += float64(x[j] * float64(t.val[o]))
				}
			}
			s[c] = v
			top = max(top, v)
		}
		right := t.right[gr]
		sRight := 0.0
		if right >= 0 {
			sRight = s[right]
		}
		z := exp(-top)
		for c, v := range s {
			s[c] = exp(v - top)
			z += s[c]
		}
		w := t.weight[gr]
		loss += float64(w * (top + log(z) - sRight))
		o = o0
		for c, e := range s {
			d := e / z
			if c == right {
				d--
			}
			d = float64(w * d)
			gBias += d
			for end := t.cands[c0+c]; o < end; o++ {
				if j := t.idx[o]; j >= 0 {
					g[j] += float64(d * float64(t.val[o]))
				}
			}
		}
		c0, o0 = cEnd, o
	}
	penalty := 0.0
	for j, v := range x[:t.nf] {
		penalty += float64(v * v)
		g[j] += float64(t.l2 * v)
	}
	g[t.nf] = gBias
	return loss + float64(float64(0.5*t.l2)*penalty)
}

// minimize runs L-BFGS from x, which it leaves at the minimum found, and
// returns the objective there and the number of iterations run.
func (t *trainer) minimize(x []float64, iterations int, tol float64) (float64, int) {
	n := len(x)
	g, xn, gn, dir := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	var s, y [history][]float64
	var rho, alpha [history]float64
	stored, newest := 0, -1
	f := t.eval(x, g)
	var past [5]float64 // the objective at the last iterations, a ring
	it := 0
	for it < iterations {
		// The direction: -H g, by the two-loop recursion.
		for i := range dir {
			dir[i] = -g[i]
		}
		for k := 0; k < stored; k++ {
			i := (newest - k + history) % history
			alpha[i] = float64(rho[i] * dot(s[i], dir))
			axpy(-alpha[i], y[i], dir)
		}
		step := 1.0
		if stored > 0 {
			gamma := dot(s[newest], y[newest]) / dot(y[newest], y[newest])
			for i := range dir {
				dir[i] = float64(gamma * dir[i])
			}
		} else {
			step = 1 / math.Sqrt(dot(g, g))
		}
		for k := stored - 1; k >= 0; k-- {
			i := (newest - k + history) % history
			beta := float64(rho[i] * dot(y[i], dir))
			axpy(alpha[i]-beta, s[i], dir)
		}
		slope := dot(g, dir)
		if !(slope < 0) && stored > 0 {
			// Not a descent direction, which rounding can cause near the
			// minimum: forget the corrections and go down the gradient.
			stored = 0
			continue
		}
		if !(slope < 0) {
			break // the gradient is 0 (or not a number): nowhere to go
		}

		// Backtracking to a step that lowers f enough (Armijo), each trial
		// at the minimum of the quadratic through f, the slope and the
		// last trial, kept within [0.1, 0.5] of the last step.
		var fn float64
		ok := false
		for range 30 {
			for i := range xn {
				xn[i] = x[i] + float64(step*dir[i])
			}
			fn = t.eval(xn, gn)
			if fn <= f+float64(float64(1e-4*step)*slope) {
				ok = true
				break
			}
			q := -float64(float64(slope*step)*step) / (2 * (fn - f - float64(slope*step)))
			switch {
			case !(q >= 0.1*step): // also when fn is not a number
				step *= 0.1
			case q > 0.5*step:
				step *= 0.5
			default:
				step = q
			}
		}
		if !ok {
			break // no lower point along the direction: converged
		}
		it++

		// The correction s = xn-x, y = gn-g is kept when s·y > 0, which
		// the L2 penalty makes the rule; it replaces the oldest.
		sy := 0.0
		for i := range x {
			sy += float64((xn[i] - x[i]) * (gn[i] - g[i]))
		}
		if sy > 0 {
			newest = (newest + 1) % history
			if s[newest] == nil {
				s[newest], y[newest] = make([]float64, n), make([]float64, n)
			}
			for i := range x {
				s[newest][i] = xn[i] - x[i]
				y[newest][i] = gn[i] - g[i]
			}
			rho[newest] = 1 / sy
			stored = min(stored+1, history)
		}
		copy(x, xn)
		copy(g, gn)
		old := past[it%len(past)]
		past[it%len(past)] = fn
		f = fn
		if it > len(past) && (old-f) < float64(float64(tol*float64(len(past)))*math.Abs(f)) {
			break
		}
	}
	return f, it
}
