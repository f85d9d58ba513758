package attribution

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// TestBoundaries lists the contents proposed for the cue of each sentence
// once the scorer may move where a content ends: the rules' own, shorter
// ones at the breaks outside quotation marks, and one that runs on to the
// sentence's end over the break the rules stopped at.
func TestBoundaries(t *testing.T) {
	tests := []proposal{{
		name: "a comma before a relative clause",
		text: "Officials said the emails were exchanges between Carter and Fanning, who was his chief of staff.",
		cue:  "said",
		want: []string{
			"the emails were exchanges between Carter and Fanning, who was his chief of staff",
			"the emails were exchanges between Carter and Fanning",
		},
	}, {
		name: "every break, up to four",
		text: "He said the tax would rise, the budget would shrink, the deficit would grow, the debt would double, the bonds would fall, the rates would climb.",
		cue:  "said",
		want: []string{
			"the tax would rise, the budget would shrink, the deficit would grow, the debt would double, the bonds would fall, the rates would climb",
			"the tax would rise",
			"the tax would rise, the budget would shrink",
			"the tax would rise, the budget would shrink, the deficit would grow",
			"the tax would rise, the budget would shrink, the deficit would grow, the debt would double",
		},
	}, {
		name: "over the break the rules stopped at",
		text: "He said the plan, which was new, would pass.",
		cue:  "said",
		want: []string{"the plan", "the plan, which was new, would pass"},
	}, {
		name: "no break inside quotation marks",
		text: `She said the deal was "bad, very bad" for workers.`,
		cue:  "said",
		want: []string{`the deal was "bad, very bad" for workers`},
	}, {
		name: "no content of one word",
		text: "He said yes, and left.",
		cue:  "said",
		want: []string{"yes, and left"},
	}, {
		name: "an approximate number, not the cue's preposition",
		text: "McAuliffe has said about 20 people have indicated an interest.",
		cue:  "said",
		want: []string{"about 20 people have indicated an interest"},
	}, {
		name: "before an adverbial clause of the narration",
		text: "Christie described Clinton as a “disgrace” after she attacked the police.",
		cue:  "described",
		want: []string{"Clinton as a “disgrace” after she attacked the police", "Clinton as a “disgrace”"},
	}}
	checkProposed(t, tests, func(f *frame, _ []string) (string, bool) {
		return f.a.Extent.Text, !f.a.Extent.Empty() && (f.variant == "" || f.variant == "cut" || f.variant == "run-on")
	})
}

// TestLateStarts lists the contents proposed to start later than the
// rules' for the cue of each sentence: by one to three words, never past
// punctuation, leaving two tokens at least.
func TestLateStarts(t *testing.T) {
	tests := []proposal{{
		name: "past an object",
		text: "She urged voters to stay home on Tuesday.",
		cue:  "urged",
		want: []string{"to stay home on Tuesday", "stay home on Tuesday", "home on Tuesday"},
	}, {
		name: "not past a comma",
		text: "He said yes, and left.",
		cue:  "said",
		want: nil,
	}, {
		name: "onto a quotation mark",
		text: `He called it a "disaster" for the state.`,
		cue:  "called",
		want: []string{`a "disaster" for the state`, `"disaster" for the state`},
	}}
	checkProposed(t, tests, func(f *frame, _ []string) (string, bool) {
		return f.a.Extent.Text, f.variant == "late-start"
	})
}

// TestPhraseCuts lists the contents proposed for the cue of each sentence
// that end where its object does: before a preposition other than "of" or
// a conjunction, up to two, and never past a verb or a break.
func TestPhraseCuts(t *testing.T) {
	tests := []proposal{{
		name: "before a preposition",
		text: "He denied the charges through his lawyer.",
		cue:  "denied",
		want: []string{"the charges"},
	}, {
		name: "an object of one word",
		text: "She claimed victory in a tweet.",
		cue:  "claimed",
		want: []string{"victory"},
	}, {
		name: "before a second verb phrase",
		text: "They know this and take advantage of it.",
		cue:  "know",
		want: []string{"this"},
	}, {
		name: "not before of, and two at most",
		text: "He praised the work of the police in the city on Monday at noon.",
		cue:  "praised",
		want: []string{"the work of the police", "the work of the police in the city"},
	}, {
		name: "none past a verb",
		text: "He said the plan would fail in March.",
		cue:  "said",
		want: nil,
	}, {
		name: "none past a break",
		text: "She denied it, in a statement on Friday.",
		cue:  "denied",
		want: nil,
	}}
	checkProposed(t, tests, func(f *frame, _ []string) (string, bool) {
		return f.a.Extent.Text, f.variant == "cut.prep" || f.variant == "cut.cc"
	})
}

