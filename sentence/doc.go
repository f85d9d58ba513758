// Package sentence splits English news text into paragraphs and sentences.
//
// It is the first stage of whosaid: quotation detection and attribution
// find their quotes, speakers and cues inside the sentences and paragraphs
// it returns.
//
// # Getting started
//
//	sents := sentence.Split(text)             // shared default Splitter
//	paras := sentence.Paragraphs(text, sents) // group them by paragraph
//	i := sentence.Locate(sents, offset)       // sentence of a byte offset
//
// or build a [Splitter] once with options, share it between goroutines,
// and call [Splitter.Split] or [Splitter.SplitParagraphs].
//
// # Offsets
//
// Every [Sentence] and [Paragraph] carries UTF-8 byte offsets into the
// caller's unmodified text, end exclusive, and its text as a substring, not
// a copy: text[s.Start:s.End] == s.Text. Sentences come in order, do not
// overlap, have no white space at either end, and only white space lies
// between two of them. Paragraph indexes start at 0 and grow by one from a
// paragraph to the next. [Locate], [LocateParagraph] and [Nearest] find the
// sentence or paragraph of a byte offset in O(log n). Empty or
// all-white-space text has no sentences (nil).
//
// White space is the ASCII space, tab, line feed, carriage return, vertical
// tab and form feed, and the Unicode spaces: no-break space (common in
// scraped news), the en quad to hair space, narrow no-break space, zero
// width space, line and paragraph separators, ideographic space and the
// byte order mark.
//
// # What ends a sentence
//
// A sentence ends at a full stop, question mark, exclamation mark or
// ellipsis followed by white space, when the next word does not start with a
// lower-case letter. Closing quote marks and brackets after the mark belong
// to the sentence they end ("“This is great.” She left." is two sentences,
// and "“This is great.” she said." one), and so do citation markers ("It
// grew.[12][13] The rest", "[citation needed]"). A full stop does not end a
// sentence after:
//
//   - a title or rank before a name (Mr., Dr., Sen., Gov., Gen., Rep.);
//   - an initial (Antony J. Blinken) unless a sentence opener follows;
//   - an abbreviation that may end a sentence (Inc., Co., Jr., Sept.,
//     Calif., etc.) or a multi-period one (U.S., E.U., J.F.K., a.m.), unless
//     the next word is a likely sentence opener (a pronoun, determiner,
//     conjunction, auxiliary, wh-word, a title, or a quote mark): "in the
//     U.S. How about you?" ends after "U.S.", "the U.S. Government" does
//     not, and neither does the fronted phrase "At 5 a.m. Mr. Smith went";
//   - an abbreviation written before a number (No. 2, p. 55), a date or a
//     measure (c. 1818, fl. 1200, b. 1756, art. 5, abt. 30);
//   - a list marker opening a sentence (1. 2.) a) •).
//
// A quoted question or exclamation followed by a name and a verb of saying
// stays one sentence ("“Why now?” Graham asked."). A quotation that holds
// several sentences is split into them; the quotation stage sees the raw
// text, so nothing is lost. Ellipses follow the usual conventions: " . . . "
// and " ... " inside a sentence are omissions, "word. . . . Next" ends the
// sentence after "word." and opens the next with the ellipsis, "[...]" is an
// omission.
//
// Some sentences end with no full stop. A dateline that opens a paragraph
// ("WASHINGTON (AP) —", "MANCHESTER, N.H. —", "New York (AFP) –") is a
// sentence of its own, as is a heading that a scrape ran into the quotation
// after it: a short capitalised phrase with no punctuation before a quoted
// sentence that ends with a comma and an inverted attribution ("Holding the
// bag “There is now a very important opportunity …,” Blinken said.").
//
// # Paragraphs
//
// A blank line (only white space between two line breaks) always ends a
// paragraph. By default ([LineBreaksAuto]) a single line break also ends
// one, unless the next line starts with a lower-case letter (a line wrapped
// inside a sentence): headlines, bylines and datelines on a line of their
// own are units of their own, and paragraphs never glue together. CRLF and
// lone CR line breaks count as line feeds. A paragraph opening with a list
// ("1. first 2. second", "• first • second") splits before each item.
//
// Where a single line break does not end a paragraph ([LineBreaksBlank],
// or a next line in lower case), a line that opens with a list marker (a
// bullet, "-", "*", "1.", "a)") after a line ending with a colon or full
// stop, or after another item, starts a sentence; and a heading line (a
// short capitalised line with no final punctuation, before a capitalised
// sentence, broken where the width of the text did not force it) is a
// paragraph of its own.
//
// # Word lists
//
// The titles, abbreviations, sentence openers and verbs of saying it
// consults are plain text files embedded in the binary and parsed once per
// process: the sentence openers under lexicon/, the abbreviations and verbs
// of saying in the module's one lexicon, which the attribution stage reads
// too. [WithTitles] and [WithAbbreviations] extend them
// for one Splitter.
//
// # Cost
//
// Split scans bytes once, with no regular expression, and allocates one
// slice per call. Every look-ahead and look-back is bounded, so the cost is
// linear in the input whatever it holds: 10 MB without a full stop or
// without white space, a page of quote marks, invalid UTF-8, NUL bytes.
package sentence
