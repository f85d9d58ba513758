package sentence

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// conventionTests are the conventions of text beyond news wire copy:
// citation markers, abbreviations written before a date or measure,
// datelines, headings and list lines. Each sentence is written
// "paragraph:text".
var conventionTests = []struct {
	name  string
	mode  LineBreaks
	text  string
	sents []string
}{
	// Citation markers belong to the sentence they follow.
	{"citation number", LineBreaksAuto, "It is true.[6] Next one.",
		[]string{"0:It is true.[6]", "0:Next one."}},
	{"citation numbers", LineBreaksAuto, "It grew.[12][13] The rest followed.",
		[]string{"0:It grew.[12][13]", "0:The rest followed."}},
	{"citation needed", LineBreaksAuto, "It is so.[citation needed] Others disagree.",
		[]string{"0:It is so.[citation needed]", "0:Others disagree."}},
	{"citation after a quotation", LineBreaksAuto, "He said “We won.”[3] They left.",
		[]string{"0:He said “We won.”[3]", "0:They left."}},
	{"citation note and question", LineBreaksAuto, "Was it fine?[note 2] Then it was not.",
		[]string{"0:Was it fine?[note 2]", "0:Then it was not."}},
	{"bracket that is no citation", LineBreaksAuto, "It ended.[Applause, laughter] They left.",
		[]string{"0:It ended.[Applause, laughter] They left."}},
	{"omission", LineBreaksAuto, "Bohr [...] used the analogy. It held.",
		[]string{"0:Bohr [...] used the analogy.", "0:It held."}},

	// Abbreviations written before a date or a measure.
	{"circa", LineBreaksAuto, "He was born c. 1818 in Ohio. He died ca. 1890.",
		[]string{"0:He was born c. 1818 in Ohio.", "0:He died ca. 1890."}},
	{"flourished", LineBreaksAuto, "The poet (fl. 1200) wrote it. Few read it.",
		[]string{"0:The poet (fl. 1200) wrote it.", "0:Few read it."}},
	{"born and died", LineBreaksAuto, "Mozart (b. 1756, d. 1791) wrote operas.",
		[]string{"0:Mozart (b. 1756, d. 1791) wrote operas."}},
	{"article and section", LineBreaksAuto, "See art. 5 and sec. 3 of the law. It is clear.",
		[]string{"0:See art. 5 and sec. 3 of the law.", "0:It is clear."}},
	{"about", LineBreaksAuto, "It weighed approx. 30 tons and cost abt. 5 dollars.",
		[]string{"0:It weighed approx. 30 tons and cost abt. 5 dollars."}},
	{"letter at a sentence end", LineBreaksAuto, "They chose plan b. The rest followed.",
		[]string{"0:They chose plan b.", "0:The rest followed."}},
	{"secretary", LineBreaksAuto, "Sec. Clinton spoke first.",
		[]string{"0:Sec. Clinton spoke first."}},

	// Datelines.
	{"dateline", LineBreaksAuto, "MILLBROOK — The town voted.",
		[]string{"0:MILLBROOK —", "0:The town voted."}},
	{"dateline with agency", LineBreaksAuto, "WASHINGTON (AP) — Secretary of State Antony J. Blinken said talks were “productive.” He left.",
		[]string{"0:WASHINGTON (AP) —", "0:Secretary of State Antony J. Blinken said talks were “productive.”", "0:He left."}},
	{"dateline with state", LineBreaksAuto, "Headline\n\nMANCHESTER, N.H. — It was a sight.",
		[]string{"0:Headline", "1:MANCHESTER, N.H. —", "1:It was a sight."}},
	{"dateline with date", LineBreaksAuto, "PARIS, Oct. 5 (AP) — Blinken arrived.",
		[]string{"0:PARIS, Oct. 5 (AP) —", "0:Blinken arrived."}},
	{"dateline in title case", LineBreaksAuto, "New York (AFP) – Biden spoke.",
		[]string{"0:New York (AFP) –", "0:Biden spoke."}},
	{"dateline with country", LineBreaksAuto, "BEIRUT, Lebanon (Reuters) - Talks resumed.",
		[]string{"0:BEIRUT, Lebanon (Reuters) -", "0:Talks resumed."}},
	{"dateline before a quotation", LineBreaksAuto, "ST. LOUIS —\u00a0“We will win,” he said.",
		[]string{"0:ST. LOUIS —", "0:“We will win,” he said."}},
	{"dateline glued to its dash", LineBreaksAuto, "WASHINGTON—The Senate voted.",
		[]string{"0:WASHINGTON—", "0:The Senate voted."}},
	{"acronym and aside", LineBreaksAuto, "NATO — the alliance — met.",
		[]string{"0:NATO — the alliance — met."}},
	{"name in title case", LineBreaksAuto, "Mehmet Oz — The doctor spoke.",
		[]string{"0:Mehmet Oz — The doctor spoke."}},
	{"senator and state", LineBreaksAuto, "Sen. Ted Cruz (R-Texas) — The senator spoke.",
		[]string{"0:Sen. Ted Cruz (R-Texas) — The senator spoke."}},
	{"no dateline inside a paragraph", LineBreaksAuto, "He left. PARIS — Then more.",
		[]string{"0:He left.", "0:PARIS — Then more."}},

	// Headings.
	{"heading run into a quotation", LineBreaksAuto,
		"It was the renewal of NATO. Holding the bag “There is now a very important opportunity,” Blinken said. Lapix agreed.",
		[]string{"0:It was the renewal of NATO.", "0:Holding the bag", "0:“There is now a very important opportunity,” Blinken said.", "0:Lapix agreed."}},
	{"heading run into straight marks", LineBreaksAuto,
		"Next Steps \"We will meet again,\" Sen. Lindsey Graham said in Paris.",
		[]string{"0:Next Steps", "0:\"We will meet again,\" Sen. Lindsey Graham said in Paris."}},
	{"name quoted after a preposition", LineBreaksAuto,
		"On ABC News's “This Week,” Rubio said that he would win.",
		[]string{"0:On ABC News's “This Week,” Rubio said that he would win."}},
	{"quotation after a verb", LineBreaksAuto,
		"Candidates who think “America no longer has interests there are wrong,” she said.",
		[]string{"0:Candidates who think “America no longer has interests there are wrong,” she said."}},
	{"chant after a preposition", LineBreaksAuto,
		"Walking in to chants of “Go Marco,” the senator said his campaign was strong.",
		[]string{"0:Walking in to chants of “Go Marco,” the senator said his campaign was strong."}},
	{"quotation that is not attributed", LineBreaksAuto,
		"Holding the bag “There is now a very important opportunity.” It passed.",
		[]string{"0:Holding the bag “There is now a very important opportunity.”", "0:It passed."}},
	{"heading line", LineBreaksBlank, "Holding the bag\nThere is now a plan, he said, and more.\n\nNext.",
		[]string{"0:Holding the bag", "1:There is now a plan, he said, and more.", "2:Next."}},
	{"heading line before a quotation", LineBreaksBlank, "Holding the Bag\n“There is now a plan,” he said.",
		[]string{"0:Holding the Bag", "1:“There is now a plan,” he said."}},
	{"wrapped line", LineBreaksBlank, "Secretary of State Antony Blinken met\nFrench officials on Tuesday in Paris.",
		[]string{"0:Secretary of State Antony Blinken met\nFrench officials on Tuesday in Paris."}},
	{"wrapped line before a short one", LineBreaksBlank, "He met the Foreign Minister of France\nJean-Yves Le Drian.",
		[]string{"0:He met the Foreign Minister of France\nJean-Yves Le Drian."}},

	// List lines.
	{"numbered lines", LineBreaksBlank, "Steps:\n1. Open the box\n2. Remove it",
		[]string{"0:Steps:", "0:1. Open the box", "0:2. Remove it"}},
	{"hyphen and asterisk lines", LineBreaksBlank, "The plan:\n- more money\n- fewer rules\n* less talk",
		[]string{"0:The plan:", "0:- more money", "0:- fewer rules", "0:* less talk"}},
	{"bullet lines", LineBreaksBlank, "Goals:\n• one\n• two",
		[]string{"0:Goals:", "0:• one", "0:• two"}},
	{"lettered lines", LineBreaksAuto, "Options:\na) cut taxes\nb) raise fees",
		[]string{"0:Options:", "0:a) cut taxes", "0:b) raise fees"}},
	{"hyphen that wraps", LineBreaksBlank, "The vote was close\n- 5 to 4 in the end.",
		[]string{"0:The vote was close\n- 5 to 4 in the end."}},
}

func TestConventions(t *testing.T) {
	splitters := map[LineBreaks]*Splitter{}
	for _, m := range []LineBreaks{LineBreaksAuto, LineBreaksBlank} {
		s, err := New(WithLineBreaks(m))
		require.NoError(t, err)
		splitters[m] = s
	}
	for _, tt := range conventionTests {
		t.Run(tt.name, func(t *testing.T) {
			sents := splitters[tt.mode].Split(tt.text)
			checkInvariants(t, tt.text, sents)
			got := make([]string, len(sents))
			for i, s := range sents {
				got[i] = fmt.Sprintf("%d:%s", s.Paragraph, s.Text)
			}
			assert.Equal(t, tt.sents, got, "Split(%q) with %v", tt.text, tt.mode)
		})
	}
}
