package speaker

import (
	"strings"
	"testing"
)

// FuzzKeys keys arbitrary names: no panic; a person's surname is a word of
// the name; every name gets a key, the same whatever the order; a key is
// never made of nothing.
func FuzzKeys(f *testing.F) {
	for _, s := range []string{
		"Donald J. Trump", "Mr. Trump", "Joseph R. Biden, Jr.", "George H.W. Bush", "Bill de Blasio",
		"a senior State Department official", "he", "", "[", "De", "de la", "Jr.", "Mr.", "J.", "St. John",
		"\xff\xfe", "A.B.C.D.", "Sen. Sen. Sen.", "O’Malley-Smith", "van", "Hillary and Bill Clinton",
	} {
		f.Add(s, "Trump")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		n := Parse(a)
		if n.Kind == Person {
			if n.Surname == "" || !strings.Contains(a, strings.Fields(n.Surname)[0]) {
				t.Fatalf("Parse(%q) = %+v: no surname from the name", a, n)
			}
		}
		forms := []Form{{Name: a, Attributions: 1}, {Name: b, Attributions: 2}}
		k1 := Keys(forms)
		k2 := Keys([]Form{forms[1], forms[0]})
		if len(k1) != len(k2) {
			t.Fatalf("Keys depends on order: %v, %v", k1, k2)
		}
		for name, k := range k1 {
			if k2[name] != k {
				t.Fatalf("Keys depends on order: %q is %q and %q", name, k, k2[name])
			}
			if k == "" && strings.TrimSpace(name) != "" && Parse(name).Kind != Pronoun {
				t.Fatalf("%q has no key", name)
			}
		}
		_ = Match(a, b)
	})
}
