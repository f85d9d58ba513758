package heads

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/whosaid/whosaid/internal/lexicon"
)

func TestOf(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Donald Trump", "trump"},
		{"Obama and Hillary Clinton", "obama clinton"},
		{"employees in Wells Fargo's branches", "employees"},
		{"Clinton's campaign", "campaign"},
		{"the State Department", "department"},
		{"Trump’s", "trump"},
		{"Richard Alba, Nancy Foner & others", "alba foner others"},
		{"", ""},
	} {
		if got := strings.Join(Of(c.name), " "); got != c.want {
			t.Errorf("Of(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSame(t *testing.T) {
	for _, c := range []struct {
		name  string
		golds []string
		want  bool
	}{
		{"Hillary Clinton", []string{"Clinton"}, true},
		{"he", []string{"he"}, false},
		{"Blinken", []string{"he", "Antony Blinken"}, true},
		{"the official", []string{"A senior State Department official"}, true},
		{"Trump", []string{"Pence"}, false},
	} {
		if got := Same(c.name, c.golds...); got != c.want {
			t.Errorf("Same(%q, %q) = %v, want %v", c.name, c.golds, got, c.want)
		}
	}
}

// TestPronouns pins the bare pronouns of the evaluation and checks that
// they are taken from the lexicon's one list of pronouns by their
// features, not kept here.
func TestPronouns(t *testing.T) {
	want := []string{
		"he", "she", "they", "it", "i", "we", "you",
		"him", "her", "them", "me", "us",
		"his", "hers", "their", "theirs", "its", "my", "our", "your",
		"himself", "herself", "themselves", "itself",
	}
	assert.ElementsMatch(t, want, slices.Collect(maps.Keys(pronouns)))
	assert.Equal(t, lexicon.PronounSet(barePronoun), pronouns, "pronouns is not the lexicon's")
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"He", true}, {" they ", true}, {"theirs", true}, {"Themselves", true}, {"its", true},
		{"mine", false}, {"ours", false}, {"yours", false}, {"myself", false}, {"ourselves", false},
		{"oneself", false}, {"who", false}, {"Trump", false}, {"he said", false},
	} {
		t.Run(c.s, func(t *testing.T) {
			assert.Equal(t, c.want, IsPronoun(c.s))
		})
	}
}
