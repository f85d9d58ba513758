package linear

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Platt is a Platt scaling: it maps a score s to the probability
// 1/(1+e**-(A*s+B)). A model trained with a good L2 strength is often
// calibrated already (A near 1, B near 0); a model trained on examples
// weighted to balance the classes, or too weakly regularised, is not.
type Platt struct {
	A float64 `json:"a"`
	B float64 `json:"b"`
}

// Prob returns the calibrated probability of the score s.
func (p Platt) Prob(s float64) float64 { return sigmoid(float64(p.A*s) + p.B) }

// FitPlatt fits a Platt scaling to held-out scores and whether each was
// right, by Newton's method on the log loss, with the targets Platt
// proposed, (n₊+1)/(n₊+2) for a right one and 1/(n₋+2) for a wrong one,
// which keep A finite when the scores separate the labels. It fails when
// the slices differ in length, are empty, or hold a score that is not
// finite.
func FitPlatt(scores []float64, labels []bool) (Platt, error) {
	if err := checkPairs(scores, labels, false); err != nil {
		return Platt{}, err
	}
	pos := 0
	for _, l := range labels {
		if l {
			pos++
		}
	}
	neg := len(labels) - pos
	hiTarget := (float64(pos) + 1) / (float64(pos) + 2)
	loTarget := 1 / (float64(neg) + 2)
	target := func(i int) float64 {
		if labels[i] {
			return hiTarget
		}
		return loTarget
	}
	loss := func(a, b float64) float64 {
		sum := 0.0
		for i, s := range scores {
			z := float64(a*s) + b
			// log(1+e**z) - t*z, computed without overflow
			l := log(1+exp(-math.Abs(z))) + max(z, 0)
			sum += l - float64(target(i)*z)
		}
		return sum
	}
	p := Platt{A: 1, B: 0}
	f := loss(p.A, p.B)
	for range 100 {
		var gA, gB, hAA, hAB, hBB float64
		for i, s := range scores {
			q := sigmoid(float64(p.A*s) + p.B)
			r := q - target(i)
			w := float64(q * (1 - q))
			gA += float64(s * r)
			gB += r
			hAA += float64(float64(s*s) * w)
			hAB += float64(s * w)
			hBB += w
		}
		if math.Abs(gA) < 1e-9*float64(len(scores)) && math.Abs(gB) < 1e-9*float64(len(scores)) {
			break
		}
		// The Hessian plus a little of the identity, which keeps it
		// invertible when every score is the same.
		hAA += 1e-12
		hBB += 1e-12
		det := float64(hAA*hBB) - float64(hAB*hAB)
		dA := -(float64(hBB*gA) - float64(hAB*gB)) / det
		dB := -(float64(hAA*gB) - float64(hAB*gA)) / det
		slope := float64(gA*dA) + float64(gB*dB)
		step, moved := 1.0, false
		for step >= 1e-10 {
			a, b := p.A+float64(step*dA), p.B+float64(step*dB)
			if fn := loss(a, b); fn < f+float64(float64(1e-4*step)*slope) {
				p, f, moved = Platt{a, b}, fn, true
				break
			}
			step /= 2
		}
		if !moved {
			break
		}
	}
	return p, nil
}

// checkPairs checks that scores and labels pair up and are finite, and,
// when probs, that each score is a probability.
func checkPairs(scores []float64, labels []bool, probs bool) error {
	switch {
	case len(scores) != len(labels):
		return fmt.Errorf("linear: %d scores and %d labels", len(scores), len(labels))
	case len(scores) == 0:
		return errors.New("linear: no scores")
	}
	for i, s := range scores {
		if math.IsInf(s, 0) || s != s || probs && (s < 0 || s > 1) {
			return fmt.Errorf("linear: score %d is %v", i, s)
		}
	}
	return nil
}

// Isotonic is an isotonic regression of labels on scores: the
// non-decreasing function of the score that fits the held-out labels best
// in squared error, found by pooling adjacent violators. Between the
// scores it was fitted on it interpolates linearly, and beyond them it
// stays at its end values. It suits a model whose miscalibration has no
// simple shape, given a few thousand held-out scores; with fewer, prefer
// [Platt]. An Isotonic is read-only and safe for concurrent use.
type Isotonic struct {
	x, y []float64 // the points of the function, x ascending
}

