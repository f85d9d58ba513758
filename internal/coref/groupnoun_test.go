package coref

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/whosaid/whosaid/internal/corpustest"
)

// TestMayBeGroupNoun checks that lookUp finds no form for which
// mayBeGroupNoun reports false a group noun or the plural of a title, as
// mentions records of such a form without asking it: on the forms of the
// PolNeAR dev texts and of words that are group nouns, plurals of titles
// with and without a full stop and in capitals, and words that end like
// them. It fails when a group noun's last byte is left out.
func TestMayBeGroupNoun(t *testing.T) {
	words := "officials spokesmen spokeswomen lawmakers attorneys Sens. SENATORS Reps. people police staff " +
		"men women Republicans Democrats said the office chief mayor staffer policemen"
	for _, c := range []struct{ name, text string }{
		{"group nouns and plurals", words + ". " + strings.ToUpper(words) + "."},
		{"dev texts", strings.Join(corpustest.Texts(t, "polnear/dev.jsonl"), "\n\n")},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newScan(streamOf(t, c.text), &bufs{})
			maybe := 0
			for id := range int32(len(s.forms)) {
				lower := s.formStr(id)
				if mayBeGroupNoun(lower) {
					maybe++
					continue
				}
				assert.False(t, s.formIs(id, fGroupNoun), "%q is a group noun", lower)
				assert.False(t, s.formIs(id, fTitlePlural), "%q is the plural of a title", lower)
			}
			assert.Less(t, maybe, len(s.forms), "some forms are answered by their last byte")
		})
	}
	for _, w := range []string{"people", "police", "staff", "officials", "sens."} {
		assert.True(t, mayBeGroupNoun(w), w)
	}
}
