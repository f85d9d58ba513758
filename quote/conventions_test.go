package quote

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/sentence"
)

// conventionTests are quotation conventions of text beyond news wire copy,
// in the notation of detectTests: one '>' per level of depth, "|ns" when
// not speech, "|open" when never closed.
var conventionTests = []struct {
	name string
	in   string
	want []string
}{
	// Typewriter and TeX marks: `` and ` open, '' and ' close.
	{"backtick double", "``We will win,'' he said.", []string{"``We will win,''"}},
	{"backtick single", "`Yes,' she said. `No.'", []string{"`Yes,'", "`No.'"}},
	{"backtick nested", "``He told me `no' twice,'' she said.",
		[]string{"``He told me `no' twice,''", ">`no'"}},
	{"backtick closed by a straight mark", "``We will win,\" he said.", []string{"``We will win,\""}},
	{"backtick over paragraphs", "``First para.\n\n``Second para,'' he said.",
		[]string{"``First para.\n\n``Second para,''"}},
	{"backtick as an apostrophe", "John`s car and ``a quote'' here.", []string{"``a quote''"}},
	{"code in backticks", "Run `go test` and ``go vet`` first.", []string{"`go test`|ns", "``go vet``|ns"}},
	{"PTB text", "`` The vote is over , '' he said .", []string{"`` The vote is over , ''"}},

	// A word an apostrophe shortens, at the start of a quotation.
	{"'Tis after a single mark", "''Tis nobler in the mind to suffer,' he said.",
		[]string{"''Tis nobler in the mind to suffer,'"}},
	{"'em after a single mark", "He said, ''em all go home.'", []string{"''em all go home.'"}},
	{"'cause after a single mark", "''Cause I said so,' she said.", []string{"''Cause I said so,'"}},
	{"'Tis after a double mark", "\"'Tis the season,\" he said.", []string{"\"'Tis the season,\""}},
	{"two apostrophes before a number", "It found ''27 companies reported losses.''", []string{"''27 companies reported losses.''"}},
	{"two apostrophes before a name", "He said ''Make Your Kid a Millionaire,'' twice.", []string{"''Make Your Kid a Millionaire,''"}},

	// Quoted names and titles are not speech.
	{"name before a noun", "They condemned the “AUUKUS” alliance.", []string{"“AUUKUS”|ns"}},
	{"program called", "He backed a program called “Fix It First” in May.", []string{"“Fix It First”|ns"}},
	{"dubbed", "a plan dubbed “Operation Warp Speed” began", []string{"“Operation Warp Speed”|ns"}},
	{"slogan", "the slogan “Make America Great Again” spread", []string{"“Make America Great Again”|ns"}},
}

func TestConventions(t *testing.T) {
	for _, tt := range conventionTests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Detect(tt.in, sentence.Split(tt.in))
			checkInvariants(t, tt.in, qs)
			got := make([]string, 0, len(qs))
			for _, q := range qs {
				got = append(got, describe(q))
			}
			assert.Equal(t, tt.want, got, "Detect(%q)", tt.in)
		})
	}
}

// TestStraightSinglesOff: with straight single marks read as apostrophes,
// two of them stay a double mark even before 'Tis, and backticks still
// pair.
func TestStraightSinglesOff(t *testing.T) {
	d, err := New(WithStraightSingles(false))
	require.NoError(t, err)
	for in, want := range map[string]string{
		"''Tis nobler,'' he said.":  "''Tis nobler,''",
		"``It is over,'' she said.": "``It is over,''",
	} {
		qs := d.Detect(in, nil)
		require.Len(t, qs, 1, in)
		assert.Equal(t, want, qs[0].Text)
	}
}
