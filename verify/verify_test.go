package verify_test

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/verify"
)

// bridge is a news report written for these tests: direct quotations, one
// interrupted by its cue, reported speech, a mixed quotation, narration and
// three speakers.
func bridge(t testing.TB) (string, *verify.Corpus) {
	t.Helper()
	b, err := os.ReadFile("testdata/bridge.txt")
	require.NoError(t, err)
	text := string(b)
	var bl verify.Builder
	require.NoError(t, bl.Add("bridge", text, whosaid.Extract(text)))
	return text, bl.Corpus()
}

// TestShapes checks the verdicts on the shapes real misquotations take.
func TestShapes(t *testing.T) {
	text, corpus := bridge(t)
	type edit = verify.Edit
	tests := []struct {
		name, quote, speaker string
		verdict              verify.Verdict
		match                string // the matched passage ("" for none)
		diff                 []edit
		source               string // who the source gives the words to
		speakerMatch         bool
		spliced              []string
	}{
		{
			name:  "verbatim",
			quote: "We will not let this bridge fall into the river", speaker: "Ann Cole",
			verdict: verify.Verbatim, match: "We will not let this bridge fall into the river",
			source: "Ann Cole", speakerMatch: true,
		},
		{
			name:  "case, punctuation and quotation marks do not count",
			quote: "“we will NOT let this bridge fall into the river!”", speaker: "Cole",
			verdict: verify.Verbatim, match: "We will not let this bridge fall into the river",
			source: "Ann Cole", speakerMatch: true,
		},
		{
			name:  "an ellipsis for words left out",
			quote: "It carried my grandfather to work … it will carry our children to school", speaker: "Mayor Cole",
			verdict: verify.Verbatim, match: "It carried my grandfather to work, and it will carry our children to school",
			source: "Ann Cole", speakerMatch: true,
		},
		{
			name:  "the narration interrupting a quotation left out",
			quote: "I understand the anger, but doing nothing would cost us more", speaker: "Cole",
			verdict: verify.Verbatim, match: "I understand the anger,” Cole told reporters, “but doing nothing would cost us more",
			source: "Ann Cole", speakerMatch: true,
		},
		{
			name:  "an editor's insertion in square brackets",
			quote: "It carried my grandfather to work, and [the bridge] will carry our children to school", speaker: "Cole",
			verdict: verify.Verbatim, match: "It carried my grandfather to work, and it will carry our children to school",
			source: "Ann Cole", speakerMatch: true,
		},
		{
			name:  "an editor's letter in square brackets",
			quote: "[N]obody in this room believes it will stop there", speaker: "Raj Patel",
			verdict: verify.Verbatim, match: "Nobody in this room believes it will stop there",
			source: "Raj Patel", speakerMatch: true,
		},
		{
			name:  "a word swapped",
			quote: "The estimate has tripled in two years", speaker: "Patel",
			verdict: verify.Altered, match: "The estimate has doubled in two years",
			diff:   []edit{{Op: verify.OpReplace, Claimed: "tripled", Source: "doubled"}},
			source: "Raj Patel", speakerMatch: true,
		},
		{
			name:  "a negation dropped",
			quote: "We will let this bridge fall into the river", speaker: "Cole",
			verdict: verify.Altered, match: "We will not let this bridge fall into the river",
			diff:   []edit{{Op: verify.OpDelete, Source: "not"}},
			source: "Ann Cole", speakerMatch: true,
		},
		{
			name:  "words cut from the middle without an ellipsis",
			quote: "Every week we lose customers we will never get back", speaker: "Sarah Lin",
			verdict: verify.Altered, match: "Every week the bridge stays shut, we lose customers we will never get back",
			diff:   []edit{{Op: verify.OpDelete, Source: "the bridge stays shut"}},
			source: "Sarah Lin", speakerMatch: true,
		},
		{
			name:  "two sentences spliced from different places",
			quote: "We will not let this bridge fall into the river, but doing nothing would cost us more", speaker: "Cole",
			verdict: verify.Altered, match: "We will not let this bridge fall into the river",
			diff:   []edit{{Op: verify.OpInsert, Claimed: "but doing nothing would cost us more"}},
			source: "Ann Cole", speakerMatch: true,
			spliced: []string{"but doing nothing would cost us more"},
		},
		{
			name:  "the right words in another speaker's mouth",
			quote: "Nobody in this room believes it will stop there", speaker: "Ann Cole",
			verdict: verify.Verbatim, match: "Nobody in this room believes it will stop there",
			source: "Raj Patel", speakerMatch: false,
		},
		{
			name:  "a paraphrase presented as a quotation",
			quote: "The city cannot afford it", speaker: "Patel",
			verdict: verify.Unquoted, match: "the city could not afford it",
			diff:   []edit{{Op: verify.OpReplace, Claimed: "cannot", Source: "could not"}},
			source: "Raj Patel", speakerMatch: true,
		},
		{
			name:  "reported speech presented as a quotation",
			quote: "Residents deserve a vote on any project costing more than $40 million", speaker: "Raj Patel",
			verdict: verify.Unquoted, match: "residents deserved a vote on any project costing more than $40 million",
			diff:   []edit{{Op: verify.OpReplace, Claimed: "deserve", Source: "deserved"}},
			source: "Raj Patel", speakerMatch: true,
		},
		{
			name:    "narration presented as a quotation",
			quote:   "Engineers found cracks in two of its piers",
			verdict: verify.Unquoted, match: "Engineers found cracks in two of its piers",
			source: "a report released last month",
		},
		{
			name:  "narration added to a quotation",
			quote: "called that idea a recipe for paralysis", speaker: "Cole",
			verdict: verify.Altered, match: "called that idea “a recipe for paralysis",
			diff:   []edit{{Op: verify.OpUnquoted, Claimed: "called that idea", Source: "called that idea"}},
			source: "Ann Cole", speakerMatch: true,
		},
		{
			name:  "the quoted words of a mixed quotation",
			quote: "a recipe for paralysis", speaker: "the mayor",
			verdict: verify.Verbatim, match: "a recipe for paralysis",
			source: "Ann Cole", speakerMatch: true,
		},
		{
			name:  "words never said",
			quote: "We will build a new tunnel under the harbor", speaker: "Cole",
			verdict: verify.NotFound, speakerMatch: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := corpus.Check(verify.Claim{Quote: tt.quote, Speaker: tt.speaker})
			require.NoError(t, err)
			assert.Equal(t, tt.verdict, res.Verdict)
			if tt.match == "" {
				assert.Nil(t, res.Match)
			} else if assert.NotNil(t, res.Match) {
				assert.Equal(t, tt.match, res.Match.Text)
				assert.Equal(t, "bridge", res.Match.ID)
				assert.Equal(t, text[res.Match.Start:res.Match.End], res.Match.Text)
			}
			assert.Equal(t, tt.diff, res.Diff)
			assert.Equal(t, tt.source, res.Speaker)
			if tt.speaker == "" {
				assert.Nil(t, res.SpeakerMatch)
			} else if assert.NotNil(t, res.SpeakerMatch) {
				assert.Equal(t, tt.speakerMatch, *res.SpeakerMatch)
			}
			var spliced []string
			for _, p := range res.Spliced {
				assert.Equal(t, text[p.Start:p.End], p.Text)
				spliced = append(spliced, p.Text)
			}
			assert.Equal(t, tt.spliced, spliced)
			switch res.Verdict {
			case verify.Verbatim:
				assert.Equal(t, 1.0, res.Similarity)
			case verify.NotFound:
				assert.Less(t, res.Similarity, verify.MinSimilarity)
			default:
				assert.GreaterOrEqual(t, res.Similarity, verify.MinSimilarity)
				assert.LessOrEqual(t, res.Similarity, 1.0)
			}
		})
	}
}