// TestSpeakerBoundaries lists the speakers proposed for the cue of each
// sentence: the rules' own, the same up to its first comma, and the whole
// clause before the cue or, after it, on to the next break.
func TestSpeakerBoundaries(t *testing.T) {
	tests := []proposal{{
		name: "a noun phrase cut at its preposition",
		text: "One operative inside Trump Tower said the tapes were not a big deal.",
		cue:  "said",
		want: []string{"Trump Tower", "One operative inside Trump Tower"},
	}, {
		name: "an age after the name",
		text: "“That’s a legitimate concern,” said Sarandon, 69, of New York.",
		cue:  "said",
		want: []string{"Sarandon, 69, of New York", "Sarandon"},
	}, {
		name: "on to the next break after the cue",
		text: "“Trust me,” said Alan Berger, a gynecologist from Englewood, New Jersey, who backs him.",
		cue:  "said",
		want: []string{"Alan Berger, a gynecologist from Englewood, New Jersey", "Alan Berger", "Alan Berger, a gynecologist from Englewood, New Jersey, who backs him"},
	}, {
		name: "not into the content before the speaker",
		text: "The plan is dead, the senator said.",
		cue:  "said",
		want: []string{"the senator"},
	}, {
		name: "not back over the verbs of a clause that holds it",
		text: "McAuliffe has said about 20 people have indicated an interest in the seat.",
		cue:  "indicated",
		want: []string{"about 20 people"},
	}, {
		name: "not back past a subordinator",
		text: "While the senator said the bill would pass, others disagreed.",
		cue:  "said",
		want: []string{"the senator"},
	}, {
		name: "not back past a relative word whose clause the cue's is",
		text: "The bill, which the senator said would pass, failed.",
		cue:  "said",
		want: []string{"the senator"},
	}, {
		name: "a relative clause of the noun phrase, and its object alone",
		text: "The man who runs the shop in town said the road was closed.",
		cue:  "said",
		want: []string{"The man who runs the shop in town", "the shop in town"},
	}, {
		name: "past the relative clause's verb group, adverb and preposition",
		text: "Supporters who have heard directly from the campaign say it will win.",
		cue:  "say",
		want: []string{"Supporters who have heard directly from the campaign", "the campaign"},
	}}
	checkProposed(t, tests, func(f *frame, got []string) (string, bool) {
		return f.a.Speaker.Text, !f.a.Extent.Empty() && !f.a.Speaker.Empty() && !slices.Contains(got, f.a.Speaker.Text)
	})
}

// TestParticipleAfterObject checks that a participle right after the
// object of its clause's verb is read with the clause's subject as its
// speaker as well as with the object, for the model to weigh: the
// subject sends the message that "says" ("she sent an email saying").
func TestParticipleAfterObject(t *testing.T) {
	tests := []proposal{{
		name: "a statement saying",
		text: "The campaign issued a statement saying the report was false.",
		cue:  "saying",
		want: []string{"a statement", "The campaign"},
	}, {
		name: "an ad calling",
		text: "Trump released a new ad calling the plan a disaster.",
		cue:  "calling",
		want: []string{"a new ad", "Trump"},
	}, {
		name: "no clause verb before the object",
		text: "Voters backing the plan were few.",
		cue:  "backing",
		want: []string{"Voters"},
	}}
	checkProposed(t, tests, func(f *frame, got []string) (string, bool) {
		return f.a.Speaker.Text, !f.a.Extent.Empty() && !f.a.Speaker.Empty() && f.variant == "" && !slices.Contains(got, f.a.Speaker.Text)
	})
}

// proposal is a sentence, the word that starts the cue whose frames it
// proposes, and the spans a test picks from those frames, in order.
type proposal struct {
	name, text, cue string
	want            []string
}

// checkProposed runs each case as a subtest: pick gives the span a frame
// adds to those picked so far, if it adds one.
func checkProposed(t *testing.T, tests []proposal, pick func(f *frame, got []string) (string, bool)) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range proposed(t, tt.text, tt.cue) {
				if s, ok := pick(&f, got); ok {
					got = append(got, s)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// proposed returns the frames proposed for every cue of text that starts
// with the token word, with their other bounds, as the model weighs them;
// none is taken.
func proposed(t *testing.T, text, word string) []frame {
	t.Helper()
	r, err := New(WithModel(nil))
	require.NoError(t, err)
	var got []frame
	choose := func(rd *reader, c *cue, frames []frame) int {
		if rd.w.toks[c.i].text == word {
			got = append(got, frames...)
		}
		return -1
	}
	sents := sentence.Split(text)
	r.resolveWith(text, sents, quote.Detect(text, sents), choose)
	return got
}
