package sentence

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOptionErrors: a nil option, an invalid value and two options that
// conflict are an error from New wrapping ErrOption, prefixed with the
// package name, as in the other packages; the same option given twice with
// the same value is no conflict. Nothing panics.
func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want []string // parts of the error; none for no error
		mode LineBreaks
	}{
		{name: "no option", mode: LineBreaksAuto},
		{name: "nil option", opts: []Option{nil}, want: []string{"option 1 is nil"}},
		{name: "nil after a good one", opts: []Option{WithTitles("Amb"), nil}, want: []string{"option 2 is nil"}},
		{name: "conflicting line break modes", opts: []Option{WithLineBreaks(LineBreaksBlank), WithLineBreaks(LineBreaksEvery)},
			want: []string{"WithLineBreaks(every) conflicts with WithLineBreaks(blank)"}},
		{name: "unknown line break mode", opts: []Option{WithLineBreaks(LineBreaks(9))},
			want: []string{"WithLineBreaks(LineBreaks(9)): unknown line break mode"}},
		{name: "empty title", opts: []Option{WithTitles("")}, want: []string{`invalid title ""`}},
		{name: "abbreviation with space", opts: []Option{WithAbbreviations("a b")}, want: []string{`invalid abbreviation "a b"`}},
		{name: "title and abbreviation", opts: []Option{WithTitles("Amb"), WithAbbreviations("Amb")},
			want: []string{`"Amb" given as both title and abbreviation`}},
		{name: "every error reported", opts: []Option{nil, WithLineBreaks(LineBreaksBlank), WithLineBreaks(LineBreaksAuto), WithTitles("")},
			want: []string{"option 1 is nil", "WithLineBreaks(auto) conflicts", `invalid title ""`}},
		{name: "same line break mode twice", opts: []Option{WithLineBreaks(LineBreaksEvery), WithLineBreaks(LineBreaksEvery)},
			mode: LineBreaksEvery},
		{name: "same title twice", opts: []Option{WithTitles("Amb"), WithTitles("Amb.")}, mode: LineBreaksAuto},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s *Splitter
			var err error
			require.NotPanics(t, func() { s, err = New(tt.opts...) })
			if len(tt.want) == 0 {
				require.NoError(t, err)
				require.NotNil(t, s)
				assert.Equal(t, tt.mode, s.lineBreaks)
				return
			}
			require.Error(t, err)
			assert.Nil(t, s)
			assert.ErrorIs(t, err, ErrOption)
			assert.Regexp(t, `^sentence: bad option: `, err.Error())
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestDefaultSplitter: the package-level Split uses the shared default
// Splitter and returns nil, without panicking, when it cannot be built, as
// quote.Detect, attribution.Resolve and whosaid.Extract do.
func TestDefaultSplitter(t *testing.T) {
	const text = "One. Two."
	tests := []struct {
		name  string
		build func() (*Splitter, error)
		want  []string
	}{
		{"built", func() (*Splitter, error) { return New() }, []string{"One.", "Two."}},
		{"not built", func() (*Splitter, error) { return nil, errors.New("no splitter") }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved := defaultSplitter
			t.Cleanup(func() { defaultSplitter = saved })
			defaultSplitter = tt.build
			var got []Sentence
			require.NotPanics(t, func() { got = Split(text) })
			if tt.want == nil {
				assert.Nil(t, got)
				return
			}
			assert.Equal(t, tt.want, texts(got))
		})
	}
}
