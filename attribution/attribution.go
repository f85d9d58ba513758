// Package attribution links each quotation, and each reported (indirect)
// speech clause, to its speaker: the mention as written, the entity it
// stands for, the cue, the addressee, a confidence and the rule that decided.
//
// Every span carries UTF-8 byte offsets into the caller's text:
// text[s.Start:s.End] == s.Text. Empty input returns no attributions.
//
// # Getting started
//
//	sents := sentence.Split(text)
//	for _, a := range attribution.Resolve(text, sents, quote.Detect(text, sents)) {
//		fmt.Println(a.Speaker.Text, a.Cue.Text, a.Type, a.Content.Text)
//	}
//
// A [Resolver] built with [New] takes options ([WithNested],
// [WithQuoteRuns]); [Resolve] uses a shared default one.
//
// # How it works
//
// The stage reads the text sentence by sentence. A sentence with a cue
// word is tokenized and tagged with prose's part-of-speech tagger (only
// such sentences are tagged). Cues come from the lexicon of
// internal/lexicon: verbs of saying, writing, stance and evidence in every
// inflection, phrasal verbs ("call for", "point out"), "according to", and
// a colon after a name. The cue's auxiliaries and adverbs join it ("has
// also said"). Around each cue a named rule reads the speaker, a whole noun
// phrase with its appositive ("Hugh Hill, a doctor,"), and the content:
//
//   - [RuleQuoteSpeakerCue], [RuleQuoteCueSpeaker]: “...,” the official said / said the official.
//   - [RuleSpeakerCueQuote], [RuleSpeakerCueColon]: The official said, “...” / said: “...”.
//   - [RuleSpeakerCueClause]: The official said (that) CLAUSE; the clause ends at
//     the sentence's end or before a clause of its own (", but", ", adding").
//   - [RuleClauseSpeakerCue], [RuleClauseCueSpeaker]: CLAUSE, the official said;
//     and a passive with its agent: "The plan was reported by the Post".
//   - [RuleAccordingTo]: According to the official, CLAUSE.
//   - [RuleSplit]: “...,” she said, “...”, and a quotation that runs on in the
//     next sentence of the paragraph (see [WithQuoteRuns]).
//   - [RuleAppositive]: the speaker's clause interrupted by an appositive or
//     relative clause.
//   - [RulePassive]: The bill is expected to pass: a raising passive with no
//     named source; the content is the subject and the infinitive.
//   - [RuleSeem]: The plan seems to work: a verb of appearance whose source
//     is the writer; the content is the clause, in two fragments around
//     the cue.
//   - [RuleDashSpeaker]: “...” — Jane Doe.
//   - [RuleContinuation]: a quotation with no cue that continues the previous
//     speaker's turn; [RuleQuote]: a quotation of speech with no speaker.
//
// A preposition the cue verb governs joins the cue ("complained about");
// verbs listed as taking an object ("support", "oppose") report their
// object noun phrase; "Asked whether ..." reports the question, its asker
// named by "by" or not at all; "In a poll, CLAUSE" names the poll as the
// source; a noun of statement with its possessor ("the mayor's claim that
// ...") is a cue, and so is a noun of attitude with its possessor and the
// preposition that introduces its object ("her criticism of the plan").
// Verbs of appearance and polls are read only in sentences tagged for
// another cue, so they add no tagging; a sentence with a cue noun is
// tagged (about half a percent more words). A short phrase in quotation marks that no cue claims and that
// does not end as an utterance (“fake news”) is a name or a scare quote,
// not speech, unless a verb of saying or naming, or a noun such as
// "phrase", stands just before it.
//
// A content with quotation marks inside is [Mixed] and lists the quoted
// words in Quoted; a content that is all quotation is [Direct]. Quotations
// the quote stage called not speech are attributed only through a cue.
// Pronoun speakers are kept as written ("he"); the Entity of every
// attribution names who they stand for.
//
// # Cost
//
// One pass over the sentences; a sentence is read up to its first 400
// tokens, and every look-around is bounded, so the cost is linear in the
// text.
package attribution

