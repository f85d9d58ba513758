package linear

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// encode returns m encoded.
func encode(t testing.TB, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, m.Encode(&b))
	return b.Bytes()
}

// gz compresses payload as Encode does.
func gz(t testing.TB, payload []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write(payload)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// gunzip returns the payload of an encoded model.
func gunzip(t testing.TB, encoded []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(encoded))
	require.NoError(t, err)
	payload, err := io.ReadAll(zr)
	require.NoError(t, err)
	return payload
}

// trained returns a model trained on synthetic groups, and fresh groups
// to score.
func trained(t testing.TB) (*Model, [][]Features) {
	t.Helper()
	s := newSynth(8, 300)
	d, _, _ := s.groups(t, 3000)
	m, err := Train(d, Describe(Provenance{Name: "synthetic", Command: "go test", Templates: []string{"f", "x"}}))
	require.NoError(t, err)
	_, test, _ := s.groups(t, 200)
	return m, test
}

func TestEncodeDecode(t *testing.T) {
	m, test := trained(t)
	for _, c := range []struct {
		name  string
		model *Model
	}{
		{"trained", m},
		{"calibrated", m.Calibrated(Platt{A: 0.8, B: -0.3})},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := encode(t, c.model)
			got, err := Decode(bytes.NewReader(b))
			require.NoError(t, err)
			assert.Equal(t, c.model.Provenance(), got.Provenance())
			assert.Equal(t, c.model.Len(), got.Len())
			assert.Equal(t, c.model.Top(-1), got.Top(-1))
			for _, cands := range test {
				best, probs := c.model.Choose(cands)
				gotBest, gotProbs := got.Choose(cands)
				assert.Equal(t, best, gotBest)
				assert.Equal(t, probs, gotProbs, "bit-identical probabilities")
				for i := range cands {
					assert.Equal(t, c.model.Prob(&cands[i]), got.Prob(&cands[i]))
				}
			}
			assert.Equal(t, b, encode(t, got), "decoded and encoded again, the same bytes")
		})
	}
}

// TestEncodeDecodeSizes round-trips models on each side of the sizes at
// which the encoding counts more high bits, with whole bytes of hash left
// to store and with bits of them that repeat counted ones.
func TestEncodeDecodeSizes(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 4, 7, 8, 63, 64, 255, 256, 1<<10 - 1, 1 << 10, 70_000, 300_000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			if raceEnabled && n > 100_000 {
				t.Skip("too slow under the race detector")
			}
			m := bigModel(t, n)
			got, err := Decode(bytes.NewReader(encode(t, m)))
			require.NoError(t, err)
			require.Equal(t, n, got.Len())
			assert.Equal(t, m.Top(-1), got.Top(-1))
			// Every weight is found, and features the model lacks weigh 0.
			var f Features
			for i := range min(n, 500) {
				f.Reset()
				f.Add(NewTemplate("w"), strconv.Itoa(i))
				assert.Equal(t, m.Score(&f), got.Score(&f))
				assert.NotEqual(t, float64(got.bias), got.Score(&f), "feature %d unknown", i)
				f.Reset()
				f.Add(NewTemplate("unknown"), strconv.Itoa(i))
				assert.Equal(t, float64(got.bias), got.Score(&f))
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	small := bigModel(t, 10)   // no counted bits
	medium := bigModel(t, 100) // 8 counted bits
	good := gunzip(t, encode(t, small))
	goodMedium := gunzip(t, encode(t, medium))

	// Offsets into a payload: where the counts start, for the medium one.
	countsAt := func(p []byte) int {
		i := len(magic) + 1
		size, k := binary.Uvarint(p[i:])
		i += k + int(size) + 4
		_, k = binary.Uvarint(p[i:])
		return i + k + 1
	}
	with := func(p []byte, edit func(p []byte) []byte) []byte {
		return edit(append([]byte(nil), p...))
	}
	// The small model's records: 8 bytes of hash and 4 of weight each.
	recordsAt := len(good) - 12*10

	for _, c := range []struct {
		name  string
		input []byte
		err   string
	}{
		{"empty", nil, "EOF"},
		{"not gzip", []byte("WSLINEAR, but not compressed"), "invalid header"},
		{"bad magic", gz(t, with(good, func(p []byte) []byte { p[0] = 'X'; return p })), "bad magic"},
		{"other version", gz(t, with(good, func(p []byte) []byte { p[8] = 2; return p })), "version 2"},
		{"no payload", gz(t, nil), "bad magic"},
		{"data after the weights", gz(t, append(with(good, func(p []byte) []byte { return p }), 0)), "data after"},
		{"garbage after the gzip stream", append(encode(t, small), 1, 2, 3), "after the weights"},
		{"bad checksum", with(encode(t, small), func(p []byte) []byte { p[len(p)-5] ^= 1; return p }), "checksum"},
		{"hashes out of order", gz(t, with(good, func(p []byte) []byte {
			// Two adjacent hashes of one count swapped: each agrees
			// with the counts, but they are out of order.
			bits := 64 - small.tab.shift
			r := recordsAt
			for binary.LittleEndian.Uint64(p[r:])>>(64-bits) != binary.LittleEndian.Uint64(p[r+12:])>>(64-bits) {
				r += 12
			}
			var a [8]byte
			copy(a[:], p[r:])
			copy(p[r:], p[r+12:r+20])
			copy(p[r+12:], a[:])
			return p
		})), "out of order"},
		{"NaN weight", gz(t, with(good, func(p []byte) []byte {
			binary.LittleEndian.PutUint32(p[recordsAt+8:], 0x7fc00000)
			return p
		})), "not finite"},
		{"zero weight", gz(t, with(good, func(p []byte) []byte {
			binary.LittleEndian.PutUint32(p[recordsAt+8:], 0)
			return p
		})), "weight is 0"},
		{"counts too large", gz(t, with(goodMedium, func(p []byte) []byte { p[countsAt(p)] = 120; return p })), "exceed"},
		{"counts too small", gz(t, with(goodMedium, func(p []byte) []byte {
			i := countsAt(p)
			for p[i] == 0 {
				i++
			}
			p[i]--
			return p
		})), "add up"},
		{"provenance disagrees", gz(t, with(good, func(p []byte) []byte {
			return bytes.Replace(p, []byte(`"features":10`), []byte(`"features":11`), 1)
		})), "provenance says 11"},
		{"provenance not JSON", gz(t, with(good, func(p []byte) []byte {
			return bytes.Replace(p, []byte(`{`), []byte(`[`), 1)
		})), "provenance"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := Decode(bytes.NewReader(c.input))
			require.Error(t, err)
			assert.Nil(t, m)
			assert.Contains(t, err.Error(), c.err)
			assert.True(t, strings.HasPrefix(err.Error(), "linear: "), err.Error())
		})
	}

	// Every truncation of a payload is an error.
	for _, p := range [][]byte{good, goodMedium} {
		for n := range len(p) {
			_, err := decode(bufio.NewReader(bytes.NewReader(p[:n])))
			require.Error(t, err, "payload cut to %d of %d bytes", n, len(p))
		}
	}
}