// TestSeveralDocuments checks that a corpus finds a claim in the right
// document and gives offsets into that document's text.
func TestSeveralDocuments(t *testing.T) {
	docs := []struct{ id, text string }{
		{"a", "The governor spoke on Monday. “Taxes will not rise this year,” Governor Ruth Diaz said."},
		{"b", "“We have balanced the budget for the third year running,” Diaz told lawmakers on Friday."},
		{"c", "Analysts said the budget was balanced only on paper."},
	}
	var b verify.Builder
	for _, d := range docs {
		require.NoError(t, b.Add(d.id, d.text, whosaid.Extract(d.text)))
	}
	corpus := b.Corpus()
	n, _ := corpus.Len()
	require.Equal(t, 3, n)
	tests := []struct {
		quote, id, match string
		verdict          verify.Verdict
	}{
		{"we have balanced the budget for the third year running", "b", "We have balanced the budget for the third year running", verify.Verbatim},
		{"Taxes will rise this year", "a", "Taxes will not rise this year", verify.Altered},
		{"the budget was balanced only on paper", "c", "the budget was balanced only on paper", verify.Unquoted},
	}
	for _, tt := range tests {
		t.Run(tt.quote, func(t *testing.T) {
			res, err := corpus.Check(verify.Claim{Quote: tt.quote})
			require.NoError(t, err)
			assert.Equal(t, tt.verdict, res.Verdict)
			require.NotNil(t, res.Match)
			assert.Equal(t, tt.id, res.Match.ID)
			assert.Equal(t, tt.match, res.Match.Text)
			for _, d := range docs {
				if d.id == tt.id {
					assert.Equal(t, d.text[res.Match.Start:res.Match.End], res.Match.Text)
				}
			}
		})
	}
}

