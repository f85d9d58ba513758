package sentence

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cuelex "github.com/whosaid/whosaid/internal/lexicon"
)

// TestNoAbbreviationsHere fails when a word list of the splitter repeats
// an abbreviation: the abbreviations have one list, internal/lexicon's.
// A word written before a number may open a sentence as a word of its own
// ("No. Trump has money"), and stays a sentence starter.
func TestNoAbbreviationsHere(t *testing.T) {
	abbr := map[string]cuelex.AbbrClass{}
	for _, a := range cuelex.Abbreviations() {
		abbr[a.Word] = a.Class
	}
	files, err := fs.Glob(lexiconFS, "lexicon/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, readList(name, func(w string) {
				c, ok := abbr[w]
				if name == "lexicon/starters.txt" && c == cuelex.AbbrNumeric {
					return
				}
				assert.False(t, ok, "%s lists the abbreviation %q", name, w)
			}))
		})
	}
}
