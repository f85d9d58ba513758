// Package quote finds quotations in text: it pairs quote marks into
// quotations across sentences and paragraphs, in every common style, and
// tells speech from quoted words that are not speech.
//
// # Getting started
//
//	sents := sentence.Split(text)
//	for _, q := range quote.Detect(text, sents) {
//		if q.Kind == quote.Speech && q.Depth == 0 {
//			fmt.Println(q.Text)
//		}
//	}
//
// [Detect] uses a shared default [Detector]; build one with [New] and
// options such as [WithDialogueDash] or [WithMaxDepth] to change the
// defaults. A Detector is safe for concurrent use. Empty text returns no
// quotations; no input makes Detect panic, and its cost is linear in the
// length of the text. Beside the quotations it returns, its memory is a few
// dozen bytes per quotation found, not per quote mark read: a page of
// nothing but quote marks costs no more than a page of words.
//
// # Offsets
//
// Every [Quote] carries UTF-8 byte offsets into the caller's unmodified
// text, end exclusive: text[q.Start:q.End] == q.Text, and likewise for
// q.Inner and each of q.Parts. Quotations come sorted by Start, an outer
// one before those inside it, and never cross: two quotations are either
// disjoint or one holds the other, and Depth counts the quotations that
// hold it.
//
// # Marks
//
// The detector pairs
//
//   - curly double marks “ ”, and straight ones " (and two apostrophes for a
//     double mark) paired by context: an opening mark follows white space,
//     a bracket or a dash and precedes a word; a closing one follows a
//     word or punctuation and precedes white space or punctuation;
//   - single marks ‘ ’ and ', told apart from apostrophes: don’t, O’Brien,
//     ’90s, 'em, rock ’n’ roll, and the plural possessive of the Joneses’
//     dog, which closes a quotation only when no better closing mark
//     follows; two apostrophes before a word that an apostrophe shortens
//     ('Tis, 'em, 'cause) are a single opening mark and that word's
//     apostrophe;
//   - typewriter and TeX marks: two backticks open and two apostrophes
//     close a quotation, one of each a single one (a backtick between two
//     letters is an apostrophe; code in backticks is markup);
//   - « » and ‹ › (either way round), „ “ and „ ”, ‚ ‘, 「 」 and 『 』;
//   - with [WithDialogueDash], a line opened by a dash.
//
// Quotations nest to any depth the text uses (‘...’ inside “...” and the
// reverse); marks of one kind nest directly only when both following marks
// of that kind close (“a “b” c”).
//
// # Paragraphs and recovery
//
// A paragraph ends at a blank line. A quotation still open at the end of a
// paragraph and re-opened by a mark of its kind at the start of the next
// is one quotation (the news convention for a quotation over several
// paragraphs); Parts holds its pieces. The same holds across a single line
// break. A mark that never closes ends, at the latest, at the end of its
// paragraph: at the end of its line when it opened the line, else at the
// end of its sentence, or before the next opening mark of its kind that
// cannot nest in it; such a quotation has Closed false. Stray closing
// marks are ignored, and a mark does not reach past its paragraph, so a
// misplaced mark in a noisy scrape does not swallow the rest of the text.
// Quotations with no letter or digit inside are left out.
//
// # Speech or not
//
// Each quotation gets a [Kind], a Score (the confidence that it is speech)
// and a Reason. A quotation is [NotSpeech] when it is
//
//   - a name or title: capitalised words after a word that introduces a
//     name (the, of, on, called, dubbed, titled, known as, a possessive,
//     a year, a noun such as book or show), or a capitalised phrase of
//     several words that no verb of saying, colon or comma introduces
//     (a bipartisan “Grand Bargain”); headlines in title case are exempt;
//   - a nickname between the parts of a name (Robert C. “Bobby” Scott);
//   - a paragraph that is nothing but a quoted title (a heading);
//   - scare quotes after so-called;
//   - a pronoun talked about ("she" is a "he");
//   - a markup attribute value (author="jack"), code in backticks, or words
//     without letters;
//   - an attribution caught inside quote marks by a bad scrape (“the
//     official said, adding that ...”).
//
// Everything else is [Speech], including single quoted words of a speaker
// (a mixed quotation: described the talks as “serious”).
package quote
