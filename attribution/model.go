package attribution

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/span"
)

// Model is the trained part of a Resolver, two linear models over sparse
// features. The first chooses, for each cue, among the readings the rules
// propose, or none of them; it weighs every verb as a possible cue, not
// only the lexicon's. The second gives each attribution its Confidence:
// the probability that its content is an attribution a person would
// annotate and its speaker the one they would name, fitted to predictions
// on texts the first model was not trained on. A Model is read-only once
// built and safe for concurrent use. The default model is embedded in the
// package, trained on the train split of PolNeAR by the command in
// internal/train; [Train] builds one from other annotated texts.
type Model struct {
	frames, conf *linear.Model
	// threshold is the least probability with which a frame is taken over
	// none; generic is that of a frame of a verb the lexicon does not
	// know.
	threshold, generic float64
}

//go:embed model.bin
var embeddedModel []byte

// DefaultModel returns the embedded model, decoded once per process; nil,
// with no error, when the package was built without one (the rules alone
// then decide).
var DefaultModel = sync.OnceValues(func() (*Model, error) {
	if len(embeddedModel) == 0 {
		return nil, nil
	}
	return DecodeModel(bytes.NewReader(embeddedModel))
})

// modelMagic opens an encoded Model.
const modelMagic = "whosaid model 3\n"

// Encode writes m in the form DecodeModel reads: a header line, the
// thresholds, then the two linear models, each after its length.
func (m *Model) Encode(w io.Writer) error {
	if m == nil || m.frames == nil || m.conf == nil {
		return errors.New("attribution: encode: no model")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%sthreshold %g generic %g\n", modelMagic, m.threshold, m.generic)
	for _, lm := range []*linear.Model{m.frames, m.conf} {
		var part bytes.Buffer
		if err := lm.Encode(&part); err != nil {
			return fmt.Errorf("attribution: encode model: %w", err)
		}
		fmt.Fprintf(&b, "%d\n", part.Len())
		b.Write(part.Bytes())
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("attribution: encode model: %w", err)
	}
	return nil
}

// DecodeModel reads a model that Encode wrote.
func DecodeModel(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("attribution: decode model: not a whosaid model")
	}
	m := new(Model)
	if _, err := fmt.Fscanf(br, "threshold %g generic %g\n", &m.threshold, &m.generic); err != nil || !inUnit(m.threshold) || !inUnit(m.generic) {
		return nil, errors.New("attribution: decode model: thresholds missing or outside [0, 1)")
	}
	for _, dst := range []**linear.Model{&m.frames, &m.conf} {
		var n int64
		if _, err := fmt.Fscanf(br, "%d\n", &n); err != nil || n <= 0 {
			return nil, errors.New("attribution: decode model: a part has no length")
		}
		lm, err := linear.Decode(io.LimitReader(br, n))
		if err != nil {
			return nil, fmt.Errorf("attribution: decode model: %w", err)
		}
		*dst = lm
	}
	return m, nil
}

func inUnit(x float64) bool { return x >= 0 && x < 1 }

// String describes where m comes from: its training data, features and
// hyperparameters.
func (m *Model) String() string {
	if m == nil || m.frames == nil {
		return "no model"
	}
	p, c := m.frames.Provenance(), m.conf.Provenance()
	return fmt.Sprintf("%s: %d features from %d decisions, L2 %g, threshold %g (%g for verbs outside the lexicon); confidence: %d features from %d attributions; source %s; data sha256 %s",
		p.Name, p.Features, p.Groups, p.Params.L2, m.threshold, m.generic, c.Features, c.Groups, p.Source, p.Data)
}

// reports reports whether the model has learned that a verb outside the
// lexicon, of lemma (stem) lemma, reports: its lemma's weight is positive.
// The readings of the others are not worth weighing. fs is scratch.
func (m *Model) reports(fs *linear.Features, lemma string) bool {
	fs.Reset()
	fs.Add(tLemma, lemma)
	return m.frames.Weight(fs.Hashes()[0]) > 0
}

// chooseFrame picks, with the model, the frame of candidate c that is most
// likely right, or none (-1), and sets its Confidence to the model's
// probability of that frame among the frames and none; [reader.confide]
// later turns it into the attribution's calibrated confidence. A frame's
// score is the sum of those of its parts (see [reader.frameFeatures]),
// and a part that an earlier frame of c shares is not scored again; nor,
// for the first few of them, are the features of a rule that read several
// frames ([readingRuleFeatures]) and those of where several contents end
// ([window.contentEndFeatures]).
func (rd *reader) chooseFrame(m *Model, c *cue, frames []frame) int {
	lemma := linear.NewValue(rd.w.cueLemma(c))
	fs := &rd.fs
	// The features of the cue are every frame's: score them once, with
	// the bias.
	fs.Reset()
	rd.cueFeatures(c, lemma, fs)
	shared := m.frames.ScoreWith(fs, &rd.memo)
	var sums partSums
	// rule is the rule of the last frame that had a part to score, as a
	// value, once hashed.
	var rule linear.Value
	hashed := false
	best, top := -1, math.Inf(-1)
	for k := range frames {
		f := &frames[k]
		if f.a.Extent.Empty() {
			continue
		}
		read, spk, cnt := sharedParts(frames, k)
		if (read < 0 || spk < 0 || cnt < 0) && (!hashed || rule.String() != f.a.Rule) {
			rule, hashed = rd.w.values.of(f.a.Rule), true
		}
		if read >= 0 {
			f.read = frames[read].read
		} else {
			f.read = rd.readingScore(m, c, f, rule, lemma, &sums)
		}
		if spk >= 0 {
			f.spk = frames[spk].spk
		} else {
			fs.Reset()
			rd.speakerFeatures(&f.a, rule, lemma, fs)
			f.spk = m.frames.SumWith(fs, &rd.memo)
		}
		if cnt >= 0 {
			f.cnt = frames[cnt].cnt
		} else {
			f.cnt = rd.contentScore(m, f, rule, lemma, &sums)
		}
		s := shared + f.read + f.spk + f.cnt
		f.score = s
		if s > top {
			best, top = k, s
		}
	}
	if best < 0 {
		return -1
	}
	return m.accept(c, frames, best, top)
}

