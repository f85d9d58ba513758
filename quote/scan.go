package quote

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/blocks"
	"github.com/whosaid/whosaid/internal/room"
	"github.com/whosaid/whosaid/span"
)

// family groups the marks that pair with each other.
type family uint8

const (
	famNone     family = iota
	famDouble          // “ ” „
	famStraight        // " '' ``
	famSingle          // ‘ ’ ' ‚ `
	famGuil            // « »
	famSGuil           // ‹ ›
	famCorner          // 「 」
	famWCorner         // 『 』
	famDash            // a dialogue dash
)

// compat is the family whose marks may close a quotation of f when none
// of f is open (a curly opener closed by a straight mark).
func (f family) compat() family {
	switch f {
	case famDouble:
		return famStraight
	case famStraight:
		return famDouble
	}
	return famNone
}

// strong reports whether marks of f are never apostrophes.
func (f family) strong() bool { return f != famSingle && f != famNone }

// role is what a mark can do, read from its glyph and its neighbours.
type role uint8

const (
	rSkip        role = iota // not a quote mark here (apostrophe, inch mark)
	rOpen                    // opens a quotation
	rClose                   // closes one
	rEither                  // closes its family when open, else opens
	rCloseIfOpen             // closes its family when open, else nothing
	rIntra                   // between two letters (base role only)
)

// cls classifies the character next to a mark.
type cls uint8

const (
	cS cls = iota // white space, start or end of text
	cO            // opening bracket, dash, '=' or '/'
	cC            // closing bracket
	cP            // . , ; : ! ? …
	cQ            // another quote mark
	cL            // letter, digit or anything else
)

// baseRole[prev][next] is the role of a straight mark between prev and
// next: a mark after space and before a word opens (left-flanking), one
// after a word and before space or punctuation closes (right-flanking).
var baseRole = [6][6]role{
	cS: {rEither, rOpen, rEither, rEither, rOpen, rOpen},
	cO: {rEither, rOpen, rEither, rOpen, rOpen, rOpen},
	cC: {rClose, rEither, rClose, rClose, rClose, rEither},
	cP: {rClose, rEither, rClose, rClose, rClose, rEither},
	cQ: {rClose, rEither, rClose, rClose, rEither, rOpen},
	cL: {rClose, rEither, rClose, rClose, rClose, rIntra},
}

func classOf(r rune) cls {
	switch r {
	case -1, ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x200B, 0x202F, 0x3000:
		return cS
	case '(', '[', '{', '<', '=', '/', 0x2014, 0x2013, 0x2015, '-':
		return cO
	case ')', ']', '}', '>':
		return cC
	case '.', ',', ';', ':', '!', '?', 0x2026:
		return cP
	case '"', '\'', '`', 0x201C, 0x201D, 0x2018, 0x2019, 0x201E, 0x201A, 0xAB, 0xBB, 0x2039, 0x203A,
		0x300C, 0x300D, 0x300E, 0x300F:
		return cQ
	}
	if r < 0x80 {
		return cL
	}
	if unicode.IsSpace(r) {
		return cS
	}
	return cL
}

// interest marks the bytes the scanner stops at.
var interest = func() (t [256]bool) {
	for _, c := range []byte{'"', '\'', '`', '\n', 0xE2, 0xC2, 0xE3} {
		t[c] = true
	}
	return t
}()

// token is one quote mark, with the role its glyph and neighbours give it.
type token struct {
	pos, n    int
	line      int // line in its block
	brk       int // the line break before its line, when lineStart and line > 0
	fam       family
	role      role
	ambig     bool // an apostrophe that may close a quotation (Joneses’)
	lineStart bool // only white space before it on its line
}

type entry struct {
	fam       family
	open, n   int // opening mark
	line      int // line of the opening (or re-opening) mark in its block
	lineStart bool
	lineEnd   int // end of that line, when lineStart
	rec       int // index in parser.recs
	minEnd    int // end of the last quotation closed inside it
	partStart int
	parts     []span.Span
	fallback  int // where it ends if the next paragraph does not re-open it
}

