package linear

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
)

// The encoded model is a gzip stream (no name, no time) of:
//
//	magic       "WSLINEAR"
//	version     uvarint, 1
//	provenance  uvarint length, then that many bytes of JSON
//	bias        float32, little-endian
//	n           uvarint, the number of weights
//	bits        byte, 0, 8 or 16: the high bits of a hash that are counted
//	            rather than stored
//	counts      2**bits uvarints: how many hashes have each value of the
//	            high bits (absent when bits is 0)
//	lows        n × (8 - bits/8) bytes: the rest of each hash,
//	            little-endian, the hashes in ascending order
//	weights     4 × n bytes: the float32 bits of the weights in the order of
//	            the hashes, most significant byte of every weight first,
//	            then the next byte of every weight, and so on
//
// A hash is random, and so are the low bytes of a weight: deflate cannot
// shrink them, and stores them as they are, which costs nothing to read.
// What it can shrink sits together: the counts, and the sign and exponent
// bytes of the weights. Storing sorted hashes as varint gaps instead would
// save nothing (a gap between a million 64-bit hashes takes 7 bytes, as
// the low 6 bytes plus a count do) but would make every byte compressible
// a little, and then deflate Huffman-codes them all, which reads at about
// a sixth of a byte per nanosecond: 70 ms for a million weights, against a
// few ms stored.
const (
	magic   = "WSLINEAR"
	version = 1
)

// Encode writes m to w in its binary form: the same model gives the same
// bytes, built with the same Go release (the compressor's choices are
// part of it).
func (m *Model) Encode(w io.Writer) error {
	prov, err := json.Marshal(m.prov)
	if err != nil {
		return fmt.Errorf("linear: encoding provenance: %w", err)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("linear: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	var buf []byte
	buf = append(buf, magic...)
	buf = binary.AppendUvarint(buf, version)
	buf = binary.AppendUvarint(buf, uint64(len(prov)))
	buf = append(buf, prov...)
	buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(m.bias))

	var keys []uint64
	var weights []float32
	for _, s := range m.tab.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
			weights = append(weights, s.val)
		}
	}
	n := len(keys)
	buf = binary.AppendUvarint(buf, uint64(n))
	bits := countedBits(n)
	buf = append(buf, byte(bits))
	if bits > 0 {
		counts := make([]uint64, 1<<bits)
		for _, k := range keys {
			counts[k>>(64-bits)]++
		}
		for _, c := range counts {
			buf = binary.AppendUvarint(buf, c)
		}
	}
	bw.Write(buf)
	low := 8 - bits/8
	var word [8]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(word[:], k)
		bw.Write(word[:low])
	}
	for shift := 24; shift >= 0; shift -= 8 {
		for _, w := range weights {
			bw.WriteByte(byte(math.Float32bits(w) >> shift))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("linear: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("linear: %w", err)
	}
	return nil
}

// countedBits returns how many high bits of the hashes are counted rather
// than stored, for n hashes: about log2(n) rounded down to whole bytes, so
// that the counts are small numbers and the lows whole bytes.
func countedBits(n int) int {
	switch {
	case n >= 1<<14:
		return 16
	case n >= 1<<6:
		return 8
	}
	return 0
}

// Decode reads a model written by [Model.Encode]. Any input that is not
// such a model gives an error, never a panic; Decode allocates in
// proportion to the data it has read, whatever the header claims. The
// model is read-only and safe for concurrent use.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("linear: %w", err)
	}
	m, err := decode(bufio.NewReaderSize(zr, 1<<16))
	if err != nil {
		return nil, fmt.Errorf("linear: %w", err)
	}
	return m, nil
}

