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
	for _, w := range []string{"", "said", "SAID", "Said", "o'Neil"} {
		h, upper, ok := HashLower(w)
		if !ok || h != Hash(strings.ToLower(w)) || upper != (w != strings.ToLower(w)) {
			t.Errorf("HashLower(%q) = %d, %v, %v; Hash of its lower case is %d", w, h, upper, ok, Hash(strings.ToLower(w)))
		}
	}
	if _, _, ok := HashLower("café"); ok {
		t.Error("HashLower of a non-ASCII word must not be ok")
	}
	if Hash("said") == Hash("says") {
		t.Error("Hash does not tell two words apart")
	}
	if n := testing.AllocsPerRun(100, func() { In(set, "Said") }); n != 0 {
		t.Errorf("In allocates %v times for a short word", n)
	}
}
