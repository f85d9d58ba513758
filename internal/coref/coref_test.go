package coref

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/lexicon"
	"github.com/whosaid/whosaid/internal/token"
	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
	"github.com/whosaid/whosaid/span"
)

// streamOf scans text with the pipeline's own sentences and quotations.
func streamOf(tb testing.TB, text string) *token.Stream {
	tb.Helper()
	lex, err := lexicon.Load()
	require.NoError(tb, err)
	sents := sentence.Split(text)
	var s token.Stream
	s.Scan(text, sents, quote.Detect(text, sents), lex)
	return &s
}

// resolveCase is a hand-written text with its attributions, each given by
// the n-th occurrence of its speaker mention and of its content.
type resolveCase struct {
	name  string
	text  string
	attrs []attrCase
	// same lists pairs of attribution indexes that must share an entity;
	// differ pairs that must not.
	same, differ [][2]int
}

type attrCase struct {
	speaker      string
	nth          int // occurrence of speaker, from 0
	content      string
	continuation bool
	want         string // Entity.Name
}

// at returns the span of the nth occurrence of sub in text as whole words.
func at(tb testing.TB, text, sub string, nth int) span.Span {
	tb.Helper()
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	off := 0
	for k := 0; ; {
		i := strings.Index(text[off:], sub)
		require.GreaterOrEqual(tb, i, 0, "%q: occurrence %d not found", sub, nth)
		s, e := off+i, off+i+len(sub)
		off = e
		if s > 0 && letter(text[s-1]) || e < len(text) && letter(text[e]) {
			continue
		}
		if k == nth {
			return span.Of(text, s, e)
		}
		k++
	}
}

