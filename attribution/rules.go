package attribution

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
	// RuleQuote: a quotation of speech with no cue and no speaker.
	RuleQuote = "quote"
)
