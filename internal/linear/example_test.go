package linear_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/whosaid/whosaid/internal/linear"
)

// A model that chooses, among the noun phrases around a cue verb, the one
// that said the quotation, or none of them.
func Example() {
	type phrase struct{ kind, side string } // what it is, and where it stands from the cue
	decisions := []struct {
		cands []phrase
		right int // -1: none of them
	}{
		{[]phrase{{"name", "before"}, {"date", "after"}}, 0},
		{[]phrase{{"pronoun", "before"}, {"name", "after"}}, 0},
		{[]phrase{{"date", "before"}, {"name", "after"}}, 1},
		{[]phrase{{"name", "before"}, {"name", "after"}}, 0},
		{[]phrase{{"date", "before"}}, -1},
		{[]phrase{{"place", "before"}, {"date", "after"}}, -1},
		{[]phrase{{"pronoun", "after"}, {"place", "before"}}, 0},
		{[]phrase{{"name", "after"}, {"date", "before"}}, 0},
	}
	var names linear.Names // for reading the weights; not needed to train
	kind, side, kindSide := linear.NewTemplate("kind"), linear.NewTemplate("side"), linear.NewTemplate("kind|side")
	features := func(f *linear.Features, p phrase) {
		f.Reset()
		f.Add(kind, p.kind)
		f.Add(side, p.side)
		f.Add2(kindSide, p.kind, p.side)
	}

	var d linear.Data
	for i, dec := range decisions {
		cands := make([]linear.Features, len(dec.cands))
		for j, p := range dec.cands {
			cands[j].Record(&names)
			features(&cands[j], p)
		}
		if err := d.AddGroup(fmt.Sprint("article", i), cands, dec.right, 1); err != nil {
			log.Fatal(err)
		}
	}
	m, err := linear.Train(&d, linear.L2(0.1), linear.Describe(linear.Provenance{
		Name: "speaker", Templates: []string{"kind", "side", "kind|side"},
	}))
	if err != nil {
		log.Fatal(err)
	}

	// Shipped and loaded again: the same model.
	var file bytes.Buffer
	if err := m.Encode(&file); err != nil {
		log.Fatal(err)
	}
	m, err = linear.Decode(&file)
	if err != nil {
		log.Fatal(err)
	}

	cands := make([]linear.Features, 2)
	features(&cands[0], phrase{"place", "after"})
	features(&cands[1], phrase{"pronoun", "before"})
	best, probs := m.Choose(cands)
	fmt.Printf("best: %d, probabilities %.2f and %.2f, none %.2f\n", best, probs[0], probs[1], 1-probs[0]-probs[1])
	fmt.Printf("%s: %d weights\n", m.Provenance().Name, m.Len())
	for _, w := range m.Top(3) {
		fmt.Printf("%-21s %+.2f\n", names.Name(w.Hash), w.Value)
	}
	// Output:
	// best: 1, probabilities 0.12 and 0.77, none 0.11
	// speaker: 13 weights
	// kind=date             -0.94
	// kind=pronoun          +0.79
	// kind|side=name|before +0.67
}