var cases = []resolveCase{
	{
		name: "surname",
		text: "Antony Blinken met Emmanuel Macron on Tuesday. “It was productive,” Blinken said.",
		attrs: []attrCase{
			{speaker: "Blinken", nth: 1, content: "“It was productive,”", want: "Antony Blinken"},
		},
	},
	{
		name: "title and name",
		text: "Secretary of State Antony Blinken arrived in Paris. “We are committed,” Mr. Blinken said. Later, Sen. Jane Doe said the trip was a success. “It was,” Ms. Doe said.",
		attrs: []attrCase{
			{speaker: "Mr. Blinken", content: "“We are committed,”", want: "Antony Blinken"},
			{speaker: "Sen. Jane Doe", content: "the trip was a success", want: "Jane Doe"},
			{speaker: "Ms. Doe", content: "“It was,”", want: "Jane Doe"},
		},
		same:   [][2]int{{1, 2}},
		differ: [][2]int{{0, 1}},
	},
	{
		name: "definite description",
		text: "A senior State Department official described the meetings as “very productive.” The official said more work remained. The senior State Department official added that talks would go on.",
		attrs: []attrCase{
			{speaker: "A senior State Department official", content: "the meetings as “very productive.”", want: "a senior State Department official"},
			{speaker: "The official", content: "more work remained", want: "a senior State Department official"},
			{speaker: "The senior State Department official", content: "that talks would go on", want: "a senior State Department official"},
		},
		same: [][2]int{{0, 1}, {1, 2}},
	},
	{
		name: "description to titled name",
		text: "Secretary of State Antony Blinken met French officials. The secretary said the talks were useful.",
		attrs: []attrCase{
			{speaker: "The secretary", content: "the talks were useful", want: "Antony Blinken"},
		},
	},
	{
		name: "organization",
		text: "The State Department said the talks were useful. Later the State Department said it would send an envoy.",
		attrs: []attrCase{
			{speaker: "The State Department", content: "the talks were useful", want: "the State Department"},
			{speaker: "the State Department", nth: 0, content: "it would send an envoy", want: "the State Department"},
		},
		same: [][2]int{{0, 1}},
	},
	{
		name: "he and she by given name",
		text: "Hillary Clinton met Donald Trump in the second debate. Trump attacked her record. “That is false,” she said. “It is true,” he said.",
		attrs: []attrCase{
			{speaker: "she", content: "“That is false,”", want: "Hillary Clinton"},
			{speaker: "he", content: "“It is true,”", want: "Donald Trump"},
		},
	},
	{
		name: "he and she by title",
		text: "Mrs. Okafor and Mr. Lindqvist met on Monday. Mr. Lindqvist spoke first. She said the deal was fair.",
		attrs: []attrCase{
			{speaker: "She", content: "the deal was fair", want: "Okafor"},
		},
	},
	{
		name: "he by previous speaker",
		text: "Kevin Sullivan says he instructed staff on Monday to check the records. He says the system would show it.",
		attrs: []attrCase{
			{speaker: "Kevin Sullivan", content: "he instructed staff on Monday to check the records", want: "Kevin Sullivan"},
			{speaker: "He", content: "the system would show it", want: "Kevin Sullivan"},
		},
		same: [][2]int{{0, 1}},
	},
	{
		name: "they to organization",
		text: "Politifact then ruled that the claim was true, but they said the numbers were rough.",
		attrs: []attrCase{
			{speaker: "Politifact", content: "the claim was true", want: "Politifact"},
			{speaker: "they", content: "the numbers were rough", want: "Politifact"},
		},
	},
	{
		name: "they to plural",
		text: "McConnell aides acknowledged a close relationship with the administration. But they said the sanctions would stay.",
		attrs: []attrCase{
			{speaker: "they", content: "the sanctions would stay", want: "McConnell aides"},
		},
	},
	{
		name: "they to two people",
		text: "Mr. Grassley and Mr. Leahy sent a letter on Thursday. The program is broken, they wrote.",
		attrs: []attrCase{
			{speaker: "they", content: "The program is broken", want: "Grassley and Leahy"},
		},
	},
	{
		name: "I inside a quotation",
		text: "“I told him the deal was dead,” Mayor Ana Ruiz said.",
		attrs: []attrCase{
			{speaker: "I", content: "him the deal was dead", want: "Ana Ruiz"},
			{speaker: "Mayor Ana Ruiz", content: "“I told him the deal was dead,”", want: "Ana Ruiz"},
		},
		same: [][2]int{{0, 1}},
	},
	{
		name: "I outside quotations",
		text: "I believe the senator is wrong about the budget.",
		attrs: []attrCase{
			{speaker: "I", content: "the senator is wrong about the budget", want: "the author"},
		},
	},
	{
		name: "continuation",
		text: "“We expected better,” journalist Anne-Sophie Lapix said.\n\n“You speak French.”",
		attrs: []attrCase{
			{speaker: "journalist Anne-Sophie Lapix", content: "“We expected better,”", want: "Anne-Sophie Lapix"},
			{content: "“You speak French.”", continuation: true, want: "Anne-Sophie Lapix"},
		},
		same: [][2]int{{0, 1}},
	},
	{
		name: "possessive",
		text: "Donald Trump left the rally early. His spokesman said the schedule had changed.",
		attrs: []attrCase{
			{speaker: "His spokesman", content: "the schedule had changed", want: "Donald Trump’s spokesman"},
		},
	},
	{
		name: "both",
		text: "The mayor and the council met on Monday. Both the mayor and the council said the bridge would close.",
		attrs: []attrCase{
			{speaker: "Both the mayor and the council", content: "the bridge would close", want: "the mayor and the council"},
		},
	},
	{
		name: "appositive role",
		text: "Josh Earnest, the White House spokesman, met reporters on Monday. The spokesman said the president would veto the bill.",
		attrs: []attrCase{
			{speaker: "The spokesman", content: "the president would veto the bill", want: "Josh Earnest"},
		},
	},
	{
		name: "relative pronoun",
		text: "Mayor Ana Ruiz, who said the budget was balanced, left early.",
		attrs: []attrCase{
			{speaker: "who", content: "the budget was balanced", want: "Ana Ruiz"},
		},
	},
	{
		name: "it to organization",
		text: "The Tax Policy Center published its study on Monday. It said the plan would cost $9 trillion.",
		attrs: []attrCase{
			{speaker: "It", content: "the plan would cost $9 trillion", want: "the Tax Policy Center"},
		},
	},
	{
		name: "bare surname to the main person",
		text: "Hillary Clinton spoke in Ohio. Bill Clinton was not there. Clinton said the plan was fair.",
		attrs: []attrCase{
			{speaker: "Clinton", nth: 2, content: "the plan was fair", want: "Hillary Clinton"},
		},
	},
	{
		name: "nation in a description",
		text: "Republican nominee Donald Trump and Democratic nominee Hillary Clinton met. The Democratic nominee said the debate was fair.",
		attrs: []attrCase{
			{speaker: "The Democratic nominee", content: "the debate was fair", want: "Hillary Clinton"},
		},
	},
	{
		name: "headline in title case",
		text: "Paul Ryan Thinks Trump Can Win.\n\nHouse Speaker Paul Ryan said on Tuesday that he thinks the party can win. Ryan said the campaign would go on.",
		attrs: []attrCase{
			{speaker: "Ryan", nth: 1, content: "the campaign would go on", want: "Paul Ryan"},
		},
	},
	{
		name: "dateline and vice president",
		text: "WASHINGTON — President Barack Obama met Vice President Joseph R. Biden Jr. on Monday. The president said the talks went well.",
		attrs: []attrCase{
			{speaker: "The president", content: "the talks went well", want: "Barack Obama"},
		},
	},
	{
		name: "description with a name in apposition",
		text: "Hillary Clinton campaigned in Ohio. Her husband, former President Bill Clinton, said the race was close.",
		attrs: []attrCase{
			{speaker: "Her husband, former President Bill Clinton", content: "the race was close", want: "Bill Clinton"},
		},
	},
	{
		name: "name in apposition after a phrase",
		text: "The foreign minister of France, Jean-Marc Ayrault, said the talks had failed.",
		attrs: []attrCase{
			{speaker: "The foreign minister of France, Jean-Marc Ayrault", content: "the talks had failed", want: "Jean-Marc Ayrault"},
		},
	},
	{
		name: "given name alone",
		text: "Jeb is back. Jeb Bush spoke in Iowa on Monday. Jeb said the polls were wrong.",
		attrs: []attrCase{
			{speaker: "Jeb", nth: 2, content: "the polls were wrong", want: "Jeb Bush"},
		},
	},
	{
		name: "second person",
		text: "Hillary Clinton met voters. You said the plan was fair.",
		attrs: []attrCase{
			{speaker: "You", content: "the plan was fair", want: "You"},
		},
	},
	{
		name: "unresolved pronoun",
		text: "“Nobody knows,” she said.",
		attrs: []attrCase{
			{speaker: "she", content: "“Nobody knows,”", want: "she"},
		},
	},
}

