package attribution

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/span"
)

// The templates of the confidence model's features that a frame's lack.
var (
	tLogit    = linear.NewTemplate("logit")
	tRuleP    = linear.NewTemplate("rule|p")
	tType     = linear.NewTemplate("type")
	tRuleType = linear.NewTemplate("rule|type")
	tLen      = linear.NewTemplate("len")
	tFrags    = linear.NewTemplate("frags")
)

// confTemplates names the feature templates of the confidence model, for
// its provenance.
var confTemplates = templateNames(tRule, tLogit, tRuleP, tType, tRuleType, tSpk, tRuleSpk, tCue, tLen, tFrags)

// confFeatures writes the features of attribution a that its calibrated
// confidence reads: its rule and the raw probability or confidence the
// rules or the frame model gave it, its type, the form of its speaker,
// its cue word and its length.
func confFeatures(a *Attribution, fs *linear.Features) {
	fs.Reset()
	p := min(max(a.Confidence, 0.001), 0.999)
	// The rule, type and speaker's shape are each hashed once for the
	// features that take them.
	rule := linear.NewValue(a.Rule)
	fs.AddValue(tRule, rule)
	fs.AddFloat(tLogit, math.Log(p/(1-p))/5)
	fs.AddValue2(tRuleP, rule, linear.NewValue(bucket(int(p*10))))
	t := linear.NewValue(a.Type.String())
	fs.AddValue(tType, t)
	fs.AddValue2(tRuleType, rule, t)
	spk := linear.NewValue(speakerShape(a.Speaker.Text))
	fs.AddValue(tSpk, spk)
	fs.AddValue2(tRuleSpk, rule, spk)
	cue := a.Cue.Text
	if i := strings.LastIndexByte(cue, ' '); i >= 0 {
		cue = cue[i+1:]
	}
	fs.Add(tCue, token.Lower(cue))
	fs.Add(tLen, bucket(words(a.Extent.Text)/4))
	fs.Add(tFrags, bucket(nFragments(a)))
}

// speakerShape says what a speaker mention looks like without its tags:
// none, a pronoun, a name (capitalized words), or a description.
func speakerShape(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "none"
	case subjectPronouns.hasFold(s) || objectPronouns.hasFold(s):
		return "pronoun"
	}
	last := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		last = s[i+1:]
	}
	if isCapital(last) {
		return "name"
	}
	return "desc"
}

// words counts the words of s, runs of bytes between spaces (' ', '\n'
// and '\t'): the bytes that start one, each a byte that is no space after
// one that is. It reads the content of every attribution, a byte at a
// time, with one table look-up and no branch for each.
func words(s string) int {
	n, space := 0, 1 // before s, as after a space
	for i := 0; i < len(s); i++ {
		sp := int(spaceByte[s[i]])
		n += space &^ sp
		space = sp
	}
	return n
}

// spaceByte is 1 for the bytes that separate words, for words.
var spaceByte = [256]uint8{' ': 1, '\n': 1, '\t': 1}

// confide sets the Confidence of every attribution of rd.out from the
// model's confidence part, to three decimals: the calibration is not finer
// than that, and a reader of the record should not see more digits.
func (rd *reader) confide() {
	if rd.model == nil || rd.model.conf == nil {
		return
	}
	for i := range rd.out {
		confFeatures(&rd.out[i], &rd.fs)
		rd.out[i].Confidence = math.Round(rd.model.conf.Prob(&rd.fs)*1000) / 1000
	}
}

// maxShared is the most of its content that an attribution may share with
// that of another, by byte Jaccard, and stand beside it: annotators give
// words to one attribution (in PolNeAR train, 6 pairs of 19,832
// attributions share more than 0.3 of their words), and the readings of
// two cues that share more are one attribution read twice: a nested
// clause read whole again ("Trump said [that Clinton once described the
// deal as “the gold standard”]" and "Clinton once described [the deal as
// “the gold standard”]"), or an adjunct's verb read as a cue of its own.
// Chosen by 5-fold cross-validation on PolNeAR train against 0.4, which
// dropped more that were right.
const maxShared = 0.5

// maxNeighbours bounds the attributions after each, in the order of
// their contents' starts, that dropShared compares it with.
const maxNeighbours = 64

// dropShared leaves out of rd.out each attribution but a direct quotation
// whose content shares more than maxShared of its bytes with the content
// of one of higher confidence that is kept; of equal confidence, the
// earlier in the text is kept. rd.out is in the order of the contents'
// starts.
func (rd *reader) dropShared() {
	out := rd.out
	pairs := rd.shared[:0]
	for i := range out {
		for j := i + 1; j < len(out) && j <= i+maxNeighbours && out[j].Extent.Start < out[i].Extent.End; j++ {
			if shared(fragments(&out[i]), fragments(&out[j])) > maxShared {
				pairs = append(pairs, [2]int32{int32(i), int32(j)})
			}
		}
	}
	rd.shared = pairs
	if len(pairs) == 0 {
		return
	}
	// rank orders the attributions by confidence, highest first, in
	// their order where equal; then, in order of confidence, each
	// attribution kept drops those it shares its content with.
	n := len(out)
	buf := slices.Grow(rd.rank[:0], 2*n)[:2*n]
	rank, order := buf[:n], buf[n:]
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(out[b].Confidence, out[a].Confidence) })
	for r, i := range order {
		rank[i] = int32(r)
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int {
		return cmp.Compare(min(rank[a[0]], rank[a[1]]), min(rank[b[0]], rank[b[1]]))
	})
	dropped := order // order is no longer needed: reuse it as marks
	clear(dropped)
	for _, p := range pairs {
		hi, lo := p[0], p[1]
		if rank[lo] < rank[hi] {
			hi, lo = lo, hi
		}
		// A direct quotation stands: its words are in its marks, whatever
		// reported clause around it shares them.
		if dropped[hi] == 0 && out[lo].Type != Direct {
			dropped[lo] = 1
		}
	}
	rd.rank = buf[:0]
	k := 0
	for i := range out {
		if dropped[i] == 0 {
			out[k] = out[i]
			k++
		}
	}
	clear(out[k:])
	rd.out = out[:k]
}

// shared returns the byte Jaccard of two contents, each a list of
// fragments in the order of the text that do not overlap: one pass over
// both, however many fragments they have.
func shared(a, b []span.Span) float64 {
	in, size := 0, 0
	for _, x := range a {
		size += x.End - x.Start
	}
	for _, y := range b {
		size += y.End - y.Start
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		if lo, hi := max(a[i].Start, b[j].Start), min(a[i].End, b[j].End); hi > lo {
			in += hi - lo
		}
		if a[i].End < b[j].End {
			i++
		} else {
			j++
		}
	}
	if u := size - in; u > 0 {
		return float64(in) / float64(u)
	}
	return 0
}
