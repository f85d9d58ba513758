package linear

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFeaturesHashes(t *testing.T) {
	hash := func(add func(f *Features)) uint64 {
		var f Features
		add(&f)
		require.Equal(t, 1, f.Len())
		return f.hashes[0]
	}
	// Each pair must differ: the separators keep the parts apart.
	for _, c := range []struct {
		name string
		a, b func(f *Features)
	}{
		{"template and value split differently",
			func(f *Features) { f.Add("ab", "c") }, func(f *Features) { f.Add("a", "bc") }},
		{"conjunction and joined value",
			func(f *Features) { f.Add2("t", "a", "b") }, func(f *Features) { f.Add("t", "ab") }},
		{"conjunction and value joined by |",
			func(f *Features) { f.Add2("t", "a", "b") }, func(f *Features) { f.Add("t", "a|b") }},
		{"conjunction split differently",
			func(f *Features) { f.Add2("t", "a", "bc") }, func(f *Features) { f.Add2("t", "ab", "c") }},
		{"real-valued and empty value",
			func(f *Features) { f.AddFloat("t", 1) }, func(f *Features) { f.Add("t", "") }},
		{"value and empty conjunction",
			func(f *Features) { f.Add("t", "a") }, func(f *Features) { f.Add2("t", "a", "") }},
		{"case",
			func(f *Features) { f.Add("w", "Said") }, func(f *Features) { f.Add("w", "said") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.NotEqual(t, hash(c.a), hash(c.b))
		})
	}
	assert.Equal(t, hash(func(f *Features) { f.Add("w", "said") }), hash(func(f *Features) { f.Add("w", "said") }))
	assert.Equal(t, hash(func(f *Features) { f.AddFloat("d", 1) }), hash(func(f *Features) { f.AddFloat("d", 2) }),
		"a real-valued feature's hash does not depend on its value")
}

func TestFeaturesReset(t *testing.T) {
	var f Features
	f.Add("w", "said")
	f.AddFloat("d", 0.25)
	require.Equal(t, 2, f.Len())
	assert.Equal(t, []float32{1, 0.25}, f.values)
	f.Reset()
	assert.Equal(t, 0, f.Len())
	allocs := testing.AllocsPerRun(100, func() {
		f.Reset()
		f.Add("w", "said")
		f.Add2("w|t", "said", "VBD")
		f.AddFloat("d", 0.25)
	})
	assert.Zero(t, allocs, "a reused Features allocates")
}

func TestNames(t *testing.T) {
	var n Names
	var f Features
	f.Record(&n)
	f.Add("w", "said")
	f.Add2("w|t", "said", "VBD")
	f.AddFloat("dist", 0.5)
	f.Add("w", "said")
	h := f.hashes
	assert.Equal(t, "w=said", n.Name(h[0]))
	assert.Equal(t, "w|t=said|VBD", n.Name(h[1]))
	assert.Equal(t, "dist", n.Name(h[2]))
	assert.Equal(t, "bias", n.Name(0))
	assert.Equal(t, "", n.Name(12345))
	assert.Equal(t, 3, n.Len())
	assert.Zero(t, n.Collisions())
	// The same hash under another name is a collision.
	n.add(h[0], "w=told")
	assert.Equal(t, 1, n.Collisions())
	assert.Equal(t, "w=said", n.Name(h[0]), "the first name stays")

	f.Record(nil)
	f.Add("w", "unrecorded")
	assert.Equal(t, 3, n.Len())
	var empty Names
	assert.Equal(t, "", empty.Name(1))
}