// partSums holds, while the frames of one cue are scored, the sums of
// features that several of them share: those of the rules of the
// readings scored so far, and those of where the contents scored so far
// end, by the token they end before. Each keeps only its first few.
type partSums struct {
	byRule [8]struct {
		rule, unit string
		first      bool
		sum        float64
	}
	nRules int
	ends   [16]struct {
		c1  int
		sum float64
	}
	nEnds int
}

// sharedParts returns, for each part of frame k with content, an earlier
// frame with content, of the same rule, whose part is the same, or -1:
// read for the reading (same unit, variant and first), spk for the
// speaker and cnt for the content (both of the same cue).
func sharedParts(frames []frame, k int) (read, spk, cnt int) {
	f := &frames[k]
	read, spk, cnt = -1, -1, -1
	for j := range k {
		g := &frames[j]
		if g.a.Extent.Empty() || g.a.Rule != f.a.Rule {
			continue
		}
		if read < 0 && g.unit == f.unit && g.variant == f.variant && g.first == f.first {
			read = j
		}
		if !samePlace(g.a.Cue, f.a.Cue) {
			continue
		}
		if spk < 0 && samePlace(g.a.Speaker, f.a.Speaker) {
			spk = j
		}
		if cnt < 0 && samePlace(g.a.Extent, f.a.Extent) && nFragments(&g.a) == nFragments(&f.a) && g.a.Addressee.Empty() == f.a.Addressee.Empty() {
			cnt = j
		}
	}
	return read, spk, cnt
}

// samePlace reports whether spans a and b of the window's text cover the
// same bytes: their texts are then the same too, and comparing their
// offsets spares comparing them.
func samePlace(a, b span.Span) bool { return a.Start == b.Start && a.End == b.End }

// readingScore returns the model's score of the reading of frame f of cue
// c, of rule rule: that of its rule's features, taken from sums when a
// frame read alike was scored before and recorded there otherwise, plus
// that of its variant's.
func (rd *reader) readingScore(m *Model, c *cue, f *frame, rule, lemma linear.Value, sums *partSums) float64 {
	fs := &rd.fs
	var read float64
	// The features of the rule are shared by its variants.
	r := 0
	for r < sums.nRules && (sums.byRule[r].rule != f.a.Rule || sums.byRule[r].unit != f.unit || sums.byRule[r].first != f.first) {
		r++
	}
	if r < sums.nRules {
		read = sums.byRule[r].sum
	} else {
		fs.Reset()
		rd.readingRuleFeatures(c, f, rule, lemma, fs)
		read = m.frames.SumWith(fs, &rd.memo)
		if sums.nRules < len(sums.byRule) {
			b := &sums.byRule[sums.nRules]
			b.rule, b.unit, b.first, b.sum = f.a.Rule, f.unit, f.first, read
			sums.nRules++
		}
	}
	if f.variant != "" {
		fs.Reset()
		rd.readingVariantFeatures(f, rule, lemma, fs)
		read += m.frames.SumWith(fs, &rd.memo)
	}
	return read
}

// contentScore returns the model's score of the content of frame f, of
// rule rule: that of where it starts, plus, when it has tokens, that of
// where it ends, taken from sums when a content that ends before the same
// token was scored before and recorded there otherwise.
func (rd *reader) contentScore(m *Model, f *frame, rule, lemma linear.Value, sums *partSums) float64 {
	fs := &rd.fs
	c0, c1 := rd.w.tokenRange(f.a.Extent)
	fs.Reset()
	rd.contentStartFeatures(&f.a, rule, lemma, c0, c1, fs)
	cnt := m.frames.SumWith(fs, &rd.memo)
	if c0 < c1 {
		e := 0
		for e < sums.nEnds && sums.ends[e].c1 != c1 {
			e++
		}
		if e == sums.nEnds {
			fs.Reset()
			rd.w.contentEndFeatures(c1, fs)
			end := m.frames.SumWith(fs, &rd.memo)
			if sums.nEnds < len(sums.ends) {
				sums.ends[sums.nEnds].c1, sums.ends[sums.nEnds].sum = c1, end
				sums.nEnds++
			}
			cnt += end
		} else {
			cnt += sums.ends[e].sum
		}
	}
	return cnt
}

// accept returns best, the frame of cue c of the highest score, top, when
// the model takes it over none, and sets its Confidence to its
// probability among the frames with content and none; it returns -1 when
// the probability that c reports at all falls below the threshold (that
// for verbs outside the lexicon when c is one).
func (m *Model) accept(c *cue, frames []frame, best int, top float64) int {
	z := math.Exp(-top) // none scores 0
	for k := range frames {
		if !frames[k].a.Extent.Empty() {
			z += math.Exp(frames[k].score - top)
		}
	}
	p := 1 / z
	// The frames of a cue may differ only in where their content ends:
	// whether the cue reports at all is the probability of any of them.
	any := 1 - math.Exp(-top)/z
	if any < m.threshold || c.generic && any < m.generic {
		return -1
	}
	frames[best].a.Confidence = p
	return best
}
