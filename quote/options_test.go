package quote

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOptionErrors: a nil option, a value out of range and two options
// that conflict are an error from New wrapping ErrOption, prefixed with the
// package name, as in the other packages; the same option given twice with
// the same value is no conflict. Nothing panics.
func TestOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want []string // parts of the error; none for no error
		cfg  func(*testing.T, config)
	}{
		{name: "no option", cfg: func(t *testing.T, c config) {
			assert.Equal(t, MaxDepth, c.maxDepth)
			assert.Equal(t, MaxLength, c.maxLength)
			assert.False(t, c.dialogueDash)
			assert.True(t, c.classify)
			assert.True(t, c.straight)
		}},
		{name: "nil option", opts: []Option{nil}, want: []string{"option 1 is nil"}},
		{name: "nil after a good one", opts: []Option{WithMaxDepth(4), nil}, want: []string{"option 2 is nil"}},
		{name: "max depth out of range", opts: []Option{WithMaxDepth(0)}, want: []string{"WithMaxDepth(0): out of range [1, 64]"}},
		{name: "max depth too deep", opts: []Option{WithMaxDepth(65)}, want: []string{"WithMaxDepth(65)"}},
		{name: "max length not positive", opts: []Option{WithMaxLength(-1)}, want: []string{"WithMaxLength(-1)"}},
		{name: "two max depths", opts: []Option{WithMaxDepth(2), WithMaxDepth(3)},
			want: []string{"WithMaxDepth(3) conflicts with WithMaxDepth(2)"}},
		{name: "two max lengths", opts: []Option{WithMaxLength(100), WithMaxLength(200)},
			want: []string{"WithMaxLength(200) conflicts with WithMaxLength(100)"}},
		{name: "dialogue dash both ways", opts: []Option{WithDialogueDash(true), WithDialogueDash(false)},
			want: []string{"WithDialogueDash(false) conflicts with WithDialogueDash(true)"}},
		{name: "classification both ways", opts: []Option{WithClassification(false), WithClassification(true)},
			want: []string{"WithClassification(true) conflicts with WithClassification(false)"}},
		{name: "straight singles both ways", opts: []Option{WithStraightSingles(true), WithStraightSingles(false)},
			want: []string{"WithStraightSingles(false) conflicts with WithStraightSingles(true)"}},
		{name: "every error reported", opts: []Option{WithMaxDepth(2), nil, WithMaxDepth(3), WithDialogueDash(false), WithDialogueDash(true)},
			want: []string{"option 2 is nil", "WithMaxDepth(3) conflicts", "WithDialogueDash(true) conflicts"}},
		{name: "same max depth twice", opts: []Option{WithMaxDepth(3), WithMaxDepth(3)},
			cfg: func(t *testing.T, c config) { assert.Equal(t, 3, c.maxDepth) }},
		{name: "same max length twice", opts: []Option{WithMaxLength(100), WithMaxLength(100)},
			cfg: func(t *testing.T, c config) { assert.Equal(t, 100, c.maxLength) }},
		{name: "same dialogue dash twice", opts: []Option{WithDialogueDash(true), WithDialogueDash(true)},
			cfg: func(t *testing.T, c config) { assert.True(t, c.dialogueDash) }},
		{name: "every option once", opts: []Option{WithMaxDepth(5), WithMaxLength(50), WithDialogueDash(true), WithClassification(false), WithStraightSingles(false)},
			cfg: func(t *testing.T, c config) {
				assert.Equal(t, 5, c.maxDepth)
				assert.Equal(t, 50, c.maxLength)
				assert.True(t, c.dialogueDash)
				assert.False(t, c.classify)
				assert.False(t, c.straight)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d *Detector
			var err error
			require.NotPanics(t, func() { d, err = New(tt.opts...) })
			if len(tt.want) == 0 {
				require.NoError(t, err)
				require.NotNil(t, d)
				tt.cfg(t, d.cfg)
				return
			}
			require.Error(t, err)
			assert.Nil(t, d)
			assert.ErrorIs(t, err, ErrOption)
			assert.Regexp(t, `^quote: bad option: `, err.Error())
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestDefaultDetector: the package-level Detect uses the shared default
// Detector and returns nil, without panicking, when it cannot be built, as
// sentence.Split, attribution.Resolve and whosaid.Extract do.
func TestDefaultDetector(t *testing.T) {
	const text = "“We will rebuild,” the mayor said."
	tests := []struct {
		name  string
		build func() (*Detector, error)
		want  []string
	}{
		{"built", func() (*Detector, error) { return New() }, []string{"“We will rebuild,”"}},
		{"not built", func() (*Detector, error) { return nil, errors.New("no detector") }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved := defaultDetector
			t.Cleanup(func() { defaultDetector = saved })
			defaultDetector = tt.build
			var got []Quote
			require.NotPanics(t, func() { got = Detect(text, nil) })
			var texts []string
			for _, q := range got {
				texts = append(texts, q.Text)
			}
			assert.Equal(t, tt.want, texts)
		})
	}
}

// defaultDetectorForTest returns a Detector with the default options.
func defaultDetectorForTest(tb testing.TB) *Detector {
	tb.Helper()
	d, err := New()
	require.NoError(tb, err)
	return d
}
