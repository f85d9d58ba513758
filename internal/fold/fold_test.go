package fold

import (
	"strings"
	"testing"
)

func TestIn(t *testing.T) {
	long := strings.Repeat("word", 10)
	set := map[string]bool{"sen": true, "said": true, "é": true, long: true}
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"Sen", true}, {"SAID", true}, {"said", true}, {"É", false}, {"é", true},
		{"sen.", false}, {"", false}, {strings.ToUpper(long), true}, {long + "s", false},
	} {
		if got := In(set, c.w); got != c.want {
			t.Errorf("In(%q) = %v, want %v", c.w, got, c.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { In(set, "Said") }); n != 0 {
		t.Errorf("In allocates %v times for a short word", n)
	}
}