// attrsOf returns the attributions of c, in order of content.
func attrsOf(tb testing.TB, c resolveCase) []Attr {
	tb.Helper()
	var attrs []Attr
	for _, a := range c.attrs {
		x := Attr{Extent: at(tb, c.text, a.content, 0), Continuation: a.continuation}
		if strings.HasPrefix(a.content, "“") {
			x.Quoted = []span.Span{span.Of(c.text, x.Extent.Start+len("“"), x.Extent.End-len("”"))}
		} else {
			x.Type = Indirect
		}
		if a.speaker != "" {
			x.Speaker = at(tb, c.text, a.speaker, a.nth)
		}
		attrs = append(attrs, x)
	}
	return attrs
}

func TestResolve(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			attrs := attrsOf(t, c)
			got := Resolve(streamOf(t, c.text), attrs)
			require.Len(t, got, len(attrs))
			for i, a := range c.attrs {
				e := got[i]
				assert.Equal(t, a.want, e.Name, "attribution %d (%q)", i, a.speaker)
				assert.GreaterOrEqual(t, e.ID, 1, "attribution %d", i)
				checkMentions(t, c.text, e.Mentions)
				if sp := attrs[i].Speaker; !sp.Empty() {
					assert.True(t, containsSpan(e.Mentions, sp), "attribution %d: speaker %v not among mentions %v", i, sp, e.Mentions)
				}
			}
			for _, p := range c.same {
				assert.Equal(t, got[p[0]].ID, got[p[1]].ID, "attributions %d and %d: want one entity", p[0], p[1])
			}
			for _, p := range c.differ {
				assert.NotEqual(t, got[p[0]].ID, got[p[1]].ID, "attributions %d and %d share an entity", p[0], p[1])
			}
		})
	}
}

// TestResolveConcurrent resolves texts from many goroutines: the word
// lists are shared and read-only, and so is a stream.
func TestResolveConcurrent(t *testing.T) {
	streams := make([]*token.Stream, len(cases))
	want := make([][]Entity, len(cases))
	for i, c := range cases {
		streams[i] = streamOf(t, c.text)
		want[i] = Resolve(streams[i], attrsOf(t, c))
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, c := range cases {
				assert.Equal(t, want[i], Resolve(streams[i], attrsOf(t, c)), c.name)
			}
		})
	}
	wg.Wait()
}

func containsSpan(ms []span.Span, s span.Span) bool {
	for _, m := range ms {
		if m.Contains(s) {
			return true
		}
	}
	return false
}

// checkMentions asserts that every mention is a span of text, in order.
func checkMentions(tb testing.TB, text string, ms []span.Span) {
	tb.Helper()
	for k, m := range ms {
		require.True(tb, m.Start >= 0 && m.End <= len(text) && m.Start < m.End && text[m.Start:m.End] == m.Text, "mention %d %+v is not a span of the text", k, m)
		if k > 0 {
			require.LessOrEqual(tb, ms[k-1].Start, m.Start, "mentions out of order")
		}
	}
}

func TestResolveIDs(t *testing.T) {
	text := "Jane Doe said it. John Roe said it. Doe said it again."
	attrs := []Attr{
		{Speaker: at(t, text, "Jane Doe", 0), Extent: at(t, text, "it", 0)},
		{Speaker: at(t, text, "John Roe", 0), Extent: at(t, text, "it", 1)},
		{Speaker: at(t, text, "Doe", 1), Extent: at(t, text, "it again", 0)},
		{Extent: at(t, text, "again", 0)}, // no speaker, not a continuation
		{Extent: at(t, text, "again", 0), Continuation: true},
		{Speaker: span.Span{Start: 0, End: 4, Text: "Joan"}, Extent: at(t, text, "again", 0)}, // not a span of the text
	}
	got := Resolve(streamOf(t, text), attrs)
	ids := make([]int, len(got))
	for i, e := range got {
		ids[i] = e.ID
	}
	assert.Equal(t, []int{1, 2, 1, 0, 1, 0}, ids)
	assert.Len(t, got[0].Mentions, 2, "Jane Doe: %v", got[0].Mentions)
	assert.Equal(t, Entity{}, got[3])
	assert.Nil(t, Resolve(streamOf(t, text), nil), "no attributions: nothing to do")
}
