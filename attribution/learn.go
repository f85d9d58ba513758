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
	// ID names the document.
	ID   string
	Text string
	Gold []Attribution
}

// TrainConfig sets how [Train] fits a model.
type TrainConfig struct {
	// L2 is the strength of the L2 penalty on the weights; 0 means 5e-5.
	L2 float64
	// Threshold is the least probability with which the model takes a
	// frame over none, in [0, 1); Generic is that for a verb the lexicon
	// does not know.
	Threshold, Generic float64
	// Folds is the number of folds of the cross-validation whose held-out
	// predictions the confidence part is fitted to; 0 means 5. Document i
	// is in fold i mod Folds.
	Folds int
	// MinCount is how many times a feature must occur in the frames of
	// the training texts to get a weight; 0 means 1, every feature.
	// Rarer features weigh nothing, and a smaller model scores faster.
	MinCount int
	// Name, Command and Source describe the model in its provenance: what
	// it is, the command that trained it, and the data (a file name).
	Name, Command, Source string
}

// withDefaults returns cfg with its zero fields set to the defaults they
// stand for.
func (cfg TrainConfig) withDefaults() TrainConfig {
	if cfg.L2 == 0 {
		cfg.L2 = 5e-5
	}
	if cfg.Folds == 0 {
		cfg.Folds = 5
	}
	if cfg.MinCount == 0 {
		cfg.MinCount = 1
	}
	return cfg
}

// Train fits a Model to docs. The frame part learns, for every cue of
// every text, which of the rules' readings is right: the one that matches
// an annotated attribution best (its content sharing at least half its
// bytes with the annotated content and its cue overlapping the annotated
// cue, then the right speaker, the exact content and the exact cue), or
// none. The confidence part learns whether an attribution is right
// (content and speaker, see [Model]) from the predictions of frame models
// trained without the document, fold by fold. Training is deterministic:
// the same documents and configuration give the same model.
func Train(docs []TrainDoc, cfg TrainConfig) (*Model, error) {
	if !inUnit(cfg.Threshold) || !inUnit(cfg.Generic) {
		return nil, fmt.Errorf("attribution: train: thresholds %v, %v outside [0, 1)", cfg.Threshold, cfg.Generic)
	}
	cfg = cfg.withDefaults()
	if cfg.Folds < 2 || cfg.Folds > len(docs) {
		return nil, fmt.Errorf("attribution: train: %d folds of %d documents", cfg.Folds, len(docs))
	}
	var conf linear.Data
	for f := range cfg.Folds {
		var in []TrainDoc
		for i := range docs {
			if i%cfg.Folds != f {
				in = append(in, docs[i])
			}
		}
		m, err := TrainFrames(in, cfg)
		if err != nil {
			return nil, err
		}
		r, err := New(WithModel(m))
		if err != nil {
			return nil, err
		}
		for i := f; i < len(docs); i += cfg.Folds {
			if err := r.confidenceExamples(docs[i], &conf); err != nil {
				return nil, err
			}
		}
	}
	m, err := TrainFrames(docs, cfg)
	if err != nil {
		return nil, err
	}
	if conf.Len() == 0 {
		return nil, errors.New("attribution: train: no attribution was predicted to fit the confidence to")
	}
	m.conf, err = linear.Train(&conf, linear.L2(cfg.L2), linear.Describe(linear.Provenance{
		Name: cfg.Name + ", confidence", Command: cfg.Command, Source: cfg.Source, Templates: confTemplates,
	}))
	if err != nil {
		return nil, fmt.Errorf("attribution: train: %w", err)
	}
	return m, nil
}

// TrainFrames fits the frame part of a Model to docs, with no confidence
// part: the attributions of a Resolver using it keep the frame model's
// probabilities, uncalibrated. [Train] calls it fold by fold.
func TrainFrames(docs []TrainDoc, cfg TrainConfig) (*Model, error) {
	r, err := New(WithModel(nil))
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
	cfg = cfg.withDefaults()
	m, err := linear.Train(&d, linear.L2(cfg.L2), linear.MinCount(cfg.MinCount), linear.Describe(linear.Provenance{
		Name: cfg.Name, Command: cfg.Command, Source: cfg.Source, Templates: frameTemplates,
	}))
	if err != nil {
		return nil, fmt.Errorf("attribution: train: %w", err)
	}
	return &Model{frames: m, threshold: cfg.Threshold, generic: cfg.Generic}, nil
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
			rd.cueFeatures(c, linear.NewValue(rd.w.cueLemma(c)), &fs)
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

// confidenceExamples adds to d, for every attribution r finds in doc,
// its confidence features and whether it is right.
func (r *Resolver) confidenceExamples(doc TrainDoc, d *linear.Data) error {
	sents := sentence.Split(doc.Text)
	attrs := r.resolve(doc.Text, sents, quote.Detect(doc.Text, sents))
	right := newGoldText(doc.Text, doc.Gold).right(attrs)
	var fs linear.Features
	for i := range attrs {
		confFeatures(&attrs[i], &fs)
		if err := d.Add(doc.ID, &fs, right[i], 1); err != nil {
			return err
		}
	}
	return nil
}
