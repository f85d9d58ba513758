package quote

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/span"
)

// family groups the marks that pair with each other.
type family uint8

const (
	famNone     family = iota
	famDouble          // “ ” „
	famStraight        // " ''
	famSingle          // ‘ ’ ' ‚
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
	case '"', '\'', 0x201C, 0x201D, 0x2018, 0x2019, 0x201E, 0x201A, 0xAB, 0xBB, 0x2039, 0x203A,
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
	for _, c := range []byte{'"', '\'', '\n', 0xE2, 0xC2, 0xE3} {
		t[c] = true
	}
	return t
}()

type token struct {
	pos, n    int
	line      int
	next      int // next single closer a plural possessive should defer to, or -1
	nextSame  int // next token of the same family, or -1
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
	rec       int // index in parser.recs
	minEnd    int // end of the last quotation closed inside it
	partStart int
	parts     []span.Span
	fallback  int // where it ends if the next paragraph does not re-open it
}

// rec is a quotation found, before it becomes a Quote.
type rec struct {
	start, openEnd, closeStart, end int
	closed, dropped                 bool
	parts                           []span.Span
}

type parser struct {
	text       string
	cfg        *config
	toks       []token
	lineEnds   []int
	stack      []entry
	recs       []rec
	blockStart int
	prevEnd    int // end of the previous block, for carried entries
}

// run scans the text once, block by block (a block is a paragraph between
// blank lines), and pairs the marks of each block as it ends.
// parsers keeps parsers' buffers for reuse across calls.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// reset readies p for text, keeping its buffers.
func (p *parser) reset(text string, cfg *config) {
	p.text, p.cfg = text, cfg
	p.toks, p.lineEnds, p.stack, p.recs = p.toks[:0], p.lineEnds[:0], p.stack[:0], p.recs[:0]
	p.blockStart, p.prevEnd = 0, 0
	if cap(p.recs) > 1<<16 {
		p.recs = nil // do not keep a huge buffer alive
	}
	if cap(p.toks) > 1<<16 {
		p.toks = nil
	}
	if cap(p.lineEnds) > 1<<16 {
		p.lineEnds = nil
	}
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// plain reports whether none of the 8 bytes at t[i:] is one the scanner
// stops at: all ASCII, and no '"', '\” or '\n'.
func plain(t string, i int) bool {
	t = t[i : i+8]
	w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
	return w&highs == 0 && hasZero(w^('"'*ones))|hasZero(w^('\''*ones))|hasZero(w^('\n'*ones)) == 0
}

// hasZero is non-zero when one of the bytes of v is zero.
func hasZero(v uint64) uint64 { return (v - ones) &^ v & highs }

func (p *parser) run() {
	t := p.text
	p.blockStart = 0
	line := 0
	swarFrom := 0 // bytes before it are scanned one by one
	for i := 0; i < len(t); i++ {
		if i >= swarFrom {
			for i+8 <= len(t) && plain(t, i) {
				i += 8
			}
			// The 8 bytes at i hold one to stop at: scan them bytewise.
			swarFrom = i + 8
		}
		if i >= len(t) {
			break
		}
		c := t[i]
		if !interest[c] {
			continue
		}
		switch c {
		case '\n':
			p.lineEnds = append(p.lineEnds, i)
			line++
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
				p.lineEnds[len(p.lineEnds)-1] = i
				p.block(i, false)
				for j < len(t) {
					w := spaceAt(t, j)
					if w == 0 {
						break
					}
					j += w
				}
				p.blockStart = j
				line = 0
				i = j - 1
			}
		case '"':
			p.add(i, 1, famStraight, gStraightD, line)
		case '\'':
			if i+1 < len(t) && t[i+1] == '\'' {
				p.add(i, 2, famStraight, gStraightD, line)
				i++
			} else if p.cfg.straight {
				p.add(i, 1, famSingle, gStraightS, line)
			}
		case 0xC2:
			if i+1 < len(t) {
				switch t[i+1] {
				case 0xAB:
					p.add(i, 2, famGuil, gLeftGuil, line)
					i++
				case 0xBB:
					p.add(i, 2, famGuil, gRightGuil, line)
					i++
				}
			}
		case 0xE2:
			if i+2 < len(t) && t[i+1] == 0x80 {
				switch t[i+2] {
				case 0x9C:
					p.add(i, 3, famDouble, gLeftD, line)
				case 0x9D:
					p.add(i, 3, famDouble, gRightD, line)
				case 0x9E:
					p.add(i, 3, famDouble, gLowD, line)
				case 0x98:
					p.add(i, 3, famSingle, gLeftS, line)
				case 0x99:
					p.add(i, 3, famSingle, gRightS, line)
				case 0x9A:
					p.add(i, 3, famSingle, gLowS, line)
				case 0xB9:
					p.add(i, 3, famSGuil, gLeftGuil, line)
				case 0xBA:
					p.add(i, 3, famSGuil, gRightGuil, line)
				case 0x93, 0x94, 0x95:
					if p.cfg.dialogueDash {
						p.add(i, 3, famDash, gDash, line)
					}
				default:
					continue
				}
				i += 2
			}
		case 0xE3:
			if i+2 < len(t) && t[i+1] == 0x80 {
				switch t[i+2] {
				case 0x8C:
					p.add(i, 3, famCorner, gLeftCJK, line)
				case 0x8D:
					p.add(i, 3, famCorner, gRightCJK, line)
				case 0x8E:
					p.add(i, 3, famWCorner, gLeftCJK, line)
				case 0x8F:
					p.add(i, 3, famWCorner, gRightCJK, line)
				default:
					continue
				}
				i += 2
			}
		}
	}
	p.lineEnds = append(p.lineEnds, len(t))
	p.block(len(t), true)
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
)

