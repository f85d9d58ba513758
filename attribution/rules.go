package attribution

import "slices"

// Rule names: every Attribution's Rule is one of these.
const (
	// RuleQuoteSpeakerCue: “...,” the official said.
	RuleQuoteSpeakerCue = "quote-speaker-cue"
	// RuleQuoteCueSpeaker: “...,” said the official.
	RuleQuoteCueSpeaker = "quote-cue-speaker"
	// RuleSpeakerCueQuote: The official said, “...”
	RuleSpeakerCueQuote = "speaker-cue-quote"
	// RuleSpeakerCueColon: The official said: “...” (or "The official: “...”").
	RuleSpeakerCueColon = "speaker-cue-colon"
	// RuleSpeakerCueClause: The official said (that) CLAUSE.
	RuleSpeakerCueClause = "speaker-cue-clause"
	// RuleClauseSpeakerCue: CLAUSE, the official said; also a passive
	// with its agent, whose subject is the content: "The plan was
	// reported by the Post".
	RuleClauseSpeakerCue = "clause-speaker-cue"
	// RuleClauseCueSpeaker: CLAUSE, said the official.
	RuleClauseCueSpeaker = "clause-cue-speaker"
	// RuleAccordingTo: According to the official, CLAUSE (or CLAUSE,
	// according to the official).
	RuleAccordingTo = "according-to"
	// RuleSplit: a quotation or clause interrupted by its attribution:
	// “...,” she said, “...”.
	RuleSplit = "split"
	// RuleAppositive: the speaker's clause interrupted by an appositive or
	// relative clause: Hugh Hill, a doctor, said CLAUSE.
	RuleAppositive = "appositive"
	// RuleDashSpeaker: “...” — Sen. Jane Doe.
	RuleDashSpeaker = "dash-speaker"
	// RuleContinuation: a quotation with no cue of its own that continues
	// the previous speaker's turn. Its Cue is empty; its Speaker is the
	// previous attribution's speaker mention, whose entity it takes.
	RuleContinuation = "continuation"
	// RuleSeem: a verb of appearance whose source is the writer: the
	// content is the whole clause, its subject and the cue included
	// ("Sanders appears to lead"); Speaker is empty.
	RuleSeem = "seem"
	// RulePassive: a passive of saying or believing before an infinitive,
	// with no named source: the content is the raised subject and the
	// infinitive ("The bill is expected to pass"); Speaker is empty.
	RulePassive = "passive"
	// RuleSpeakerVerbQuote: a quotation introduced by a subject and a verb
	// that is not a cue of the lexicon: As Cornyn put it, “...”.
	RuleSpeakerVerbQuote = "speaker-verb-quote"
	// RuleQuote: a quotation of speech with no cue and no speaker.
	RuleQuote = "quote"
)

// confidence is the confidence of each rule's attributions: how often the
// rule is right, in round figures.
var confidence = map[string]float64{
	RuleQuoteSpeakerCue:  0.9,
	RuleQuoteCueSpeaker:  0.85,
	RuleSpeakerCueQuote:  0.85,
	RuleSpeakerCueColon:  0.8,
	RuleSplit:            0.8,
	RuleAccordingTo:      0.8,
	RuleClauseSpeakerCue: 0.75,
	RuleClauseCueSpeaker: 0.75,
	RuleSpeakerCueClause: 0.7,
	RuleAppositive:       0.7,
	RuleDashSpeaker:      0.7,
	RuleSpeakerVerbQuote: 0.6,
	RuleSeem:             0.5,
	RulePassive:          0.5,
	RuleContinuation:     0.4,
	RuleQuote:            0.2,
}

// verdict is what a rule makes of a cue candidate.
type verdict uint8

const (
	pass verdict = iota // the rule does not read the cue: try the next
	take                // the rule's frame is the cue's reading
	stop                // the candidate is no cue: try no other rule
)

// frame is a rule's reading of a cue: the attribution it proposes (its
// content may be empty: a cue with no content reported) and the last
// token the reading used, where the next cue may start.
type frame struct {
	a   Attribution
	end int
	// unit names the rule of the registry that read it; first is set for
	// the first frame with content of a cue, the one the rules alone
	// take; score is the model's.
	unit  string
	first bool
	score float64
	// read, spk and cnt are the model's scores of the features of the
	// reading, the speaker and the content, set by chooseFrame.
	read, spk, cnt float64
	// variant, when set, says how the content was moved from the rule's
	// (see [reader.addBoundaries]).
	variant string
}