import (
	"fmt"
	"sync"

	"github.com/whosaid/whosaid/internal/tagger"

	"github.com/whosaid/whosaid/internal/lexicon"

	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// Type is the kind of reported speech.
type Type uint8

const (
	// Direct: the content is one quoted passage.
	Direct Type = iota
	// Mixed: reported speech that contains quoted words.
	Mixed
	// Indirect: reported speech with no quote marks.
	Indirect
)

var typeNames = [...]string{Direct: "direct", Mixed: "mixed", Indirect: "indirect"}

// String returns "direct", "mixed" or "indirect".
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// MarshalText encodes t as its String.
func (t Type) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// Entity is a speaker: the mentions of the text that stand for one person or
// organization, under one canonical name.
type Entity struct {
	// ID numbers the entities of one text from 1; 0 means no entity.
	ID int `json:"id"`
	// Name is the canonical name: the fullest proper name among the
	// mentions ("Antony Blinken"), else the fullest description ("a senior
	// State Department official").
	Name string `json:"name"`
	// Mentions lists every mention of the entity in the text, in order.
	Mentions []span.Span `json:"mentions"`
}

// Attribution is one quotation or reported claim and who said it.
type Attribution struct {
	// Extent covers the content from the start of its first fragment to
	// the end of its last: the quotation with its marks (direct) or the
	// reported clause (mixed, indirect), with the narration that
	// interrupts it ("she said") included. Spans lists the fragments
	// themselves ("“...,” she said, “...”" has two); it has at least one
	// element.
	Extent span.Span   `json:"extent"`
	Spans  []span.Span `json:"spans"`
	// Quoted lists the quoted words inside Extent without their marks.
	Quoted []span.Span `json:"quoted,omitempty"`
	Type   Type        `json:"type"`
	// Speaker is the speaker mention as written ("he", "the official");
	// empty when the text names no speaker for this attribution.
	Speaker span.Span `json:"speaker"`
	// Entity is the resolved speaker; Entity.ID is 0 when unresolved.
	Entity Entity `json:"entity"`
	// Cue is the cue ("said", "according to", ":"); empty for a
	// continuation of the previous speaker's turn.
	Cue span.Span `json:"cue"`
	// Addressee is who was spoken to ("told Blinken"), or empty.
	Addressee span.Span `json:"addressee"`
	// Confidence is in [0,1].
	Confidence float64 `json:"confidence"`
	// Rule names the rule that decided.
	Rule string `json:"rule"`
}

// Option configures a [Resolver].
type Option func(*config)

type config struct {
	nested bool
	runs   bool
}

// WithQuoteRuns sets whether a quotation that opens the sentence right
// after an attributed quotation, in the same paragraph, is reported as a
// further fragment of that attribution (“...,” she said. “...”), as the
// PolNeAR annotation does. The default is true; with false it is reported
// on its own, as a continuation of the speaker's turn.
func WithQuoteRuns(on bool) Option { return func(c *config) { c.runs = on } }

// WithNested makes the Resolver report every attribution whose cue lies
// inside the reported content of another ("She said he believes ...": the
// belief too). By default, as in the PolNeAR annotation, such a nested
// attribution is reported only when its cue is a verb of saying ("She said
// the aide told her ..."), not of stance or evidence.
func WithNested(on bool) Option { return func(c *config) { c.nested = on } }

// Resolver attributes quotations and reported speech. It is safe for
// concurrent use: its lexicon and tagger are read-only.
type Resolver struct {
	cfg    config
	lex    *lexicon.Lexicon
	tagger *tagger.Tagger
}

// New returns a Resolver configured by opts. It loads the cue lexicon and
// the part-of-speech model, once per process, and returns an error when
// either fails to load.
func New(opts ...Option) (*Resolver, error) {
	r := &Resolver{cfg: config{runs: true}}
	for _, o := range opts {
		o(&r.cfg)
	}
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("attribution: %w", err)
	}
	tg, err := loadTagger()
	if err != nil {
		return nil, fmt.Errorf("attribution: tagger: %w", err)
	}
	r.lex, r.tagger = lex, tg
	return r, nil
}

var defaultResolver = sync.OnceValue(func() *Resolver {
	r, err := New()
	if err != nil {
		panic("attribution: default resolver: " + err.Error())
	}
	return r
})

// Resolve attributes with the shared default Resolver.
func Resolve(text string, sents []sentence.Sentence, qs []quote.Quote) []Attribution {
	return defaultResolver().Resolve(text, sents, qs)
}

// Resolve returns the attributions of text in order of their content's
// start. sents and qs are the sentences and quotations of text as
// sentence.Split and quote.Detect return them.
func (r *Resolver) Resolve(text string, sents []sentence.Sentence, qs []quote.Quote) []Attribution {
	out := r.resolve(text, sents, qs)
	r.resolveEntities(text, sents, qs, out)
	return out
}
