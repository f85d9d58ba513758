package linear

import (
	"encoding/binary"
	"slices"
	"strconv"
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
			func(f *Features) { f.Add(NewTemplate("ab"), "c") }, func(f *Features) { f.Add(NewTemplate("a"), "bc") }},
		{"conjunction and joined value",
			func(f *Features) { f.Add2(NewTemplate("t"), "a", "b") }, func(f *Features) { f.Add(NewTemplate("t"), "ab") }},
		{"conjunction and value joined by |",
			func(f *Features) { f.Add2(NewTemplate("t"), "a", "b") }, func(f *Features) { f.Add(NewTemplate("t"), "a|b") }},
		{"conjunction split differently",
			func(f *Features) { f.Add2(NewTemplate("t"), "a", "bc") }, func(f *Features) { f.Add2(NewTemplate("t"), "ab", "c") }},
		{"real-valued and empty value",
			func(f *Features) { f.AddFloat(NewTemplate("t"), 1) }, func(f *Features) { f.Add(NewTemplate("t"), "") }},
		{"value and empty conjunction",
			func(f *Features) { f.Add(NewTemplate("t"), "a") }, func(f *Features) { f.Add2(NewTemplate("t"), "a", "") }},
		{"case",
			func(f *Features) { f.Add(NewTemplate("w"), "Said") }, func(f *Features) { f.Add(NewTemplate("w"), "said") }},
		{"template and value swapped",
			func(f *Features) { f.Add(NewTemplate("a"), "b") }, func(f *Features) { f.Add(NewTemplate("b"), "a") }},
		{"template and value the same",
			func(f *Features) { f.Add(NewTemplate("a"), "a") }, func(f *Features) { f.Add(NewTemplate("b"), "b") }},
		{"conjunction in the other order",
			func(f *Features) { f.Add2(NewTemplate("t"), "a", "b") }, func(f *Features) { f.Add2(NewTemplate("t"), "b", "a") }},
		{"conjunction of a value with itself",
			func(f *Features) { f.Add2(NewTemplate("t"), "a", "a") }, func(f *Features) { f.Add2(NewTemplate("t"), "b", "b") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.NotEqual(t, hash(c.a), hash(c.b))
		})
	}
	assert.Equal(t, hash(func(f *Features) { f.Add(NewTemplate("w"), "said") }), hash(func(f *Features) { f.Add(NewTemplate("w"), "said") }))
	assert.Equal(t, hash(func(f *Features) { f.AddFloat(NewTemplate("d"), 1) }), hash(func(f *Features) { f.AddFloat(NewTemplate("d"), 2) }),
		"a real-valued feature's hash does not depend on its value")
}

func TestTemplate(t *testing.T) {
	// The hash of a feature as the doc of hashString gives it: the name
	// and each value hashed on their own, each part after a separator as
	// FNV-1a takes a byte, then in words of eight bytes, the last one
	// padded with zeros and its length in the top byte, and finished; a
	// name after one more separator. A Template's precomputed name and a
	// Value's precomputed hash must not change it.
	part := func(h uint64, p string) uint64 {
		h = (h ^ sep) * prime64
		b := []byte(p)
		for len(b) >= 8 {
			h = (h ^ binary.LittleEndian.Uint64(b)) * prime64
			b = b[8:]
		}
		var last [8]byte
		copy(last[:], b)
		last[7] = byte(len(b))
		return finish((h ^ binary.LittleEndian.Uint64(last[:])) * prime64)
	}
	ref := func(name string, values ...string) uint64 {
		h := uint64(offset64)
		h = part((h^templateSep)*prime64, name)
		if len(values) == 2 {
			return finish((h^part(offset64, values[0]))*prime64 ^ part(offset64, values[1]))
		}
		return finish(h ^ part(offset64, values[0]))
	}
	for _, c := range []struct {
		name, value1, value2 string
	}{
		{"w", "said", ""},
		{"lemma|next.w", "say", "that"},
		{"", "", ""},
		{"cnt.ends|rest", "\xff", "clause5-9"},
		{"spk.prev.t|first.t", "eight by", "a string of more than eight bytes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tmpl := NewTemplate(c.name)
			assert.Equal(t, c.name, tmpl.Name())
			v1, v2 := NewValue(c.value1), NewValue(c.value2)
			assert.Equal(t, c.value1, v1.String())
			var f Features
			f.Add(tmpl, c.value1)
			f.Add2(tmpl, c.value1, c.value2)
			f.Add(NewTemplate(c.name), c.value1)
			f.AddValue(tmpl, v1)
			f.AddValue2(tmpl, v1, v2)
			require.Equal(t, 5, f.Len())
			assert.Equal(t, ref(c.name, c.value1), f.hashes[0])
			assert.Equal(t, ref(c.name, c.value1, c.value2), f.hashes[1])
			assert.Equal(t, f.hashes[0], f.hashes[2], "two templates of one name")
			assert.Equal(t, f.hashes[0], f.hashes[3], "a value hashed before")
			assert.Equal(t, f.hashes[1], f.hashes[4], "values hashed before")
		})
	}
}

func TestFeaturesReset(t *testing.T) {
	var f Features
	f.Add(NewTemplate("w"), "said")
	f.AddFloat(NewTemplate("d"), 0.25)
	require.Equal(t, 2, f.Len())
	assert.Equal(t, []float32{1, 0.25}, f.values)
	f.Reset()
	assert.Equal(t, 0, f.Len())
	allocs := testing.AllocsPerRun(100, func() {
		f.Reset()
		f.Add(NewTemplate("w"), "said")
		f.Add2(NewTemplate("w|t"), "said", "VBD")
		f.AddFloat(NewTemplate("d"), 0.25)
	})
	assert.Zero(t, allocs, "a reused Features allocates")
}