// A rule reads an attribution around a cue candidate of the kinds it
// reads. It returns pass when it does not apply; when it returns take, it
// has set f to its frame, which it leaves as it is otherwise. A frame is
// some 350 bytes: written in place, it is not copied on its way back, and
// the rules that pass (most of them, at most candidates) write none.
type rule struct {
	name  string
	kinds []cueKind
	read  func(r *reader, c *cue, f *frame) verdict
}

// set sets f to the reading a whose last token is end, and returns take.
func (f *frame) set(a Attribution, end int) verdict {
	*f = frame{a: a, end: end}
	return take
}

// rules lists the rules in the order they are tried; the first that takes
// a cue reads it. The vetoes among them stop a candidate that is used
// otherwise than to report.
var rules = []rule{
	{"colon", []cueKind{cueColon}, colonRule},
	{"survey", []cueKind{cueSurvey}, surveyRule},
	{"noun", nil, nounRule}, // every candidate that may be a noun cue
	{"according-to", []cueKind{cuePhrase}, accordingRule},
	{"seem", []cueKind{cueSeem}, seemRule},
	{"question", []cueKind{cueVerb}, questionRule},
	{"reduced-relative", []cueKind{cueVerb}, reducedRelativeVeto},
	{"by-agent", []cueKind{cueVerb}, byAgentRule},
	{"passive", []cueKind{cueVerb}, passiveVeto},
	{"raised", []cueKind{cueVerb}, raisedRule},
	{"inverted", []cueKind{cueVerb}, invertedRule},
	{"subject-as", []cueKind{cueVerb}, subjectAsRule},
	{"subject-clause-before", []cueKind{cueVerb}, subjectBeforeRule},
	{"subject-clause-after", []cueKind{cueVerb}, subjectAfterRule},
	{"lost-full-stop", []cueKind{cueVerb}, lostStopRule},
	{"said-first", []cueKind{cueVerb}, saidFirstRule},
	{"participle", []cueKind{cueVerb}, participleRule},
}

// rulesFor lists, by the kind of a candidate and whether it may be a noun
// cue, the rules of the registry that read it (see [rule.reads]), in the
// registry's order: selectFrame tries them alone, where it asked every
// rule whether it reads the candidate. cueSeem is the last kind.
var rulesFor = func() (t [cueSeem + 1][2][]*rule) {
	for k := range t {
		for noun := range t[k] {
			c := cue{kind: cueKind(k), noun: noun == 1}
			for i := range rules {
				if rules[i].reads(&c) {
					t[k][noun] = append(t[k][noun], &rules[i])
				}
			}
		}
	}
	return t
}()

// hasContent reports whether a frame read so far has content.
func (rd *reader) hasContent() bool {
	for _, f := range rd.frames {
		if !f.a.Extent.Empty() {
			return true
		}
	}
	return false
}

// reads reports whether rule x reads candidate c.
func (x *rule) reads(c *cue) bool {
	if x.kinds == nil {
		return c.noun
	}
	for _, k := range x.kinds {
		if k == c.kind {
			return true
		}
	}
	return false
}

// selectFrame reads candidate c with every rule that reads it, in order,
// up to a veto, and chooses one of their frames, which it returns from
// rd.frames, or nil. It is where the readings of a cue compete.
func (rd *reader) selectFrame(c *cue) *frame {
	// A rule writes its frame in the next free slot of rd.frames, which
	// is kept only when it takes the candidate.
	rd.frames = slices.Grow(rd.frames[:0], 1)
	for _, x := range rulesFor[c.kind][b2i(c.noun)] {
		if x.kinds != nil && c.forced {
			rd.w.readAsVerb(c.i)
		}
		n := len(rd.frames)
		f := &rd.frames[:n+1][n]
		v := x.read(rd, c, f)
		if v == stop {
			break
		}
		if v == take {
			f.a.Confidence = confidence[f.a.Rule]
			f.unit = x.name
			f.first = !f.a.Extent.Empty() && !rd.hasContent()
			rd.frames = slices.Grow(rd.frames[:n+1], 1)
		}
	}
	if len(rd.frames) == 0 {
		return nil
	}
	if rd.choose != nil || rd.model != nil {
		rd.addBoundaries()
	}
	k := 0
	switch {
	case rd.choose != nil:
		k = rd.choose(rd, c, rd.frames)
	case rd.model != nil:
		k = rd.chooseFrame(rd.model, c, rd.frames)
	}
	if k < 0 {
		return nil
	}
	return &rd.frames[k]
}
