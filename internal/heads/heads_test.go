package heads

import (
	"strings"
	"testing"
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