func TestNames(t *testing.T) {
	var n Names
	var f Features
	f.Record(&n)
	f.Add(NewTemplate("w"), "said")
	f.Add2(NewTemplate("w|t"), "said", "VBD")
	f.AddFloat(NewTemplate("dist"), 0.5)
	f.Add(NewTemplate("w"), "said")
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
	f.Add(NewTemplate("w"), "unrecorded")
	assert.Equal(t, 3, n.Len())
	var empty Names
	assert.Equal(t, "", empty.Name(1))
}

// TestNamesOfAdders checks the name that each adder records, a
// conjunction's with its bar when its second value is empty.
func TestNamesOfAdders(t *testing.T) {
	tmpl := NewTemplate("t")
	for _, c := range []struct {
		name string
		add  func(f *Features)
		want string
	}{
		{"Add", func(f *Features) { f.Add(tmpl, "a") }, "t=a"},
		{"AddValue", func(f *Features) { f.AddValue(tmpl, NewValue("a")) }, "t=a"},
		{"Add2", func(f *Features) { f.Add2(tmpl, "a", "b") }, "t=a|b"},
		{"AddValue2", func(f *Features) { f.AddValue2(tmpl, NewValue("a"), NewValue("b")) }, "t=a|b"},
		{"Add2 of an empty value", func(f *Features) { f.Add2(tmpl, "a", "") }, "t=a|"},
		{"AddValue2 of empty values", func(f *Features) { f.AddValue2(tmpl, NewValue(""), NewValue("")) }, "t=|"},
		{"Add of an empty value", func(f *Features) { f.Add(tmpl, "") }, "t="},
	} {
		t.Run(c.name, func(t *testing.T) {
			var n Names
			var f Features
			f.Record(&n)
			c.add(&f)
			require.Equal(t, 1, f.Len())
			assert.Equal(t, c.want, n.Name(f.Hashes()[0]))
		})
	}
}

// TestFeaturesValues checks that a Features stores values only from the
// first that is not 1 on, with the 1 of every feature before it, and that
// a model sums it as if it stored every value.
func TestFeaturesValues(t *testing.T) {
	w, d := NewTemplate("w"), NewTemplate("d")
	for _, c := range []struct {
		name   string
		add    func(f *Features)
		values []float32 // as stored
	}{
		{"indicators", func(f *Features) { f.Add(w, "said"); f.Add2(w, "said", "that") }, nil},
		{"a real of 1", func(f *Features) { f.Add(w, "said"); f.AddFloat(d, 1) }, nil},
		{"a real first", func(f *Features) { f.AddFloat(d, 0.5); f.Add(w, "said") }, []float32{0.5, 1}},
		{"a real between", func(f *Features) { f.Add(w, "said"); f.AddFloat(d, -2); f.Add(w, "told") }, []float32{1, -2, 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var f Features
			c.add(&f)
			assert.Equal(t, c.values, f.values)
			// A model that weighs every feature of f.
			keys := slices.Sorted(slices.Values(f.hashes))
			weights := make([]float32, len(keys))
			for i := range weights {
				weights[i] = 0.25 - 1.5*float32(i)
			}
			m := newModel(0.5, keys, weights, Provenance{})
			var data Data
			require.NoError(t, data.Add("doc", &f, true, 1))
			_, cands, _, _ := data.Group(0)
			require.Len(t, cands, 1)
			require.Len(t, cands[0].values, f.Len(), "the data stores every value")
			var memo Memo
			for i := range f.Len() {
				assert.Equal(t, f.value(i), cands[0].values[i], "value %d", i)
			}
			assert.Equal(t, m.Score(&cands[0]), m.Score(&f))
			assert.Equal(t, m.ScoreWith(&cands[0], &memo), m.ScoreWith(&f, &memo))
		})
	}
}

// TestHashNotZero checks that no feature's hash is 0, the key of an empty
// slot of a Memo, which sumWith reads as holding no feature: finish, which
// every adder ends with, keeps 0 free.
func TestHashNotZero(t *testing.T) {
	assert.NotZero(t, finish(0))
	tm := NewTemplate("t")
	var f Features
	for i := range 1000 {
		s := strconv.Itoa(i)
		f.Add(tm, s)
		f.AddValue(tm, NewValue(s))
		f.Add2(tm, s, "x")
		f.AddValue2(tm, NewValue(s), NewValue(""))
		f.AddFloat(NewTemplate(s), float64(i))
	}
	f.Add(tm, "")
	for i, h := range f.Hashes() {
		require.NotZero(t, h, "feature %d", i)
	}
}

// TestHashStringTail checks hashString against the bytes of its last word
// gathered one by one, for strings of every length up to three words.
func TestHashStringTail(t *testing.T) {
	ref := func(h uint64, s string) uint64 {
		h = hashByte(h, sep)
		for ; len(s) >= 8; s = s[8:] {
			h = (h ^ binary.LittleEndian.Uint64([]byte(s[:8]))) * prime64
		}
		w := uint64(len(s)) << 56
		for i := 0; i < len(s); i++ {
			w |= uint64(s[i]) << (8 * i)
		}
		return (h ^ w) * prime64
	}
	const text = "abcdefghijklmnopqrstuvwx\xff\x80"
	for _, c := range []struct {
		name string
		h    uint64
	}{
		{"value", offset64},
		{"template", hashByte(offset64, templateSep)},
	} {
		for n := 0; n <= len(text); n++ {
			s := text[len(text)-n:]
			assert.Equal(t, ref(c.h, s), hashString(c.h, s), "%s of %d bytes", c.name, n)
			if c.h == offset64 {
				assert.Equal(t, finish(ref(c.h, s)), valueHash(s), "valueHash of %d bytes", n)
			}
		}
	}
}