// rec is a quotation found, before it becomes a Quote: from start to end,
// with an opening mark of openN bytes and a closing one of closeN.
type rec struct {
	start, end      int
	openN, closeN   uint8
	closed, dropped bool
	parts           int32 // 1 + index in parser.parts, or 0
}

// parser pairs the marks of one text. Its marks are read by a cursor as
// they are needed, never stored: its memory is the quotations found and the
// few open at a time, whatever the number of marks.
type parser struct {
	text       string
	cfg        *config
	stack      []entry
	recs       []rec
	parts      [][]span.Span // Parts of the quotations over several paragraphs
	ends       []int         // finish's stack of enclosing ends
	blockStart int
	prevEnd    int // end of the previous block, for carried entries
	// The answer of the last look-ahead for a plural possessive: every
	// ambiguous closer of the block before deferUntil defers when
	// deferAns.
	deferUntil int
	deferAns   bool
}

// cursor reads the marks of one block in order. It is a small value: a
// copy reads ahead without moving the original.
type cursor struct {
	i        int // next byte to read
	line     int // line of byte i in its block
	swarFrom int // bytes before it are read one by one
	end      int // end of the block, once read to it
	next     int // start of the next block, once read to the end
	last     bool
}

// parsers keeps parsers' buffers for reuse across calls.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// maxKept is the most quotation records a pooled parser keeps between
// calls (3 MB): a text with more quotations than that pays for its own.
const maxKept = 1 << 17

