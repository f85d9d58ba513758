package span

import "testing"

func TestOf(t *testing.T) {
	const text = "“Hi,” she said."
	for _, c := range []struct {
		start, end int
		want       Span
	}{
		{0, 9, Span{0, 9, "“Hi,”"}},
		{10, 13, Span{10, 13, "she"}},
		{-4, 2, Span{0, 2, text[:2]}},
		{14, 99, Span{14, len(text), "said."}},
		{12, 9, Span{12, 12, ""}},
		{99, 120, Span{len(text), len(text), ""}},
	} {
		got := Of(text, c.start, c.end)
		if got != c.want {
			t.Errorf("Of(%d, %d) = %+v, want %+v", c.start, c.end, got, c.want)
		}
		if text[got.Start:got.End] != got.Text {
			t.Errorf("Of(%d, %d): text[Start:End] != Text", c.start, c.end)
		}
	}
}

func TestRelations(t *testing.T) {
	a, b, c := Span{Start: 0, End: 10}, Span{Start: 2, End: 5}, Span{Start: 10, End: 12}
	if !a.Contains(b) || b.Contains(a) {
		t.Error("Contains: want a ⊇ b only")
	}
	if !a.Overlaps(b) || a.Overlaps(c) || c.Overlaps(a) {
		t.Error("Overlaps: a and b share bytes, a and c only touch")
	}
	if a.Len() != 10 || (Span{Start: 3, End: 1}).Len() != 0 {
		t.Error("Len")
	}
	if !(Span{}).Empty() || a.Empty() {
		t.Error("Empty: the zero Span is empty, a is not")
	}
}