// add records the mark at t[i:i+n] with the role its glyph and its
// neighbours give it.
func (p *parser) add(i, n int, f family, g glyph, line int) {
	t := p.text
	if f == famSingle && i > 0 && i+n < len(t) && isASCIILetter(t[i-1]) && isASCIILetter(t[i+n]) && g != gLeftS {
		return // don’t: the common apostrophe, decided at once
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
	tk := token{pos: i, n: n, line: line, fam: f, next: -1}
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
	if tk.role == rSkip {
		return
	}
	p.toks = append(p.toks, tk)
}

// elision reports whether the text at i (just after a mark) is a word that
// an apostrophe shortens: a two-digit year (’90s) or 'em, 'til, 'tis,
// 'cause, 'n'.
func elision(t string, i int) bool {
	j := i
	for j < len(t) && j-i < 6 && isASCIILetterOrDigit(t[j]) {
		j++
	}
	w := t[i:j]
	if len(w) == 0 || (j < len(t) && isASCIILetterOrDigit(t[j])) {
		return false
	}
	if len(w) == 2 && isDigit(w[0]) && isDigit(w[1]) || len(w) == 3 && isDigit(w[0]) && isDigit(w[1]) && w[2] == 's' {
		return true
	}
	switch lowerASCII(w) {
	case "em", "til", "tis", "twas", "cause", "cos", "n", "nuff", "bout", "s":
		return true
	}
	return false
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

func lowerASCII(w string) string {
	for k := 0; k < len(w); k++ {
		if w[k] >= 'A' && w[k] <= 'Z' {
			b := []byte(w)
			for m := k; m < len(b); m++ {
				if b[m] >= 'A' && b[m] <= 'Z' {
					b[m] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

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

// lineEnd returns the end of line l of the current block.
func (p *parser) lineEnd(l int) int {
	if l < len(p.lineEnds) {
		return p.lineEnds[l]
	}
	return p.lineEnds[len(p.lineEnds)-1]
}

// push opens a quotation at token tk.
func (p *parser) push(tk token) {
	p.recs = append(p.recs, rec{start: tk.pos, openEnd: tk.pos + tk.n})
	p.stack = append(p.stack, entry{
		fam: tk.fam, open: tk.pos, n: tk.n, line: tk.line, lineStart: tk.lineStart,
		rec: len(p.recs) - 1, minEnd: tk.pos + tk.n, partStart: tk.pos,
	})
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
	r.end, r.closeStart, r.closed = end, end-closeN, closed
	if e.parts != nil {
		r.parts = append(e.parts, span.Of(p.text, e.partStart, end))
	}
	keep := hasWord(p.text[r.openEnd:r.closeStart])
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
		return trimEnd(p.text, e.partStart, p.lineEnd(e.line))
	}
	from := e.open + e.n
	if e.partStart > from {
		from = e.partStart
	}
	return trimEnd(p.text, e.partStart, sentenceEnd(p.text, from, lim))
}

// block pairs the marks of the block that ends at end.
func (p *parser) block(end int, last bool) {
	toks := p.toks
	defer func() {
		p.toks = p.toks[:0]
		p.lineEnds = p.lineEnds[:0]
	}()
	if len(toks) == 0 && trimEnd(p.text, p.blockStart, end) == p.blockStart {
		// White space only: nothing happens, carried quotations wait.
		if last {
			p.flush()
		}
		return
	}
	// A plural possessive defers to a later single closer before the next
	// single opener or double closer.
	next := -1
	var lastOf [famDash + 1]int
	for i := range lastOf {
		lastOf[i] = -1
	}
	for i := len(toks) - 1; i >= 0; i-- {
		tk := &toks[i]
		tk.next = next
		tk.nextSame = lastOf[tk.fam]
		lastOf[tk.fam] = i
		switch {
		case tk.fam == famSingle && tk.role == rClose && !tk.ambig:
			next = i
		case tk.fam == famSingle && tk.role == rOpen, tk.fam.strong() && tk.role != rOpen:
			next = -1
		}
	}
	k := 0
	if len(p.stack) > 0 {
		// Carried from the previous block: re-opened here, or done.
		if len(toks) > 0 && toks[0].lineStart && toks[0].line == 0 && toks[0].role != rClose &&
			toks[0].role != rCloseIfOpen && toks[0].fam == p.stack[0].fam && p.stack[0].fam != famDash {
			for len(p.stack) > 1 {
				p.pop(p.stack[len(p.stack)-1].fallback, 0, false)
			}
			e := &p.stack[0]
			e.parts = append(e.parts, span.Of(p.text, e.partStart, trimEnd(p.text, e.partStart, p.prevEnd)))
			e.partStart, e.line, e.lineStart = toks[0].pos, 0, true
			k = 1
		} else {
			p.flush()
		}
	}
	for ; k < len(toks); k++ {
		tk := toks[k]
		if p.cfg.dialogueDash && len(p.stack) > 0 && p.stack[0].fam == famDash && tk.line > p.stack[0].line {
			p.closeDash(p.lineEnd(p.stack[0].line), tk.line)
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
			p.open(toks, k)
		case rClose, rCloseIfOpen:
			p.close(tk)
		}
	}
	if p.cfg.dialogueDash && len(p.stack) > 0 && p.stack[0].fam == famDash {
		p.closeDash(p.lineEnd(p.stack[0].line), len(p.lineEnds))
	}
	for i := range p.stack {
		e := &p.stack[i]
		e.fallback = p.strayEnd(e, end, e.line+1)
	}
	p.prevEnd = end
	if last {
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

func (p *parser) open(toks []token, k int) {
	tk := toks[k]
	if tk.fam == famDash && len(p.stack) > 0 {
		return
	}
	if n := len(p.stack); n > 0 && p.stack[n-1].fam == tk.fam {
		top := &p.stack[n-1]
		if tk.lineStart && tk.line > top.line {
			// The same quotation re-opened at the start of the next line:
			// the multi-paragraph convention over a single newline.
			top.parts = append(top.parts, span.Of(p.text, top.partStart, trimEnd(p.text, top.partStart, p.lineEnd(tk.line-1))))
			top.partStart, top.line, top.lineStart = tk.pos, tk.line, true
			return
		}
		// Marks of one family seldom nest directly. They do when the
		// two marks of the same family that follow both close (“a “b” c”);
		// else the open one is stray and ends before this one.
		j := tk.nextSame
		if !(j >= 0 && toks[j].role != rOpen && toks[j].nextSame >= 0 && toks[toks[j].nextSame].role == rClose) {
			p.pop(p.strayEnd(top, tk.pos, tk.line), 0, false)
		}
	}
	if len(p.stack) >= p.cfg.maxDepth {
		return
	}
	p.push(tk)
}

func (p *parser) close(tk token) {
	i := p.find(tk.fam)
	if i < 0 && tk.fam.compat() != famNone {
		i = p.find(tk.fam.compat())
	}
	if i < 0 {
		return
	}
	if tk.ambig && tk.next >= 0 {
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
	ends := make([]int, 0, 8)
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
		q := Quote{
			Start: r.start, End: r.end, Text: t[r.start:r.end],
			Inner:  span.Of(t, r.openEnd, r.closeStart),
			Open:   t[r.start:r.openEnd],
			Close:  t[r.closeStart:r.end],
			Closed: r.closed,
			Parts:  r.parts,
			Depth:  len(ends),
		}
		ends = append(ends, r.end)
		out = append(out, q)
	}
	return out
}