// FitIsotonic fits an isotonic regression to held-out scores and whether
// each was right. The result does not depend on the order of the pairs.
// It fails when the slices differ in length, are empty, or hold a score
// that is not finite.
func FitIsotonic(scores []float64, labels []bool) (*Isotonic, error) {
	if err := checkPairs(scores, labels, false); err != nil {
		return nil, err
	}
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(scores[a], scores[b]) })
	// A block is a run of scores with one fitted value: the mean label.
	type block struct {
		lo, hi float64 // its smallest and largest score
		sum, n float64
	}
	var blocks []block
	for k := 0; k < len(order); {
		// Equal scores start in one block.
		b := block{lo: scores[order[k]], hi: scores[order[k]]}
		for ; k < len(order) && scores[order[k]] == b.lo; k++ {
			if labels[order[k]] {
				b.sum++
			}
			b.n++
		}
		// Pool while the block before has a larger mean.
		for len(blocks) > 0 {
			last := blocks[len(blocks)-1]
			if float64(last.sum*b.n) <= float64(b.sum*last.n) {
				break
			}
			b = block{lo: last.lo, hi: b.hi, sum: last.sum + b.sum, n: last.n + b.n}
			blocks = blocks[:len(blocks)-1]
		}
		blocks = append(blocks, b)
	}
	c := &Isotonic{}
	for _, b := range blocks {
		c.x = append(c.x, b.lo)
		c.y = append(c.y, b.sum/b.n)
		if b.hi > b.lo {
			c.x = append(c.x, b.hi)
			c.y = append(c.y, b.sum/b.n)
		}
	}
	return c, nil
}

// Prob returns the calibrated probability of the score s.
func (c *Isotonic) Prob(s float64) float64 {
	i, _ := slices.BinarySearch(c.x, s)
	switch {
	case i == 0:
		return c.y[0]
	case i == len(c.x):
		return c.y[len(c.y)-1]
	case c.x[i] == s:
		return c.y[i]
	}
	x0, x1, y0, y1 := c.x[i-1], c.x[i], c.y[i-1], c.y[i]
	return y0 + float64((y1-y0)*((s-x0)/(x1-x0)))
}

// Reliability compares predicted probabilities with what happened, in ten
// bins of predicted probability, [0, 0.1), [0.1, 0.2) ... [0.9, 1].
type Reliability struct {
	Bins [10]Bin
	// Count is the number of predictions.
	Count int
	// ECE is the expected calibration error: the mean, over the bins
	// weighted by their counts, of the gap between the mean predicted
	// probability and the observed share of right answers.
	ECE float64
}

// Bin is one bin of a [Reliability] table. Predicted and Observed are 0
// when Count is 0.
type Bin struct {
	Lo, Hi    float64 // the range of predicted probabilities
	Count     int     // how many predictions fell in it
	Predicted float64 // their mean predicted probability
	Observed  float64 // the share of them that were right
}

// NewReliability bins predicted probabilities and whether each was right.
// It fails when the slices differ in length, are empty, or hold a value
// that is not a probability.
func NewReliability(probs []float64, labels []bool) (Reliability, error) {
	if err := checkPairs(probs, labels, true); err != nil {
		return Reliability{}, err
	}
	var r Reliability
	var sums, rights [10]float64
	for i, p := range probs {
		b := min(int(p*10), 9)
		r.Bins[b].Count++
		sums[b] += p
		if labels[i] {
			rights[b]++
		}
	}
	r.Count = len(probs)
	for b := range r.Bins {
		bin := &r.Bins[b]
		bin.Lo, bin.Hi = float64(b)/10, float64(b+1)/10
		if bin.Count == 0 {
			continue
		}
		bin.Predicted = sums[b] / float64(bin.Count)
		bin.Observed = rights[b] / float64(bin.Count)
		r.ECE += float64(float64(bin.Count) / float64(r.Count) * math.Abs(bin.Predicted-bin.Observed))
	}
	return r, nil
}

// String formats r as a table with one line per bin and the ECE.
func (r Reliability) String() string {
	var b strings.Builder
	b.WriteString("bin        count  predicted  observed\n")
	for _, bin := range r.Bins {
		if bin.Count == 0 {
			fmt.Fprintf(&b, "[%.1f,%.1f)  %5d          -         -\n", bin.Lo, bin.Hi, 0)
			continue
		}
		fmt.Fprintf(&b, "[%.1f,%.1f)  %5d  %9.3f  %8.3f\n", bin.Lo, bin.Hi, bin.Count, bin.Predicted, bin.Observed)
	}
	fmt.Fprintf(&b, "ECE %.4f over %d predictions\n", r.ECE, r.Count)
	return b.String()
}
