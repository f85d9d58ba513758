package attribution

import (
	"errors"
	"fmt"

	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// TrainDoc is an annotated text to train a [Model] on: the text and the
// attributions a person found in it, with their content (Extent and
// Spans), Speaker and Cue spans; other fields are not read.
type TrainDoc struct {
	// ID names the document; cross-validation keeps a document's
	// decisions in one fold.
	ID   string
	Text string
	Gold []Attribution
}

// TrainConfig sets how [Train] fits a model.
type TrainConfig struct {
	// L2 is the strength of the L2 penalty on the weights; 0 means 1e-4.
	L2 float64
	// Threshold is the least probability with which the model takes a
	// frame over none, in [0, 1).
	Threshold float64
	// Name, Command and Source describe the model in its provenance: what
	// it is, the command that trained it, and the data (a file name).
	Name, Command, Source string
}

// Train fits a Model to docs: for every cue of every text, the rules'
// readings are the candidates, and the right one is the reading that
// matches an annotated attribution best (its content sharing at least
// half its bytes with the annotated content, then the right speaker, the
// exact content and the exact cue), or none. Training is deterministic:
// the same documents and configuration give the same model.
func Train(docs []TrainDoc, cfg TrainConfig) (*Model, error) {
	r, err := New()
	if err != nil {
		return nil, err
	}
	var d linear.Data
	for _, doc := range docs {
		if err := r.decisions(doc, &d); err != nil {
			return nil, err
		}
	}
	if d.Len() == 0 {
		return nil, errors.New("attribution: train: the documents hold no cue")
	}
	l2 := cfg.L2
	if l2 == 0 {
		l2 = 1e-4
	}
	m, err := linear.Train(&d, linear.L2(l2), linear.Describe(linear.Provenance{
		Name: cfg.Name, Command: cfg.Command, Source: cfg.Source, Templates: frameTemplates,
	}))
	if err != nil {
		return nil, fmt.Errorf("attribution: train: %w", err)
	}
	if !(cfg.Threshold >= 0 && cfg.Threshold < 1) {
		return nil, fmt.Errorf("attribution: train: threshold %v outside [0, 1)", cfg.Threshold)
	}
	return &Model{frames: m, threshold: cfg.Threshold}, nil
}

// decisions adds to d one group for every cue of doc: its frames with
// content, the right one by the annotation, and reads on as the
// annotation would, with the right frame taken.
func (r *Resolver) decisions(doc TrainDoc, d *linear.Data) error {
	g := newGoldText(doc.Text, doc.Gold)
	var err error
	choose := func(rd *reader, c *cue, frames []frame) int {
		var cands []linear.Features
		var index []int // frame of each candidate
		best, bs := -1, -1.0
		for k := range frames {
			if frames[k].a.Extent.Empty() {
				continue
			}
			var fs linear.Features
			rd.frameFeatures(c, &frames[k], &fs)
			cands = append(cands, fs)
			index = append(index, k)
			if s := g.score(&frames[k].a); s > bs {
				best, bs = len(cands)-1, s
			}
		}
		if len(cands) == 0 {
			return -1
		}
		if e := d.AddGroup(doc.ID, cands, best, 1); e != nil && err == nil {
			err = e
		}
		if best < 0 {
			return -1
		}
		return index[best]
	}
	sents := sentence.Split(doc.Text)
	r.resolveWith(doc.Text, sents, quote.Detect(doc.Text, sents), choose)
	return err
}
