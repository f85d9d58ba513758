package attribution

import (
	"math"
	"strings"

	"github.com/whosaid/whosaid/internal/linear"
	"github.com/whosaid/whosaid/internal/token"
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
