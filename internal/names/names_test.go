package names

import "testing"

func TestLists(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"given male", Given("Antony"), Male},
		{"given female", Given("hillary"), Female},
		{"given unknown", Given("Blinken"), Unknown},
		{"title head", Head("Sen."), "senator"},
		{"honorific head", Head("Mr."), ""},
		{"role head", Head("Spokesman"), "spokesman"},
		{"not a title", Head("Blinken"), ""},
		{"abbreviated title listed with its full stop", Head("Rev."), "reverend"},
		{"abbreviation listed without its full stop", Stop("Va."), true},
		{"abbreviated organization word", Org("Inc."), true},
		{"full stop of no abbreviation", Stop("Blinken."), false},
		{"full stop alone", Stop("."), false},
		{"org", Org("Department"), true},
		{"org abbr", Org("Inc."), true},
		{"not org", Org("Trump"), false},
		{"group", Group("Republican"), true},
		{"group plural", GroupPlural("Democrats"), true},
		{"stop", Stop("But"), true},
		{"stop month", Stop("January"), true},
		{"capitalised", Capitalised("Émile"), true},
		{"not capitalised", Capitalised("émile"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	for w, want := range map[string]Gender{"Mrs.": Female, "mr.": Male, "Sen.": Unknown, "spokeswoman": Female} {
		if g, ok := Title(w); !ok || g != want {
			t.Errorf("Title(%q) = %v, %v; want %v, true", w, g, ok, want)
		}
	}
	for w, want := range map[string]string{"officials": "official", "spokesmen": "spokesman", "attorneys": "attorney", "aides": "aide", "Sens.": "sen"} {
		if s, ok := TitlePlural(w); !ok || s != want {
			t.Errorf("TitlePlural(%q) = %q, %v; want %q", w, s, ok, want)
		}
	}
	if _, ok := TitlePlural("official"); ok {
		t.Error("TitlePlural(official) = true")
	}
	p, ok := PronounOf("His")
	if !ok || p.Base != "he" || !p.Possessive || p.Gender != Male || p.Plural {
		t.Errorf("PronounOf(His) = %+v, %v", p, ok)
	}
	p, ok = PronounOf("they")
	if !ok || !p.Plural || p.Person != 3 {
		t.Errorf("PronounOf(they) = %+v, %v", p, ok)
	}
}

func BenchmarkGiven(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Given("Antony")
	}
}

// TestEveryKey looks up every entry of every list through the functions
// that read it, so that the filter in front of the look-ups loses none.
func TestEveryKey(t *testing.T) {
	l := get()
	for w := range l.male {
		if Given(w) != Male {
			t.Errorf("Given(%q) is not Male", w)
		}
	}
	for w := range l.female {
		if g := Given(w); g != Female && !l.male[w] {
			t.Errorf("Given(%q) = %v, not Female", w, g)
		}
	}
	for w, g := range l.titles {
		if got, ok := Title(w); !ok || got != g {
			t.Errorf("Title(%q) = %v, %v; want %v, true", w, got, ok, g)
		}
	}
	for w, h := range l.heads {
		if Head(w) != h {
			t.Errorf("Head(%q) = %q, want %q", w, Head(w), h)
		}
	}
	for w := range l.orgs {
		if !Org(w) {
			t.Errorf("Org(%q) = false", w)
		}
	}
	for w := range l.groups {
		if !Group(w) || !GroupPlural(w+"s") {
			t.Errorf("Group(%q) or GroupPlural(%q) = false", w, w+"s")
		}
	}
	for w := range l.stops {
		if !Stop(w) {
			t.Errorf("Stop(%q) = false", w)
		}
	}
	for w, p := range l.pronouns {
		if got, ok := PronounOf(w); !ok || got != p {
			t.Errorf("PronounOf(%q) = %v, %v", w, got, ok)
		}
	}
}
