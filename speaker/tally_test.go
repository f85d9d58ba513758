package speaker_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/speaker"
)

// TestTallyKeys keys the speakers of short articles written for it, from
// the extractor's attributions to the keys.
func TestTallyKeys(t *testing.T) {
	tests := []struct {
		name   string
		corpus []string
		want   [][]string // the variants of each speaker, in Speakers order
	}{
		{
			name: "a country and a councillor named after it",
			corpus: []string{
				"Portugal said on Monday that it would not sign the treaty.",
				"“We will vote against it,” said Ana Portugal, a member of the city council. Portugal added that the vote was close.",
			},
			want: [][]string{{"Ana Portugal"}, {"Portugal"}},
		},
		{
			name: "a tenants' group and a word at the start of a sentence",
			corpus: []string{
				"Civic Action, a tenants' group, said the rents were too high.",
				"Action said the plan would fail.",
			},
			want: [][]string{{"Action"}, {"Civic Action"}},
		},
		{
			name: "a son, his father, and the father again",
			corpus: []string{
				"“I am proud of my father,” said his son, Harold Lane Jr., at the rally. Harold T. Lane said he would run again.",
				"Harold Lane said the harbor was safe.",
			},
			want: [][]string{{"Harold Lane", "Harold T. Lane"}, {"Harold Lane Jr."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tally speaker.Tally
			for i, text := range tt.corpus {
				tally.Add(string(rune('a'+i)), whosaid.Extract(text))
			}
			var got [][]string
			for _, s := range tally.Speakers() {
				got = append(got, s.Variants)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
