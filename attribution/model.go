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
)

// Model is the trained part of a Resolver: a linear model over sparse
// features that chooses, for each cue, among the readings the rules
// propose, or none of them. It is read-only once built and safe for
// concurrent use. The default model is embedded in the package, trained on
// the train split of PolNeAR by the command in internal/train; [Train]
// builds one from other annotated texts.
type Model struct {
	frames *linear.Model
	// threshold is the least probability with which a frame is taken
	// over none.
	threshold float64
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
const modelMagic = "whosaid model 2\n"

// Encode writes m in the form DecodeModel reads.
func (m *Model) Encode(w io.Writer) error {
	if m == nil || m.frames == nil {
		return errors.New("attribution: encode: no model")
	}
	if _, err := fmt.Fprintf(w, "%sthreshold %g\n", modelMagic, m.threshold); err != nil {
		return fmt.Errorf("attribution: encode model: %w", err)
	}
	if err := m.frames.Encode(w); err != nil {
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
	var th float64
	if _, err := fmt.Fscanf(br, "threshold %g\n", &th); err != nil || !(th >= 0 && th < 1) {
		return nil, errors.New("attribution: decode model: no threshold in [0, 1)")
	}
	frames, err := linear.Decode(br)
	if err != nil {
		return nil, fmt.Errorf("attribution: decode model: %w", err)
	}
	return &Model{frames: frames, threshold: th}, nil
}

// String describes where m comes from: its training data, features and
// hyperparameters.
func (m *Model) String() string {
	if m == nil || m.frames == nil {
		return "no model"
	}
	p := m.frames.Provenance()
	return fmt.Sprintf("%s: %d features from %d decisions; data sha256 %s; L2 %g; threshold %g", p.Name, p.Features, p.Groups, p.Data, p.Params.L2, m.threshold)
}

// chooseFrame picks, with the model, the frame of candidate c that is most
// likely right, or none (-1), and sets its confidence: the model's
// probability of that frame among the frames and none.
func (rd *reader) chooseFrame(m *Model, c *cue, frames []frame) int {
	best, top := -1, math.Inf(-1)
	for k := range frames {
		if frames[k].a.Extent.Empty() {
			continue
		}
		rd.frameFeatures(c, &frames[k], &rd.fs)
		s := m.frames.Score(&rd.fs)
		frames[k].score = s
		if s > top {
			best, top = k, s
		}
	}
	if best < 0 {
		return -1
	}
	z := math.Exp(-top) // none scores 0
	for k := range frames {
		if !frames[k].a.Extent.Empty() {
			z += math.Exp(frames[k].score - top)
		}
	}
	p := 1 / z
	if p < m.threshold {
		return -1
	}
	frames[best].a.Confidence = p
	return best
}