// decode reads the decompressed model from r.
func decode(r *bufio.Reader) (*Model, error) {
	var head [len(magic)]byte
	if _, err := io.ReadFull(r, head[:]); err != nil || string(head[:]) != magic {
		return nil, errors.New("not a linear model (bad magic)")
	}
	v, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, short(err)
	}
	if v != version {
		return nil, fmt.Errorf("model format version %d, want %d", v, version)
	}
	size, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, short(err)
	}
	prov, err := io.ReadAll(io.LimitReader(r, int64(min(size, math.MaxInt64))))
	if err != nil {
		return nil, short(err)
	}
	if uint64(len(prov)) != size {
		return nil, errShort
	}
	m := &Model{}
	if err := json.Unmarshal(prov, &m.prov); err != nil {
		return nil, fmt.Errorf("provenance: %w", err)
	}
	var word [8]byte
	if _, err := io.ReadFull(r, word[:4]); err != nil {
		return nil, short(err)
	}
	m.bias = math.Float32frombits(binary.LittleEndian.Uint32(word[:4]))
	if !finite32(m.bias) {
		return nil, errors.New("bias is not finite")
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, short(err)
	}
	if n != uint64(m.prov.Features) {
		return nil, fmt.Errorf("%d weights, provenance says %d", n, m.prov.Features)
	}
	if n >= math.MaxUint32 {
		return nil, fmt.Errorf("%d weights, more than a model holds", n)
	}
	b, err := r.ReadByte()
	if err != nil {
		return nil, short(err)
	}
	bits := int(b)
	if bits != countedBits(int(n)) {
		return nil, fmt.Errorf("%d counted bits for %d weights", bits, n)
	}
	counts := []uint64{n} // one run of high bits when none are counted
	if bits > 0 {
		counts = make([]uint64, 1<<bits)
		total := uint64(0)
		for i := range counts {
			if counts[i], err = binary.ReadUvarint(r); err != nil {
				return nil, short(err)
			}
			if total += counts[i]; total > n || counts[i] > n {
				return nil, errors.New("hash counts exceed the number of weights")
			}
		}
		if total != n {
			return nil, errors.New("hash counts do not add up to the number of weights")
		}
	}

	// The hashes and the weights are read in chunks of up to chunk
	// weights, as they arrive, so that a header that claims more than the
	// data holds costs nothing; the slots are made when all is read.
	low := 8 - bits/8
	lows, err := readChunks(r, int(n), low)
	if err != nil {
		return nil, err
	}
	var planes [4][][]byte
	for p := range planes {
		if planes[p], err = readChunks(r, int(n), 1); err != nil {
			return nil, err
		}
	}
	// Reading to the end makes gzip check its checksum.
	if _, err := r.ReadByte(); err != io.EOF {
		if err == nil {
			return nil, errors.New("data after the weights")
		}
		return nil, fmt.Errorf("after the weights: %w", err)
	}

	m.tab = newTable[float32](int(n))
	hi, left, last := 0, counts[0], uint64(0)
	for k, lw := range lows {
		p0, p1, p2, p3 := planes[0][k], planes[1][k], planes[2][k], planes[3][k]
		for i := range p0 {
			for left == 0 { // counts add up to n: hi stays in range
				hi++
				left = counts[hi]
			}
			left--
			copy(word[:], lw[i*low:(i+1)*low])
			key := binary.LittleEndian.Uint64(word[:])
			if bits > 0 {
				key |= uint64(hi) << (64 - bits)
			}
			if key <= last {
				return nil, errors.New("hashes out of order")
			}
			last = key
			w := math.Float32frombits(uint32(p0[i])<<24 | uint32(p1[i])<<16 | uint32(p2[i])<<8 | uint32(p3[i]))
			if !finite32(w) || w == 0 {
				return nil, errors.New("a weight is 0 or not finite")
			}
			m.tab.add(key, w)
		}
	}
	m.tab.done()
	return m, nil
}

// chunk is the number of weights whose hashes, or one of whose bytes,
// decode reads at a time.
const chunk = 1 << 16

// readChunks reads n items of size bytes from r into chunks of chunk
// items.
func readChunks(r io.Reader, n, size int) ([][]byte, error) {
	var out [][]byte
	for n > 0 {
		b := make([]byte, min(n, chunk)*size)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, short(err)
		}
		out = append(out, b)
		n -= min(n, chunk)
	}
	return out, nil
}

var errShort = errors.New("truncated model")

// short returns errShort for an end of input, and err otherwise.
func short(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errShort
	}
	return err
}

func finite32(x float32) bool { return !math.IsInf(float64(x), 0) && x == x }
