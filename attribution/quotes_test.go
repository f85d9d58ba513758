package attribution

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/quote"
	"github.com/whosaid/whosaid/sentence"
)

// TestIntroducedBy gives the subject and verb that introduce the first
// quotation of each sentence when the verb is not a cue of the lexicon,
// or none.
func TestIntroducedBy(t *testing.T) {
	tests := []struct {
		name, text, speaker, cue string
	}{
		{"a finite verb", "As John Cornyn put it, “We have the votes.”", "John Cornyn", "put"},
		{"a perfect", "Donald Trump has delivered an impassioned defense of “New York values,” saying the city embodied the country.", "Donald Trump", "has delivered"},
		{"a perfect before a colon", "Kaine has adopted the stance common among Catholics in public office: “I’m pro-life in my personal life.”", "Kaine", "has adopted"},
		{"not a passive", "The plan was criticized as “another expensive entitlement program.”", "", ""},
		{"not a quotation that opens its sentence", "“We have the votes.” The senator left.", "", ""},
	}
	r, err := New(WithModel(nil))
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := sentence.Split(tt.text)
			qs := quote.Detect(tt.text, sents)
			require.NotEmpty(t, qs)
			rd := readers.Get().(*reader)
			defer rd.put()
			rd.st.Scan(tt.text, sents, qs, r.lex)
			rd.w = window{text: tt.text, lex: r.lex, qs: rd.st.Quotes, toks: rd.w.toks[:0]}
			rd.sents, rd.tagger = sents, r.tagger
			spk, cue, ok := rd.introducedBy(qs[0])
			assert.Equal(t, tt.speaker != "", ok)
			assert.Equal(t, tt.speaker, spk.Text)
			assert.Equal(t, tt.cue, cue.Text)
		})
	}
}