// TestDecodeClaims checks that a header claiming many weights, without
// the data, fails before allocating for them: a table of four million
// weights takes 64 MB, and its index, read from the 2 MB of counts that
// are there, 8 MB.
func TestDecodeClaims(t *testing.T) {
	const n = 4_000_000
	claim := func(total int) []byte {
		p := []byte(magic)
		p = binary.AppendUvarint(p, version)
		prov := []byte(`{"features":` + strconv.Itoa(n) + `}`)
		p = binary.AppendUvarint(p, uint64(len(prov)))
		p = append(p, prov...)
		p = append(p, 0, 0, 0, 0)
		p = binary.AppendUvarint(p, n)
		bits := indexBits(n)
		p = append(p, byte(bits))
		for range 1<<bits - 1 {
			p = append(p, 0)
		}
		p = binary.AppendUvarint(p, uint64(total))
		return gz(t, p)
	}
	for _, c := range []struct {
		name  string
		total int
		err   string
	}{
		{"counts short", n - 1, "add up"},
		{"no hashes", n, "truncated"},
	} {
		t.Run(c.name, func(t *testing.T) {
			input := claim(c.total)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Decode(bytes.NewReader(input))
			runtime.ReadMemStats(&after)
			require.ErrorContains(t, err, c.err)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(32<<20), "bytes allocated")
		})
	}
}

func FuzzDecode(f *testing.F) {
	// A small model: the fuzzing workers build the seeds with coverage
	// counters on, which makes training slow.
	s := newSynth(8, 30)
	d, _, _ := s.groups(f, 100)
	m, err := Train(d, Describe(Provenance{Name: "synthetic", Templates: []string{"f", "x"}}))
	require.NoError(f, err)
	encoded := encode(f, m.Calibrated(Platt{A: 0.9, B: 0.1}))
	payload := gunzip(f, encoded)
	f.Add(encoded)
	f.Add(payload)
	f.Add(payload[:len(payload)/2])
	f.Add(gunzip(f, encode(f, bigModel(f, 100))))
	f.Add([]byte{})
	f.Add([]byte(magic + "\x01\x02{}"))
	rng := rand.New(rand.NewPCG(1, 1))
	junk := make([]byte, 64)
	for i := range junk {
		junk[i] = byte(rng.UintN(256))
	}
	f.Add(junk)
	f.Fuzz(func(t *testing.T, data []byte) {
		// As a gzip stream, and as the stream's content, so that the
		// fuzzer reaches the model's layout past gzip's checksum.
		for _, dec := range []func() (*Model, error){
			func() (*Model, error) { return Decode(bytes.NewReader(data)) },
			func() (*Model, error) { return decode(bufio.NewReader(bytes.NewReader(data))) },
		} {
			m, err := dec()
			if err != nil {
				require.Nil(t, m)
				continue
			}
			require.Equal(t, m.Len(), len(m.tab.slots))
			var f Features
			f.Add(NewTemplate("w"), "said")
			m.Prob(&f)
			again, err := Decode(bytes.NewReader(encode(t, m)))
			require.NoError(t, err, "a decoded model encodes")
			require.Equal(t, m.Top(-1), again.Top(-1))
		}
	})
}
