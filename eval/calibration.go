package eval

import (
	"fmt"

	"github.com/whosaid/whosaid/internal/linear"
)

// Calibration compares the confidence of every predicted attribution with
// whether it is right: its content matches a gold attribution's (by
// overlap, one to one, as the content overlap score matches them) and its
// speaker equals that attribution's after trimming, or both have none.
// Optional gold attributions and the predictions matched to them are left
// out. The result bins the predictions by confidence, in tenths, with the
// expected calibration error (ECE). It fails when no prediction belongs to
// a gold document.
func Calibration(gold, pred []Doc) (linear.Reliability, error) {
	byID := make(map[string]*Doc, len(pred))
	for i := range pred {
		byID[pred[i].ID] = &pred[i]
	}
	var probs []float64
	var right []bool
	for gi := range gold {
		g := &gold[gi]
		p := byID[g.ID]
		if p == nil {
			continue
		}
		ok := make([]bool, len(p.Quotes))
		skip := make([]bool, len(p.Quotes))
		for i, pi := range matchOverlap(g.Text, g, p) {
			switch {
			case pi < 0:
			case g.annotation(i).Optional:
				skip[pi] = true
			default:
				ok[pi] = key(g.Text, speaker(g, i)) == key(g.Text, speaker(p, pi))
			}
		}
		for i := range p.Quotes {
			if !skip[i] {
				probs = append(probs, p.Quotes[i].Confidence)
				right = append(right, ok[i])
			}
		}
	}
	if len(probs) == 0 {
		return linear.Reliability{}, fmt.Errorf("eval: calibration: no prediction belongs to a gold document")
	}
	return linear.NewReliability(probs, right)
}