// reset readies p for text, keeping its buffers.
func (p *parser) reset(text string, cfg *config) {
	p.text, p.cfg = text, cfg
	clear(p.parts)
	p.stack, p.recs, p.parts, p.ends = p.stack[:0], p.recs[:0], p.parts[:0], p.ends[:0]
	p.blockStart, p.prevEnd = 0, 0
	if cap(p.recs) > maxKept {
		p.recs = nil // do not keep a huge buffer alive
	}
	if cap(p.parts) > 1<<12 {
		p.parts = nil
	}
	if text != "" && p.recs == nil {
		// One quotation per 2 KB of text at first: news runs under it.
		p.recs = make([]rec, 0, min(len(text)>>11+16, maxKept))
	}
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// skipPlain returns the first j >= i such that the 8 bytes at t[j:] hold
// one the scanner stops at (a byte of a multi-byte character, a straight
// quote mark, a backtick or a line feed), or that fewer than 8 bytes
// remain. It reads 8 bytes at a time.
func skipPlain(t string, i int) int {
	for ; i+8 <= len(t); i += 8 {
		b := t[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if w&highs != 0 || hasZero(w^('"'*ones))|hasZero(w^('\''*ones))|hasZero(w^('`'*ones))|hasZero(w^('\n'*ones)) != 0 {
			break
		}
	}
	return i
}

// plainStops are the bytes skipPlain stops at, for blocks.Index.
var plainStops = blocks.New(true, '"', '\'', '`', '\n')

// hasZero is non-zero when one of the bytes of v is zero.
func hasZero(v uint64) uint64 { return (v - ones) &^ v & highs }

// run pairs the marks of the text block by block (a block is a paragraph
// between blank lines).
func (p *parser) run() {
	p.blockStart = 0
	for {
		c := cursor{i: p.blockStart}
		p.block(&c)
		if c.last {
			return
		}
		p.blockStart = c.next
	}
}

// read sets tk to the next mark of c's block and moves c past it; at the
// end of the block it returns false, with c.end, c.next and c.last set.
func (p *parser) read(c *cursor, tk *token) bool {
	t := p.text
	swarFrom, line := c.swarFrom, c.line
	for i := c.i; i < len(t); i++ {
		if i >= swarFrom {
			// The blocks of sixteen bytes go first, where blocks.Index
			// finds the byte to stop at; skipPlain reads what they leave.
			if j := blocks.Index(t[i:], plainStops); j < (len(t)-i)&^15 {
				i += j
			} else {
				i = skipPlain(t, i+j)
			}
			// The 8 bytes at i hold one to stop at: scan them bytewise.
			swarFrom = i + 8
		}
		if i >= len(t) {
			break
		}
		ch := t[i]
		if !interest[ch] {
			continue
		}
		n, f, g := 0, famNone, gStraightD
		switch ch {
		case '\n':
			j := i + 1
			for j < len(t) {
				if w := spaceAt(t, j); w > 0 && t[j] != '\n' {
					j += w
					continue
				}
				break
			}
			if j < len(t) && t[j] == '\n' {
				// A blank line: the block ends at i.
				for j < len(t) {
					w := spaceAt(t, j)
					if w == 0 {
						break
					}
					j += w
				}
				c.i, c.end, c.next, c.line = j, i, j, line
				return false
			}
			line++
			continue
		case '"':
			n, f, g = 1, famStraight, gStraightD
		case '\'':
			if i+1 < len(t) && t[i+1] == '\'' && !(p.cfg.straight && elidedWord(t, i+2)) {
				// Two apostrophes stand for a double mark, save before a
				// word that an apostrophe shortens: ''Tis is a single
				// mark and 'Tis.
				n, f, g = 2, famStraight, gStraightD
			} else if p.cfg.straight {
				n, f, g = 1, famSingle, gStraightS
			} else {
				continue
			}
		case '`':
			// Typewriter and TeX marks: `` opens a double quotation and
			// ` a single one; '' and ' close them.
			if i+1 < len(t) && t[i+1] == '`' {
				n, f, g = 2, famStraight, gBacktick
			} else {
				n, f, g = 1, famSingle, gBacktick
			}
		case 0xC2:
			if i+1 >= len(t) {
				continue
			}
			switch t[i+1] {
			case 0xAB:
				n, f, g = 2, famGuil, gLeftGuil
			case 0xBB:
				n, f, g = 2, famGuil, gRightGuil
			default:
				continue
			}
		case 0xE2, 0xE3:
			if i+2 >= len(t) || t[i+1] != 0x80 || t[i+2] > 0xBF {
				continue
			}
			m := threeByteMarks[ch-0xE2][t[i+2]&0x3F]
			if m.fam == famNone || m.fam == famDash && !p.cfg.dialogueDash {
				if m.fam == famDash {
					i += 2
				}
				continue
			}
			n, f, g = 3, m.fam, m.glyph
		}
		ok := p.mark(tk, i, n, f, g, line)
		i += n - 1
		if ok {
			c.i, c.swarFrom, c.line = i+1, swarFrom, line
			return true
		}
	}
	c.i, c.end, c.next, c.last, c.line = len(t), len(t), len(t), true, line
	return false
}

// threeByteMarks are the family and glyph of the marks written E2 80 xx
// (“ ” „ ‘ ’ ‚ ‹ › and the dashes) and E3 80 xx (「 」 『 』), by the low six
// bits of their last byte.
var threeByteMarks = [2][64]struct {
	fam   family
	glyph glyph
}{
	{
		0x1C: {famDouble, gLeftD}, 0x1D: {famDouble, gRightD}, 0x1E: {famDouble, gLowD},
		0x18: {famSingle, gLeftS}, 0x19: {famSingle, gRightS}, 0x1A: {famSingle, gLowS},
		0x39: {famSGuil, gLeftGuil}, 0x3A: {famSGuil, gRightGuil},
		0x13: {famDash, gDash}, 0x14: {famDash, gDash}, 0x15: {famDash, gDash},
	},
	{
		0x0C: {famCorner, gLeftCJK}, 0x0D: {famCorner, gRightCJK},
		0x0E: {famWCorner, gLeftCJK}, 0x0F: {famWCorner, gRightCJK},
	},
}

type glyph uint8

const (
	gStraightD glyph = iota // " or ''
	gStraightS              // '
	gLeftD                  // “
	gRightD                 // ”
	gLowD                   // „
	gLeftS                  // ‘
	gRightS                 // ’
	gLowS                   // ‚
	gLeftGuil               // « ‹
	gRightGuil              // » ›
	gLeftCJK                // 「 『
	gRightCJK               // 」 』
	gDash                   // — – ―
	gBacktick               // ` or ``
)

// mark sets tk to the mark at t[i:i+n] on the given line of its block,
// with the role its glyph and its neighbours give it. It returns false when
// the mark is no quote mark there.
func (p *parser) mark(tk *token, i, n int, f family, g glyph, line int) bool {
	t := p.text
	if f == famSingle && i > 0 && i+n < len(t) && isASCIILetter(t[i-1]) && isASCIILetter(t[i+n]) && g != gLeftS {
		return false // don’t: the common apostrophe, decided at once
	}
	prev, next := rune(-1), rune(-1)
	if i > 0 {
		lo := i - utf8.UTFMax
		if lo < 0 {
			lo = 0
		}
		prev, _ = utf8.DecodeLastRuneInString(t[lo:i])
	}
	if i+n < len(t) {
		next, _ = utf8.DecodeRuneInString(t[i+n:])
	}
	pc, nc := classOf(prev), classOf(next)
	base := baseRole[pc][nc]
	*tk = token{pos: i, n: n, line: line, fam: f}
	// Only white space between the start of the line and the mark?
	k := i
	for k > p.blockStart {
		w := spaceBefore(t, k)
		if w == 0 || t[k-1] == '\n' {
			break
		}
		k -= w
	}
	tk.lineStart = k <= p.blockStart || t[k-1] == '\n'
	if k > p.blockStart {
		tk.brk = k - 1
	}
	if tk.lineStart && (base == rEither || base == rIntra) && g != gStraightS && g != gRightS {
		// A mark that opens a line opens a quotation (”… at a paragraph's
		// start is a misused opener).
		base = rOpen
	}
	switch g {
	case gStraightD:
		if base == rIntra {
			base = rEither
		}
		tk.role = base
	case gLeftD:
		switch base {
		case rIntra, rEither:
			tk.role = rOpen
		default:
			tk.role = base
		}
	case gRightD:
		switch base {
		case rIntra, rEither:
			tk.role = rClose
		default:
			tk.role = base
		}
	case gLowD:
		tk.role = rOpen
	case gBacktick:
		switch base {
		case rOpen, rEither:
			tk.role = rOpen
		case rClose:
			// A closing backtick ends code in backticks (`x`), a span
			// of markup.
			tk.role = rCloseIfOpen
		}
		// Between two letters it is an apostrophe: John`s.
	case gLowS:
		if base == rOpen {
			tk.role = rOpen
		}
	case gLeftGuil:
		tk.role = rOpen
		if base == rClose {
			tk.role = rClose
		}
	case gRightGuil:
		tk.role = rClose
		if base == rOpen {
			tk.role = rOpen
		}
	case gLeftCJK:
		tk.role = rOpen
	case gRightCJK:
		tk.role = rClose
	case gDash:
		switch {
		case tk.lineStart && (nc == cS || nc == cL || nc == cQ):
			tk.role = rOpen
		case pc == cS || nc == cS:
			tk.role = rCloseIfOpen
		}
	case gLeftS, gRightS, gStraightS:
		if pc == cS && nc == cS {
			break // a lone mark between spaces
		}
		switch base {
		case rIntra:
			// don’t, O’Brien: an apostrophe.
		case rOpen, rEither:
			if elision(t, i+n) {
				break // ’90s, ’em, 'til
			}
			switch {
			case g == gRightS && base == rOpen:
				// ’ before a word is an elision mark.
			case g == gRightS:
				tk.role = rCloseIfOpen
			case g == gLeftS:
				tk.role = rOpen
			default:
				tk.role = base
			}
		case rClose:
			if elidedN(t, i) {
				break // rock ’n’ roll
			}
			tk.role = rClose
			tk.ambig = pluralOrDropped(t, i)
		}
	}
	return tk.role != rSkip
}

// elision reports whether the text at i (just after a mark) is a word that
// an apostrophe shortens: a two-digit year (’90s), one of elidedWord's, or
// the n of rock 'n' roll and the s of a possessive.
func elision(t string, i int) bool {
	w := wordAt(t, i)
	if len(w) == 2 && isDigit(w[0]) && isDigit(w[1]) || len(w) == 3 && isDigit(w[0]) && isDigit(w[1]) && w[2] == 's' {
		return true
	}
	return w == "n" || w == "N" || w == "s" || w == "S" || elidedWord(t, i)
}

// elidedWord reports whether the word at i is one whose first letters an
// apostrophe stands for: 'em, 'til, 'tis, 'twas, 'cause, 'cos, 'nuff,
// 'bout.
func elidedWord(t string, i int) bool {
	switch w := wordAt(t, i); len(w) {
	case 2, 3, 4, 5:
		var b [5]byte
		for k := 0; k < len(w); k++ {
			b[k] = w[k] | 0x20
		}
		switch string(b[:len(w)]) {
		case "em", "til", "tis", "twas", "cause", "cos", "nuff", "bout":
			return true
		}
	}
	return false
}

// wordAt returns the ASCII word of letters and digits at i, or "" when it
// is longer than six bytes.
func wordAt(t string, i int) string {
	j := i
	for j < len(t) && j-i < 6 && isASCIILetterOrDigit(t[j]) {
		j++
	}
	if j < len(t) && isASCIILetterOrDigit(t[j]) {
		return ""
	}
	return t[i:j]
}

// elidedN reports whether the mark at i closes a lone n opened by an
// apostrophe (’n’).
func elidedN(t string, i int) bool {
	if i < 2 || t[i-1] != 'n' {
		return false
	}
	k := i - 1
	if t[k-1] == '\'' {
		return true
	}
	return k >= 3 && t[k-3] == 0xE2 && t[k-2] == 0x80 && (t[k-1] == 0x99 || t[k-1] == 0x98)
}

// pluralOrDropped reports whether a mark after a word may be an apostrophe:
// a plural possessive (the Joneses’ dog) or a dropped g (runnin’).
func pluralOrDropped(t string, i int) bool {
	c := t[i-1]
	if c == 's' || c == 'S' || c == 'z' {
		return true
	}
	return c == 'n' && i >= 3 && t[i-2] == 'i' && isASCIILetter(t[i-3])
}

func isDigit(c byte) bool              { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool        { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIILetterOrDigit(c byte) bool { return isASCIILetter(c) || isDigit(c) }

// spaceAt returns the byte width of the white space at t[i], or 0.
func spaceAt(t string, i int) int {
	switch c := t[i]; c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return 1
	case 0xC2:
		if i+1 < len(t) && t[i+1] == 0xA0 {
			return 2
		}
	case 0xE2:
		if i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] >= 0x80 && t[i+2] <= 0x8B || t[i+2] == 0xAF) {
			return 3
		}
	case 0xE3:
		if i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

// spaceBefore returns the byte width of the white space ending at t[e-1],
// or 0.
func spaceBefore(t string, e int) int {
	if e <= 0 {
		return 0
	}
	switch t[e-1] {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return 1
	case 0xA0:
		if e >= 2 && t[e-2] == 0xC2 {
			return 2
		}
	default:
		if e >= 3 && (t[e-3] == 0xE2 && t[e-2] == 0x80 && (t[e-1] >= 0x80 && t[e-1] <= 0x8B || t[e-1] == 0xAF) ||
			t[e-3] == 0xE3 && t[e-2] == 0x80 && t[e-1] == 0x80) {
			return 3
		}
	}
	return 0
}

// trimEnd moves e back over white space, not before lo.
func trimEnd(t string, lo, e int) int {
	for e > lo {
		w := spaceBefore(t, e)
		if w == 0 || e-w < lo {
			break
		}
		e -= w
	}
	return e
}

// sentenceEnd returns the end of the sentence that runs on from offset
// from, not past lim: just after the first . ! or ? (and the closing marks
// that follow it) that white space and a sentence start follow.
func sentenceEnd(t string, from, lim int) int {
	for i := from; i < lim; i++ {
		c := t[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if c == '.' && abbreviation(t, from, i) {
			continue
		}
		j := i + 1
		for j < lim {
			switch {
			case t[j] == ')' || t[j] == ']' || t[j] == '"' || t[j] == '\'':
				j++
				continue
			case j+2 < lim && t[j] == 0xE2 && t[j+1] == 0x80 && (t[j+2] == 0x9D || t[j+2] == 0x99):
				j += 3
				continue
			}
			break
		}
		if j >= lim {
			return lim
		}
		if w := spaceAt(t, j); w > 0 {
			k := j + w
			for k < lim {
				w2 := spaceAt(t, k)
				if w2 == 0 {
					break
				}
				k += w2
			}
			if k >= lim || startsSentence(t[k]) {
				return j
			}
		}
	}
	return lim
}

// abbreviation reports whether the full stop at i ends a short capitalised
// word (Mr., Sen., U.S.) rather than a sentence.
func abbreviation(t string, lo, i int) bool {
	k := i
	for k > lo && i-k < 4 && isASCIILetter(t[k-1]) {
		k--
	}
	if k == i || i-k > 3 {
		return false
	}
	if k > lo && isASCIILetter(t[k-1]) {
		return false
	}
	return t[k] >= 'A' && t[k] <= 'Z'
}

func startsSentence(c byte) bool {
	return c >= 'A' && c <= 'Z' || isDigit(c) || c == '"' || c == '\'' || c == '(' || c == 0xE2 || c == 0xC2
}

// lineEnd returns the end of the line that holds offset i: its line
// break, or the end of the text. A block's last line ends at the blank line
// after it, so this is also the end of the block's line.
func (p *parser) lineEnd(i int) int {
	if k := strings.IndexByte(p.text[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(p.text)
}

// startLine makes e's current piece start at token tk, which opens its
// line.
func (p *parser) startLine(e *entry, tk *token) {
	e.partStart, e.line, e.lineStart, e.lineEnd = tk.pos, tk.line, true, p.lineEnd(tk.pos)
}

// push opens a quotation at token tk.
func (p *parser) push(tk *token) {
	// Room at the rate of quotations per byte so far: a text with many
	// grows the records once.
	p.recs = append(room.For(p.recs, 0, tk.pos, len(p.text)), rec{start: tk.pos, openN: uint8(tk.n)})
	p.stack = append(p.stack, entry{
		fam: tk.fam, open: tk.pos, n: tk.n, line: tk.line, lineStart: tk.lineStart,
		rec: len(p.recs) - 1, minEnd: tk.pos + tk.n, partStart: tk.pos,
	})
	if tk.lineStart {
		p.stack[len(p.stack)-1].lineEnd = p.lineEnd(tk.pos)
	}
}

// pop removes the top entry and records it as a quotation ending at end;
// closeN is the length of its closing mark, 0 when none.
func (p *parser) pop(end, closeN int, closed bool) {
	k := len(p.stack) - 1
	e := p.stack[k]
	p.stack = p.stack[:k]
	if end < e.minEnd {
		end = e.minEnd
	}
	r := &p.recs[e.rec]
	r.end, r.closeN, r.closed = end, uint8(closeN), closed
	keep := hasWord(p.text[r.start+int(r.openN) : end-closeN])
	if !closed && e.fam == famSingle && k > 0 {
		// An unclosed single mark inside another quotation is most
		// likely an apostrophe.
		keep = false
	}
	if !keep {
		if e.rec == len(p.recs)-1 {
			p.recs = p.recs[:e.rec]
		} else {
			r.dropped = true
		}
		return
	}
	if e.parts != nil {
		p.parts = append(p.parts, append(e.parts, span.Of(p.text, e.partStart, end)))
		r.parts = int32(len(p.parts))
	}
	if k > 0 && p.stack[k-1].minEnd < end {
		p.stack[k-1].minEnd = end
	}
}

// hasWord reports whether s holds a letter or digit.
func hasWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			if isASCIILetterOrDigit(c) {
				return true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		i += n - 1
	}
	return false
}

// strayEnd is where an unclosed entry ends when something at lim (on line
// limLine) shows it will not close: the end of its line when it opened the
// line, else the end of its sentence (which may run over a line break, as
// in hard-wrapped text).
func (p *parser) strayEnd(e *entry, lim, limLine int) int {
	if e.line < limLine && e.lineStart {
		return trimEnd(p.text, e.partStart, e.lineEnd)
	}
	from := e.open + e.n
	if e.partStart > from {
		from = e.partStart
	}
	return trimEnd(p.text, e.partStart, sentenceEnd(p.text, from, lim))
}

// block pairs the marks of the block that c starts, reading it to its end.
func (p *parser) block(c *cursor) {
	var tk token
	ok := p.read(c, &tk)
	if !ok && trimEnd(p.text, p.blockStart, c.end) == p.blockStart {
		// White space only: nothing happens, carried quotations wait.
		if c.last {
			p.flush()
		}
		return
	}
	p.deferUntil = -1
	if len(p.stack) > 0 {
		// Carried from the previous block: re-opened here, or done.
		if ok && tk.lineStart && tk.line == 0 && tk.role != rClose &&
			tk.role != rCloseIfOpen && tk.fam == p.stack[0].fam && p.stack[0].fam != famDash {
			for len(p.stack) > 1 {
				p.pop(p.stack[len(p.stack)-1].fallback, 0, false)
			}
			e := &p.stack[0]
			e.parts = append(e.parts, span.Of(p.text, e.partStart, trimEnd(p.text, e.partStart, p.prevEnd)))
			p.startLine(e, &tk)
			ok = p.read(c, &tk)
		} else {
			p.flush()
		}
	}
	for ; ok; ok = p.read(c, &tk) {
		// c is just past tk: a copy of it reads the marks that follow.
		if p.cfg.dialogueDash && len(p.stack) > 0 && p.stack[0].fam == famDash && tk.line > p.stack[0].line {
			p.closeDash(p.stack[0].lineEnd, tk.line)
		}
		r := tk.role
		if r == rEither {
			r = rOpen
			if p.find(tk.fam) >= 0 {
				r = rClose
			}
		}
		switch r {
		case rOpen:
			p.open(&tk, c)
		case rClose, rCloseIfOpen:
			p.close(&tk, c)
		}
	}
	if p.cfg.dialogueDash && len(p.stack) > 0 && p.stack[0].fam == famDash {
		p.closeDash(p.stack[0].lineEnd, c.line+1)
	}
	for i := range p.stack {
		e := &p.stack[i]
		e.fallback = p.strayEnd(e, c.end, e.line+1)
	}
	p.prevEnd = c.end
	if c.last {
		p.flush()
	}
}

// flush ends every open quotation where it falls back to.
func (p *parser) flush() {
	for len(p.stack) > 0 {
		p.pop(p.stack[len(p.stack)-1].fallback, 0, false)
	}
}

// find returns the index of the innermost open entry of family f, or -1.
func (p *parser) find(f family) int {
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i].fam == f {
			return i
		}
	}
	return -1
}

// open opens a quotation at tk; ahead is just past it.
func (p *parser) open(tk *token, ahead *cursor) {
	if tk.fam == famDash && len(p.stack) > 0 {
		return
	}
	if n := len(p.stack); n > 0 && p.stack[n-1].fam == tk.fam {
		top := &p.stack[n-1]
		if tk.lineStart && tk.line > top.line {
			// The same quotation re-opened at the start of the next line:
			// the multi-paragraph convention over a single newline.
			top.parts = append(top.parts, span.Of(p.text, top.partStart, trimEnd(p.text, top.partStart, tk.brk)))
			p.startLine(top, tk)
			return
		}
		// Marks of one family seldom nest directly. They do when the
		// two marks of the same family that follow both close (“a “b” c”);
		// else the open one is stray and ends before this one.
		if !p.nests(tk.fam, *ahead) {
			p.pop(p.strayEnd(top, tk.pos, tk.line), 0, false)
		}
	}
	if len(p.stack) >= p.cfg.maxDepth {
		return
	}
	p.push(tk)
}

// nests reports whether the next mark of family f that c reads does not
// open and the one after it closes.
func (p *parser) nests(f family, c cursor) bool {
	seen := 0
	var tk token
	for {
		if !p.read(&c, &tk) {
			return false
		}
		if tk.fam != f {
			continue
		}
		if seen == 1 {
			return tk.role == rClose
		}
		if tk.role == rOpen {
			return false
		}
		seen++
	}
}

// defers reports whether the plural possessive or dropped g tk should
// leave the closing to a later single closer: one comes, in the block,
// before any single opener or double closer. c reads the marks after tk.
// Every mark between tk and the one that decides gets the same answer, so
// it is kept, and a run of possessives reads ahead once.
func (p *parser) defers(tk *token, c cursor) bool {
	if tk.pos < p.deferUntil {
		return p.deferAns
	}
	var u token
	for {
		if !p.read(&c, &u) {
			p.deferUntil, p.deferAns = c.end, false
			return false
		}
		switch {
		case u.fam == famSingle && u.role == rClose && !u.ambig:
			p.deferUntil, p.deferAns = u.pos, true
			return true
		case u.fam == famSingle && u.role == rOpen, u.fam.strong() && u.role != rOpen:
			p.deferUntil, p.deferAns = u.pos, false
			return false
		}
	}
}

// close closes the innermost open quotation of tk's family (or of the
// family it may close) at tk; ahead is just past it.
func (p *parser) close(tk *token, ahead *cursor) {
	i := p.find(tk.fam)
	if i < 0 && tk.fam.compat() != famNone {
		i = p.find(tk.fam.compat())
	}
	if i < 0 {
		return
	}
	if tk.ambig && p.defers(tk, *ahead) {
		return // an apostrophe: a better closer follows
	}
	if tk.fam == famSingle {
		for j := i + 1; j < len(p.stack); j++ {
			if p.stack[j].fam.strong() {
				return // a single mark does not close past a double one
			}
		}
	}
	for len(p.stack) > i+1 {
		top := &p.stack[len(p.stack)-1]
		p.pop(p.strayEnd(top, tk.pos, tk.line), 0, false)
	}
	p.pop(tk.pos+tk.n, tk.n, true)
}

// closeDash ends the dialogue-dash quotation at the end of its line.
func (p *parser) closeDash(lineEnd, line int) {
	for len(p.stack) > 1 {
		top := &p.stack[len(p.stack)-1]
		p.pop(p.strayEnd(top, lineEnd, line), 0, false)
	}
	e := &p.stack[0]
	p.pop(trimEnd(p.text, e.open+e.n, lineEnd), 0, true)
}

// finish turns the records into quotations, recomputing depths and
// leaving out any that would cross another.
func (p *parser) finish() []Quote {
	n := 0
	for i := range p.recs {
		if !p.recs[i].dropped {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	t := p.text
	out := make([]Quote, 0, n)
	ends := p.ends[:0]
	for i := range p.recs {
		r := &p.recs[i]
		if r.dropped {
			continue
		}
		for len(ends) > 0 && ends[len(ends)-1] <= r.start {
			ends = ends[:len(ends)-1]
		}
		if len(ends) > 0 && r.end > ends[len(ends)-1] {
			continue // would cross its enclosing quotation
		}
		// Fill the quotation in place: a copy of the whole value costs a
		// bulk write barrier while the collector runs.
		out = out[:len(out)+1]
		q := &out[len(out)-1]
		openEnd, closeStart := r.start+int(r.openN), r.end-int(r.closeN)
		q.Start, q.End, q.Text = r.start, r.end, t[r.start:r.end]
		q.Inner = span.Of(t, openEnd, closeStart)
		q.Open, q.Close = t[r.start:openEnd], t[closeStart:r.end]
		q.Closed, q.Depth = r.closed, len(ends)
		if r.parts > 0 {
			q.Parts = p.parts[r.parts-1]
		}
		ends = append(ends, r.end)
	}
	p.ends = ends
	return out
}
