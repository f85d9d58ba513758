package attribution_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/attribution"
)

// TestErrorClasses checks classes of errors the rules once made, each on
// sentences of its own: what is reported, and what is not.
func TestErrorClasses(t *testing.T) {
	type want struct{ speaker, cue, content string }
	tests := []struct {
		class, text string
		want        []want // the attributions, in order; none for none
	}{
		// An addressee before the content keeps the content's determiner.
		{"addressee before the content", "Smith told CNN the plan was dead.",
			[]want{{"Smith", "told", "the plan was dead"}}},
		{"addressee before the content", "The mayor told reporters the bridge was safe.",
			[]want{{"The mayor", "told", "the bridge was safe"}}},
		{"addressee before the content", "Lee told The Associated Press the vote was rigged.",
			[]want{{"Lee", "told", "the vote was rigged"}}},
		{"object pronoun as addressee", "The singer turned to him, asking him, “Where do we go from here?”",
			[]want{{"The singer", "asking", "Where do we go from here"}}},
		// A document's author belongs to the source.
		{"author of a document", "The deficit will grow by $1 trillion, according to an analysis by the budget office.",
			[]want{{"an analysis by the budget office", "according to", "The deficit will grow by $1 trillion"}}},
		{"author of a document", "According to a report by the Post, the mayor will resign.",
			[]want{{"a report by the Post", "According to", "the mayor will resign"}}},
		// A title-case headline: a phrase before the colon is a title, a
		// name before it speaks.
		{"headline phrase", "Stealth Over Health: Senator Was Headed to Hospital But Diverted to Avoid Bad Optics",
			nil},
		{"headline name", "Cruz: Rival Would Put Liberals On Court",
			[]want{{"Cruz", ":", "Rival Would Put Liberals On Court"}}},
		// A place adverb after the subject is the subject's.
		{"place adverb", "Officials there condemned the attack as cowardly.",
			[]want{{"Officials there", "condemned", "the attack as cowardly"}}},
		{"place adverb", "Voters here said the tax was too high.",
			[]want{{"Voters here", "said", "the tax was too high"}}},
		// "Add" and "call" in their other senses report nothing.
		{"add with a noun phrase", "The city would add ferry service across the harbor.",
			nil},
		{"add with a clause", "The mayor added the ferry would run all winter.",
			[]want{{"The mayor", "added", "the ferry would run all winter"}}},
		{"add with words", "She added a note of caution about the cost.",
			[]want{{"She", "added", "a note of caution about the cost"}}},
		{"call with a bare object", "A reporter called her.",
			nil},
		{"call for", "The union called for a strike.",
			[]want{{"The union", "called for", "a strike"}}},
		// A speaker who asked not to be named: a cue of the description,
		// not of speech.
		{"unnamed source", "An engineer who asked not to be named because the report is secret described the steel as tired.",
			[]want{{"An engineer who asked not to be named because the report is secret", "described", "the steel as tired"}}},
		{"unnamed source", "An aide who spoke on condition of anonymity said the talks had failed.",
			[]want{{"An aide who spoke on condition of anonymity", "said", "the talks had failed"}}},
		// A time phrase after the object of a verb like "endorse" is the
		// verb's.
		{"adverbial after an object", "The union endorsed Clinton on Tuesday.",
			[]want{{"The union", "endorsed", "Clinton"}}},
		{"adverbial after an object", "The senator mentioned the plan twice.",
			[]want{{"The senator", "mentioned", "the plan"}}},
		// A fronted clause ends before the main clause.
		{"fronted clause", "After the mayor said the pier was safe, his critics laughed.",
			[]want{{"the mayor", "said", "the pier was safe"}}},
		{"fronted clause", "When she said the economy was rigged, her rivals pounced.",
			[]want{{"she", "said", "the economy was rigged"}}},
		// A quotation introduced by a phrasal cue, "put it".
		{"verb before a quotation", "As the senator put it: “This nominee will not be confirmed.”",
			[]want{{"the senator", "put it", "This nominee will not be confirmed"}}},
		// An adverb between the subject and a verb before a participle.
		{"adverb before the clause's verb", "He then defended the remark, saying the plan was sound.",
			[]want{{"He", "then defended", "the remark"}, {"He", "saying", "the plan was sound"}}},
		// A modal cue inside reported content is what someone may say.
		{"hypothetical speech", "Council member Ivan Petrov said he would ask for monthly reports.",
			[]want{{"Council member Ivan Petrov", "said", "he would ask for monthly reports"}}},
		// A city and its state name a speaker's place, which is part of
		// the speaker; a quotation after the state's abbreviation opens a
		// sentence of its own.
		{"city and state", "Tom Lee, of Austin, Texas, said the plan was dead.",
			[]want{{"Tom Lee, of Austin, Texas", "said", "the plan was dead"}}},
		{"city and state", "Rae Kim, a nurse from Columbia, South Carolina, said the plan was dead.",
			[]want{{"Rae Kim, a nurse from Columbia, South Carolina", "said", "the plan was dead"}}},
		{"city and state", "Tom Lee of Austin, Tex., said the plan was dead.",
			[]want{{"Tom Lee of Austin, Tex.", "said", "the plan was dead"}}},
		{"quotation after a state", "“We cannot wait,” said Bob Smith of Jacksonville, Fla. “The storm is coming.”",
			[]want{{"Bob Smith of Jacksonville, Fla.", "said", "We cannot wait,” said Bob Smith of Jacksonville, Fla. “The storm is coming"}}},
		// An inverted attribution between two parts of a quotation, the
		// second after a comma.
		{"quotation on after the speaker", "“It is a difficult issue,” said the Florida senator, “because it puts two rights in conflict.”",
			[]want{{"the Florida senator", "said", "It is a difficult issue,” said the Florida senator, “because it puts two rights in conflict"}}},
		// The narration after an attribution: a clause of time, a phrase
		// of prepositions.
		// (The question he was asked is an attribution of its own, with
		// no speaker, as PolNeAR annotates it.)
		{"narration after the speaker", "“The framers would agree,” said Dan Golvach when asked about the senator.",
			[]want{{"Dan Golvach", "said", "The framers would agree"}, {"", "asked about", "the senator"}}},
		// A relative clause of saying after the speaker is an attribution
		// of its own; another relative clause is part of the speaker.
		{"relative clause of saying", "“The pier is safe,” said Capt. Ann Pardo, who said she would not vote.",
			[]want{{"Capt. Ann Pardo", "said", "The pier is safe"}, {"who", "said", "she would not vote"}}},
		{"relative clause of saying", "“The pier is safe,” said Ann Lee, who runs the shelter.",
			[]want{{"Ann Lee, who runs the shelter", "said", "The pier is safe"}}},
		{"relative clause of saying", "“The pier is safe,” said an official, who asked not to be named.",
			[]want{{"an official, who asked not to be named", "said", "The pier is safe"}}},
		{"narration after the speaker", "The rules are fair, the spokeswoman said on a call with reporters.",
			[]want{{"the spokeswoman", "said", "The rules are fair"}}},
		// A document speaks after its cue; a time word does not.
		{"document after the cue", "“With every vote we grow stronger,” read the email.",
			[]want{{"the email", "read", "With every vote we grow stronger"}}},
		{"document after the cue", "“The plan is dead,” said the statement.",
			[]want{{"the statement", "said", "The plan is dead"}}},
		// A noun the tagger reads as a verb of the present inside an
		// appositive.
		{"modifier read as a verb", "“They must present their claims,” Amy Pope, deputy homeland security advisor, said.",
			[]want{{"Amy Pope, deputy homeland security advisor", "said", "They must present their claims"}}},
		// "as X noted" at the end of a sentence attributes the whole
		// clause, a seeming one too.
		{"as X noted at the end", "The new bridge seems to be holding up well, as the mayor noted.",
			[]want{{"the mayor", "noted", "The new bridge seems to be holding up well"}}},
		// A question put to the subject, between it and its verb, is not
		// a cue in inverted order whose speaker follows.
		{"participle of asking after the subject", "Mr. Lee, asked about the plan, said it was dead.",
			[]want{{"Mr. Lee", "said", "it was dead"}}},
		{"quotation after a state", "The plan is dead, said Ann Doe of Mobile, Ala. “It will hurt us,” she added.",
			[]want{{"Ann Doe of Mobile, Ala.", "said", "The plan is dead"}, {"she", "added", "It will hurt us"}}},
	}
	for _, tc := range tests {
		t.Run(tc.class+"/"+tc.text, func(t *testing.T) {
			attrs := resolve(tc.text)
			require.Len(t, attrs, len(tc.want), "attributions of %q: %+v", tc.text, attrs)
			for i, w := range tc.want {
				a := attrs[i]
				assert.Equal(t, w.speaker, a.Speaker.Text, "speaker")
				assert.Equal(t, w.cue, a.Cue.Text, "cue")
				assert.Equal(t, w.content, trim(a.Extent.Text), "content")
			}
		})
	}
	_ = attribution.Direct
}

// TestQuotedNames checks that a name or title in quotation marks, which
// the quote stage calls not speech, is not the speaker's quoted words: it
// does not make reported speech mixed, nor appear in Quoted.
func TestQuotedNames(t *testing.T) {
	tests := []struct {
		text   string
		typ    attribution.Type
		quoted int
	}{
		{"The senator backed the “AUUKUS” alliance, the aide said.", attribution.Indirect, 0},
		{"The mayor said the state's “Fix It First” program would pay.", attribution.Indirect, 0},
		{"The mayor said the program was “a disaster for the city.”", attribution.Mixed, 1},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			attrs := resolve(tc.text)
			require.NotEmpty(t, attrs)
			assert.Equal(t, tc.typ, attrs[0].Type)
			assert.Len(t, attrs[0].Quoted, tc.quoted)
		})
	}
}
