package verify_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/internal/corpustest"
	"github.com/whosaid/whosaid/verify"
)

// seedClaims are ten claimed quotations about the reference article (an
// interview of Antony Blinken on France 2, 2021-10-05), five true and five
// misquoted, with the verdict each deserves.
var seedClaims = []struct {
	claim        verify.Claim
	verdict      verify.Verdict
	speaker      string // who the article gives the words to
	speakerMatch bool
}{
	// True.
	{verify.Claim{Quote: "We expected better, especially with the change of administration, and especially with you", Speaker: "Anne-Sophie Lapix"}, verify.Verbatim, "Anne-Sophie Lapix", true},
	{verify.Claim{Quote: "You speak French. You are a francophile.", Speaker: "Lapix"}, verify.Verbatim, "Anne-Sophie Lapix", true},
	{verify.Claim{Quote: "We could have ... done better, in terms of communication", Speaker: "Antony Blinken"}, verify.Verbatim, "Blinken", true},
	{verify.Claim{Quote: "There is now a very important opportunity … to deepen this cooperation and coordination", Speaker: "Blinken"}, verify.Verbatim, "Blinken", true},
	{verify.Claim{Quote: "If we define engagement with what is your diplomatic, political and economic engagement with your allies and partners, then I believe we are very committed.", Speaker: "Secretary Blinken"}, verify.Verbatim, "Blinken", true},
	// Misquoted.
	{verify.Claim{Quote: "I believe we are not committed", Speaker: "Blinken"}, verify.Altered, "Blinken", true},                                                                                                      // a word swapped
	{verify.Claim{Quote: "There was much re-trial", Speaker: "a State Department official"}, verify.Altered, "a senior State Department official", true},                                                              // the negation dropped
	{verify.Claim{Quote: "You are a francophile", Speaker: "Blinken"}, verify.Verbatim, "Anne-Sophie Lapix", false},                                                                                                   // the interviewer's words in Blinken's mouth
	{verify.Claim{Quote: "We take for granted a relationship as important as that between France and the United States", Speaker: "Blinken"}, verify.Altered, "Blinken", true},                                        // words cut without an ellipsis
	{verify.Claim{Quote: "Work remains to be done to repair the shaky relationship between the new Biden administration and France", Speaker: "Blinken"}, verify.Unquoted, "the United States and the French", false}, // narration presented as a quotation
}

// TestSeedClaims checks the ten claims against the reference article.
func TestSeedClaims(t *testing.T) {
	text := corpustest.ReadFile(t, "seed/blinken-paris.txt")
	for _, tt := range seedClaims {
		t.Run(tt.claim.Quote, func(t *testing.T) {
			res, err := verify.Check("blinken-paris.txt", text, tt.claim)
			require.NoError(t, err)
			assert.Equal(t, tt.verdict, res.Verdict)
			assert.Equal(t, tt.speaker, res.Speaker)
			require.NotNil(t, res.SpeakerMatch)
			assert.Equal(t, tt.speakerMatch, *res.SpeakerMatch)
			require.NotNil(t, res.Match)
			assert.Equal(t, text[res.Match.Start:res.Match.End], res.Match.Text)
			assert.Equal(t, tt.verdict == verify.Verbatim, len(res.Diff) == 0, "diff %+v", res.Diff)
		})
	}
}
