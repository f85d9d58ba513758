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
	for w, want := range map[string]string{"officials": "official", "spokesmen": "spokesman", "attorneys": "attorney", "aides": "aide"} {
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