func TestCheckErrors(t *testing.T) {
	_, corpus := bridge(t)
	long := ""
	for range verify.MaxClaimWords + 1 {
		long += "word "
	}
	tests := []struct {
		quote string
		err   error
	}{
		{"", verify.ErrNoWords},
		{" … — “ ” ", verify.ErrNoWords},
		{long, verify.ErrClaimTooLong},
	}
	for _, tt := range tests {
		_, err := corpus.Check(verify.Claim{Quote: tt.quote})
		assert.ErrorIs(t, err, tt.err)
	}
	// An empty corpus finds nothing, without error.
	var b verify.Builder
	res, err := b.Corpus().Check(verify.Claim{Quote: "We will not let this bridge fall", Speaker: "Cole"})
	require.NoError(t, err)
	assert.Equal(t, verify.NotFound, res.Verdict)
	require.NotNil(t, res.SpeakerMatch)
	assert.False(t, *res.SpeakerMatch)
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"“We’ll cut taxes by 5%,” she said.", "we'll cut taxes by 5 percent she said"},
		{"The U.S. and the E.U. agreed", "the us and the eu agreed"},
		{"It cost $1,000,000 — or 3.5 times more", "it cost 1000000 or 3.5 times more"},
		{"well-known, self-made", "well known self made"},
		{"rock ’n’ roll", "rock n roll"},
		{"Élysée Palace", "élysée palace"},
		{"", ""},
		{"...", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, verify.Normalize(tt.in), tt.in)
	}
}

func TestResultJSON(t *testing.T) {
	_, corpus := bridge(t)
	res, err := corpus.Check(verify.Claim{Quote: "We will let this bridge fall into the river", Speaker: "Cole"})
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, "altered", got["verdict"])
	assert.Equal(t, "Ann Cole", got["speaker"])
	assert.Equal(t, true, got["speaker_match"])
	assert.Equal(t, []any{map[string]any{"op": "delete", "claimed": "", "source": "not"}}, got["diff"])
	m := got["match"].(map[string]any)
	assert.Equal(t, "bridge", m["id"])
	assert.Contains(t, got, "similarity")

	res, err = corpus.Check(verify.Claim{Quote: "nothing like this was said by anyone at all"})
	require.NoError(t, err)
	b, err = json.Marshal(res)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, "not-found", got["verdict"])
	assert.Nil(t, got["match"])
	assert.Nil(t, got["speaker"])
	assert.Nil(t, got["speaker_match"])
	assert.Equal(t, []any{}, got["diff"])
}

// TestConcurrent checks a shared corpus from many goroutines; run with
// -race.
func TestConcurrent(t *testing.T) {
	_, corpus := bridge(t)
	claims := []string{"We will not let this bridge fall", "The estimate has tripled", "The city cannot afford it", "a tunnel under the harbor"}
	want := make([]verify.Result, len(claims))
	for i, q := range claims {
		var err error
		want[i], err = corpus.Check(verify.Claim{Quote: q})
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(claims)
				got, err := corpus.Check(verify.Claim{Quote: claims[i]})
				assert.NoError(t, err)
				assert.Equal(t, want[i], got)
			}
		})
	}
	wg.Wait()
}

// TestManyEllipses checks that a long claim full of ellipses and
// insertions is read within bounds.
func TestManyEllipses(t *testing.T) {
	_, corpus := bridge(t)
	var b strings.Builder
	for i := range 400 {
		b.WriteString("bridge ... [the river] ")
		if i%7 == 0 {
			b.WriteString("… ")
		}
	}
	res, err := corpus.Check(verify.Claim{Quote: b.String()})
	require.NoError(t, err)
	assert.NotEqual(t, verify.Verbatim, res.Verdict)
}
